"""Records of route steps 4–6: personas, the POST-O canvas and knowledge creation.

These are nested, so they are stored as YAML (one list per file, keyed by id
or theme), which stays readable and editable in a text editor.

Examples
--------
>>> Persona(id="ria", name="Ria", theme="eenzaamheid", channels="huis-aan-huisblad|kerk").channels
['huis-aan-huisblad', 'kerk']
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from routekit.records.base import PipeList, Record, Score, choice

__all__ = ["Condition", "KnowledgeCreation", "Persona", "PostOCanvas",
           "LEVELS", "PARTICIPATION", "COMMUNITY_ROLES", "CYCLE_STAGES"]

LEVELS = ("low", "middle", "high")
_LEVELS_NL = {"laag": "low", "midden": "middle", "hoog": "high"}
Level = choice(*LEVELS, aliases=_LEVELS_NL)
PARTICIPATION = ("offline", "online", "both")
COMMUNITY_ROLES = ("for", "by", "of")
"""OF/BY/FOR ALL: takes part (for), co-creates (by), co-owns (of)."""
CYCLE_STAGES = ("shared_activity", "knowledge_creation", "shared_ownership", "social_impact")


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


class _Section(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class People(_Section):
    personas: PipeList = []
    participation: str = ""
    channels: PipeList = []
    digital_skills: str = ""
    notes: str = ""


class Objectives(_Section):
    library: str = ""
    community: str = ""
    shared: str = ""
    roles: str = ""


class Strategy(_Section):
    positioning: str = ""
    programme: str = ""
    connection: str = ""


class Technology(_Section):
    channels: PipeList = []
    tools: PipeList = []
    notes: str = ""


class Organization(_Section):
    roles: str = ""
    hours: str = ""
    space: str = ""
    notes: str = ""


class PostOCanvas(Record):
    """The POST-O strategy of one theme: People, Objectives, Strategy, Technology, Organization."""

    theme: str
    people: People = People()
    objectives: Objectives = Objectives()
    strategy: Strategy = Strategy()
    technology: Technology = Technology()
    organization: Organization = Organization()


class Condition(_Section):
    """One of Lankes' four conditions, scored 1 (absent) to 5 (fully in place)."""

    score: Score = Field(default=None, ge=1, le=5)
    note: str = ""


class KnowledgeCreation(Record):
    """Lankes' conditions for knowledge creation and where a community stands in the cycle."""

    theme: str
    access: Condition = Condition()
    knowledge: Condition = Condition()
    environment: Condition = Condition()
    motivation: Condition = Condition()
    stage: choice(*CYCLE_STAGES) | None = None
    notes: str = ""
