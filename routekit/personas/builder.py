"""Create and update personas in the route workspace, keeping the evidence behind them.

A persona starts from a segment of interest (prefilled facts) and grows with
what conversations taught. Each persona records its segment, area and the
conversations it draws on, so anyone can see what it rests on.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> facts = persona_facts(route, route.records("segment_selections")[0])
>>> persona = new_persona(facts, name="Gerda", theme="eenzaamheid")
>>> save_persona(route, persona.model_copy(update={"conversations": ["c01"]})).id
'gerda'
"""

from __future__ import annotations

import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.personas.prefill import (
    PREFILL_FIELDS,
    PersonaFacts,
    fmt_number,
    fmt_percent,
    persona_facts,
)
from routekit.records.base import make_id
from routekit.records.personas import Persona
from routekit.workspace import Route

__all__ = ["apply_facts", "evidence", "new_persona", "persona_facts", "personas_of",
           "refresh_persona", "save_persona"]


def apply_facts(persona: Persona, facts: PersonaFacts, *, overwrite: bool = False) -> Persona:
    """Return a copy of *persona* with the segment, area and traits of *facts*.

    Parameters
    ----------
    persona : Persona
    facts : PersonaFacts
    overwrite : bool, default False
        Replace traits the librarian already filled in (use when the segment
        changed); otherwise only empty traits are filled.
    """
    update = {"segment": facts.segment, "area": facts.area,
              "segment_size": None if pd.isna(facts.households) else facts.households}
    for name in PREFILL_FIELDS:
        value = facts.fields.get(name)
        if value in (None, []):
            continue
        if overwrite or getattr(persona, name) in (None, [], ""):
            update[name] = value
    return Persona.model_validate(persona.model_dump() | update)


def new_persona(facts: PersonaFacts, *, name: str, theme: str | None = None,
                id: str | None = None, **fields) -> Persona:
    """A new persona prefilled from *facts* (not saved yet).

    Examples
    --------
    >>> facts = PersonaFacts(segment="K01", area=None, fields={"digital_skills": "laag"})
    >>> new_persona(facts, name="Riet").digital_skills
    'low'
    """
    persona = Persona(id=id or make_id(name, fallback="persona"), name=name, theme=theme,
                      source="segment", **fields)
    return apply_facts(persona, facts)


def personas_of(route: Route, theme: str | None = None) -> list[Persona]:
    """The personas of *route*, of one *theme* (plus those without a theme) or all."""
    return [p for p in route.records("personas") if theme is None or p.theme in (theme, None)]


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
    known = {c.id for c in route.records("conversations")}
    missing = [c for c in persona.conversations if c not in known]
    if missing:
        raise RouteError(Problem(file="personas.yaml", field="conversations",
                                 message=t("personas.unknown_conversation",
                                           ids=", ".join(missing))))
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


def evidence(route: Route, persona: Persona) -> pd.DataFrame:
    """What *persona* rests on: its segment and area figures and its conversations.

    Returns
    -------
    DataFrame
        Columns ``kind``, ``reference``, ``detail`` (labels in the user's language).
    """
    rows = []
    if persona.segment:
        try:
            facts = persona_facts(route, segment=persona.segment, area=persona.area)
        except (RouteError, OSError):
            facts = None
        detail = t("personas.evidence.segment_detail", name=facts.segment_name,
                   households=fmt_number(facts.households), share=fmt_percent(facts.share),
                   index=fmt_number(facts.index)) if facts else ""
        rows.append((t("personas.evidence.segment"), persona.segment, detail))
    if persona.segments:
        rows.append((t("personas.evidence.segments"), ", ".join(persona.segments), ""))
    if persona.area:
        name = next((a.name for a in route.config.areas if a.code == persona.area), "")
        rows.append((t("personas.evidence.area"), persona.area, name))
    conversations = {c.id: c for c in route.records("conversations")}
    for cid in persona.conversations:
        c = conversations.get(cid)
        detail = f"{c.date} – {c.summary}" if c is not None else t("personas.evidence.missing")
        rows.append((t("personas.evidence.conversation"), cid, detail))
    return pd.DataFrame(rows, columns=["kind", "reference", "detail"])
