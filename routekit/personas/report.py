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

    themes = {theme.id: theme.name for theme in route.config.themes}
    areas = {area.code: area.name for area in route.config.areas}
    segments = _segment_names(route)
    rows = []
    for p in route.records("personas"):
        rows.append({
            t("personas.field.name"): p.name,
            t("personas.field.theme"): themes.get(p.theme, p.theme) if p.theme else "–",
            t("personas.field.segment"): segments.get(p.segment, p.segment) if p.segment
            else "–",
            t("personas.field.area"): areas.get(p.area, p.area) if p.area else "–",
            t("personas.field.digital_skills"):
                t(f"personas.level.{p.digital_skills}") if p.digital_skills else "–",
            t("personas.field.participation"):
                t(f"personas.participation.{p.participation}") if p.participation else "–",
            t("personas.field.community_role"): (p.community_role or "–").upper(),
            t("personas.field.conversations"): len(p.conversations),
            t("personas.field.source"): t(f"personas.source.{p.source}"),
        })
    return pd.DataFrame(rows)


def _segment_names(route: Route) -> dict[str, str]:
    """Segment code → name from the route's segment scheme (empty without one)."""
    path = route.area_file("segment_scheme")
    if not path.exists():
        return {}
    from routekit.area.files import load_scheme

    table = load_scheme(path).table
    return {code: str(name) for code, name in table["name"].items()}


def report_section(route: Route):
    """The personas of the route, or None when there are none."""
    from routekit.personas.card import persona_card
    from routekit.report import Chart, Section
    from routekit.style import chart_size

    personas = route.records("personas")
    if not personas:
        return None
    figures = [Chart(persona_card(route, p.id, size=chart_size()), name=f"persona-{p.id}",
                     point=t("documents.personas.point", name=p.name,
                             quote=f": “{p.quote}”" if p.quote else ""),
                     notes=[f"{key}: {value}" for key, value in row.items() if value != "–"]
                     + ([p.bio] if p.bio else []))
               for p, row in zip(personas, persona_table(route).to_dict("records"),
                                 strict=True)]
    return Section(title=t("personas.report.title"),
                   paragraphs=[t("personas.report.intro", count=len(personas)),
                               t("personas.reminder")],
                   tables=[persona_table(route)], figures=figures)
