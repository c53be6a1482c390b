"""Records of route step 3 (Ga kennismaken, ga erop uit): notes of conversations.

Examples
--------
>>> Conversation(id="g-20260302-1", date="2026-03-02", format="groep",
...              action_points="ruimte vragen|flyer maken").action_points
['ruimte vragen', 'flyer maken']
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from routekit.records.base import PipeList, Record, choice

__all__ = ["Conversation"]


class Conversation(Record):
    """Notes of a conversation with (members of) the community (route step 3)."""

    id: str = Field(min_length=1)
    date: dt.date
    theme: str | None = None
    participants: PipeList = []
    format: choice("individual", "group",
                   aliases={"individueel": "individual", "groep": "group"}) = "individual"
    summary: str = ""
    action_points: PipeList = []
    follow_up: dt.date | None = None
