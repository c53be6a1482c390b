"""Records of route step 4 (stakeholders and forces).

Examples
--------
>>> Stakeholder(id="buurthuis", name="Buurthuis De Linde", kind="organisatie",
...             sector="welzijn").kind
'organisation'
"""

from __future__ import annotations

from pydantic import Field

from routekit.records.base import Record, Score, choice

__all__ = ["Force", "Position", "Stakeholder", "SECTORS"]

SECTORS = ("municipality", "education", "care", "welfare", "culture", "associations",
           "business", "residents", "library", "media", "faith")
_SECTOR_NL = {"gemeente": "municipality", "onderwijs": "education", "zorg": "care",
              "welzijn": "welfare", "cultuur": "culture", "verenigingen": "associations",
              "bedrijfsleven": "business", "bewoners": "residents",
              "bibliotheek": "library", "pers": "media", "levensbeschouwing": "faith"}


class Stakeholder(Record):
    """A person, organisation or group with a stake in the route's themes."""

    id: str = Field(min_length=1, pattern=r"^[\w\-]+$")
    name: str = Field(min_length=1)
    kind: choice("person", "organisation", "group",
                 aliases={"persoon": "person", "organisatie": "organisation",
                          "groep": "group"})
    sector: choice(*SECTORS, aliases=_SECTOR_NL)
    area: str | None = None
    contact: str | None = None
    binding: choice("passion", "necessity", "both",
                    aliases={"passie": "passion", "noodzaak": "necessity",
                             "beide": "both"}) | None = None
    binding_note: str | None = None
    notes: str | None = None
    role: str | None = None
    """Role in the field, as an actor map names it (e.g. financier, uitvoerder)."""


class Position(Record):
    """Where a stakeholder stands on one theme (scores as in a force-field analysis)."""

    stakeholder: str
    theme: str
    influence: int = Field(ge=1, le=5)
    attitude: int = Field(ge=-2, le=2)
    interest: int = Field(ge=1, le=5)
    trust: Score = Field(default=None, ge=1, le=5)
    stake: str | None = None
    """What this stakeholder has at stake in the theme (actor map: belang)."""
    involve: str | None = None
    """How to involve them, when it differs from the suggestion (actor map: betrekken)."""
    approach: str | None = None
    """Own approach, when it differs from the suggestion (actor map: benadering)."""
    action: str | None = None
    """Next short-term action (actor map: korte-termijn actie)."""


class Force(Record):
    """A driving or restraining force around a theme's goal (Lewin)."""

    theme: str
    direction: choice("driving", "restraining",
                      aliases={"stuwend": "driving", "remmend": "restraining"})
    description: str = Field(min_length=1)
    strength: int = Field(ge=1, le=5)
    stakeholder: str | None = None
    action: str | None = None

