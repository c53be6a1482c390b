"""Prefilled persona facts from a segment of interest: the segment's traits and the area's figures.

A segment selection of the area analysis (segment + area) says *which* people
to describe; the segment scheme says what they are typically like (age band,
household, income, education, digital skills, media and channels) and the
area data how many of them live there compared with the municipality.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")                            # doctest: +SKIP
>>> facts = persona_facts(route, segment="K01", area="WK990103")       # doctest: +SKIP
>>> facts.fields["digital_skills"], round(facts.index)                 # doctest: +SKIP
('laag', 180)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.personas import sources
from routekit.records.area import SegmentSelection
from routekit.records.base import split_cell
from routekit.workspace import Route

__all__ = ["PREFILL_FIELDS", "PersonaFacts", "compute_facts", "fmt_number", "fmt_percent",
           "persona_facts", "selections"]

PREFILL_FIELDS = sources.SCHEME_TRAITS
"""Persona fields that come from the segment scheme."""


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


def _ratio(part: float, whole: float) -> float:
    return float(part / whole) if whole else math.nan


def compute_facts(scheme: pd.DataFrame, households: pd.DataFrame, segment: str,
                  area: str | None = None, *, areas: pd.DataFrame | None = None,
                  members: pd.DataFrame | None = None) -> PersonaFacts:
    """Compute the facts of *segment* in *area* from the area tables.

    Parameters
    ----------
    scheme : DataFrame
        Segment scheme indexed by code (:func:`routekit.personas.sources.read_scheme`).
    households : DataFrame
        ``area_code``, ``segment_code``, ``households`` at the finest area level.
    segment : str
        A type code or a group code (a group counts all its types).
    area : str, optional
        Area code; None for the whole municipality.
    areas : DataFrame, optional
        ``code``/``parent`` of the areas, to find the neighbourhoods of a district.
    members : DataFrame, optional
        ``area_code``, ``segment_code``, ``member_households``.

    Raises
    ------
    RouteError
        When *segment* is not in the scheme.

    Examples
    --------
    >>> scheme = pd.DataFrame({"name": ["Ouderen"], "parent": [None], "digital_skills": ["laag"],
    ...                        "channels": ["krant|huisarts"]}, index=["K"])
    >>> hh = pd.DataFrame({"area_code": ["BU01", "BU01", "BU02"],
    ...                    "segment_code": ["K", "X", "K"], "households": [30, 70, 10]})
    >>> facts = compute_facts(scheme, hh, "K", "BU01")
    >>> facts.share, round(facts.index), facts.fields["channels"]
    (0.3, 82, ['krant', 'huisarts'])
    """
    if segment not in scheme.index:
        raise RouteError(Problem(file="segment_scheme.csv", field="code",
                                 message=t("personas.unknown_segment", segment=segment)))
    areas = areas if areas is not None else pd.DataFrame(columns=["code", "parent", "name"])
    row = scheme.loc[segment]
    codes = sources.segment_members(scheme, segment)
    in_area = sources.area_members(areas, area, households["area_code"].unique())
    local = households[households["area_code"].isin(in_area)]
    is_segment = households["segment_code"].isin(codes)
    seg_area = local.loc[local["segment_code"].isin(codes), "households"].sum()
    total_area = local["households"].sum()
    share = _ratio(seg_area, total_area)
    mun_share = _ratio(households.loc[is_segment, "households"].sum(),
                       households["households"].sum())
    member_share = math.nan
    if members is not None and len(members):
        chosen = members[members["area_code"].isin(in_area)
                         & members["segment_code"].isin(codes)]
        member_share = _ratio(chosen["member_households"].sum(), seg_area)
    names = areas.set_index("code")["name"] if "name" in areas and len(areas) else {}
    fields = {name: row.get(name) if pd.notna(row.get(name)) else None
              for name in sources.SCHEME_TRAITS}
    fields["channels"] = split_cell(fields.get("channels"))
    return PersonaFacts(
        segment=segment, area=area, segment_name=str(row.get("name") or ""),
        area_name=str(names.get(area, "") or "") if area else "",
        description=str(row.get("description") or "") if pd.notna(row.get("description"))
        else "", fields=fields, households=float(seg_area), area_households=float(total_area),
        share=share, municipality_share=mun_share, index=_ratio(share, mun_share) * 100,
        member_share=member_share)


def persona_facts(route: Route, selection: SegmentSelection | dict | None = None, *,
                  segment: str | None = None, area: str | None = None) -> PersonaFacts:
    """The prefilled facts of a segment of interest of *route*.

    Parameters
    ----------
    route : Route
    selection : SegmentSelection or dict, optional
        A ``segment_selections`` record (as the area notebook saves it).
    segment, area : str, optional
        Instead of *selection*.

    Returns
    -------
    PersonaFacts
    """
    if selection is not None:
        selection = SegmentSelection.model_validate(selection) if isinstance(selection, dict) \
            else selection
        segment, area = selection.segment, selection.area
    if not segment:
        raise ValueError("give a selection or a segment")
    facts = compute_facts(sources.read_scheme(route), sources.read_households(route), segment,
                          area, areas=sources.read_areas(route),
                          members=sources.read_members(route))
    if area:  # the route's own name of the area comes first
        facts.area_name = next((a.name for a in route.config.areas if a.code == area),
                               facts.area_name)
    return facts


def selections(route: Route, theme: str | None = None) -> list[SegmentSelection]:
    """The segments of interest of *route* (of one *theme*, or all), in saved order."""
    return [s for s in route.records("segment_selections")
            if theme is None or s.theme in (theme, None)]
