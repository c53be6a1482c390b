"""Documents a library hands in: Word plan and POST-O, own template, Excel, .ics."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from plan_data import small_plan

from routekit.plan.template import EXAMPLE_TEMPLATE, fill_template, template_fields


def _docx_text(path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    parts += [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join(parts)


def test_plan_document_content(tmp_path):
    import docx

    from routekit.plan.word import plan_document

    path = plan_document(small_plan(), tmp_path / "plan.docx")
    text = _docx_text(path)
    assert "Projectplan Bibliotheek Test" in text
    assert "Eind 2027 doen 40 ouders uit Oost mee aan voorleesochtenden op school" in text
    assert "Voorleesochtend | 1 sep 2026 | 30 jun 2027 | " \
           "Basisschool De Regenboog, Ria (bibliothecaris)" in text.replace("a1 | ", "")
    assert "Totaal |  | € 4.000 | € 300 | € 1.500 | € 2.700" in text
    assert "Doel g2 is nog niet Specifiek, Acceptabel en Tijdgebonden." in text
    assert "Bibliotheek Test is betrokken bij 75% van de activiteiten" in text
    assert "Fictief voorbeeld" in text
    document = docx.Document(str(path))
    assert len(document.inline_shapes) == 3  # Gantt, budget, KPIs
    assert document.tables[0].style.name == "Light List Accent 1"


def test_sample_plan_document_reads_well(sample_route, figure_dir):
    from routekit.plan.export import export_document

    path = export_document(sample_route, "plan")
    assert path == sample_route.path / "export" / "projectplan.docx"
    text = _docx_text(path)
    (figure_dir / "projectplan.txt").write_text(text, encoding="utf-8")
    assert "Anneke Bos" in text and "Heidebroek wordt gezelliger en levendiger" in text
    assert "Leefbaarheid in Heidebroek: Anneke Bos is betrokken bij 80%" in text
    assert "{{" not in text and "nan" not in text.split()


def test_post_o_document_shows_empty_fields(sample_route, tmp_path):
    from routekit.plan.export import export_document

    text = _docx_text(export_document(sample_route, "post_o"))
    assert "Thema: Laaggeletterdheid en digitale inclusie" in text
    assert "Gedeeld doel: nog in te vullen" in text
    assert "Persona's: Samira" in text


def test_example_template_is_filled_even_with_split_runs(tmp_path):
    import docx

    template = docx.Document(str(EXAMPLE_TEMPLATE))
    split = next(p for p in template.paragraphs if p.text == "Organisatie: {{ plan.library }}")
    assert len(split.runs) >= 2  # the placeholder is stored in several runs
    assert {"plan", "goals", "activities", "budget", "totals"} <= template_fields(
        EXAMPLE_TEMPLATE)
    path = fill_template(EXAMPLE_TEMPLATE, small_plan(), tmp_path / "eigen.docx")
    text = _docx_text(path)
    assert "Organisatie: Bibliotheek Test" in text
    assert "Bibliotheek Test – plan van aanpak" in text  # page header
    assert "Hoofddoel: Eind 2027 doen 40 ouders" in text
    assert "Voorleesochtend | 1 sep 2026 | 30 jun 2027 | " \
           "Basisschool De Regenboog, Ria (bibliothecaris) | gepland" in text
    assert "Totaal |  | € 4.000 | € 1.500 | € 300 |" in text
    assert "Eigen bijdrage: € 2.700" in text
    assert "{{" not in text and "{%" not in text
    assert len(docx.Document(str(path)).inline_shapes) == 1  # {{ gantt }}


def test_own_template_with_placeholders_split_by_word(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Doel: ")
    for piece in ("{{ plan", ".goa", "l }}"):  # as Word may store it after a spell check
        paragraph.add_run(piece).bold = True
    document.add_paragraph("{%p for a in activities %}")
    document.add_paragraph("- {{ a.name }}: {{ a.owners }}")
    document.add_paragraph("{%p endfor %}")
    template = tmp_path / "bieb.docx"
    document.save(template)
    text = _docx_text(fill_template(template, small_plan(), tmp_path / "uit.docx",
                                    theme="dorp"))
    assert "Doel: Het dorp wordt gezelliger" in text
    assert "- Repair Café: Anneke Bos" in text and "- Dorpsavond: Anneke Bos, " \
        "Bibliotheek Test" in text
    assert "Voorleesochtend" not in text  # other theme


def test_broken_template_names_the_problem(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("{%p for a in activities %}")
    document.add_paragraph("{{ a.name }}")
    template = tmp_path / "kapot.docx"
    document.save(template)
    with pytest.raises(ValueError, match="kapot.docx"):
        fill_template(template, small_plan(), tmp_path / "uit.docx")


def test_workbook_content_format_and_no_formula_injection(tmp_path):
    import dataclasses

    import openpyxl

    from routekit.plan.excel import plan_workbook

    plan = small_plan()
    evil = plan.activities.assign(name=plan.activities["name"].where(
        plan.activities["id"] != "a3", '=HYPERLINK("http://x","klik")'))
    path = plan_workbook(dataclasses.replace(plan, activities=evil), tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Doelen", "Activiteiten", "Begroting", "KPI's", "Risico's",
                               "Contactmomenten"]
    goals = book["Doelen"]
    assert goals["C2"].value.startswith("Eind 2027 doen 40 ouders")
    sheet = book["Activiteiten"]
    assert [c.value for c in sheet[1]][:3] == ["Nr.", "Doel", "Naam"]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert rows["a1"][5].value == "Basisschool De Regenboog, Ria (bibliothecaris)"
    assert rows["a1"][3].value == dt.datetime(2026, 9, 1)
    assert rows["a1"][3].number_format == "dd-mm-yyyy"
    injected = rows["a3"][2]
    assert injected.value.startswith("=HYPERLINK") and injected.data_type == "s"
    assert injected.quotePrefix
    budget = book["Begroting"]
    last = [c.value for c in budget[budget.max_row]]
    assert last == ["Totaal", None, None, 4000, 300, 1500, 2700, None]
    assert budget["D2"].number_format == '"€" #,##0'
    assert budget.column_dimensions["C"].width > 10
    assert book["KPI's"]["G2"].number_format == "0%"


def test_ics_calendar_parses_with_rrule(tmp_path):
    from dateutil.rrule import rrulestr
    from icalendar import Calendar

    from routekit.plan.ics import write_ics
    from routekit.plan.tables import occurrences

    plan = small_plan()
    calendar = Calendar.from_ical(write_ics(plan, tmp_path / "c.ics").read_bytes())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"cm1@bibliotheek-test.routekit", "cm2@bibliotheek-test.routekit",
                           "cm3@bibliotheek-test.routekit"}
    first = events["cm1@bibliotheek-test.routekit"]
    start = first.decoded("DTSTART")
    assert start == dt.datetime(2026, 1, 15, 19, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert first.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert str(first["SUMMARY"]) == "Stamtafel" and str(first["LOCATION"]) == "Bieb"
    assert "Ria (bibliothecaris), Anneke Bos" in str(first["DESCRIPTION"])
    quarterly = events["cm2@bibliotheek-test.routekit"]
    assert quarterly["RRULE"]["FREQ"] == ["MONTHLY"] and quarterly["RRULE"]["INTERVAL"] == [3]
    for uid, event in events.items():  # the agenda shows the dates routekit shows
        moment = plan.contact_moments.set_index("id").loc[uid.split("@")[0]].to_dict()
        begin = event.decoded("DTSTART")
        dates = ([begin] if "RRULE" not in event else
                 list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=begin)))
        assert [d.replace(tzinfo=None) for d in dates] == occurrences(moment)
    assert "RRULE" not in events["cm3@bibliotheek-test.routekit"]
    assert calendar.walk("VTIMEZONE")


def test_export_plan_writes_everything(sample_route):
    from routekit.plan.export import export_plan

    paths = export_plan(sample_route, theme="eenzaamheid")
    assert {p.name for p in paths.values()} == {
        "projectplan-eenzaamheid.docx", "post-o-strategie-eenzaamheid.docx",
        "projectplan-eigen-format-eenzaamheid.docx", "projectplan-tabellen-eenzaamheid.xlsx",
        "contactmomenten.ics", "planning-eenzaamheid.png"}
    assert all(p.parent == sample_route.path / "export" and p.stat().st_size for p in
               paths.values())


def test_report_section(sample_route, empty_route):
    from routekit.plan.report import report_section

    section = report_section(sample_route)
    assert section.title == "Projectplan en gedeeld eigenaarschap"
    assert len(section.figures) == 3
    assert "Trekkers" in section.tables[0].frame.columns
    assert report_section(empty_route) is None
