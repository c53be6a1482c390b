"""Records of route step 2 (De organisatie en ik): colleagues and the impact plan.

Colleagues are a table (``colleagues.csv``): who they are, where they stand on
community work, whether the librarian spoke with them and whether they joined
the pioneer team. The personal impact plan is nested, so it is YAML
(``impact_plan.yaml``, one entry keyed by ``id``, normally ``"plan"``).

Examples
--------
>>> Colleague(id="anouk", name="Anouk", stance="tegenstander", pioneer="ja").stance
'sceptic'
>>> ImpactPlan(impact=[{"subject": "Leesclub", "kind": "groep",
...                     "influence": "geen"}]).impact[0].influence
'none'
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from routekit.records.base import Flag, Record, choice

__all__ = ["Colleague", "ImpactItem", "ImpactPlan", "INFLUENCE", "STANCES", "SUBJECT_KINDS"]

STANCES = ("supporter", "neutral", "sceptic")
"""Where a colleague stands on community work (the Routekaart's voor- en tegenstanders)."""
SUBJECT_KINDS = ("situation", "person", "group")
INFLUENCE = ("direct", "indirect", "none")
"""Personal Impact Plan: direct influence, indirect influence, no influence."""


class Colleague(Record):
    """A colleague the librarian wants to involve (or has involved) in community work."""

    id: str = Field(min_length=1, pattern=r"^[\w\-]+$")
    name: str = Field(min_length=1)
    role: str | None = None
    """Job or team, e.g. "teamleider publieksdiensten"."""
    stance: choice(*STANCES, aliases={"voorstander": "supporter", "voor": "supporter",
                                      "neutraal": "neutral", "tegenstander": "sceptic",
                                      "tegen": "sceptic", "sceptisch": "sceptic",
                                      "kritisch": "sceptic"}) = "neutral"
    spoke_on: dt.date | None = None
    """Date of the informal conversation, if it took place."""
    pioneer: Flag = False
    """Joined the pioneer team."""
    note: str | None = None


class ImpactItem(BaseModel):
    """One situation, person or group, with the librarian's influence on it and its value."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    subject: str = Field(min_length=1)
    kind: choice(*SUBJECT_KINDS, aliases={"situatie": "situation", "persoon": "person",
                                          "groep": "group"}) = "situation"
    influence: choice(*INFLUENCE, aliases={"geen": "none", "geen invloed": "none"}) = "none"
    value: str = ""
    """What the librarian's work would be worth here."""


class ImpactPlan(Record):
    """The librarian's own view of her role (Persoonlijk Impact Plan) and her reflection answers."""

    id: str = Field(default="plan", min_length=1)
    role_description: str = ""
    answers: dict[str, str] = {}
    """Reflection question id → answer (see ``routekit.organisation.reflection_questions``)."""
    impact: list[ImpactItem] = []
