"""Route step 2: reflection questions, pioneer team, impact plan, ring chart and forms."""

from __future__ import annotations

from datetime import date

import pytest

from routekit.i18n import set_language
from routekit.labels import labels_overlap
from routekit.organisation import (
    QUESTIONS,
    add_impact_item,
    answered,
    impact_items,
    impact_overview,
    pioneer_team,
    plan_of,
    reflection_questions,
    save_colleague,
    update_plan,
)
from routekit.organisation.plot import numbers, plot_impact
from routekit.organisation.report import report_section

ITEMS = [
    {"subject": "Programmering", "kind": "situation", "influence": "direct"},
    {"subject": "Koffieochtend", "kind": "group", "influence": "direct"},
    {"subject": "Teamleider", "kind": "person", "influence": "direct"},
    {"subject": "Baliecollega's", "kind": "group", "influence": "indirect"},
    {"subject": "Gemeentelijke opdracht", "kind": "situation", "influence": "none"},
]


def _colleagues(route, stances):
    route.save("colleagues", [{"id": f"c{i}", "name": f"Collega {i}", "stance": stance,
                               "pioneer": pioneer}
                              for i, (stance, pioneer) in enumerate(stances)])


def test_questions_cover_every_group_in_both_languages():
    questions = reflection_questions()
    assert questions["group"].unique().tolist() == list(QUESTIONS)
    assert len(questions) == sum(len(ids) for ids in QUESTIONS.values()) == 17
    assert questions["id"].is_unique
    assert questions.iloc[0]["group_name"] == "Organisatie"
    set_language("en")
    assert reflection_questions().iloc[0]["question"].startswith("What are the library")


def test_completeness_per_group(empty_route):
    update_plan(empty_route, answers={"vision": "Ontmoeten", "goals": "  ", "interest": "Ouderen",
                                      "meaning": "Verbinden", "when": "Samen"})
    table = answered(empty_route).set_index("group")
    assert table["questions"].to_dict() == {"organisation": 5, "professional": 3,
                                            "municipality": 2, "visitors": 3, "community": 4}
    assert table["answered"].to_dict() == {"organisation": 1, "professional": 2,
                                           "municipality": 0, "visitors": 0, "community": 1}
    assert table.loc["professional", "open"].startswith("Bij welke groepen")
    # blank answers are not kept, later answers merge with earlier ones
    update_plan(empty_route, answers={"vision": "", "themes": "Eenzaamheid"})
    assert plan_of(empty_route).answers == {"interest": "Ouderen", "meaning": "Verbinden",
                                            "when": "Samen", "themes": "Eenzaamheid"}


def test_only_supporters_gives_a_warning(empty_route):
    _colleagues(empty_route, [("supporter", True), ("voorstander", False)])
    team = pioneer_team(empty_route)
    assert team.counts == {"supporter": 2, "neutral": 0, "sceptic": 0}
    assert len(team.warnings) == 1 and "alleen voorstanders" in team.warnings[0]


def test_mixed_list_and_team_gives_no_warning(empty_route):
    _colleagues(empty_route, [("supporter", True), ("tegenstander", True), ("neutraal", False)])
    team = pioneer_team(empty_route)
    assert team.warnings == []
    assert team.table["pioneer"].tolist() == ["ja", "ja", "nee"]
    assert team.table["stance"].tolist() == ["voorstander", "tegenstander", "neutraal"]
    assert "lijst: 3 " in team.summary and "pioniersteam: 2." in team.summary


def test_missing_sceptics_and_one_sided_team_are_named(empty_route):
    _colleagues(empty_route, [("supporter", True), ("neutral", False)])
    warnings = pioneer_team(empty_route).warnings
    assert len(warnings) == 2
    assert "geen tegenstander" in warnings[0] and "pioniersteam" in warnings[1]


def test_save_colleague_updates_by_name(empty_route):
    first = save_colleague(empty_route, "Henk de Wit", stance="tegenstander")
    again = save_colleague(empty_route, "henk de wit", pioneer=True, spoke_on=date(2026, 2, 1))
    assert first.id == again.id == "henk-de-wit"
    (henk,) = empty_route.records("colleagues")
    assert (henk.stance, henk.pioneer, henk.spoke_on) == ("sceptic", True, date(2026, 2, 1))


def test_impact_overview_counts(empty_route):
    update_plan(empty_route, impact=ITEMS)
    overview = impact_overview(empty_route).set_index("influence")
    assert overview["count"].to_dict() == {"direct": 3, "indirect": 1, "none": 1}
    assert overview.loc["direct", ["situation", "person", "group"]].tolist() == [1, 1, 1]
    assert overview.loc["indirect", "subjects"] == "Baliecollega's"
    assert overview.loc["none", "influence_name"] == "geen invloed"


def test_add_impact_item_replaces_the_same_subject(empty_route):
    update_plan(empty_route, impact=ITEMS)
    add_impact_item(empty_route, "koffieochtend", kind="groep", influence="indirect")
    items = impact_items(empty_route)
    assert len(items) == 5
    assert items.set_index("subject").loc["koffieochtend", "influence"] == "indirect"
    assert items["influence"].tolist() == ["direct", "direct", "indirect", "indirect", "none"]


def test_chart_draws_one_numbered_marker_per_item(empty_route, figure_dir):
    from routekit.style import export_figure

    update_plan(empty_route, impact=ITEMS)
    frame = impact_items(empty_route)
    ax = plot_impact(frame)
    markers = sum(len(collection.get_offsets()) for collection in ax.collections)
    assert markers == len(frame) == len(numbers(ax)) == 5
    assert [text.get_text() for text in numbers(ax)] == ["1", "2", "3", "4", "5"]
    assert labels_overlap(numbers(ax)) == []
    key = [text.get_text() for text in ax.get_legend().get_texts()]
    assert key[0] == "Directe invloed" and "1  Programmering" in key
    export_figure(ax.get_figure(root=True), figure_dir / "organisation_impact", size="slide",
                  formats=("png",))


@pytest.mark.parametrize("size", ["slide", "a4"])
def test_crowded_rings_keep_markers_apart(size):
    import pandas as pd

    frame = pd.DataFrame({"subject": [f"Onderwerp {i}" for i in range(20)],
                          "kind": ["situation", "person", "group", "group"] * 5,
                          "influence": ["direct"] * 9 + ["indirect"] * 7 + ["none"] * 4})
    ax = plot_impact(frame, size=size)
    assert len(numbers(ax)) == 20 and labels_overlap(numbers(ax)) == []


def test_empty_chart_says_so(empty_route):
    ax = plot_impact(impact_items(empty_route))
    assert ax.get_legend() is None
    assert any("Nog geen" in text.get_text() for text in ax.texts)


def test_report_section(sample_route, empty_route):
    assert report_section(empty_route) is None
    section = report_section(sample_route)
    assert section.title == "2. De organisatie en ik"
    assert len(section.tables) == 2 and len(section.figures) == 1
    assert any(p.startswith("Invloed op 8") for p in section.paragraphs)


def test_colleague_form_saves_and_updates_the_balance(empty_route):
    from routekit.ui.organisation import ColleagueForm

    form = ColleagueForm(empty_route)
    assert "Nog geen collega's" in form.balance.value
    form.name.value = "Fatima Ouali"
    form.stance.value = "supporter"
    form.pioneer.value = True
    form.spoke_on.value = date(2026, 1, 22)
    form.save.click()
    saved = empty_route.get("colleagues", "fatima-ouali")
    assert (saved.stance, saved.pioneer, saved.spoke_on) == ("supporter", True, date(2026, 1, 22))
    assert "alleen voorstanders" in form.balance.value and form.name.value == ""
    form.name.value, form.stance.value = "Henk de Wit", "sceptic"
    form.save.click()
    assert "alleen uit voorstanders" in form.balance.value  # the pioneer team is one-sided
    form.name.value, form.stance.value, form.pioneer.value = "henk de wit", "sceptic", True
    form.save.click()
    assert "Goede mix" in form.balance.value
    assert len(empty_route.records("colleagues")) == 2


def test_colleague_form_keeps_what_is_not_edited(empty_route):
    """A name already on the list fills in that colleague, so changing the stance keeps the rest."""
    from routekit.ui.organisation import ColleagueForm

    save_colleague(empty_route, "Henk de Wit", role="collectiespecialist", stance="neutral",
                   spoke_on=date(2026, 1, 27), pioneer=True, note="Wil meedenken.")
    form = ColleagueForm(empty_route)
    form.name.value, form.stance.value = "henk de wit", "sceptic"
    assert (form.role.value, form.pioneer.value) == ("collectiespecialist", True)
    form.save.click()
    (henk,) = empty_route.records("colleagues")
    assert (henk.stance, henk.role, henk.spoke_on, henk.pioneer, henk.note) == (
        "sceptic", "collectiespecialist", date(2026, 1, 27), True, "Wil meedenken.")


def test_colleague_form_refuses_an_empty_name(empty_route):
    from routekit.ui.organisation import ColleagueForm

    form = ColleagueForm(empty_route)
    form.save.click()
    assert "Niet opgeslagen" in form.message.value
    assert empty_route.records("colleagues") == []


def test_reflection_form_saves_role_and_answers(empty_route):
    from routekit.ui.organisation import ReflectionForm

    form = ReflectionForm(empty_route)
    assert set(form.answers) == set(reflection_questions()["id"])
    form.role.value = "Ik verbind collega's en inwoners."
    form.answers["vision"].value = "Van uitleenfabriek naar ontmoetingsplek"
    form.answers["missing"].value = "Jongeren uit Oost"
    form.save.click()
    plan = plan_of(empty_route)
    assert plan.role_description == "Ik verbind collega's en inwoners."
    assert plan.answers == {"vision": "Van uitleenfabriek naar ontmoetingsplek",
                            "missing": "Jongeren uit Oost"}
    assert "2 van de 17" in form.message.value
    assert ReflectionForm(empty_route).answers["missing"].value == "Jongeren uit Oost"


def test_impact_form_adds_an_item_and_redraws(empty_route):
    from routekit.ui.organisation import ImpactForm

    form = ImpactForm(empty_route)
    assert numbers(form.ax) == []
    form.subject.value = "Dorpsraad Heidebroek"
    form.kind.value = "group"
    form.influence.value = "indirect"
    form.value.value = "Het dorpsgesprek in de bibliotheek"
    form.add.click()
    (item,) = plan_of(empty_route).impact
    assert (item.subject, item.kind, item.influence) == ("Dorpsraad Heidebroek", "group",
                                                         "indirect")
    assert "toegevoegd" in form.message.value and form.subject.value == ""
    assert len(numbers(form.ax)) == 1  # the chart was redrawn with the new item
    form.add.click()  # empty subject
    assert "Niet opgeslagen" in form.message.value and len(plan_of(empty_route).impact) == 1
