"""The persona stage (route step 4d) in the route workspace: read, compute, save.

The one place where step 4d reads and writes the route: the personas of a
theme, the segments of interest and their facts, the evidence of a persona,
the card of a saved persona and the data-driven candidates. Forms, notebooks
and the report call these; the computing is in :mod:`~routekit.personas.prefill`,
:mod:`~routekit.personas.builder`, :mod:`~routekit.personas.generate` and
:mod:`~routekit.personas.card`.

Examples
--------
>>> from routekit.personas.builder import new_persona
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> facts = persona_facts(route, selections(route)[0])
>>> persona = new_persona(facts, name="Gerda", theme="eenzaamheid")
>>> save_persona(route, persona.model_copy(update={"conversations": ["c01"]})).id
'gerda'
"""

from __future__ import annotations

import pandas as pd

from routekit.area import load_route_data, load_scheme, profile
from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.io import read_table
from routekit.personas.builder import apply_facts, check_conversations, evidence_table
from routekit.personas.card import PersonaCard
from routekit.personas.generate import PersonaModel, candidate_personas, to_personas
from routekit.personas.prefill import PersonaFacts, compute_facts
from routekit.personas.scheme_candidates import scheme_candidates
from routekit.records.area import SegmentSelection
from routekit.records.base import make_id
from routekit.records.personas import Persona
from routekit.workspace import ABSENT, Route

__all__ = ["card_of", "evidence", "keep_candidates", "new_persona_id", "persona_facts",
           "personas_of", "read_behaviour", "refresh_persona", "route_candidates",
           "save_persona", "selections"]


def _area_name(route: Route, code: str | None) -> str | None:
    """The route's own name of area *code* (None when it has none)."""
    return next((a.name for a in route.config.areas if a.code == code), None)


def personas_of(route: Route, theme: str | None = None) -> list[Persona]:
    """The personas of *route*, of one *theme* (plus those without a theme) or all."""
    return [p for p in route.records("personas") if theme is None or p.theme in (theme, None)]


def selections(route: Route, theme: str | None = None) -> list[SegmentSelection]:
    """The segments of interest of *route* (of one *theme*, or all), in saved order."""
    return [s for s in route.records("segment_selections")
            if theme is None or s.theme in (theme, None)]


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

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> facts = persona_facts(Route.open("data/sample-route"), segment="K01", area="WK990103")
    >>> facts.fields["digital_skills"], round(facts.index)
    ('laag', 101)
    """
    if selection is not None:
        selection = SegmentSelection.model_validate(selection) if isinstance(selection, dict) \
            else selection
        segment, area = selection.segment, selection.area
    if not segment:
        raise ValueError("give a selection or a segment")
    facts = compute_facts(load_route_data(route), segment, area)
    if area:  # the route's own name of the area comes first
        facts.area_name = _area_name(route, area) or facts.area_name
    return facts


def new_persona_id(route: Route, name: str) -> str:
    """An id for a new persona called *name* that no saved persona of *route* has."""
    return make_id(name or "persona", [p.id for p in route.records("personas")])


def save_persona(route: Route, persona: Persona | dict, *, base=None) -> Persona:
    """Add or replace *persona* in the workspace after checking its evidence exists.

    *base* is the persona as the caller read it (or ``ABSENT`` for a new one): see
    :meth:`Route.upsert`, which merges changes made meanwhile or raises ``RecordConflict``.

    Raises
    ------
    RouteError
        When it names conversations that are not in ``conversations.csv``.
    """
    persona = Persona.model_validate(persona) if isinstance(persona, dict) else persona
    check_conversations(persona, (c.id for c in route.records("conversations")))
    return route.upsert("personas", persona, base=base)


def refresh_persona(route: Route, persona_id: str, selection=None, *,
                    overwrite: bool = True) -> Persona:
    """Prefill a saved persona again from *selection* (or its own segment/area) and save it.

    Use after the segment of interest changed in the area analysis.
    """
    persona = route.get("personas", persona_id)
    if persona is None:
        raise KeyError(persona_id)
    facts = persona_facts(route, selection) if selection is not None else \
        persona_facts(route, segment=persona.segment, area=persona.area)
    return save_persona(route, apply_facts(persona, facts, overwrite=overwrite))


def _facts_of(route: Route, persona: Persona, known: PersonaFacts | None) -> PersonaFacts | None:
    """The facts of the segment and area of *persona*: *known* when they are of that
    segment and area, otherwise computed (None without a segment or its data)."""
    if not persona.segment:
        return None
    if known is not None and (known.segment, known.area) == (persona.segment, persona.area):
        return known
    try:
        return persona_facts(route, segment=persona.segment, area=persona.area)
    except (RouteError, OSError):
        return None


def evidence(route: Route, persona: Persona, *, facts: PersonaFacts | None = None
             ) -> pd.DataFrame:
    """What *persona* rests on in *route*: :func:`~routekit.personas.builder.evidence_table`
    with the facts of its segment, its area's name and the route's conversations.

    *facts* the caller already has are used when they are of the persona's segment
    and area (see :func:`card_of`).
    """
    return evidence_table(persona, facts=_facts_of(route, persona, facts),
                          area_name=_area_name(route, persona.area) or "",
                          conversations={c.id: c for c in route.records("conversations")})


def card_of(route: Route, persona_id: str, *, facts: PersonaFacts | None = None
            ) -> PersonaCard:
    """What the card of the saved persona *persona_id* shows (draw it with
    :func:`routekit.personas.plot.plot_persona_card`).

    *facts* are the figures of a segment in an area the caller already has (the
    ``facts`` of the previous card of a form): used when they are of the persona's
    segment and area, so editing a persona's story does not compute them again.

    Raises
    ------
    RouteError
        When the route has no persona *persona_id*.

    Examples
    --------
    >>> card = card_of(Route.open("data/sample-route"), "riet")
    >>> card.persona.name, card.evidence["reference"].tolist()[:2]
    ('Riet van Dijk', ['K01', 'WK990103'])
    """
    persona = route.get("personas", persona_id)
    if persona is None:
        raise RouteError(Problem("personas.yaml", t("guide.unknown_persona", id=persona_id)))
    facts = _facts_of(route, persona, facts)
    return PersonaCard(persona, evidence(route, persona, facts=facts),
                       _area_name(route, persona.area), facts)


def read_behaviour(route: Route) -> pd.DataFrame:
    """Aggregate use per segment and category (``segment_code``, ``category``, ``count``).

    Read from the route's ``area/behaviour.csv``; empty when the route has none.
    """
    path = route.area_file("behaviour")
    if not path.exists():
        return pd.DataFrame({"segment_code": pd.Series(dtype="str"),
                             "category": pd.Series(dtype="str"),
                             "count": pd.Series(dtype="float")})
    frame = read_table(path, required=["segment_code", "category"], numeric=["count"])
    return frame.dropna(subset=["segment_code", "category"])


def route_candidates(route: Route, *, n: int = 3, min_cell: int = 10, top: int = 3,
                     seed: int = 0) -> PersonaModel:
    """:func:`~routekit.personas.generate.candidate_personas` on the behaviour and segment
    files of *route*.

    Without usage figures (no ``area/behaviour.csv``, e.g. a route with only the
    open segments) the candidates come from the scheme itself:
    :func:`routekit.personas.scheme_candidates.scheme_candidates` (*min_cell*
    and *top* play no part then).

    Examples
    --------
    >>> model = route_candidates(Route.open("data/sample-route"), n=3)
    >>> model.personas[["segment", "households"]]  # doctest: +NORMALIZE_WHITESPACE
            segment  households
    persona
    1           E04      4366.0
    2           J01     17778.0
    3           G04      5266.0
    """
    data = load_route_data(route)
    behaviour = read_behaviour(route)
    if behaviour.empty:
        return scheme_candidates(data, n=n)
    households = profile(data, reference="all")["count"]
    return candidate_personas(behaviour, households, data.scheme.table,
                              n=n, min_cell=min_cell, top=top, seed=seed)


def keep_candidates(route: Route, model: PersonaModel, *,
                    theme: str | None = None) -> list[Persona]:
    """Save the candidates of *model* as new personas (``source="data"``) of *theme*.

    Each gets an id no saved persona has, so a candidate is never written over
    another persona (not even one another page saved meanwhile).
    """
    from routekit.area.stored import segment_files

    taken = [p.id for p in route.records("personas")]
    scheme = load_scheme(segment_files(route)["segment_scheme"]).table
    return [route.upsert("personas", persona, base=ABSENT)
            for persona in to_personas(model, scheme, theme=theme, taken=taken)]
