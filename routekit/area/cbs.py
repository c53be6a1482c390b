"""CBS "Kerncijfers wijken en buurten" in every form users have them, through one mapping.

Three real formats are read:

``kwb``
    The Excel/CSV download with short codes (``gwb_code_10``, ``regio``,
    ``recs``, ``a_inw``, ``a_00_14``, ``a_hh``, ``g_ink_po`` ...).
``statline``
    The StatLine CSV export: ``;``, UTF-8 with BOM, descriptive hierarchical
    headers such as ``Regioaanduiding/Gemeentenaam (naam)`` or
    ``Bevolking/Leeftijdsgroepen/0 tot 15 jaar (aantal)``; ``.`` = missing.
``odata``
    The OData table as ``cbsodata`` returns it (saved as CSV, Excel or JSON):
    names with a year-specific suffix (``AantalInwoners_5``), region fields
    padded with spaces (``SoortRegio_2 = "Buurt     "``). Names are matched
    without the suffix, so every year's table works.

A route keeps every imported CBS table side by side, one file per table and
year in ``area/cbs/`` (``kerncijfers-2023.csv``, ``nabijheid-2023.csv`` ...; see
:mod:`routekit.area.cbs_tables`); :func:`routekit.area.stored.route_key_figures`
reads them all, merged on area code, and is the one way to read a route's figures.

:data:`VARIABLES` is the one mapping of each format's names to routekit's
own (see :func:`mapping_table`). Suppressed or unknown figures (``.``, ``x``,
numbers ≤ −99990) become missing values, never numbers. Where a table gives
percentages instead of counts (StatLine headers ending in ``(%)``; OData age
or household groups that add up to 100, as from the 2024 table on), counts
are derived from the total they are a share of and listed in ``derived``.

Reading a file: :func:`routekit.area.files.read_key_figures`.

Examples
--------
>>> from routekit.area.files import read_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> figures.format, int(figures.table.loc["GM9901", "inhabitants"])
('kwb', 64741)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.area.segments import clean_code
from routekit.errors import Problem, TableError
from routekit.i18n import t
from routekit.io import (
    MISSING_MARKERS,
    SUPPRESSED_AT_OR_BELOW,
    to_number,
)

__all__ = ["AGE_GROUPS", "REGION_FIELDS", "TABLE_YEARS", "VARIABLES", "KeyFigures",
           "TOPICS", "detect_format", "header_names", "mapping_table", "parse_key_figures",
           "unique_names"]

#: (routekit name, kwb code, StatLine label, OData name without suffix, unit, share of).
#: ``unit``: count, percent, mean, km, ha, code. ``share of``: the total a count
#: is a part of (used to derive counts from percentages).
VARIABLES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("inhabitants", "a_inw", "Aantal inwoners", "AantalInwoners", "count", ""),
    ("men", "a_man", "Mannen", "Mannen", "count", "inhabitants"),
    ("women", "a_vrouw", "Vrouwen", "Vrouwen", "count", "inhabitants"),
    ("age_0_14", "a_00_14", "0 tot 15 jaar", "k_0Tot15Jaar", "count", "inhabitants"),
    ("age_15_24", "a_15_24", "15 tot 25 jaar", "k_15Tot25Jaar", "count", "inhabitants"),
    ("age_25_44", "a_25_44", "25 tot 45 jaar", "k_25Tot45Jaar", "count", "inhabitants"),
    ("age_45_64", "a_45_64", "45 tot 65 jaar", "k_45Tot65Jaar", "count", "inhabitants"),
    ("age_65_plus", "a_65_oo", "65 jaar of ouder", "k_65JaarOfOuder", "count", "inhabitants"),
    ("households", "a_hh", "Huishoudens totaal", "HuishoudensTotaal", "count", ""),
    ("one_person_households", "a_1p_hh", "Eenpersoonshuishoudens", "Eenpersoonshuishoudens",
     "count", "households"),
    ("households_without_children", "a_hh_z_k", "Huishoudens zonder kinderen",
     "HuishoudensZonderKinderen", "count", "households"),
    ("households_with_children", "a_hh_m_k", "Huishoudens met kinderen",
     "HuishoudensMetKinderen", "count", "households"),
    ("household_size", "g_hhgro", "Gemiddelde huishoudensgrootte",
     "GemiddeldeHuishoudensgrootte", "mean", ""),
    ("density", "bev_dich", "Bevolkingsdichtheid", "Bevolkingsdichtheid", "mean", ""),
    ("dwellings", "a_woning", "Woningvoorraad", "Woningvoorraad", "count", ""),
    ("woz_value", "g_wozbag", "Gemiddelde WOZ-waarde van woningen",
     "GemiddeldeWOZWaardeVanWoningen", "mean", ""),
    ("owner_occupied_pct", "p_koopw", "Koopwoningen", "Koopwoningen", "percent", ""),
    ("rented_pct", "p_huurw", "Huurwoningen totaal", "HuurwoningenTotaal", "percent", ""),
    ("education_low", "a_opl_lg", "Opleidingsniveau laag", "OpleidingsniveauLaag", "count", ""),
    ("education_middle", "a_opl_md", "Opleidingsniveau middelbaar",
     "OpleidingsniveauMiddelbaar", "count", ""),
    ("education_high", "a_opl_hg", "Opleidingsniveau hoog", "OpleidingsniveauHoog", "count", ""),
    ("income_per_recipient", "g_ink_po", "Gemiddeld inkomen per inkomensontvanger",
     "GemiddeldInkomenPerInkomensontvanger", "mean", ""),
    ("income_per_inhabitant", "g_ink_pi", "Gemiddeld inkomen per inwoner",
     "GemiddeldInkomenPerInwoner", "mean", ""),
    ("low_income_persons_pct", "p_ink_li", "40% personen met laagste inkomen",
     "k_40PersonenMetLaagsteInkomen", "percent", ""),
    ("high_income_persons_pct", "p_ink_hi", "20% personen met hoogste inkomen",
     "k_20PersonenMetHoogsteInkomen", "percent", ""),
    ("low_income_households_pct", "p_hh_li", "40% huishoudens met laagste inkomen",
     "k_40HuishoudensMetLaagsteInkomen", "percent", ""),
    ("high_income_households_pct", "p_hh_hi", "20% huishoudens met hoogste inkomen",
     "k_20HuishoudensMetHoogsteInkomen", "percent", ""),
    ("distance_gp_km", "g_afs_hp", "Afstand tot huisartsenpraktijk",
     "AfstandTotHuisartsenpraktijk", "km", ""),
    ("distance_school_km", "g_afs_sc", "Afstand tot school", "AfstandTotSchool", "km", ""),
    ("distance_library_km", "", "Afstand tot bibliotheek", "AfstandTotBibliotheek", "km", ""),
    ("area_ha", "a_opp_ha", "Oppervlakte totaal", "OppervlakteTotaal", "ha", ""),
    ("land_ha", "a_lan_ha", "Oppervlakte land", "OppervlakteLand", "ha", ""),
    ("water_ha", "a_wat_ha", "Oppervlakte water", "OppervlakteWater", "ha", ""),
    ("urbanity", "ste_mvs", "Mate van stedelijkheid", "MateVanStedelijkheid", "code", ""),
    ("address_density", "ste_oad", "Omgevingsadressendichtheid", "Omgevingsadressendichtheid",
     "mean", ""),
)

#: Topic of each variable, as the import summary names it (``import.topic.<topic>``).
TOPICS = {"inhabitants": "inhabitants", "men": "sex", "women": "sex",
          **dict.fromkeys(("age_0_14", "age_15_24", "age_25_44", "age_45_64", "age_65_plus"),
                          "age"),
          **dict.fromkeys(("households", "one_person_households", "households_without_children",
                           "households_with_children"), "households"),
          "household_size": "household_size", "density": "density",
          **dict.fromkeys(("dwellings", "woz_value", "owner_occupied_pct", "rented_pct"),
                          "housing"),
          **dict.fromkeys(("education_low", "education_middle", "education_high"), "education"),
          **dict.fromkeys(("income_per_recipient", "income_per_inhabitant",
                           "low_income_persons_pct", "high_income_persons_pct",
                           "low_income_households_pct", "high_income_households_pct"), "income"),
          "distance_gp_km": "distance_gp", "distance_school_km": "distance_school",
          "distance_library_km": "distance_library",
          **dict.fromkeys(("area_ha", "land_ha", "water_ha"), "surface"),
          "urbanity": "urbanity", "address_density": "urbanity"}

#: Region fields per format: (routekit name, kwb code, StatLine label, OData name).
REGION_FIELDS = (
    ("code", "gwb_code_10", "Codering", "Codering"),
    ("name", "regio", "Wijken en buurten", "WijkenEnBuurten"),
    ("municipality", "gm_naam", "Gemeentenaam", "Gemeentenaam"),
    ("level", "recs", "Soort regio", "SoortRegio"),
    ("year", "jaar", "Perioden", "Perioden"),
)

#: Age groups of the key figures, young to old, with their display labels.
AGE_GROUPS = {"age_0_14": "0-14", "age_15_24": "15-24", "age_25_44": "25-44",
              "age_45_64": "45-64", "age_65_plus": "65+"}

#: OData table id → year of the Kerncijfers wijken en buurten.
TABLE_YEARS = {"84583NED": 2019, "84799NED": 2020, "85039NED": 2021, "85318NED": 2022,
               "85618NED": 2023, "85984NED": 2024}

#: Other names of the region fields in real downloads (StatLine's newer exports).
_REGION_ALIASES = {"regiocode (gemeente, wijk, buurt)": "code", "regiocode": "code",
                   "regio's": "name", "regionaam": "name", "gemeentenaam (naam)": "municipality"}

_LEVELS = {"gemeente": "gemeente", "wijk": "wijk", "buurt": "buurt", "land": "land",
           "nederland": "land"}
_SUFFIX = re.compile(r"_\d+$")
_UNIT = re.compile(r"\s*\(([^)]*)\)\s*$")


def mapping_table() -> pd.DataFrame:
    """The variable mapping as a table (for documentation and the notebook).

    Examples
    --------
    >>> mapping_table().loc["inhabitants", "odata"]
    'AantalInwoners'
    """
    return pd.DataFrame(VARIABLES, columns=["name", "kwb", "statline", "odata", "unit",
                                            "share_of"]).set_index("name")


@dataclass
class KeyFigures:
    """Key figures per region in routekit's names, with what was recognised.

    Attributes
    ----------
    table : pandas.DataFrame
        Indexed by region code: ``name``, ``level`` (gemeente/wijk/buurt/land),
        ``municipality``, ``year`` and the routekit variables (float, NaN = missing).
    format : {"kwb", "statline", "odata"}
    year : int or None
    matched : dict
        Source column → routekit name.
    unmatched : list of str
        Source columns not in the mapping (kept out of ``table``).
    derived : list of str
        Variables computed from percentages.
    source : str
        File name (or "cbsodata").
    tables : list of str
        Titles of the CBS tables the figures come from (see :func:`route_key_figures`).
    years : dict
        Variable → year of the table it comes from (merged figures).
    """

    table: pd.DataFrame
    format: str
    year: int | None
    matched: dict[str, str] = field(default_factory=dict)
    unmatched: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    source: str = ""
    tables: list[str] = field(default_factory=list)
    years: dict[str, int] = field(default_factory=dict)

    @property
    def variables(self) -> list[str]:
        """Routekit variables present in the table."""
        return [v[0] for v in VARIABLES if v[0] in self.table.columns]

    def missing(self) -> pd.Series:
        """Number of missing (suppressed or unknown) values per variable."""
        return self.table[self.variables].isna().sum()

    def level_counts(self) -> pd.Series:
        """Number of regions per level."""
        return self.table["level"].value_counts()

    def summary(self) -> list[str]:
        """What was recognised, as lines of text in the user's language."""
        levels = ", ".join(f"{t('area.level.' + k)} {v}" for k, v in
                           self.level_counts().items())
        missing = self.missing()
        lines = [t("area.import.format", format=t(f"area.format.{self.format}"),
                   year=self.year or "?", source=self.source),
                 t("area.import.regions", count=len(self.table), levels=levels),
                 t("area.import.matched", count=len(self.matched),
                   names=", ".join(f"{k} → {v}" for k, v in self.matched.items()))]
        if self.unmatched:
            lines.append(t("area.import.unmatched", count=len(self.unmatched),
                           names=", ".join(self.unmatched)))
        if self.derived:
            lines.append(t("area.import.derived", names=", ".join(self.derived)))
        if missing.sum():
            lines.append(t("area.import.missing", count=int(missing.sum()),
                           names=", ".join(f"{k} ({v})" for k, v in missing.items() if v)))
        return lines

    def to_kwb(self) -> pd.DataFrame:
        """The table in the kwb download's short codes (routekit's stored form).

        Variables without a kwb code keep their routekit name; the year goes
        in a ``jaar`` column. :func:`read_key_figures` reads it back.
        """
        kwb = {v[0]: v[1] or v[0] for v in VARIABLES}
        out = pd.DataFrame({
            "gwb_code_10": self.table.index, "regio": self.table["name"].to_numpy(),
            "gm_naam": self.table["municipality"].to_numpy(),
            "recs": self.table["level"].str.capitalize().to_numpy(),
        })
        for name in self.variables:
            out[kwb[name]] = self.table[name].to_numpy()
        out["jaar"] = self.year
        return out


# --------------------------------------------------------------------------- parsing


def header_names(row: pd.Series) -> list[str]:
    """Column names from a row of cells: text, stripped, empty for an empty cell."""
    return ["" if v is None or (isinstance(v, float) and v != v) else str(v).strip()
            for v in row.tolist()]


def unique_names(names: list[str]) -> list[str]:
    """*names* with repeats numbered (``x``, ``x_2``), so every column is its own."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def detect_format(columns: list[str]) -> str | None:
    """``"kwb"``, ``"statline"`` or ``"odata"`` from the column names, else None.

    Examples
    --------
    >>> detect_format(["ID", "WijkenEnBuurten", "AantalInwoners_5"])
    'odata'
    """
    lowered = [c.casefold() for c in columns]
    if "gwb_code_10" in lowered or {"gwb_code", "recs"} <= set(lowered):
        return "kwb"
    if any(_SUFFIX.search(c) and c[:1].isalpha() and " " not in c for c in columns) \
            or "wijkenenbuurten" in lowered:
        return "odata"
    if any("/" in c or _UNIT.search(c) for c in columns) or "wijken en buurten" in lowered:
        return "statline"
    return None


def _statline_key(column: str) -> tuple[str, str]:
    """(leaf label, unit) of a StatLine header: ``"A/B/0 tot 15 jaar (%)"`` → label and ``"%"``."""
    leaf = column.split("/")[-1].strip()
    unit = _UNIT.search(leaf)
    return (_UNIT.sub("", leaf).strip().casefold(), unit.group(1).strip() if unit else "")


def _source_key(column: str, fmt: str) -> str:
    if fmt == "kwb":
        return column.casefold()
    if fmt == "odata":
        return _SUFFIX.sub("", column).casefold()
    return _statline_key(column)[0]


def _match(columns: list[str], fmt: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Return (region field → column, column → variable, unmatched columns)."""
    pos = {"kwb": 1, "statline": 2, "odata": 3}[fmt]
    variables = {v[pos].casefold(): v[0] for v in VARIABLES if v[pos]}
    variables.update({v[0].casefold(): v[0] for v in VARIABLES})  # routekit's own names
    regions = {f[pos].casefold(): f[0] for f in REGION_FIELDS} | _REGION_ALIASES
    region_cols: dict[str, str] = {}
    matched: dict[str, str] = {}
    unmatched = []
    for column in columns:
        key = _source_key(column, fmt)
        if key in regions and regions[key] not in region_cols:
            region_cols[regions[key]] = column
        elif key in variables and variables[key] not in matched.values():
            matched[column] = variables[key]
        elif key not in ("id", "gwb_code_8", "gwb_code", "ind_wbi") \
                and not key.startswith("indelingswijziging"):
            unmatched.append(column)
    return region_cols, matched, unmatched


def _numbers(values: pd.Series, column: str, file: str) -> pd.Series:
    """One column as float64: numbers kept, CBS markers and empty cells missing.

    A column of numbers and markers only (the usual Excel download) is
    converted in one vectorised step; text numbers (CSV, Dutch notation) go
    through :func:`routekit.io.to_number`, which names every bad cell.
    """
    is_text = np.fromiter((type(v) is str for v in values.to_numpy()), bool, len(values))
    if is_text.any():
        texts = values[is_text].str.strip()
        if not (texts.isin(MISSING_MARKERS) | texts.eq("")).all():
            return to_number(values.tolist(), column=column, file=file,
                             missing_markers=MISSING_MARKERS,
                             suppressed_at_or_below=SUPPRESSED_AT_OR_BELOW).astype("float64")
    numbers = pd.to_numeric(values.where(~is_text), errors="coerce").astype("float64")
    return numbers.where(numbers > SUPPRESSED_AT_OR_BELOW)


def _text(values: pd.Series) -> pd.Series:
    """Cells as stripped text (None stays missing; Excel numbers as whole-number text)."""
    def one(value):
        if value is None or (isinstance(value, float) and value != value):
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip() or None
    return values.map(one).astype("object")


def _year(file: str, raw: pd.DataFrame, region_cols: dict, year: int | None) -> int | None:
    if year:
        return int(year)
    if "year" in region_cols:
        found = raw[region_cols["year"]].dropna().astype(str).str.extract(r"((?:19|20)\d\d)")[0]
        if found.notna().any():
            return int(found.dropna().iloc[0])
    for table, table_year in TABLE_YEARS.items():
        if table.casefold() in Path(file).name.casefold():
            return table_year
    found = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", Path(file).name)
    return int(found.group(1)) if found else None


def _level(codes: pd.Series, given: pd.Series | None) -> pd.Series:
    by_code = codes.str[:2].map({"GM": "gemeente", "WK": "wijk", "BU": "buurt", "NL": "land"})
    if given is None:
        return by_code
    named = given.str.strip().str.casefold().map(_LEVELS)
    return named.where(named.notna(), by_code)


#: Variables that together make up their total (so percentages add up to 100).
_SHARE_GROUPS = (("men", "women"), tuple(AGE_GROUPS),
                 ("one_person_households", "households_without_children",
                  "households_with_children"))


def _percent_groups(table: pd.DataFrame, fmt: str, units: dict[str, str]) -> list[str]:
    """Variables given as percentages of their total (see module notes)."""
    if fmt == "statline":
        return [name for name, unit in units.items() if unit == "%" and _share_of(name)]
    found = []
    for names in _SHARE_GROUPS:
        present = [n for n in names if n in table.columns]
        total = _share_of(names[0])
        if len(present) < len(names) or total not in table.columns:
            continue
        big = table[total] > 200
        sums = table.loc[big, present].sum(axis=1, min_count=len(present)).dropna()
        if len(sums) and (sums - 100).abs().median() < 1.5:
            found += present
    return found


def _share_of(name: str) -> str:
    return next(v[5] for v in VARIABLES if v[0] == name)


def parse_key_figures(raw: pd.DataFrame, *, file: str, year: int | None = None
                      ) -> KeyFigures:
    """CBS key figures in any of the three formats, as read from a file, in routekit's names.

    Parameters
    ----------
    raw : pandas.DataFrame
        All cells as read, the header row as column names (see
        :func:`routekit.area.files.read_key_figures`).
    file : str
        The file's name: named in messages, and its year when nothing else says.
    year : int, optional
        The figures' year; otherwise taken from a ``Perioden``/``jaar`` column,
        the OData table id or a year in the file name.

    Returns
    -------
    KeyFigures

    Raises
    ------
    TableError
        When the format is not recognised or no region code column is found
        (the message lists the columns found), or a figure is not a number
        (file, row and field named).

    Examples
    --------
    >>> raw = pd.DataFrame({"gwb_code_10": ["GM0001"], "regio": ["Ergens"],
    ...                     "recs": ["Gemeente"], "a_inw": ["1200"]})
    >>> parse_key_figures(raw, file="kwb-2023.csv").table.loc["GM0001", "inhabitants"]
    np.float64(1200.0)
    """
    fmt = detect_format(list(raw.columns))
    if fmt is None:
        raise TableError(Problem(file, t("area.cbs.unknown_format",
                                         found=", ".join(map(str, raw.columns[:12])))))
    region_cols, matched, unmatched = _match(list(raw.columns), fmt)
    code_col = region_cols.get("code")
    if code_col is None and fmt == "odata" and "name" in region_cols:
        code_col = region_cols["name"]  # raw OData: WijkenEnBuurten holds the code
    if code_col is None:
        raise TableError(Problem(file, t("area.cbs.no_code", found=", ".join(raw.columns))))
    raw = raw[_text(raw[code_col]).notna()].reset_index(drop=True)
    codes = _text(raw[code_col]).map(clean_code)
    table = pd.DataFrame(index=pd.Index(codes, name="code"))
    names = _text(raw[region_cols["name"]]) if "name" in region_cols else codes
    table["name"] = names.to_numpy()
    table["level"] = _level(codes, _text(raw[region_cols["level"]]) if "level" in region_cols
                            else None).to_numpy()
    table["municipality"] = (_text(raw[region_cols["municipality"]]).to_numpy()
                             if "municipality" in region_cols else None)
    units = {}
    for column, name in matched.items():
        table[name] = _numbers(raw[column], column, file).to_numpy()
        units[name] = _statline_key(column)[1] if fmt == "statline" else ""
    derived = []
    for name in _percent_groups(table, fmt, units):
        table[name] = (table[name] * table[_share_of(name)] / 100).round()
        derived.append(name)
    found_year = _year(file, raw, region_cols, year)
    table["year"] = found_year
    return KeyFigures(table=table, format=fmt, year=found_year, matched=matched,
                      unmatched=unmatched, derived=derived, source=file)
