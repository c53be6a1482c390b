"""Route step 3 on the route workspace: the ``conversations`` records.

Examples
--------
>>> from datetime import date
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> action_points(route, today=date(2026, 6, 1)).columns.tolist()[:3]
['conversation', 'date', 'participants']
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from routekit.conversations.log import action_table, conversation_table, free_id
from routekit.errors import RecordConflict
from routekit.records.conversations import Conversation
from routekit.workspace import ABSENT, Route

__all__ = ["action_points", "add_conversation", "conversation_log", "next_id"]


def _names(route: Route) -> dict[str, str]:
    return {s.id: s.name for s in route.records("stakeholders")}


def conversation_log(route: Route) -> pd.DataFrame:
    """All conversations of the route, newest first, with names
    (:func:`~routekit.conversations.log.conversation_table`)."""
    themes = {theme.id: theme.name for theme in route.config.themes}
    return conversation_table(route.records("conversations"), _names(route), themes)


def action_points(route: Route, *, today: date | None = None) -> pd.DataFrame:
    """One row per action point of the route's conversations, with whether it is due
    (:func:`~routekit.conversations.log.action_table`; *today* defaults to today)."""
    return action_table(route.records("conversations"), _names(route),
                        today=today or date.today())


def next_id(route: Route, on: date) -> str:
    """A new conversation id for a conversation held *on* a date: ``g-20260305-2``."""
    return free_id((c.id for c in route.records("conversations")), on)


def add_conversation(route: Route, record: dict) -> Conversation:
    """Save *record* (without id) as a new conversation with the next free id of its date.

    Never over a conversation another page added meanwhile: when that one took
    the id, the next is tried (three times in all).

    Examples
    --------
    >>> route = Route.open("data/sample-route")
    >>> add_conversation(route, {"date": date(2026, 3, 5), "summary": "Kennismaking"}).id
    'g-20260305-1'
    """
    for tries_left in (2, 1, 0):
        try:
            return route.upsert("conversations",
                                {"id": next_id(route, record["date"])} | record, base=ABSENT)
        except RecordConflict:  # another page took that number: take the next one
            if not tries_left:
                raise
