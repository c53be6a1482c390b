"""Build the example template ``projectplan-sjabloon.docx`` with python-docx.

The template looks like a plain library "plan van aanpak" and uses every kind of
placeholder routekit fills (see README.md): single values, repeating paragraphs,
repeating table rows, a totals row and the timeline picture. One placeholder is
deliberately split over two runs with different formatting, as Word often stores
typed text, to show that filling still works.

Run from the project root: ``.venv/bin/python data/templates/make_template.py``.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
TARGET = HERE / "projectplan-sjabloon.docx"
HOUSE = RGBColor(0x7A, 0x1F, 0x5C)


def _loop_table(doc, header: list[str], cells: list[str], loop: str, total: list[str] | None):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    table.add_row().cells[0].text = "{%tr for " + loop + " %}"
    for cell, text in zip(table.add_row().cells, cells, strict=True):
        cell.text = text
    table.add_row().cells[0].text = "{%tr endfor %}"
    if total:
        for cell, text in zip(table.add_row().cells, total, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
    return table


def _loop_paragraph(doc, loop: str, text: str) -> None:
    """Add one bullet *text* repeated by the docxtpl paragraph loop ``{%p for <loop> %}``."""
    doc.add_paragraph("{%p for " + loop + " %}")
    doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph("{%p endfor %}")


def build(target: Path = TARGET) -> Path:
    """Write the example template to *target* and return the path."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    header = section.header.paragraphs[0]
    header.text = "{{ plan.library }} – plan van aanpak"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.text = "Opgesteld op {{ plan.date }} · format van de bibliotheek, ingevuld met routekit"

    title = doc.add_paragraph()
    run = title.add_run("Plan van aanpak: {{ plan.theme }}")
    run.bold, run.font.size, run.font.color.rgb = True, Pt(22), HOUSE
    # split on purpose: Word often stores one placeholder in several runs
    org = doc.add_paragraph("Organisatie: ")
    org.add_run("{{ plan.").bold = True
    org.add_run("library }}")
    doc.add_paragraph("{{ plan.fictional }}").runs[0].italic = True

    doc.add_heading("1. Aanleiding en doel", level=1)
    doc.add_paragraph("Hoofddoel: {{ plan.goal }}")
    doc.add_paragraph("Alle doelen, samen met de community gesteld:")
    _loop_paragraph(doc, "g in goals",
                    "{{ g.id }}. {{ g.text }} — gemeten met: {{ g.measure }}; deadline: "
                    "{{ g.deadline }}; trekkers: {{ g.owners }}; SMART: {{ g.smart }}")

    doc.add_heading("2. Activiteiten en planning", level=1)
    _loop_table(doc, ["Activiteit", "Van", "Tot", "Trekkers", "Status"],
                ["{{ a.name }}", "{{ a.start }}", "{{ a.end }}", "{{ a.owners }}",
                 "{{ a.status }}"], "a in activities", None)
    doc.add_paragraph("{{ gantt }}")

    doc.add_heading("3. Eigenaarschap", level=1)
    doc.add_paragraph("{{ plan.ownership }}")

    doc.add_heading("4. Begroting", level=1)
    _loop_table(doc, ["Activiteit", "Post", "Kosten", "Subsidie", "In natura", "Financier"],
                ["{{ b.activity }}", "{{ b.description }}", "{{ b.cost }}", "{{ b.subsidy }}",
                 "{{ b.in_kind }}", "{{ b.funder }}"], "b in budget",
                ["Totaal", "", "{{ totals.cost }}", "{{ totals.subsidy }}",
                 "{{ totals.in_kind }}", ""])
    doc.add_paragraph("Eigen bijdrage: {{ totals.own }}. Totale waarde inclusief bijdragen in "
                      "natura: {{ totals.value }}.")

    doc.add_heading("5. Resultaten (KPI's)", level=1)
    _loop_table(doc, ["Indicator", "Streefwaarde", "Behaald", "Voortgang", "Gebied"],
                ["{{ k.name }}", "{{ k.target }} {{ k.unit }}", "{{ k.actual }}",
                 "{{ k.progress }}", "{{ k.area }}"], "k in kpis", None)

    doc.add_heading("6. Risico's", level=1)
    _loop_paragraph(doc, "r in risks",
                    "{{ r.description }} (kans {{ r.likelihood }}, impact {{ r.impact }}, "
                    "{{ r.level }}). Maatregel: {{ r.mitigation }} — {{ r.owner }}")

    doc.add_heading("7. Contactmomenten", level=1)
    _loop_paragraph(doc, "c in contact_moments",
                    "{{ c.title }}: {{ c.recurrence }} vanaf {{ c.start }} ({{ c.count }} "
                    "keer), {{ c.location }}")
    doc.save(target)
    return target


if __name__ == "__main__":
    print(build())
