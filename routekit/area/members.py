"""Members from the library's own export: per postcode or buurt, linked to buurten and open classes.

A library system exports member counts (or one row per member with only a
postcode) per postcode-6, postcode-4 or CBS buurt/wijk code, sometimes with an
age group. :func:`routekit.area.files.read_member_export` reads the usual Dutch
CSV/Excel shapes and **refuses a file with names or addresses**
(:func:`refuse_personal_data`: routekit never stores them), naming the column;
:func:`routekit.area.files.read_postcode_table` reads a postcode → buurt table
(CBS publishes one per year: "Buurt, wijk en gemeente per postcode").
:func:`members_per_buurt` links the members to buurten. A postcode that lies
in more than one buurt is split by the table's rows (addresses) or a weight
column; a wijk's members are split over its buurten by households -- both are
estimates, marked as such.

:func:`buurt_reach` gives reach per buurt (members ÷ inhabitants, or ÷
households when the export counts member households) and :func:`class_reach`
through the open classification per group or type: the "welke mensen mis
je?" ranking without licensed data (``missed = population × overall reach −
members``, as :func:`routekit.area.under_reached`).

Examples
--------
>>> members = MemberCounts(pd.DataFrame({"area_code": ["1234AB", "1234AC"], "members": [10, 5]}))
>>> postcodes = pd.DataFrame({"postcode": ["1234AB", "1234AC"],
...                           "buurt": ["BU00010001", "BU00010002"], "weight": [1.0, 1.0]})
>>> members_per_buurt(members, postcodes).table["members"].tolist()
[10.0, 5.0]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from routekit.area.reach import SegmentReach
from routekit.area.segments import area_level
from routekit.errors import Problem, TableError
from routekit.i18n import t

__all__ = ["PERSONAL_WORDS", "AgeReach", "BuurtReach", "MemberCounts", "age_band", "age_reach",
           "buurt_reach", "class_reach", "column_key", "find_column", "members_per_buurt",
           "open_member_households", "refuse_personal_data"]

#: Column words that mean names or addresses (or other personal data): such a file is refused.
PERSONAL_WORDS = ("naam", "name", "voornaam", "voornamen", "achternaam", "roepnaam",
                  "tussenvoegsel", "voorletters",
                  "initialen", "straat", "street", "adres", "address", "huisnummer", "huisnr",
                  "toevoeging", "email", "e-mail", "mail", "telefoon", "phone", "mobiel",
                  "geboortedatum", "birth", "bsn", "pasnummer", "lenersnummer", "klantnummer",
                  "lidnummer", "woonplaats")
_ADDRESS = re.compile(r"^[^\d\W][\w .'\-]+\s\d+\s?[a-zA-Z]?$")
@dataclass(frozen=True)
class MemberCounts:
    """Members per area (``table``), counted as ``unit`` (``"persons"`` or
    ``"households"``); ``unlinked``: members whose area could not be linked to a buurt."""

    table: pd.DataFrame
    unit: str = "persons"
    unlinked: float = 0.0


@dataclass(frozen=True)
class AgeReach:
    """Reach per CBS age band (``table``), and the export's age groups that are no CBS
    band (``unmatched``, not counted)."""

    table: pd.DataFrame
    unmatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class BuurtReach:
    """Reach per buurt (``table``), with what the lines about it need: the ``unit``
    counted, members in buurten outside the areas (``outside``), members not linked to a
    buurt (``unlinked``) and, when the export has age groups, reach per age band."""

    table: pd.DataFrame
    unit: str = "persons"
    outside: float = 0.0
    unlinked: float = 0.0
    ages: AgeReach | None = None

    def with_ages(self, ages: AgeReach | None) -> BuurtReach:
        """The same reach with *ages* added."""
        return replace(self, ages=ages)


def column_key(name: object) -> str:
    """A column name as compared: case-folded, spaces and underscores as one space."""
    return re.sub(r"[\s_]+", " ", str(name).strip().casefold())


def find_column(columns: list[str], words: tuple[str, ...]) -> str | None:
    """The column whose name is one of *words* (in order), else the first holding one."""
    keys = {c: column_key(c) for c in columns}
    for word in words:  # exact header first, then a header containing the word
        hit = next((c for c, k in keys.items() if k == word), None)
        if hit:
            return hit
    for word in words:
        hit = next((c for c, k in keys.items() if word in k.split()), None)
        if hit:
            return hit
    return None


def refuse_personal_data(frame: pd.DataFrame, file: str) -> None:
    """Raise when *frame* holds names or addresses (by header, or by street-address values).

    Raises
    ------
    TableError
        Naming the column, in the user's language.

    Examples
    --------
    >>> refuse_personal_data(pd.DataFrame({"Postcode": ["1234AB"], "Naam": ["J. Jansen"]}),
    ...                      "leden.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    routekit.errors.TableError: leden.csv, rij 1, veld Naam: dit bestand bevat namen of adressen ...
    """
    problems = []
    for column in frame.columns:
        if any(w in column_key(column) for w in ("buurt", "wijk", "gemeente", "regio", "gebied")):
            continue  # "Buurtnaam", "Naam wijk": names of areas, not of people
        words = re.split(r"[\s_\-./]+", column_key(column))
        joined = column_key(column).replace(" ", "").replace("-", "")
        long_hit = any(len(w) >= 5 and w in joined for w in PERSONAL_WORDS) \
            and "adressen" not in joined  # "Aantal adressen" is a count
        if long_hit or any(w in PERSONAL_WORDS for w in words):
            problems.append(Problem(file, t("classify.members.personal", column=column), row=1,
                                    field=str(column)))
            continue
        values = frame[column].dropna().astype(str).str.strip()
        if len(values) and values.str.match(_ADDRESS).mean() > 0.5 \
                and not values.str.fullmatch(r"\d{4}\s?[A-Za-z]{2}").any():
            problems.append(Problem(file, t("classify.members.address", column=column),
                                    field=str(column)))
    if problems:
        raise TableError(problems)


def members_per_buurt(members: MemberCounts, postcodes: pd.DataFrame | None = None, *,
                      households: pd.Series | None = None) -> MemberCounts:
    """Members per buurt (and age group), from members per postcode, buurt or wijk.

    Parameters
    ----------
    members : MemberCounts
        As :func:`read_member_export` gives it (table: ``area_code``, ``members``,
        optional ``level`` and ``age_group``).
    postcodes : pandas.DataFrame, optional
        As :func:`read_postcode_table` gives it; needed for postcodes. Members
        per postcode-4 are linked through the postcode-6 rows of the table
        when it has no postcode-4 codes.
    households : pandas.Series, optional
        Households per buurt code; needed to split members per wijk.

    Returns
    -------
    MemberCounts
        ``table``: ``buurt``, ``age_group``, ``members`` (float), ``estimated``
        (True where a postcode or wijk was split over buurten); ``unlinked``
        (members whose area could not be linked) and the export's ``unit``.

    Raises
    ------
    TableError
        When postcodes need a postcode table and none is given (Dutch message).
    """
    unit = members.unit
    members = members.table.copy()
    if "level" not in members:
        members["level"] = members["area_code"].map(area_level)
    if "age_group" not in members:
        members["age_group"] = None
    parts, unlinked = [], 0.0
    direct = members[members["level"] == "buurt"]
    parts.append(direct.assign(buurt=direct["area_code"], share=1.0))
    coded = members[members["level"].isin(["pc6", "pc4"])]
    if len(coded):
        if postcodes is None:
            raise TableError(Problem("", t("classify.postcodes.needed")))
        for level, length in (("pc6", 6), ("pc4", 4)):
            rows = coded[coded["level"] == level]
            if not len(rows):
                continue
            table = postcodes.assign(postcode=postcodes["postcode"].str[:length])
            table = table.groupby(["postcode", "buurt"], as_index=False)["weight"].sum()
            table = table.assign(share=table["weight"]
                                 / table.groupby("postcode")["weight"].transform("sum"))
            linked = rows.merge(table, left_on="area_code", right_on="postcode", how="left")
            unlinked += float(linked.loc[linked["buurt"].isna(), "members"].sum())
            parts.append(linked.dropna(subset=["buurt"]))
    wijken = members[members["level"] == "wijk"]
    if len(wijken):
        if households is None:
            unlinked += float(wijken["members"].sum())
        else:
            hh = households[households.index.str.startswith("BU")]
            table = pd.DataFrame({"buurt": hh.index, "wijk": "WK" + hh.index.str[2:8],
                                  "weight": hh.to_numpy(float)})
            table = table.assign(share=table["weight"]
                                 / table.groupby("wijk")["weight"].transform("sum"))
            linked = wijken.merge(table, left_on="area_code", right_on="wijk", how="left")
            unlinked += float(linked.loc[linked["buurt"].isna(), "members"].sum())
            parts.append(linked.dropna(subset=["buurt"]))
    unlinked += float(members.loc[members["level"].isna(), "members"].sum())
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.assign(members=frame["members"] * frame["share"],
                         estimated=frame["share"] < 1)
    out = frame.groupby(["buurt", "age_group"], dropna=False, as_index=False, sort=True).agg(
        members=("members", "sum"), estimated=("estimated", "any"))
    return MemberCounts(out, unit, unlinked)


def buurt_reach(linked: MemberCounts, areas: pd.DataFrame, *, unit: str | None = None
                ) -> BuurtReach:
    """Reach per buurt: members ÷ inhabitants (or ÷ households for member households).

    Parameters
    ----------
    linked : MemberCounts
        From :func:`members_per_buurt`.
    areas : pandas.DataFrame
        Per buurt (indexed by code): ``name``, ``inhabitants``, ``households``
        and, for :func:`class_reach`, ``group`` and ``type`` (the
        ``areas`` of a :class:`~routekit.area.classify.Classification`).
    unit : {"persons", "households"}, optional
        Default: ``linked.unit``.

    Returns
    -------
    BuurtReach
        ``table`` indexed by buurt: the *areas* columns, ``population``,
        ``members``, ``reach`` (0–1, NaN without population).
    """
    unit = unit or linked.unit
    counts = linked.table.groupby("buurt")["members"].sum()
    out = areas.copy()
    out["population"] = out["households" if unit == "households" else "inhabitants"]
    out["members"] = counts.reindex(out.index).fillna(0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["reach"] = (out["members"] / out["population"]).where(out["population"] > 0)
    return BuurtReach(out, unit, outside=float(counts[~counts.index.isin(out.index)].sum()),
                      unlinked=linked.unlinked)


def class_reach(reach: BuurtReach, scheme: pd.DataFrame, *, level: str = "group"
                ) -> SegmentReach:
    """Reach per open group or type, ranked by the members the library misses, largest first.

    Parameters
    ----------
    reach : BuurtReach
        From :func:`buurt_reach` (buurten without a class are left out).
    scheme : pandas.DataFrame
        The scheme table (indexed by code, with ``level`` and ``name``).
    level : {"group", "type"}

    Returns
    -------
    SegmentReach
        ``table`` indexed by segment: ``name``, ``population``, ``members``,
        ``reach``, ``index`` (reach ÷ overall reach × 100), ``missed``
        (population × overall reach − members), ``rank`` (1 = most missed);
        ``overall`` the overall reach.
    """
    done = reach.table[reach.table[level].fillna("") != ""]
    sums = done.groupby(level)[["population", "members"]].sum()
    codes = scheme.index[scheme["level"] == level]
    sums = sums.reindex(codes).fillna(0.0)
    overall = sums["members"].sum() / sums["population"].sum() if sums["population"].sum() \
        else np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = (sums["members"] / sums["population"]).where(sums["population"] > 0)
    out = pd.DataFrame({"name": scheme.loc[codes, "name"], "population": sums["population"],
                        "members": sums["members"], "reach": rate, "index": 100 * rate / overall,
                        "missed": sums["population"] * overall - sums["members"]})
    out = out.sort_values("missed", ascending=False, kind="stable")
    out["rank"] = np.arange(1, len(out) + 1)
    out.index.name = "segment"
    return SegmentReach(out, float(overall))


_BANDS = {(0, 14): "0-14", (15, 24): "15-24", (25, 44): "25-44", (45, 64): "45-64",
          (65, None): "65+"}
_BAND_VARIABLES = {"0-14": "age_0_14", "15-24": "age_15_24", "25-44": "age_25_44",
                   "45-64": "age_45_64", "65+": "age_65_plus"}


def age_band(label: object) -> str | None:
    """The CBS age band (``0-14`` ... ``65+``) a member export's age group is, else None.

    Examples
    --------
    >>> [age_band(x) for x in ("0-14", "0 tot 15 jaar", "15 t/m 24", "65+", "65 jaar of ouder",
    ...                        "0-12")]
    ['0-14', '0-14', '15-24', '65+', '65+', None]
    """
    text = str(label).casefold()
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if not numbers:
        return None
    if "+" in text or "ouder" in text or "older" in text:
        return _BANDS.get((numbers[0], None))
    if len(numbers) < 2:
        return None
    low, high = numbers[0], numbers[1] - (1 if "tot" in text and "t/m" not in text else 0)
    return _BANDS.get((low, high))


def age_reach(linked: MemberCounts, figures: pd.DataFrame) -> AgeReach:
    """Reach per CBS age band: members of the band ÷ inhabitants of the band in the buurten.

    Parameters
    ----------
    linked : MemberCounts
        From :func:`members_per_buurt`, with ``age_group``.
    figures : pandas.DataFrame
        Key figures per buurt (indexed by code) with ``age_0_14`` ... ``age_65_plus``;
        the inhabitants are summed over its buurten.

    Returns
    -------
    AgeReach
        ``table`` indexed by band: ``members``, ``inhabitants``, ``reach``;
        ``unmatched`` the export's age groups that are no CBS band (not counted).
    """
    linked = linked.table
    bands = linked["age_group"].map(age_band, na_action="ignore")
    members = linked.assign(band=bands).groupby("band")["members"].sum()
    buurten = figures[figures["level"] == "buurt"] if "level" in figures else figures
    rows = []
    for band, variable in _BAND_VARIABLES.items():
        if band in members.index and variable in buurten:
            inhabitants = float(buurten[variable].sum())
            rows.append({"band": band, "members": float(members[band]),
                         "inhabitants": inhabitants,
                         "reach": members[band] / inhabitants if inhabitants else np.nan})
    out = pd.DataFrame(rows, columns=["band", "members", "inhabitants", "reach"]
                       ).set_index("band")
    unmatched = sorted({str(g) for g, b in zip(linked["age_group"], bands, strict=True)
                        if pd.notna(g) and pd.isna(b)})
    return AgeReach(out, tuple(unmatched))


def open_member_households(linked: MemberCounts, areas: pd.DataFrame) -> pd.DataFrame:
    """Member households per buurt and open type: the form the reach stage reads.

    Member persons are counted in households of the buurt (members ×
    households ÷ inhabitants), so the stage's penetration is the share of
    inhabitants who are members.

    Parameters
    ----------
    linked : MemberCounts
        From :func:`members_per_buurt`.
    areas : pandas.DataFrame
        The classified buurten (indexed by code): ``type``, ``inhabitants``, ``households``.

    Returns
    -------
    pandas.DataFrame
        ``area_code``, ``segment_code``, ``member_households`` (rounded to 0.01).
    """
    counts = linked.table.groupby("buurt")["members"].sum()
    done = areas[(areas["type"].fillna("") != "") & areas.index.isin(counts.index)]
    members = counts.reindex(done.index).to_numpy(float)
    if linked.unit != "households":
        with np.errstate(invalid="ignore", divide="ignore"):
            factor = np.where(done["inhabitants"] > 0,
                              done["households"] / done["inhabitants"], 0.0)
        members = members * np.nan_to_num(factor)
    return pd.DataFrame({"area_code": done.index, "segment_code": done["type"].to_numpy(),
                         "member_households": np.round(members, 2)})
