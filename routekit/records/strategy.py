"""Records of route steps 5–6: the POST-O canvas and knowledge creation, per theme.

These are nested, so they are stored as YAML (one list per file, keyed by
theme), which stays readable and editable in a text editor.

Examples
--------
>>> PostOCanvas(theme="eenzaamheid", technology={"channels": "krant|kerk"}).technology.channels
['krant', 'kerk']
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from routekit.records.base import PipeList, Record, Score, choice

__all__ = ["CYCLE_STAGES", "Condition", "KnowledgeCreation", "PostOCanvas"]

CYCLE_STAGES = ("shared_activity", "knowledge_creation", "shared_ownership", "social_impact")


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
