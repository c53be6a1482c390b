"""Route step 3 (Ga kennismaken, ga erop uit): conversation notes and their action points.

The Routekaart's tip: make a short report of every conversation with the
action points, discuss with your team what you can take up, and report back
to the people you spoke with. These functions turn the ``conversations``
records into the overviews that make that easy.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> action_points(route, today=date(2026, 6, 1)).columns.tolist()[:3]
['conversation', 'date', 'participants']
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from routekit.i18n import t
from routekit.workspace import Route

__all__ = ["action_points", "conversation_log", "conversation_starters", "next_id",
           "report_section"]

SOON_DAYS = 14


def _names(route: Route) -> dict[str, str]:
    return {s.id: s.name for s in route.records("stakeholders")}


def conversation_log(route: Route) -> pd.DataFrame:
    """All conversations, newest first, with participants' and themes' names.

    Returns
    -------
    DataFrame
        Columns ``id, date, theme, participants, format, summary, action_points,
        follow_up`` (``action_points`` counts the points).
    """
    names = _names(route)
    themes = {theme.id: theme.name for theme in route.config.themes}
    rows = [{"id": c.id, "date": c.date, "theme": themes.get(c.theme, c.theme or ""),
             "participants": ", ".join(names.get(p, p) for p in c.participants),
             "format": t(f"conversations.format.{c.format}"), "summary": c.summary,
             "action_points": len(c.action_points), "follow_up": c.follow_up}
            for c in route.records("conversations")]
    columns = ["id", "date", "theme", "participants", "format", "summary", "action_points",
               "follow_up"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values("date", ascending=False, ignore_index=True)


def action_points(route: Route, *, today: date | None = None) -> pd.DataFrame:
    """One row per action point, with the follow-up date and whether it is due.

    Parameters
    ----------
    route : Route
    today : date, optional
        Reference date for the status (default: today).

    Returns
    -------
    DataFrame
        Columns ``conversation, date, participants, action, follow_up, status``;
        status is "te laat" (overdue), "binnenkort" (within two weeks),
        "gepland" (later) or "geen datum", in the current language. Sorted
        by follow-up date, overdue first.
    """
    today = today or date.today()
    names = _names(route)
    rows = []
    for c in route.records("conversations"):
        for action in c.action_points:
            if c.follow_up is None:
                status = "none"
            elif c.follow_up < today:
                status = "overdue"
            elif (c.follow_up - today).days <= SOON_DAYS:
                status = "soon"
            else:
                status = "planned"
            rows.append({"conversation": c.id, "date": c.date,
                         "participants": ", ".join(names.get(p, p) for p in c.participants),
                         "action": action, "follow_up": c.follow_up,
                         "status": t(f"conversations.status.{status}")})
    columns = ["conversation", "date", "participants", "action", "follow_up", "status"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["follow_up", "date"], na_position="last", ignore_index=True)


def next_id(route: Route, on: date) -> str:
    """A new conversation id for a conversation held *on* a date: ``g-20260305-2``."""
    taken = {c.id for c in route.records("conversations")}
    stem = f"g-{on:%Y%m%d}"
    number = 1
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def conversation_starters() -> list[str]:
    """Open questions to start a conversation in the OF/BY/FOR ALL spirit (current language)."""
    return [t(f"conversations.starter.{number}") for number in range(1, 7)]


def report_section(route: Route):
    """Report section: the conversation log and open action points (None when empty)."""
    from routekit.report import Section

    log = conversation_log(route)
    if log.empty:
        return None
    table = log[["date", "theme", "participants", "summary"]].rename(columns={
        "date": t("conversations.col.date"), "theme": t("conversations.col.theme"),
        "participants": t("conversations.col.participants"),
        "summary": t("conversations.col.summary")})
    points = action_points(route)
    return Section(title=t("conversations.report.title"),
                   paragraphs=[t("conversations.report.intro", count=len(log),
                                 points=len(points))],
                   tables=[table])
