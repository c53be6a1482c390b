"""The 16:9 slide deck of a route (``routekit slides``), made with python-pptx.

A title slide, the management summary, one slide per chart (its title states the
point, the speaker notes hold the figures behind it), the key tables (split
over slides with the header repeated) and what is not filled in yet. Colours and
logo come from the route's ``style:`` in ``route.yaml``.

Examples
--------
>>> from pptx import Presentation
>>> from routekit.report import route_document
>>> from routekit.workspace import Route
>>> route = Route.create("routes/dia", library="Bibliotheek Voorbeeld",
...                      municipality={"code": "GM0344", "name": "Utrecht"})
>>> path = write_slides(route_document(route), "out/dia.pptx")
>>> len(Presentation(path).slides)  # title, summary, what is still open
3
"""

from __future__ import annotations

import io
from pathlib import Path

from routekit.i18n import t

__all__ = ["ROWS_PER_SLIDE", "write_slides"]

ROWS_PER_SLIDE = 10
"""Table rows on one slide; longer tables continue on the next slide."""

_W, _H = 13.333, 7.5  # inches, 16:9 (the slide itself is PowerPoint's exact 16:9 in EMU)
_SLIDE_EMU = (12192000, 6858000)


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper())


class _Deck:
    """A presentation with the route's colours, logo and footer on every slide."""

    def __init__(self, document):
        from pptx import Presentation

        from routekit.documents.figures import route_colours, route_logo

        self.document = document
        self.colours = route_colours(document.route)
        self.logo = route_logo(document.route)
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = _SLIDE_EMU
        self.blank = self.prs.slide_layouts[6]

    def slide(self, title: str, notes: list[str] | str = ()):
        from pptx.util import Inches, Pt

        slide = self.prs.slides.add_slide(self.blank)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(_W - 1), Inches(1.0))
        frame = box.text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = title
        run.font.size, run.font.bold = Pt(26 if len(title) <= 48 else 20), True  # two lines fit
        run.font.color.rgb = _rgb(self.colours["primary"])
        bar = slide.shapes.add_shape(1, Inches(0.5), Inches(1.38), Inches(1.4), Inches(0.07))
        bar.fill.solid()
        bar.fill.fore_color.rgb = _rgb(self.colours["accent"])
        bar.line.fill.background()
        self._footer(slide)
        if isinstance(notes, str):
            notes = [notes]
        slide.notes_slide.notes_text_frame.text = "\n".join(notes) or title
        return slide

    def _footer(self, slide) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Inches, Pt

        number = len(self.prs.slides)
        box = slide.shapes.add_textbox(Inches(0.5), Inches(_H - 0.45), Inches(8), Inches(0.3))
        box.text_frame.word_wrap = True
        box.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
        run = box.text_frame.paragraphs[0].add_run()
        run.text = f"{self.document.route.config.library} · {number}"
        run.font.size = Pt(10)
        run.font.color.rgb = _rgb("#6b6b6b")
        if self.logo is not None:
            slide.shapes.add_picture(str(self.logo), Inches(_W - 1.9), Inches(_H - 0.65),
                                     height=Inches(0.5))

    def text(self, slide, lines: list[str], *, top: float = 1.6, size: int = 18,
             bold_first: bool = False) -> None:
        from pptx.util import Inches, Pt

        box = slide.shapes.add_textbox(Inches(0.6), Inches(top), Inches(_W - 1.2),
                                       Inches(_H - top - 0.8))
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(8)
            lead, _, rest = line.partition("\t")
            run = paragraph.add_run()
            run.text = lead
            run.font.size = Pt(size)
            run.font.bold = bold_first and bool(rest)
            run.font.color.rgb = _rgb(self.colours["text"])
            if rest:
                more = paragraph.add_run()
                more.text = " " + rest
                more.font.size = Pt(size)
                more.font.color.rgb = _rgb(self.colours["text"])

    def save(self, path: Path) -> Path:
        from routekit.storage import atomic_write_bytes

        buffer = io.BytesIO()
        self.prs.save(buffer)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, buffer.getvalue(), backup=False)
        return path


def _title_slide(deck: _Deck) -> None:
    from pptx.util import Inches, Pt

    document = deck.document
    slide = deck.prs.slides.add_slide(deck.blank)
    band = slide.shapes.add_shape(1, 0, 0, deck.prs.slide_width, Inches(4.2))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(deck.colours["primary"])
    band.line.fill.background()
    box = slide.shapes.add_textbox(Inches(0.8), Inches(1.4), Inches(_W - 3.5), Inches(2.4))
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = document.title
    run.font.size, run.font.bold = Pt(40), True
    run.font.color.rgb = _rgb("#ffffff")
    lines = [document.route.config.library, *document.cover_lines()]
    if document.route.config.fictional:
        lines.append(document.route.config.notice or t("core.route.fictional"))
    deck.text(slide, lines, top=4.6, size=20)
    if deck.logo is not None:
        slide.shapes.add_picture(str(deck.logo), Inches(_W - 2.6), Inches(0.5),
                                 height=Inches(1.0))
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _chart_slide(deck: _Deck, chart) -> None:
    from pptx.util import Inches

    from routekit.documents.figures import chart_image

    slide = deck.slide(chart.point, chart.notes)
    top, bottom = 1.6, 0.6
    height = _H - top - bottom
    width = min(_W - 1.0, height * 16 / 9)
    slide.shapes.add_picture(io.BytesIO(chart_image(chart, "slides")),
                             Inches((_W - width) / 2), Inches(top), width=Inches(width))


def _table_slides(deck: _Deck, section, table) -> None:
    from pptx.util import Inches, Pt

    from routekit.documents.tables import formatted

    frame = formatted(table.frame)
    title = table.caption or section.title
    slides = -(-len(frame) // ROWS_PER_SLIDE)
    rows = -(-len(frame) // slides)  # balanced: 12 rows give 6 + 6, not 10 + 2
    chunks = [frame.iloc[i:i + rows] for i in range(0, len(frame), rows)]
    for number, chunk in enumerate(chunks, start=1):
        heading = title if len(chunks) == 1 else f"{title} ({number}/{len(chunks)})"
        notes = [" · ".join(f"{c}: {v}" for c, v in row.items()) for _, row in chunk.iterrows()]
        slide = deck.slide(heading, notes)
        rows, cols = len(chunk) + 1, len(chunk.columns)
        shape = slide.shapes.add_table(rows, cols, Inches(0.5), Inches(1.6), Inches(_W - 1),
                                       Inches(0.4 * rows))
        grid = shape.table
        longest = [max([len(str(c))] + [len(str(v)) for v in chunk[c]]) for c in chunk.columns]
        total = sum(min(n, 60) + 4 for n in longest)
        for j, n in enumerate(longest):
            grid.columns[j].width = int(Inches(_W - 1) * (min(n, 60) + 4) / total)
        size = Pt(12 if cols <= 4 else 10)
        for j, column in enumerate(chunk.columns):
            _cell(grid.cell(0, j), str(column), size, bold=True, fill=deck.colours["primary"],
                  colour="#ffffff")
        for i, (_, row) in enumerate(chunk.iterrows(), start=1):
            for j, value in enumerate(row):
                _cell(grid.cell(i, j), str(value), size, fill="#f5f7fa" if i % 2 else "#ffffff",
                      colour=deck.colours["text"])


def _cell(cell, text: str, size, *, bold: bool = False, fill: str, colour: str) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = _rgb(fill)
    frame = cell.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold = size, bold
    run.font.color.rgb = _rgb(colour)


def write_slides(document, path: str | Path, *, progress=None) -> Path:
    """Write the slide deck of *document* (a :class:`routekit.report.RouteDocument`) to *path*.

    Parameters
    ----------
    document : RouteDocument
    path : str or Path
        The ``.pptx`` file (written atomically; the folder is created).
    progress : callable, optional
        Called with each chart's name once its slide is made.

    Returns
    -------
    Path
    """
    deck = _Deck(document)
    _title_slide(deck)
    summary = deck.slide(t("documents.summary.title"),
                         [f"{lead}\n{text}" for lead, text in document.summary])
    deck.text(summary, [f"{lead}\t{_first_sentence(text)}" for lead, text in document.summary],
              size=16 if len(document.summary) > 3 else 18, bold_first=True)
    for _, chart in document.charts():
        _chart_slide(deck, chart)
        if progress is not None:
            progress(chart.name)
    for _, section, table in document.key_tables():
        _table_slides(deck, section, table)
    missing = [part for part in document.parts if not part.filled]
    if missing:
        slide = deck.slide(t("documents.slides.open"),
                           [f"{part.title}: {part.how_to}" for part in missing])
        deck.text(slide, [part.title for part in missing], size=16 if len(missing) > 6 else 18)
    return deck.save(Path(path))
