"""Records of route step 8 (Houd de community vast): the recurring contact moments.

Examples
--------
>>> ContactMoment(id="cm1", title="Buurtkamer", start="2026-01-15T19:30",
...               recurrence="maandelijks").recurrence
'monthly'
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from routekit.records.base import PipeList, Record, choice

__all__ = ["ContactMoment"]


class ContactMoment(Record):
    """A recurring moment to meet the community (route step 8: keep it going)."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    start: dt.datetime
    duration_minutes: int = Field(default=90, ge=5)
    recurrence: choice("once", "weekly", "monthly", "quarterly",
                       aliases={"eenmalig": "once", "wekelijks": "weekly",
                                "maandelijks": "monthly", "per kwartaal": "quarterly"}) = "monthly"
    count: int = Field(default=6, ge=1)
    location: str | None = None
    participants: PipeList = []
