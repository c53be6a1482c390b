"""Plan forms without a browser: set values, click, check the saved records."""

from __future__ import annotations

import datetime as dt

from routekit.ui.community import CarryView, ContactMomentForm
from routekit.ui.plan import ExportPanel, PlanEditor


def test_goal_form_saves_and_shows_smart_check_live(sample_route):
    editor = PlanEditor(sample_route)
    form = editor.goals
    form.pick.value = "g3"
    assert "Meetbaar" in form.smart.value
    form.text.value = "Eind 2027 doen 30 jongeren uit Heidebroek mee aan de jongerenhoek"
    assert "is SMART" in form.smart.value  # measurable and dated now
    form.save.click()
    saved = sample_route.get("goals", "g3")
    assert saved.text.startswith("Eind 2027 doen 30 jongeren")
    assert saved.owners == ["anneke-bos", "dorpsraad"]
    form.pick.value = ""
    assert form.record_id.value == "g5"
    form.text.value = "Te kort"
    form.theme.value = "eenzaamheid"
    form.save.click()
    assert sample_route.get("goals", "g5").theme == "eenzaamheid"
    form.delete.click()
    assert sample_route.get("goals", "g5") is None


def test_activity_form_updates_gantt_and_ownership(sample_route):
    editor = PlanEditor(sample_route)
    form = editor.activities
    form.pick.value = "a09"
    assert form.owners.value == ("anneke-bos",)
    before = editor.ownership.widget.value
    form.owners.value = ("dorpswinkel", "vv-heidebroek")
    form.save.click()
    assert sample_route.get("activities", "a09").owners == ["dorpswinkel", "vv-heidebroek"]
    assert editor.ownership.widget.value != before
    owners = [text.get_text() for text in editor.gantt.axes.texts if text.get_gid() == "owners"]
    assert any("v.v. Heidebroek Vooruit" in text for text in owners)
    form.end.value = form.start.value - dt.timedelta(days=1)
    form.save.click()
    assert "Niet opgeslagen" in form.message.value
    assert sample_route.get("activities", "a09").end == dt.date(2027, 12, 31)


def test_export_panel_writes_documents_with_links(sample_route):
    panel = ExportPanel(sample_route)
    panel.theme.value = "leefbaarheid-heidebroek"
    panel.buttons["workbook"].click()
    path = panel.paths["workbook"]
    assert path.name == "projectplan-tabellen-leefbaarheid-heidebroek.xlsx" and path.exists()
    assert 'download="projectplan-tabellen-leefbaarheid-heidebroek.xlsx"' in panel.links.value


def test_contact_moment_form_and_carry_view(sample_route):
    form = ContactMomentForm(sample_route)
    form.pick.value = "cm2"
    assert form.dates.value.startswith("Data: 17 jun 2026, 17 jul 2026")
    form.pick.value = ""
    form.title.value = "Koffie met trekkers"
    form.day.value = dt.date(2026, 10, 6)
    form.time.value = "10:00"
    form.recurrence.value = "weekly"
    form.count.value = 4
    form.participants.value = ("anneke-bos", "jongerenraad")
    form.save.click()
    saved = sample_route.get("contact_moments", form.record_id.value)
    assert saved.start == dt.datetime(2026, 10, 6, 10, 0) and saved.recurrence == "weekly"
    form.time.value = "tien uur"
    form.save.click()
    assert "Niet opgeslagen" in form.message.value
    view = CarryView(sample_route)
    assert "Anneke Bos" in view.widget.value
    assert "zit bij alle" not in view.widget.value or "Sascha" in view.widget.value
