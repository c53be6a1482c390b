"""Personas from the facts of a segment of interest, and the evidence they rest on.

A persona starts from a segment of interest (prefilled facts) and grows with
what conversations taught. Each persona records its segment, area and the
conversations it draws on, so anyone can see what it rests on. Reading and
saving them in the route: :mod:`routekit.personas.stored`.

Examples
--------
>>> facts = PersonaFacts(segment="K01", area=None, fields={"age_band": "75+"})
>>> persona = new_persona(facts, name="Gerda", theme="eenzaamheid")
>>> persona.id, persona.age_band, persona.source
('gerda', '75+', 'segment')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.personas.prefill import PREFILL_FIELDS, PersonaFacts, fmt_number, fmt_percent
from routekit.records.base import make_id
from routekit.records.personas import Persona

__all__ = ["apply_facts", "check_conversations", "evidence_table", "new_persona"]


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


def check_conversations(persona: Persona, known: Iterable[str]) -> None:
    """Refuse *persona* when it names conversations that are not among *known* (their ids).

    Raises
    ------
    RouteError
        Naming ``personas.yaml``, the field and the unknown ids.

    Examples
    --------
    >>> check_conversations(Persona(id="r", name="R", conversations=["c1"]), ["c1", "c2"])
    """
    known = set(known)
    missing = [c for c in persona.conversations if c not in known]
    if missing:
        raise RouteError(Problem(file="personas.yaml", field="conversations",
                                 message=t("personas.unknown_conversation",
                                           ids=", ".join(missing))))


def evidence_table(persona: Persona, *, facts: PersonaFacts | None = None,
                   area_name: str = "", conversations: Mapping | None = None) -> pd.DataFrame:
    """What *persona* rests on: its segment and area figures and its conversations.

    Parameters
    ----------
    persona : Persona
    facts : PersonaFacts, optional
        The facts of its segment in its area (no figures shown without them).
    area_name : str
        The name of its area.
    conversations : mapping, optional
        Conversation id → ``Conversation`` record (a missing one is marked so).

    Returns
    -------
    DataFrame
        Columns ``kind``, ``reference``, ``detail`` (labels in the user's language).

    Examples
    --------
    >>> evidence_table(Persona(id="r", name="R", area="WK01"), area_name="West").iloc[0].tolist()
    ['Gebied', 'WK01', 'West']
    """
    rows = []
    if persona.segment:
        detail = t("personas.evidence.segment_detail", name=facts.segment_name,
                   households=fmt_number(facts.households), share=fmt_percent(facts.share),
                   index=fmt_number(facts.index)) if facts else ""
        rows.append((t("personas.evidence.segment"), persona.segment, detail))
    if persona.segments:
        rows.append((t("personas.evidence.segments"), ", ".join(persona.segments), ""))
    if persona.area:
        rows.append((t("personas.evidence.area"), persona.area, area_name))
    conversations = conversations or {}
    for cid in persona.conversations:
        c = conversations.get(cid)
        detail = f"{c.date} – {c.summary}" if c is not None else t("personas.evidence.missing")
        rows.append((t("personas.evidence.conversation"), cid, detail))
    return pd.DataFrame(rows, columns=["kind", "reference", "detail"])
