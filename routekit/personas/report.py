"""Report section of the persona stage: an overview table and one card per persona, and the
card as an HTML fragment in the house colour."""

from __future__ import annotations

import pandas as pd

from routekit.i18n import t
from routekit.personas.card import card_blocks, card_subtitle
from routekit.records.personas import Persona
from routekit.workspace import Route

__all__ = ["persona_html", "persona_table", "report_section"]


def persona_html(persona: Persona, evidence: pd.DataFrame | None = None,
                 area_name: str | None = None) -> str:
    """The card as a self-contained HTML fragment (a ``<article>``).

    Examples
    --------
    >>> persona_html(Persona(id="x", name="A & B")).splitlines()[1]
    '<h2 style="margin:.2rem 0">A &amp; B</h2>'
    """
    import html

    from routekit.style import get_style

    e = html.escape
    colour = get_style().primary
    out = [f'<article class="persona-card" style="border-top:6px solid {colour};'
           'padding:.6rem 1rem;max-width:48rem;font-family:DejaVu Sans,Arial,sans-serif">',
           f"<h2 style=\"margin:.2rem 0\">{e(persona.name)}</h2>"]
    if card_subtitle(persona, area_name):
        out.append(f"<p style=\"color:#555;margin:0\">{e(card_subtitle(persona, area_name))}</p>")
    if persona.quote:
        out.append(f"<blockquote style=\"color:{colour};font-style:italic\">"
                   f"“{e(persona.quote)}”</blockquote>")
    for block in card_blocks(persona, evidence).values():
        out.append(f"<h3 style=\"color:{colour};font-size:1rem\">{e(block.title)}</h3>")
        items = [f"<li><b>{e(label)}:</b> {e(value)}</li>" for label, value in block.pairs]
        items += [f"<li>{e(line)}</li>" for line in block.lines if block.bullets]
        out += [f"<p>{e(line)}</p>" for line in block.lines if not block.bullets]
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    if persona.source == "data":
        out.append(f"<p><em>{e(t('personas.reminder'))}</em></p>")
    out.append("</article>")
    return "\n".join(out)


def persona_table(route: Route):
    """One row per persona with its segment, area, skills, participation and evidence count.

    Columns carry labels in the user's language.
    """
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
    from routekit.personas.plot import plot_persona_card
    from routekit.personas.stored import card_of
    from routekit.report import Chart, Section
    from routekit.style import chart_size

    personas = route.records("personas")
    if not personas:
        return None
    size = chart_size()
    figures = [Chart(plot_persona_card(card_of(route, p.id), size=size).get_figure(root=True),
                     name=f"persona-{p.id}",
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
