"""Route step 3's part of the route report: the conversation log and open action points.

Examples
--------
>>> from routekit.workspace import Route
>>> report_section(Route.open("data/sample-route")).title
'3. Gesprekken'
"""

from __future__ import annotations

from routekit.conversations.stored import action_points, conversation_log
from routekit.i18n import t
from routekit.workspace import Route

__all__ = ["report_section"]


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
