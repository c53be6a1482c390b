"""The route's own areas from CBS data: its municipality, wijken and buurten.

A CBS file names every region it has (code, name, level). :func:`cut_to_municipality`
keeps the route's municipality (its gemeente, wijken and buurten) and the
national row as a reference, and refuses a file that holds another
municipality only, so nothing is mixed in silently. :func:`areas_from_table`
turns the region rows into route areas (``route.yaml`` ``areas``: wijken and
buurten with CBS code, name, kind and parent), which
:func:`routekit.area.stored.learn_areas` adds to a route, keeping what the user
already wrote (names, kinds, branches).

Examples
--------
>>> from routekit.area import read_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> kept = cut_to_municipality(figures, "GM9901")
>>> [a["code"] for a in areas_from_table(kept.table)][:2]
['WK990101', 'BU99010101']
"""

from __future__ import annotations

import pandas as pd

from routekit.errors import Problem, TableError
from routekit.i18n import t

__all__ = ["areas_from_table", "belongs_to", "check_municipality", "cut_to_municipality",
           "keep_municipality", "municipality_number"]


def municipality_number(code: str) -> str:
    """The four digits of a municipality code: ``"GM0344"`` → ``"0344"``."""
    return str(code).strip().upper().removeprefix("GM")


def belongs_to(codes: pd.Series | pd.Index, municipality: str) -> pd.Series:
    """True for CBS codes (GM/WK/BU) that lie in *municipality* (by their digits).

    Examples
    --------
    >>> belongs_to(pd.Index(["GM0344", "WK034401", "BU03080000", "NL00"]), "GM0344").tolist()
    [True, True, False, False]
    """
    text = pd.Series(codes, dtype="str").str.upper()
    cbs = text.str.fullmatch(r"GM\d{4}|WK\d{6}|BU\d{8}").fillna(False)
    return (cbs & (text.str[2:6] == municipality_number(municipality))).astype(bool)


def _municipalities(table: pd.DataFrame) -> list[str]:
    """The municipalities a table's rows lie in, as "Name (GMgggg)"."""
    codes = pd.Series(table.index, dtype="str")
    cbs = codes[codes.str.fullmatch(r"GM\d{4}|WK\d{6}|BU\d{8}").fillna(False)]
    numbers = sorted(cbs.str[2:6].unique())
    names = table["name"].where(table["level"] == "gemeente").dropna()
    out = []
    for number in numbers:
        code = f"GM{number}"
        out.append(f"{names[code]} ({code})" if code in names.index else code)
    return out


def check_municipality(table: pd.DataFrame, municipality: str, *, name: str = "",
                       source: str = "") -> pd.Series:
    """Which rows (CBS codes as index) lie in *municipality*; refuse a table with none.

    Raises
    ------
    TableError
        When no row lies in *municipality*; the message names the
        municipalities the table does hold.
    """
    own = belongs_to(table.index, municipality)
    if not own.any():
        others = _municipalities(table)
        found = ", ".join(others[:5]) + (" …" if len(others) > 5 else "")
        raise TableError(Problem(source, t(
            "import.other_municipality", municipality=f"{name} ({municipality})".strip(),
            found=found or t("import.no_cbs_codes"))))
    return own


def cut_to_municipality(figures, municipality: str, *, name: str = ""):
    """Keep the rows of *municipality* and the national row(s); refuse another municipality.

    Parameters
    ----------
    figures : KeyFigures
    municipality : str
        The route's municipality code, e.g. ``"GM0344"``.
    name : str, optional
        Its name, for the message.

    Returns
    -------
    KeyFigures
        A copy with only the municipality's gemeente, wijk and buurt rows and
        the rows of the whole country (level ``land``).

    Raises
    ------
    TableError
        When the file holds no region of *municipality* (see :func:`check_municipality`).
    """
    from dataclasses import replace

    table = figures.table
    own = check_municipality(table, municipality, name=name, source=figures.source).to_numpy()
    keep = own | (table["level"] == "land").to_numpy()
    return replace(figures, table=table[keep].copy())


def keep_municipality(table: pd.DataFrame, municipality: str, *, name: str = "",
                      source: str = "") -> pd.DataFrame:
    """Rows of *municipality* and rows without a CBS code (postcodes, own area names).

    Refuses (see :func:`check_municipality`) a table whose CBS codes all lie elsewhere.
    """
    cbs = pd.Series(table.index, dtype="str").str.fullmatch(r"GM\d{4}|WK\d{6}|BU\d{8}")
    cbs = cbs.fillna(False).to_numpy()
    if not cbs.any():
        return table
    check_municipality(table[cbs], municipality, name=name, source=source)
    return table[~cbs | belongs_to(table.index, municipality).to_numpy()]


def areas_from_table(table: pd.DataFrame) -> list[dict]:
    """Route areas (``code``, ``name``, ``kind``, ``parent``) of the wijk and buurt rows.

    The parent is the table's ``parent`` column where it has one, else what
    the CBS code implies (a buurt's wijk, a wijk's gemeente). Order: each wijk
    followed by its buurten.
    """
    from routekit.area.segments import area_level, implied_parent

    rows = table[table["level"].isin(["wijk", "buurt"])]
    codes = pd.Series(rows.index, index=rows.index, dtype="str")
    implied = implied_parent(codes, codes.map(area_level))
    given = rows["parent"] if "parent" in rows.columns else pd.Series(None, index=rows.index)
    areas = []
    for code, row in rows.iterrows():
        parent = given[code] if isinstance(given[code], str) else implied[code]
        areas.append({"code": code, "name": row["name"] or code, "kind": row["level"],
                      "parent": parent})
    wijk_of = {a["code"]: (a["parent"] if a["kind"] == "buurt" else a["code"]) or ""
               for a in areas}
    return sorted(areas, key=lambda a: (wijk_of[a["code"]], a["kind"] != "wijk", a["code"]))
