"""Prefilled persona facts from a segment of interest: the segment's traits and the area's figures.

A segment selection of the area analysis (segment + area) says *which* people
to describe; the segment scheme says what they are typically like (age band,
household, income, education, digital skills, media and channels) and the
area data how many of them live there compared with the municipality. The
facts of a route's own selections: :func:`routekit.personas.stored.persona_facts`.

Examples
--------
>>> from routekit.area import load_route_data
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> facts = compute_facts(data, "K01", "WK990103")
>>> facts.fields["digital_skills"], round(facts.index)
('laag', 101)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from routekit.area import SegmentData, penetration, profile
from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.records.base import split_cell

__all__ = ["PREFILL_FIELDS", "PersonaFacts", "compute_facts", "fmt_number", "fmt_percent",
           "scheme_fields"]

PREFILL_FIELDS = ("life_stage", "age_band", "household", "income_level", "education_level",
                  "digital_skills", "media_use", "channels")
"""Persona fields that come from the segment scheme (columns of the scheme of the same name)."""


@dataclass
class PersonaFacts:
    """What the data says about one segment in one area.

    Attributes
    ----------
    segment, area : str or None
        Segment code and area code (None = the whole municipality).
    segment_name, area_name, description : str
    fields : dict
        Persona field values from the scheme (see :data:`PREFILL_FIELDS`).
    households : float
        Households of the segment in the area.
    area_households : float
        All households in the area.
    share, municipality_share : float
        Share of the segment among the households of the area / municipality.
    index : float
        ``share / municipality_share * 100`` (100 = as common as in the municipality).
    member_share : float
        Share of the segment's households in the area with a library member (NaN if unknown).
    """

    segment: str
    area: str | None
    segment_name: str = ""
    area_name: str = ""
    description: str = ""
    fields: dict = field(default_factory=dict)
    households: float = math.nan
    area_households: float = math.nan
    share: float = math.nan
    municipality_share: float = math.nan
    index: float = math.nan
    member_share: float = math.nan

    def table(self) -> pd.DataFrame:
        """The facts as a table (``fact``, ``value``), labelled in the user's language."""
        rows = [(t("personas.fact.segment"), f"{self.segment} {self.segment_name}".strip()),
                (t("personas.fact.area"), self.area_name or self.area or t("personas.whole")),
                (t("personas.fact.households"), fmt_number(self.households)),
                (t("personas.fact.share"), fmt_percent(self.share)),
                (t("personas.fact.index"), fmt_number(self.index)),
                (t("personas.fact.member_share"), fmt_percent(self.member_share))]
        rows += [(t(f"personas.field.{name}"), _text(self.fields.get(name)))
                 for name in PREFILL_FIELDS]
        return pd.DataFrame(rows, columns=[t("personas.col.fact"), t("personas.col.value")])


def fmt_number(value: float) -> str:
    """Whole number with Dutch thousands dots, or "–"."""
    return "–" if pd.isna(value) else f"{value:,.0f}".replace(",", ".")


def fmt_percent(value: float) -> str:
    """A share 0–1 as a percentage with a decimal comma, or "–"."""
    return "–" if pd.isna(value) else f"{value * 100:.1f} %".replace(".", ",")


def _text(value) -> str:
    if isinstance(value, list):
        return ", ".join(value) or "–"
    return value or "–"


def scheme_fields(traits: pd.Series) -> dict:
    """Persona field values from one row of the segment scheme (missing = None).

    Examples
    --------
    >>> scheme_fields(pd.Series({"digital_skills": "laag", "channels": "krant|huisarts"}))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'life_stage': None, 'age_band': None, 'household': None, 'income_level': None,
     'education_level': None, 'digital_skills': 'laag', 'media_use': None,
     'channels': ['krant', 'huisarts']}
    """
    fields = {name: traits.get(name) if pd.notna(traits.get(name)) else None
              for name in PREFILL_FIELDS}
    fields["channels"] = split_cell(fields["channels"])
    return fields


def compute_facts(data: SegmentData, segment: str, area: str | None = None) -> PersonaFacts:
    """Compute the facts of *segment* in *area* from the segment data of the area analysis.

    Share and index come from :func:`routekit.area.profile` against the
    municipality, the member share from :func:`routekit.area.penetration`.

    Parameters
    ----------
    data : SegmentData
        Scheme, counts and area hierarchy (:func:`routekit.area.load_route_data`).
    segment : str
        A type code or a group code (a group counts all its types).
    area : str, optional
        Area code at any level; None for the whole municipality.

    Raises
    ------
    RouteError
        When *segment* is not in the scheme or *area* not in the data.

    Examples
    --------
    >>> from routekit.area import Scheme, SegmentData
    >>> scheme = Scheme(pd.DataFrame({"level": ["group", "type", "group", "type"],
    ...                               "parent": [None, "K", None, "X"],
    ...                               "name": ["Ouderen", "Alleen", "Anders", "Anders"],
    ...                               "channels": ["krant|huisarts", None, None, None]},
    ...                              index=["K", "K01", "X", "X01"]))
    >>> hh = pd.DataFrame({"area_code": ["BU01", "BU01", "BU02"],
    ...                    "segment_code": ["K01", "X01", "K01"], "households": [30, 70, 10]})
    >>> facts = compute_facts(SegmentData.from_long(scheme, hh), "K", "BU01")
    >>> facts.share, round(facts.index), facts.fields["channels"]
    (0.3, 82, ['krant', 'huisarts'])
    """
    table = data.scheme.table
    if segment not in table.index:
        raise RouteError(Problem(file="segment_scheme.csv", field="code",
                                 message=t("personas.unknown_segment", segment=segment)))
    level = table.at[segment, "level"]
    try:
        here = profile(data, area, reference="municipality", level=level)
    except KeyError as error:
        raise RouteError(Problem(file="segments.csv", field="area_code",
                                 message=str(error.args[0]))) from None
    row = here.loc[segment]
    member_share = math.nan
    if data.members is not None:
        member_share = float(penetration(data, area, level=level).table.at[segment, "penetration"])
    area_name = data.area_names([area])[0] if area else ""
    description = table.at[segment, "description"] if "description" in table else None
    return PersonaFacts(
        segment=segment, area=area, segment_name=str(table.at[segment, "name"] or ""),
        area_name="" if area_name == area else area_name,
        description=str(description) if pd.notna(description) else "",
        fields=scheme_fields(table.loc[segment]), households=float(row["count"]),
        area_households=float(here["count"].sum()), share=float(row["share"]),
        municipality_share=float(row["ref_share"]), index=float(row["index"]),
        member_share=member_share)
