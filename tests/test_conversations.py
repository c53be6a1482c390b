"""Route step 3: conversation log, action points and the conversation form."""

from __future__ import annotations

from datetime import date

import pytest

from routekit.conversations import action_points, conversation_log, conversation_starters, next_id
from routekit.i18n import set_language


@pytest.fixture
def route(empty_route):
    empty_route.save("stakeholders", [
        {"id": "ouderenbond", "name": "Ouderenbond Sleutelwaard", "kind": "organisation",
         "sector": "associations"},
        {"id": "ria", "name": "Ria Jansen", "kind": "person", "sector": "residents"}])
    empty_route.save("conversations", [
        {"id": "g1", "date": "2026-03-02", "theme": "eenzaamheid",
         "participants": ["ouderenbond", "ria"], "format": "group", "summary": "Kennismaking",
         "action_points": ["ruimte vragen", "flyer maken"], "follow_up": "2026-03-20"},
        {"id": "g2", "date": "2026-04-10", "participants": ["ria"],
         "action_points": ["terugbellen"], "follow_up": "2026-05-30"},
        {"id": "g3", "date": "2026-04-12", "action_points": ["notitie delen"]},
        {"id": "g4", "date": "2026-04-13", "summary": "geen acties"}])
    return empty_route


def test_log_is_newest_first_with_names(route):
    log = conversation_log(route)
    assert log["id"].tolist() == ["g4", "g3", "g2", "g1"]
    first = log.set_index("id").loc["g1"]
    assert first["participants"] == "Ouderenbond Sleutelwaard, Ria Jansen"
    assert first["theme"] == "Eenzaamheid" and first["action_points"] == 2
    assert first["format"] == "groepsgesprek"


def test_action_points_status_by_follow_up_date(route):
    points = action_points(route, today=date(2026, 5, 20))
    assert points["action"].tolist() == ["ruimte vragen", "flyer maken", "terugbellen",
                                         "notitie delen"]
    assert points["status"].tolist() == ["te laat", "te laat", "binnenkort", "geen datum"]
    later = action_points(route, today=date(2026, 1, 1))
    assert set(later["status"]) == {"gepland", "geen datum"}


def test_next_id_counts_per_day(route):
    assert next_id(route, date(2026, 3, 2)) == "g-20260302-1"
    route.upsert("conversations", {"id": "g-20260302-1", "date": "2026-03-02"})
    assert next_id(route, date(2026, 3, 2)) == "g-20260302-2"


def test_starters_in_both_languages():
    assert conversation_starters()[0].startswith("Wat vindt u belangrijk")
    set_language("en")
    assert conversation_starters()[0].startswith("What matters")


def test_form_saves_a_conversation_and_updates_the_action_points(route):
    from routekit.ui.conversations import ConversationForm

    form = ConversationForm(route, today=date(2026, 6, 1))
    form.when.value = date(2026, 6, 1)
    form.theme.value = "taal"
    form.participants.value = ("ria",)
    form.format.value = "individual"
    form.summary.value = "Ria wil een taalcafé in het dorpshuis."
    form.actions.value = "dorpshuis bellen\n\nvrijwilligers zoeken\n"
    form.follow_up.value = date(2026, 6, 10)
    form.save.click()
    saved = route.get("conversations", "g-20260601-1")
    assert saved.participants == ["ria"] and saved.theme == "taal"
    assert saved.action_points == ["dorpshuis bellen", "vrijwilligers zoeken"]
    assert "Gesprek van 1 jun 2026 opgeslagen" in form.message.value and form.summary.value == ""
    assert len(action_points(route)) == 6


def test_form_shows_problems_instead_of_saving(route):
    from routekit.ui.conversations import ConversationForm

    form = ConversationForm(route)
    form.when.value = date(2026, 6, 1)
    form.follow_up.value = None
    route.file("conversations").write_text("id;date\ng1;gisteren\n", encoding="utf-8")
    form.save.click()
    assert "Niet opgeslagen" in form.message.value and "geen datum" in form.message.value
    assert route.file("conversations").read_text("utf-8") == "id;date\ng1;gisteren\n"
