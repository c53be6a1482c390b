"""One self-contained HTML page with what a route has so far (``routekit report``).

Each route stage contributes a section through a function listed in
:data:`SECTIONS` (``"module:function"``), which takes a :class:`Route` and
returns a :class:`Section` or None when the stage has nothing yet. Figures are
embedded as PNG, so the page can be mailed or opened offline.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.create("routes/nieuw", library="Bibliotheek Voorbeeld",
...                      municipality={"code": "GM0344", "name": "Utrecht"})
>>> render(route, "out/report")  # a new route has only the overview; the sample, every step
PosixPath('out/report/rapport.html')
"""

from __future__ import annotations

import base64
import html
import importlib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from routekit.i18n import get_language, t
from routekit.storage import atomic_write_text
from routekit.workspace import Route

__all__ = ["SECTIONS", "Section", "overview_section", "render", "to_html"]

SECTIONS: list[str] = [
    "routekit.report:overview_section",
    "routekit.organisation:report_section",
    "routekit.conversations:report_section",
    "routekit.area.report:report_section",
    "routekit.stakeholders.report:report_section",
    "routekit.network.report:report_section",
    "routekit.personas.report:report_section",
    "routekit.strategy.report:post_o_section",
    "routekit.strategy.report:knowledge_section",
    "routekit.plan.report:report_section",
]
"""Section functions in route order; stage modules add theirs here."""


@dataclass
class Section:
    """Part of the report: a title, paragraphs, tables and figures.

    ``tables`` holds pandas DataFrames; ``figures`` matplotlib figures (closed
    after rendering).
    """

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Any] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)


def overview_section(route: Route) -> Section:
    """The route itself: library, municipality, areas, themes and progress per step."""
    cfg = route.config
    paragraphs = [t("report.overview.intro", library=cfg.library,
                    municipality=cfg.municipality.name,
                    areas=", ".join(area.name for area in cfg.areas) or "–")]
    paragraphs += [t("report.overview.theme", name=theme.name, goal=theme.goal or "–")
                   for theme in cfg.themes]
    if cfg.fictional:
        paragraphs.insert(0, cfg.notice or t("core.route.fictional"))
    progress = route.progress()
    table = progress.assign(started=progress["started"].map(
        {True: t("report.answer.yes"), False: t("report.answer.no")}))
    table = table.rename(columns={"step": t("report.col.step"), "title": t("report.col.title"),
                                  "records": t("report.col.records"),
                                  "started": t("report.col.started")})
    return Section(title=t("report.overview.title"), paragraphs=paragraphs, tables=[table])


def _figure_html(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<figure><img alt="" src="data:image/png;base64,{data}"></figure>'


def to_html(route: Route, sections: list[Section]) -> str:
    """Render *sections* as one self-contained HTML page (figures are closed)."""
    return _page(route, [_section_html(section) for section in sections])


def _page(route: Route, bodies: list[str]) -> str:
    title = t("report.title", library=route.config.library)
    head = [f"<!DOCTYPE html><html lang=\"{get_language()}\"><head><meta charset=\"utf-8\">",
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{html.escape(title)}</h1>",
            f"<p class=\"meta\">{html.escape(t('report.made', date=date.today().isoformat()))}"
            "</p>"]
    return "\n".join(head + bodies + ["</body></html>"])


def _shown(frame):
    """*frame* with missing values in object columns (None dates, say) shown as "–" too.

    ``to_html``'s ``na_rep`` covers NaN but prints None in object columns as "None".
    """
    import pandas as pd

    objects = [c for c in frame.columns if pd.api.types.is_object_dtype(frame[c])]
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "–") for c in objects})


def _section_html(section: Section) -> str:
    parts = [f"<section><h2>{html.escape(section.title)}</h2>"]
    parts += [f"<p>{html.escape(text)}</p>" for text in section.paragraphs]
    parts += [_shown(frame).to_html(index=False, border=0, na_rep="–", classes="table")
              for frame in section.tables]
    parts += [_figure_html(figure) for figure in section.figures]
    parts.append("</section>")
    return "\n".join(parts)


def render(route: Route, out_dir: str | Path) -> Path:
    """Write the report of *route* to ``out_dir/rapport.html`` (``report.html`` in English).

    Each section is rendered as soon as it is made, so its figures are closed
    before the next stage draws.

    Returns
    -------
    Path
        The written file.
    """
    import matplotlib

    matplotlib.use("Agg")
    from routekit.style import style_context

    bodies = []
    with style_context():
        for dotted in SECTIONS:
            module, _, function = dotted.partition(":")
            section = getattr(importlib.import_module(module), function)(route)
            if section is not None:
                bodies.append(_section_html(section))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / t("report.filename")
    atomic_write_text(path, _page(route, bodies))
    return path


_CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.8rem; } h2 { border-bottom: 2px solid #ddd; padding-bottom: .2rem; }
.meta { color: #666; } figure { margin: 1rem 0; } img { max-width: 100%; }
table.table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
table.table th, table.table td { border-bottom: 1px solid #ddd; padding: .25rem .6rem;
                                 text-align: left; }
"""
