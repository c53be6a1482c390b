"""Route step 8's part of the route report: the contact moments and who carries the work.

Examples
--------
>>> from routekit.workspace import Route
>>> report_section(Route.open("data/sample-route")).title
'De community vasthouden: contactmomenten en wie het draagt'
"""

from __future__ import annotations

from routekit.i18n import t
from routekit.workspace import Route

__all__ = ["report_section"]


def report_section(route: Route):
    """Step 8: the regular contact moments and who carries the work; None without moments."""
    from routekit.community.sharing import step8_messages
    from routekit.plan import tables
    from routekit.plan.stored import plan_of
    from routekit.report import Section, Table

    plan = plan_of(route)
    moments = tables.contact_table(plan)
    if moments.empty:
        return None
    messages = step8_messages(plan, route.table("relations"))
    shown = moments[["title", "recurrence", "count", "location", "participants"]]
    return Section(title=t("documents.plan.community_title"),
                   paragraphs=[t("documents.plan.moments", count=len(moments)), *messages],
                   tables=[Table(tables.display(shown),
                                 caption=t("documents.plan.moments_caption"))],
                   summary=messages[:2])
