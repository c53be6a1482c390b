"""What a route has to show, once, for the report (HTML, PDF) and the slide deck.

Each route stage contributes a section through a function listed in
:data:`SECTIONS` (``"module:function"`` → route step), which takes a
:class:`Route` and returns a :class:`Section` or None when the stage has
nothing yet. :func:`route_document` runs them all once and gives a
:class:`RouteDocument`: the cover, a management summary and one part per route
step (a step without data is marked "nog niet ingevuld" with how to fill it).
The HTML page (:func:`document_html`), the PDF (:mod:`routekit.documents.pdf`)
and the slides (:mod:`routekit.documents.slides`) are all made from it, and
every chart is rendered by one export (:mod:`routekit.documents.figures`).

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.create("routes/nieuw", library="Bibliotheek Voorbeeld",
...                      municipality={"code": "GM0344", "name": "Utrecht"})
>>> render(route, "out/report")  # a new route has only the overview; the sample, every step
PosixPath('out/report/rapport.html')
>>> document = route_document(route)
>>> [part.filled for part in document.parts][:3]
[True, False, False]
"""

from __future__ import annotations

import base64
import html
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from routekit.i18n import get_language, t
from routekit.storage import atomic_write_text
from routekit.workspace import STEPS, Route

__all__ = ["FORMATS", "SECTIONS", "Chart", "Part", "RouteDocument", "Section", "Table",
           "document_html", "overview_section", "render", "route_document", "to_html"]

SECTIONS: dict[str, str] = {
    "routekit.report:overview_section": "01",
    "routekit.organisation.report:report_section": "02",
    "routekit.conversations.report:report_section": "03",
    "routekit.area.report:report_section": "04a",
    "routekit.stakeholders.report:report_section": "04b",
    "routekit.network.report:report_section": "04c",
    "routekit.personas.report:report_section": "04d",
    "routekit.strategy.report:post_o_section": "05",
    "routekit.strategy.report:knowledge_section": "06",
    "routekit.plan.report:report_section": "07",
    "routekit.community.report:report_section": "08",
}
"""Section functions in route order, each with the route step it belongs to."""

FORMATS = ("html", "pdf")


@dataclass
class Chart:
    """A chart of the report and the slides: the figure, its point and the figures behind it.

    ``point`` is a Dutch sentence that states what the chart shows (the slide
    title); ``notes`` are the numbers behind it (speaker notes); ``name`` is the
    file name for ``routekit slides --figures``.
    """

    figure: Any
    point: str = ""
    notes: list[str] = field(default_factory=list)
    name: str = ""

    def __post_init__(self) -> None:
        if not self.point:
            self.point = _figure_title(self.figure)
        if not self.name:
            self.name = _slug(self.point) or "grafiek"


@dataclass
class Table:
    """A table of the report; ``slide`` marks a key table that also gets a slide."""

    frame: Any
    caption: str = ""
    slide: bool = False


@dataclass
class Section:
    """Part of the report: a title, paragraphs, tables and charts.

    ``tables`` takes DataFrames or :class:`Table`; ``figures`` takes matplotlib
    figures or :class:`Chart` (both become the latter). ``summary`` holds the
    sentences this stage adds to the management summary.
    """

    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Any] = field(default_factory=list)
    figures: list[Any] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tables = [x if isinstance(x, Table) else Table(x) for x in self.tables]
        self.figures = [x if isinstance(x, Chart) else Chart(x) for x in self.figures]


@dataclass
class Part:
    """One route step in the document: its sections, or how to fill it when it has none."""

    step: str
    title: str
    sections: list[Section] = field(default_factory=list)
    how_to: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.sections)


@dataclass
class RouteDocument:
    """Everything the report and the slides show of one route (see :func:`route_document`)."""

    route: Route
    made: date
    summary: list[tuple[str, str]]
    parts: list[Part]

    @property
    def title(self) -> str:
        return t("report.title", library=self.route.config.library)

    def cover_lines(self) -> list[str]:
        """Municipality, theme(s) and date, as lines for a cover or title slide."""
        cfg = self.route.config
        lines = [t("documents.cover.municipality", name=cfg.municipality.name)]
        themes = [theme.name for theme in cfg.themes]
        if themes:
            key = "documents.cover.theme" if len(themes) == 1 else "documents.cover.themes"
            lines.append(t(key, names=", ".join(themes)))
        lines.append(t("documents.cover.date", date=_dutch_date(self.made)))
        return lines

    def charts(self) -> Iterator[tuple[Part, Chart]]:
        for part in self.parts:
            for section in part.sections:
                for chart in section.figures:
                    yield part, chart

    def key_tables(self) -> Iterator[tuple[Part, Section, Table]]:
        for part in self.parts:
            for section in part.sections:
                for table in section.tables:
                    if table.slide and len(table.frame):
                        yield part, section, table

    def close(self) -> None:
        """Close every chart's figure (their rendered images stay cached)."""
        from routekit.documents.figures import close

        for _, chart in self.charts():
            close(chart.figure)


def route_document(route: Route, *, progress: Callable[[str], None] | None = None,
                   workers: int = 1, render: tuple[str, ...] = (),
                   figures: str | Path | None = None) -> RouteDocument:
    """Run every stage's section function once and collect the document of *route*.

    Parameters
    ----------
    route : Route
    progress : callable, optional
        Called with each section's name after it is made (a progress bar).
    workers : int, default 1
        With more than one, the sections are drawn in that many separate
        processes at once (the command line does this: drawing the charts is most
        of the time). Their charts then come back rendered for the targets in
        *render* only, without their figure.
    render : tuple of str
        Targets of :data:`routekit.documents.figures.TARGETS` to render each chart
        for right away (needed with *workers*; a cache otherwise).
    figures : str or Path, optional
        Also write every chart as PNG and SVG into this folder, with the logo.

    Returns
    -------
    RouteDocument
        One :class:`Part` per route step, in order; steps without data carry
        a Dutch "nog niet ingevuld" with how to fill them.
    """
    from routekit.documents.summary import management_summary

    if workers > 1:
        made = _sections_in_processes(route, workers, render, figures, progress)
    else:
        made = {}
        for dotted in SECTIONS:
            made[dotted] = _section(route, dotted, render, figures)
            if progress is not None:
                progress(dotted)
    found: dict[str, list[Section]] = {step: [] for step in STEPS}
    for dotted, step in SECTIONS.items():
        if made[dotted] is not None:
            found[step].append(made[dotted])
    parts = [Part(step=step, title=t(f"core.step.{step}"), sections=sections,
                  how_to="" if sections else t(f"documents.how_to.{step}"))
             for step, sections in found.items()]
    return RouteDocument(route=route, made=date.today(),
                         summary=management_summary(route, parts), parts=parts)


def _section(route: Route, dotted: str, render: tuple[str, ...] = (),
             figures: str | Path | None = None, *, keep: bool = True) -> Section | None:
    """Run one section function; render its charts for *render*, export them to *figures*.

    Charts leave pyplot at once (a notebook never shows them; they still render).
    With ``keep=False`` the figures are dropped after rendering (for other processes).
    """
    import matplotlib as mpl

    from routekit.documents.figures import chart_image, close, export_chart, route_logo
    from routekit.style import style_context

    module, _, function = dotted.partition(":")
    with style_context(), mpl.rc_context({"figure.max_open_warning": 0}):
        section = getattr(importlib.import_module(module), function)(route)
    for chart in section.figures if section is not None else ():
        close(chart.figure)
        for target in render:
            chart_image(chart, target)
        if figures is not None:
            export_chart(chart, figures, logo=route_logo(route))
        if not keep:
            chart.figure = None
    return section


def _worker_section(route_dir: str, dotted: str, language: str, render, figures):
    """One section in a worker process (see :func:`route_document`'s *workers*)."""
    import os

    os.environ.setdefault("MPLBACKEND", "Agg")
    from routekit.i18n import set_language
    from routekit.notebook import start

    route = start(route_dir, quiet=True)
    set_language(language)
    return _section(route, dotted, render, figures, keep=False)


def _sections_in_processes(route: Route, workers: int, render, figures, progress):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # the sections with the most charts first, so no worker is left with them at the end
    heavy = ["routekit.stakeholders.report:report_section",
             "routekit.network.report:report_section", "routekit.area.report:report_section"]
    order = [d for d in heavy if d in SECTIONS] + [d for d in SECTIONS if d not in heavy]
    context = multiprocessing.get_context("spawn")  # no fork of a kernel's threads
    made = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_worker_section, str(route.path), dotted, get_language(),
                               tuple(render), None if figures is None
                               else str(Path(figures).resolve())): dotted
                   for dotted in order}
        for future in as_completed(futures):
            made[futures[future]] = future.result()
            if progress is not None:
                progress(futures[future])
    return made


def overview_section(route: Route) -> Section:
    """The route itself: library, municipality, areas, themes and progress per step."""
    cfg = route.config
    areas = ", ".join(area.name for area in cfg.areas)
    paragraphs = [t("report.overview.intro" if areas else "report.overview.intro_no_areas",
                    library=cfg.library, municipality=cfg.municipality.name, areas=areas)]
    paragraphs += [t("report.overview.theme", name=theme.name, goal=theme.goal or "–")
                   for theme in cfg.themes]
    if cfg.fictional:
        paragraphs.insert(0, cfg.notice or t("core.route.fictional"))
    progress = route.progress()
    table = progress.assign(started=progress["started"].map(
        {True: t("report.answer.yes"), False: t("report.answer.no")}))
    table = table[["title", "records", "started"]].rename(columns={
        "title": t("report.col.title"), "records": t("report.col.records"),
        "started": t("report.col.started")})
    return Section(title=t("report.overview.title"), paragraphs=paragraphs, tables=[table])


# --- HTML -------------------------------------------------------------------------------

def _figure_title(figure) -> str:
    """The bold title of a routekit chart (see :func:`routekit.style.finish`), or ""."""
    for text in getattr(figure, "texts", []):
        if text.get_gid() == "routekit-title":
            return " ".join(text.get_text().split())
    for ax in getattr(figure, "axes", []):
        for child in ax.texts:
            if child.get_gid() == "routekit-title":
                return " ".join(child.get_text().split())
        title = ax.get_title(loc="left") or ax.get_title()
        if title:
            return " ".join(title.split())
    return ""


def _slug(text: str) -> str:
    import re
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60]


def _dutch_date(day: date) -> str:
    months = t("documents.months").split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _shown(frame):
    """*frame* with missing values in object columns (None dates, say) shown as "–" too.

    ``to_html``'s ``na_rep`` covers NaN but prints None in object columns as "None".
    """
    import pandas as pd

    objects = [c for c in frame.columns if pd.api.types.is_object_dtype(frame[c])]
    return frame.assign(**{c: frame[c].where(frame[c].notna(), "–") for c in objects})


def _table_html(table: Table) -> str:
    from routekit.documents.tables import formatted

    body = formatted(table.frame).to_html(index=False, border=0, na_rep="–",
                                          classes="table", escape=True)
    caption = f'<p class="caption">{html.escape(table.caption)}</p>' if table.caption else ""
    return f'<div class="table-block">{caption}{body}</div>'


def _chart_html(chart: Chart, target: str) -> str:
    from routekit.documents.figures import MIME, TARGETS, chart_image

    data = base64.b64encode(chart_image(chart, target)).decode("ascii")
    alt, mime = html.escape(chart.point), MIME[TARGETS[target][1]]
    return (f'<figure><img alt="{alt}" src="data:{mime};base64,{data}">'
            f"<figcaption>{alt}</figcaption></figure>")


def _section_html(section: Section, target: str = "html", level: int = 2,
                  heading: bool = True) -> str:
    parts = ["<section>"]
    if heading:
        parts.append(f"<h{level}>{html.escape(section.title)}</h{level}>")
    parts += [f"<p>{html.escape(text)}</p>" for text in section.paragraphs]
    parts += [_table_html(table) for table in section.tables]
    parts += [_chart_html(chart, target) for chart in section.figures]
    parts.append("</section>")
    return "\n".join(parts)


def _part_html(part: Part, target: str) -> str:
    kind = "filled" if part.filled else "empty"
    head = (f'<div class="part {kind}" id="stap-{part.step}">'
            f"<h2>{html.escape(part.title)}</h2>")
    if not part.filled:
        return (f'{head}<p class="missing"><strong>{html.escape(t("documents.missing"))}'
                f"</strong> {html.escape(part.how_to)}</p></div>")
    same = _plain(part.title)
    return "\n".join([head, *(_section_html(s, target, level=3,
                                            heading=_plain(s.title) != same)
                              for s in part.sections), "</div>"])


def _plain(title: str) -> str:
    """*title* without its step number: "2. De organisatie en ik" → "de organisatie en ik"."""
    return title.split(". ", 1)[-1].strip().lower()


def _logo_html(route: Route) -> str:
    from routekit.documents.figures import route_logo

    logo = route_logo(route)
    if logo is None:
        return ""
    data = base64.b64encode(logo.read_bytes()).decode("ascii")
    return f'<img class="logo" alt="" src="data:image/png;base64,{data}">'


def document_html(document: RouteDocument, *, target: str = "html") -> str:
    """The whole document as one self-contained HTML page (charts embedded as PNG).

    *target* is ``"html"`` (screen) or ``"pdf"`` (print resolution, for
    :mod:`routekit.documents.pdf`); the content is the same.
    """
    from routekit.documents.figures import route_colours

    route = document.route
    colours = route_colours(route)
    cover = [f'<header class="cover">{_logo_html(route)}',
             f"<h1>{html.escape(document.title)}</h1>",
             f'<p class="library">{html.escape(route.config.library)}</p>',
             *(f'<p class="meta">{html.escape(line)}</p>' for line in document.cover_lines())]
    if route.config.fictional:
        cover.append(f'<p class="notice">{html.escape(route.config.notice or "")}</p>')
    made = t("report.made", date=_dutch_date(document.made))
    cover.append(f'<p class="made">{html.escape(made)}</p></header>')
    summary = [f'<div class="summary"><h2>{html.escape(t("documents.summary.title"))}</h2>',
               *(f'<p><strong class="lead">{html.escape(lead)}</strong><br>'
                 f"{html.escape(text)}</p>"
                 for lead, text in document.summary), "</div>"]
    bodies = [_part_html(part, target) for part in document.parts]
    css = _CSS.replace("PRIMARY", colours["primary"]).replace("ACCENT", colours["accent"])
    footer = html.escape(t("documents.footer", library=route.config.library))
    css = css.replace("FOOTER", footer.replace('"', "'"))
    head = [f'<!DOCTYPE html><html lang="{get_language()}"><head><meta charset="utf-8">',
            f"<title>{html.escape(document.title)}</title><style>{css}</style></head><body>"]
    return "\n".join(head + cover + summary + bodies + ["</body></html>"])


def to_html(route: Route, sections: list[Section]) -> str:
    """Render *sections* as one self-contained HTML page, without cover or summary."""
    from routekit.documents.figures import route_colours

    colours = route_colours(route)
    css = _CSS.replace("PRIMARY", colours["primary"]).replace("ACCENT", colours["accent"])
    title = html.escape(t("report.title", library=route.config.library))
    bodies = [_section_html(section) for section in sections]
    return "\n".join([f'<!DOCTYPE html><html lang="{get_language()}"><head>'
                      f'<meta charset="utf-8"><title>{title}</title>'
                      f"<style>{css}</style></head><body><h1>{title}</h1>", *bodies,
                      "</body></html>"])


def render(route: Route, out_dir: str | Path, *, format: str = "html",
           document: RouteDocument | None = None,
           progress: Callable[[str], None] | None = None) -> Path:
    """Write the report of *route* to *out_dir* as ``rapport.html`` or ``rapport.pdf``.

    Parameters
    ----------
    route : Route
    out_dir : str or Path
        Folder, created when missing.
    format : {"html", "pdf"}
        The PDF is A4 with page numbers (needs weasyprint and the machine's pango).
    document : RouteDocument, optional
        A document already made by :func:`route_document` (its charts are rendered
        once); made here when None and closed afterwards.
    progress : callable, optional
        Passed to :func:`route_document`.

    Returns
    -------
    Path
        The written file.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    own = document is None
    if own:
        document = route_document(route, progress=progress)
    try:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / Path(t("report.filename")).with_suffix(f".{format}")
        page = document_html(document, target=format)
        if format == "html":
            atomic_write_text(path, page)
        else:
            from routekit.documents.pdf import write_pdf

            write_pdf(page, path)
    finally:
        if own:
            document.close()
    return path


_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt;
                        color: #666; font-family: 'DejaVu Sans', Arial, sans-serif; }
        @bottom-left { content: "FOOTER"; font-size: 8pt; color: #666;
                       font-family: 'DejaVu Sans', Arial, sans-serif; } }
@page :first { @bottom-right { content: none; } @bottom-left { content: none; } }
body { font-family: 'DejaVu Sans', Arial, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.9rem; color: PRIMARY; margin: .3rem 0; }
h2 { color: PRIMARY; border-bottom: 3px solid ACCENT; padding-bottom: .2rem;
     break-after: avoid; margin-top: 2rem; }
h3 { color: PRIMARY; break-after: avoid; margin-bottom: .3rem; }
.cover { padding: 2rem 0 1.5rem; border-bottom: 4px solid PRIMARY; margin-bottom: 1.5rem; }
.cover .library { font-size: 1.25rem; font-weight: bold; margin: .2rem 0 .8rem; }
.cover .meta { margin: .15rem 0; font-size: 1.05rem; }
.cover .notice { color: #8a4b00; font-style: italic; margin-top: 1rem; }
.cover .made { color: #666; font-size: .85rem; margin-top: 1rem; }
.logo { max-height: 5rem; max-width: 14rem; display: block; margin-bottom: 1rem; }
.summary { background: #f5f7fa; border-left: 5px solid PRIMARY; padding: .2rem 1.2rem 1rem; }
.summary h2 { border: none; margin-top: .8rem; }
.missing { background: #fff7e6; border-left: 5px solid ACCENT; padding: .6rem 1rem; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure img { width: 100%; height: auto; display: block; }
figcaption { font-size: .85rem; color: #555; margin-top: .3rem; }
.caption { font-weight: bold; margin: .8rem 0 .2rem; break-after: avoid; }
table.table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .85rem;
              width: 100%; }
table.table thead { display: table-header-group; }
table.table tr { break-inside: avoid; page-break-inside: avoid; }
table.table th { background: PRIMARY; color: white; text-align: left; padding: .3rem .5rem;
                 vertical-align: bottom; }
table.table td { border-bottom: 1px solid #ddd; padding: .25rem .5rem; text-align: left;
                 vertical-align: top; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  .cover { height: 230mm; break-after: page; border: none; padding-top: 40mm; }
  .cover h1 { font-size: 26pt; }
  .summary { break-after: page; }
  .part.filled { break-before: page; }
  .part.empty h2 { margin-top: 1.2rem; }
  table.table { font-size: 8pt; }
}
"""
