"""Conversation notes of route step 3 as tables: the log and the action points.

The Routekaart's tip: make a short report of every conversation with the
action points, discuss with your team what you can take up, and report back
to the people you spoke with.

Examples
--------
>>> from datetime import date
>>> from routekit.records.conversations import Conversation
>>> talk = Conversation(id="g1", date="2026-03-02", participants=["ria"],
...                     action_points=["flyer maken"], follow_up="2026-03-10")
>>> action_table([talk], {"ria": "Ria Jansen"}, today=date(2026, 3, 1))["status"].tolist()
['binnenkort']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import pandas as pd

from routekit.i18n import t
from routekit.records.conversations import Conversation

__all__ = ["SOON_DAYS", "action_table", "conversation_starters", "conversation_table",
           "free_id"]

SOON_DAYS = 14
"""An action point due within this many days is "binnenkort" (soon)."""


def _people(conversation: Conversation, names: Mapping[str, str]) -> str:
    return ", ".join(names.get(p, p) for p in conversation.participants)


def conversation_table(conversations: Iterable[Conversation], names: Mapping[str, str],
                       themes: Mapping[str, str]) -> pd.DataFrame:
    """All *conversations*, newest first, with participants' and themes' names.

    Parameters
    ----------
    conversations : iterable of Conversation
    names, themes : mapping
        Stakeholder id → name and theme id → name (unknown ids are shown as they are).

    Returns
    -------
    DataFrame
        Columns ``id, date, theme, participants, format, summary, action_points,
        follow_up`` (``action_points`` counts the points).
    """
    rows = [{"id": c.id, "date": c.date, "theme": themes.get(c.theme, c.theme or ""),
             "participants": _people(c, names),
             "format": t(f"conversations.format.{c.format}"), "summary": c.summary,
             "action_points": len(c.action_points), "follow_up": c.follow_up}
            for c in conversations]
    columns = ["id", "date", "theme", "participants", "format", "summary", "action_points",
               "follow_up"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("date", ascending=False, ignore_index=True)


def _status(follow_up: date | None, today: date) -> str:
    if follow_up is None:
        return "none"
    if follow_up < today:
        return "overdue"
    return "soon" if (follow_up - today).days <= SOON_DAYS else "planned"


def action_table(conversations: Iterable[Conversation], names: Mapping[str, str], *,
                 today: date) -> pd.DataFrame:
    """One row per action point, with the follow-up date and whether it is due on *today*.

    Returns
    -------
    DataFrame
        Columns ``conversation, date, participants, action, follow_up, status``;
        status is "te laat" (overdue), "binnenkort" (within two weeks),
        "gepland" (later) or "geen datum", in the current language. Sorted
        by follow-up date, overdue first.
    """
    rows = [{"conversation": c.id, "date": c.date, "participants": _people(c, names),
             "action": action, "follow_up": c.follow_up,
             "status": t(f"conversations.status.{_status(c.follow_up, today)}")}
            for c in conversations for action in c.action_points]
    columns = ["conversation", "date", "participants", "action", "follow_up", "status"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["follow_up", "date"], na_position="last", ignore_index=True)


def free_id(taken: Iterable[str], on: date) -> str:
    """A conversation id, not in *taken*, for a conversation held *on* a date.

    Examples
    --------
    >>> free_id({"g-20260305-1"}, date(2026, 3, 5))
    'g-20260305-2'
    """
    taken = set(taken)
    stem = f"g-{on:%Y%m%d}"
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def conversation_starters() -> list[str]:
    """Open questions to start a conversation in the OF/BY/FOR ALL spirit (current language)."""
    return [t(f"conversations.starter.{number}") for number in range(1, 7)]
