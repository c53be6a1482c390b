"""What the area analysis can show with what a route has: CBS figures only is enough to start.

Each function takes the figures (:class:`~routekit.area.cbs.KeyFigures`, or None
while the route has none; read them with :func:`routekit.area.stored.route_figures`):

* :func:`area_choices` -- wijken and buurten to pick from (names, not codes);
* :func:`status_lines` -- what the route's area data hold, in plain words;
* :func:`comparison_table` -- the wijken side by side (inhabitants, ages, households);
* :func:`household_table` -- the households of one area by kind.

Examples
--------
>>> from routekit.area.stored import route_figures
>>> from routekit.workspace import Route
>>> figures = route_figures(Route.open("data/sample-route"))
>>> area_choices(figures)[0]
('Wijk 01 Centrum (wijk)', 'WK990101')
>>> list(comparison_table(figures).columns[:3])
['Gebied', 'Inwoners', 'Huishoudens']
>>> household_table(figures, "WK990101")["Soort huishouden"].tolist()
['Eenpersoonshuishoudens', 'Meerpersoons, zonder kinderen', 'Met kinderen']
"""

from __future__ import annotations

import pandas as pd

from routekit.i18n import t

__all__ = ["area_choices", "comparison_table", "household_table", "status_lines"]


def _areas(figures, levels) -> pd.DataFrame:
    table = figures.table
    parts = [table[table["level"] == level] for level in levels]
    return pd.concat(parts) if parts else table.iloc[:0]


def area_choices(figures, levels=("wijk", "buurt")) -> list[tuple[str, str]]:
    """(label, code) of the areas at *levels*, for a picker: "Binnenstad (wijk)".

    Wijken come first, then buurten, each in the order of the file.
    """
    if figures is None:
        return []
    rows = _areas(figures, levels)
    return [(f"{row['name']} ({t('area.level.' + row['level'])})", code)
            for code, row in rows.iterrows()]


def status_lines(figures, data=None, *, boundaries: bool = False) -> list[str]:
    """What the route's area data hold, as sentences in the user's language.

    Parameters
    ----------
    figures : KeyFigures or None
    data : SegmentData, optional
        The segment data, when the route has them.
    boundaries : bool
        Whether the route has a boundary map.
    """
    lines = []
    if figures is not None:
        counts = figures.level_counts()
        levels = ", ".join(t(f"guide.count.{lv}", count=int(counts[lv]))
                           for lv in ("gemeente", "wijk", "buurt") if lv in counts)
        lines.append(t("guide.area.status", count=len(figures.table), levels=levels,
                       year=figures.year) if figures.year else
                     t("guide.area.status_no_year", count=len(figures.table), levels=levels))
    if data is not None:
        households = _dutch(data.households.sum())
        if data.members is not None:
            lines.append(t("guide.area.segments_status", areas=len(data.codes),
                           groups=len(data.scheme.groups), types=len(data.types),
                           households=households, members=_dutch(data.members.sum())))
        else:
            lines.append(t("guide.area.segments_no_members", areas=len(data.codes),
                           groups=len(data.scheme.groups), types=len(data.types),
                           households=households))
    if boundaries:
        lines.append(t("guide.area.boundaries_status"))
    return lines or [t("guide.area.no_status")]


def _dutch(value: float) -> str:
    return f"{int(round(float(value))):,}".replace(",", ".")


def _whole(values: pd.Series) -> pd.Series:
    """Rounded to whole numbers (shown as 1.234, not 1.234,00); missing stays missing."""
    return values.astype(float).round(0).astype("Int64")


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return _whole(100 * part / whole.where(whole > 0))


def comparison_table(figures, level: str = "wijk") -> pd.DataFrame:
    """The areas at *level* side by side, the municipality last, with Dutch column names.

    Columns (those the figures have): area, inhabitants, households, % aged 0–14,
    % aged 65 or over, % one-person households, % households with children,
    average household size. Empty when *figures* is None.
    """
    if figures is None:
        return pd.DataFrame()
    rows = _areas(figures, (level, "gemeente"))
    columns = {t("guide.col.area"): rows["name"]}
    have = rows.columns
    for name in ("inhabitants", "households"):
        if name in have:
            columns[t(f"guide.col.{name}")] = _whole(rows[name])
    if "inhabitants" in have:
        for name in ("age_0_14", "age_65_plus"):
            if name in have:
                columns[t(f"guide.col.{name}")] = _share(rows[name], rows["inhabitants"])
    if "households" in have:
        for name, key in (("one_person_households", "one_person"),
                          ("households_with_children", "with_children")):
            if name in have:
                columns[t(f"guide.col.{key}")] = _share(rows[name], rows["households"])
    if "household_size" in have:
        columns[t("guide.col.household_size")] = rows["household_size"]
    return pd.DataFrame(columns).reset_index(drop=True)


def household_table(figures, area: str) -> pd.DataFrame:
    """Households of *area* by kind (one-person, without children, with children) and share.

    Empty when the figures hold no household kinds for the area.
    """
    kinds = [("one_person_households", "one_person"),
             ("households_without_children", "without_children"),
             ("households_with_children", "with_children")]
    columns = [t("guide.col.kind"), t("guide.col.count"), t("guide.col.share")]
    if figures is None or area not in figures.table.index:
        return pd.DataFrame(columns=columns)
    row = figures.table.loc[area]
    present_kinds = [(name, key) for name, key in kinds
                     if name in row.index and pd.notna(row[name])]
    counts = pd.Series([float(row[name]) for name, _ in present_kinds], dtype=float)
    total = counts.sum()
    return pd.DataFrame({
        columns[0]: [t(f"guide.household.{key}") for _, key in present_kinds],
        columns[1]: _whole(counts),
        columns[2]: _whole(100 * counts / total) if total else _whole(counts * float("nan")),
    })
