"""Records of route step 4d: personas of the target group, with the evidence behind them.

Personas are nested, so they are stored as YAML (one list in ``personas.yaml``,
keyed by id), which stays readable and editable in a text editor.

Examples
--------
>>> Persona(id="ria", name="Ria", theme="eenzaamheid", channels="huis-aan-huisblad|kerk").channels
['huis-aan-huisblad', 'kerk']
"""

from __future__ import annotations

from pydantic import Field

from routekit.records.base import PipeList, Record, choice

__all__ = ["COMMUNITY_ROLES", "LEVELS", "PARTICIPATION", "Persona"]

LEVELS = ("low", "middle", "high")
_LEVELS_NL = {"laag": "low", "midden": "middle", "hoog": "high"}
Level = choice(*LEVELS, aliases=_LEVELS_NL)
PARTICIPATION = ("offline", "online", "both")
COMMUNITY_ROLES = ("for", "by", "of")
"""OF/BY/FOR ALL: takes part (for), co-creates (by), co-owns (of)."""


class Persona(Record):
    """A vivid, fictional person of the target group, with the evidence behind it."""

    id: str = Field(min_length=1, pattern=r"^[\w\-]+$")
    name: str = Field(min_length=1)
    theme: str | None = None
    segment: str | None = None
    area: str | None = None
    segments: PipeList = []
    """Every segment a data-driven persona stands for (``segment`` is the dominant one)."""
    segment_size: float | None = None
    """Households of the segment(s) in the area when the persona was (pre)filled."""
    life_stage: str | None = None
    age_band: str | None = None
    household: str | None = None
    income_level: Level | None = None
    education_level: Level | None = None
    digital_skills: Level | None = None
    media_use: str | None = None
    channels: PipeList = []
    quote: str | None = None
    bio: str | None = None
    passions: PipeList = []
    necessities: PipeList = []
    needs: PipeList = []
    barriers: PipeList = []
    participation: choice(*PARTICIPATION, aliases={"beide": "both"}) | None = None
    community_role: choice(*COMMUNITY_ROLES) | None = None
    conversations: PipeList = []
    source: choice("segment", "data", "manual") = "manual"
