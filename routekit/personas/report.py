"""Report section of the persona stage: an overview table and one card per persona."""

from __future__ import annotations

from routekit.i18n import t
from routekit.workspace import Route

__all__ = ["persona_table", "report_section"]


def persona_table(route: Route):
    """One row per persona with its segment, area, skills, participation and evidence count.

    Columns carry labels in the user's language.
    """
    import pandas as pd

    rows = []
    for p in route.records("personas"):
        rows.append({
            t("personas.field.name"): p.name,
            t("personas.field.theme"): p.theme or "–",
            t("personas.field.segment"): p.segment or "–",
            t("personas.field.area"): p.area or "–",
            t("personas.field.digital_skills"):
                t(f"personas.level.{p.digital_skills}") if p.digital_skills else "–",
            t("personas.field.participation"):
                t(f"personas.participation.{p.participation}") if p.participation else "–",
            t("personas.field.community_role"): (p.community_role or "–").upper(),
            t("personas.field.conversations"): len(p.conversations),
            t("personas.field.source"): t(f"personas.source.{p.source}"),
        })
    return pd.DataFrame(rows)


def report_section(route: Route):
    """The personas of the route, or None when there are none."""
    from routekit.personas.card import persona_card
    from routekit.report import Section

    personas = route.records("personas")
    if not personas:
        return None
    figures = [persona_card(route, p.id, size="slide") for p in personas]
    return Section(title=t("personas.report.title"),
                   paragraphs=[t("personas.report.intro", count=len(personas)),
                               t("personas.reminder")],
                   tables=[persona_table(route)], figures=figures)
