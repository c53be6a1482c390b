"""Records of route step 7: the project plan made with the community.

One CSV per table, so a plan opens in Excel: goals, activities, budget lines,
KPIs and risks (the recurring contact moments of step 8 are in
:mod:`routekit.records.community`).

Examples
--------
>>> Activity(id="a1", goal="g1", name="Taalcafé", start="2026-01-05", end="2026-03-30",
...          owners="buurthuis|ria").owners
['buurthuis', 'ria']
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from routekit.i18n import t
from routekit.records.base import PipeList, Record, Score, choice

__all__ = ["Activity", "BudgetLine", "Goal", "Kpi", "Risk"]


class Goal(Record):
    """A goal set together with the community."""

    id: str = Field(min_length=1)
    theme: str | None = None
    text: str = Field(min_length=1)
    measure: str | None = None
    deadline: dt.date | None = None
    owners: PipeList = []


class Activity(Record):
    """An activity with dates, owners and contributors (stakeholder ids or names)."""

    id: str = Field(min_length=1)
    goal: str | None = None
    name: str = Field(min_length=1)
    start: dt.date
    end: dt.date
    owners: PipeList = []
    contributors: PipeList = []
    status: choice("planned", "running", "done", "stopped",
                   aliases={"gepland": "planned", "loopt": "running", "klaar": "done",
                            "gestopt": "stopped"}) = "planned"

    @model_validator(mode="after")
    def _end_after_start(self):
        if self.end < self.start:
            raise ValueError(t("kit.end_before_start"))
        return self


class BudgetLine(Record):
    """A cost or contribution: money spent, contribution in kind, subsidy."""

    id: str = Field(min_length=1)
    activity: str | None = None
    description: str = Field(min_length=1)
    cost: float = 0.0
    in_kind: float = 0.0
    subsidy: float = 0.0
    funder: str | None = None


class Kpi(Record):
    """A measurable target, ideally tied to the area analysis."""

    id: str = Field(min_length=1)
    goal: str | None = None
    name: str = Field(min_length=1)
    unit: str | None = None
    target: float
    actual: float | None = None
    segment: str | None = None
    area: str | None = None


class Risk(Record):
    """A risk with likelihood and impact (1–5) and what is done about it."""

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    likelihood: Score = Field(default=None, ge=1, le=5)
    impact: Score = Field(default=None, ge=1, le=5)
    mitigation: str | None = None
    owner: str | None = None

