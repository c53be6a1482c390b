"""Reading member files: the library's own export, a postcode → buurt table, CBS library members.

Each reads the file it is given, never a route. :func:`read_member_export`
**refuses a file with names or addresses** (routekit never stores them),
naming the column (:func:`routekit.area.members.refuse_personal_data`).

Examples
--------
>>> from pathlib import Path
>>> export = Path("leden-voorbeeld.csv")
>>> _ = export.write_text("Postcode;Aantal leden\\n1234 AB;10\\n", encoding="utf-8")
>>> members = read_member_export(export)
>>> members.table[["area_code", "level", "members"]].values.tolist(), members.unit
([['1234AB', 'pc6', 10.0]], 'persons')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.area.members import MemberCounts, column_key, find_column, refuse_personal_data
from routekit.area.segments import area_level, clean_code
from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.io import read_table

__all__ = ["read_library_members", "read_member_export", "read_postcode_table"]

_AREA_WORDS = ("postcode", "pc6", "pc4", "buurtcode", "buurt", "wijkcode", "wijk", "area_code",
               "gebiedscode", "regiocode", "code", "gebied")
_COUNT_WORDS = ("aantal leden", "leden", "aantal", "members", "count", "lid")
_HOUSEHOLD_WORDS = ("huishoudens", "lidhuishoudens", "member_households", "households")
_AGE_WORDS = ("leeftijdsgroep", "leeftijdscategorie", "leeftijdsklasse", "leeftijd", "age_group",
              "age")


def read_member_export(path: str | Path, *, rename: dict[str, str] | None = None
                       ) -> MemberCounts:
    """Read members per postcode-6, postcode-4, buurt or wijk from a library system's export.

    Parameters
    ----------
    path : str or Path
        CSV/Excel. One column with the area (``Postcode``, ``PC4``,
        ``Buurtcode`` ...), optionally a count (``Aantal leden``, ``Leden``;
        or ``Huishoudens`` for member households) and an age group
        (``Leeftijdsgroep``). Without a count column every row is one member.
    rename : mapping, optional
        The file's column names mapped to ``area_code``, ``members``, ``age_group``.

    Returns
    -------
    MemberCounts
        ``table``: ``area_code``, ``level`` (pc6/pc4/buurt/wijk), ``age_group``
        (or missing), ``members`` (float); ``unit`` is ``"persons"`` or
        ``"households"``.

    Raises
    ------
    TableError
        A column with names or addresses (refused, never read further), no
        area column, unknown area codes, negative counts -- file, row and field named.
    """
    file = display_name(path)
    raw = read_table(path, rename=rename)
    refuse_personal_data(raw, file)
    columns = list(raw.columns)
    area = "area_code" if "area_code" in columns else find_column(columns, _AREA_WORDS)
    if area is None:
        raise TableError(Problem(file, t("classify.members.no_area",
                                         found=", ".join(map(str, columns)))))
    households = "member_households" if "member_households" in columns else \
        find_column([c for c in columns if c != area], _HOUSEHOLD_WORDS)
    count = "members" if "members" in columns else households or find_column(
        [c for c in columns if c != area], _COUNT_WORDS)
    age = "age_group" if "age_group" in columns else find_column(
        [c for c in columns if c not in (area, count)], _AGE_WORDS)
    frame = read_table(path, rename=rename, numeric=[count] if count else [])
    codes = frame[area].map(clean_code, na_action="ignore")
    levels = codes.map(lambda c: area_level(c) if isinstance(c, str) else None)
    short = codes.str.fullmatch(r"\d{8}").fillna(False)  # CBS buurt code without "BU"
    codes, levels = codes.mask(short, "BU" + codes), levels.mask(short, "buurt")
    problems = [Problem(file, t("classify.members.bad_area", value=frame.at[i, area]),
                        row=i + 2, field=str(area))
                for i in frame.index[codes.notna() & levels.isna()]]
    values = frame[count].astype("float64") if count else pd.Series(1.0, index=frame.index)
    problems += [Problem(file, t("area.counts.negative", value=values[i]), row=i + 2,
                         field=str(count)) for i in frame.index[values < 0]]
    if problems:
        raise TableError(problems[:20])
    out = pd.DataFrame({"area_code": codes, "level": levels,
                        "age_group": frame[age] if age else None, "members": values})
    out = out.dropna(subset=["area_code"])
    out = (out.groupby(["area_code", "level", "age_group"], dropna=False, as_index=False,
                       sort=True)["members"].sum())
    return MemberCounts(out, "households" if count and count == households else "persons")


def read_postcode_table(path: str | Path) -> pd.DataFrame:
    """Read a postcode → buurt table (CBS "Buurt, wijk en gemeente per postcode", or your own).

    Accepts a postcode column (``PC6``, ``Postcode``, ``PC4``) and a buurt
    column (``Buurt2023``, ``Buurtcode``; 8-digit CBS numbers get ``BU``), and
    optionally a weight (``Aantal adressen``, ``Huishoudens``); without one,
    every row (address or postcode) counts once.

    Returns
    -------
    pandas.DataFrame
        ``postcode``, ``buurt``, ``weight``: one row per pair.
    """
    file = display_name(path)
    raw = read_table(path)
    columns = list(raw.columns)
    postcode = find_column(columns, ("pc6", "postcode", "pc4", "postcode6", "postcode4"))
    buurt = next((c for c in columns
                  if column_key(c).startswith("buurt") and "naam" not in column_key(c)),
                 None) or find_column(columns, ("bu code", "buurtcode", "buurt"))
    if postcode is None or buurt is None:
        raise TableError(Problem(file, t("classify.postcodes.columns",
                                         found=", ".join(map(str, columns)))))
    weight = find_column([c for c in columns if c not in (postcode, buurt)],
                   ("aantal adressen", "adressen", "huishoudens", "weight", "gewicht", "aantal"))
    frame = read_table(path, numeric=[weight] if weight else [])
    codes = frame[buurt].map(clean_code, na_action="ignore")
    codes = codes.mask(codes.str.fullmatch(r"\d{8}").fillna(False), "BU" + codes)
    out = pd.DataFrame({"postcode": frame[postcode].map(clean_code, na_action="ignore"),
                        "buurt": codes,
                        "weight": frame[weight].astype(float) if weight else 1.0})
    out = out.dropna(subset=["postcode", "buurt"])
    return out.groupby(["postcode", "buurt"], as_index=False, sort=True)["weight"].sum()


# --------------------------------------------------------------------------- CBS tables

_MEMBER_COLUMNS = {  # canonical name: words a column header must contain (case-insensitive)
    "area_code": (("regiocode",), ("codering",), ("wijkcode",), ("code",)),
    "area_name": (("regio",), ("wijken",), ("wijk",), ("gebied",)),
    "characteristic": (("kenmerk",), ("persoonskenmerk",), ("huishoudkenmerk",)),
    "population": (("inwoners",), ("personen",), ("huishoudens",), ("bevolking",)),
    "member_share": (("leden", "%"), ("aandeel", "leden"), ("percentage",)),
    "members": (("leden",), ("lidmaatschap",)),
    "year": (("perioden",), ("jaar",)),
}


def _match_member_columns(columns: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, alternatives in _MEMBER_COLUMNS.items():
        for words in alternatives:
            hit = next((c for c in columns if c not in found.values()
                        and all(w in c.casefold() for w in words)), None)
            if hit:
                found[name] = hit
                break
    return found


def read_library_members(path: str | Path) -> pd.DataFrame:
    """Read a CBS library-members table (members per wijk of a service area).

    Accepts the StatLine CSV/Excel layout of the national library-members data
    set: a region column (name and/or code), optionally a characteristic
    column (e.g. ``Totaal``, ``Man``, ``0 tot 12 jaar``), the population
    (inhabitants or households), members and/or the member percentage.
    Suppressed cells (``x``, ``.``) become missing values, never numbers.

    Returns
    -------
    pandas.DataFrame
        ``area_code``, ``area_name``, ``characteristic``, ``year``,
        ``population``, ``members``, ``penetration`` (members ÷ population,
        or the published percentage ÷ 100 when counts are suppressed),
        ``suppressed`` (True when a figure was hidden).

    Raises
    ------
    TableError
        When no region or no member column can be found (the columns found
        are listed).
    """
    file = display_name(path)
    head = read_table(path)
    names = _match_member_columns(list(head.columns))
    if not ({"area_code", "area_name"} & names.keys()) or not (
            {"members", "member_share"} & names.keys()):
        raise TableError(Problem(file, t("area.members_table.columns",
                                         found=", ".join(head.columns))))
    numeric = [names[c] for c in ("population", "members", "member_share") if c in names]
    frame = read_table(path, numeric=numeric)
    raw = head
    out = pd.DataFrame(index=frame.index)
    for name in ("area_code", "area_name", "characteristic", "year"):
        out[name] = frame[names[name]] if name in names else None
    out["area_code"] = out["area_code"].map(clean_code, na_action="ignore")
    for name in ("population", "members"):
        out[name] = frame[names[name]].astype("Float64") if name in names else pd.NA
    share = frame[names["member_share"]].astype("Float64") / 100 if "member_share" in names \
        else pd.Series(pd.NA, index=frame.index, dtype="Float64")
    counted = out["members"].astype("Float64") / out["population"].astype("Float64")
    out["penetration"] = counted.where(counted.notna(), share)
    markers = raw[numeric].isin(["x", "X", "."]).any(axis=1)
    out["suppressed"] = markers.to_numpy()
    return out
