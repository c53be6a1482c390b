"""Two pages on one route: each form saves over the record as it read it.

Each "page" is its own ``Route`` object on the same folder with its own form, as two app
pages (two kernels) are. A change of one field on page A and of another field on page B
are both kept; when B changes the field A changed since B read the record, B is told in
Dutch which field, shows A's value, and nothing is overwritten.
"""

from __future__ import annotations

import pytest

from routekit.ui.personas import PersonaForm
from routekit.ui.plan import PlanEditor
from routekit.ui.stakeholders import KrachtenveldBoard
from routekit.ui.strategy import KnowledgeForm, PostOForm
from routekit.workspace import Route


def _pages(route, make):
    """Two pages (own Route object, own form) on the folder of *route*."""
    return make(Route.open(route.path)), make(Route.open(route.path))


def _told_conflict(form, label: str) -> None:
    text = form.message.value
    assert "Niet opgeslagen" in text and "intussen" in text, text
    assert label in text, text  # the field as the form calls it, not its code
    assert "Traceback" not in text


def test_stakeholder_form_keeps_both_changes_and_refuses_the_same_field(sample_route):
    a, b = _pages(sample_route, lambda r: KrachtenveldBoard(r).people)
    for form in (a, b):
        form.pick.value = "welzijn"
    a.notes.value = "Notitie van pagina A"
    b.role.value = "Ouderenadviseur"
    saved = sample_route.get("stakeholders", "welzijn")
    assert (saved.notes, saved.role) == ("Notitie van pagina A", "Ouderenadviseur")
    assert "opgeslagen" in b.message.value and "Niet" not in b.message.value

    # A read the role before B changed it: A's change of the role is refused
    a.role.value = "Directeur"
    _told_conflict(a, a.role.description)
    assert a.role.value == "Ouderenadviseur"  # A now sees what B saved
    assert sample_route.get("stakeholders", "welzijn").role == "Ouderenadviseur"
    a.role.value = "Directeur"  # made again over what it now shows: saved
    assert sample_route.get("stakeholders", "welzijn").role == "Directeur"


def test_stakeholder_positions_and_forces_are_conflict_safe(sample_route):
    a, b = _pages(sample_route, KrachtenveldBoard)
    theme = a.theme.value
    sid = next(p.stakeholder for p in sample_route.records("positions") if p.theme == theme)
    for board in (a, b):
        board.people.pick.value = sid
    a.people.influence.value = 1
    b.people.stake.value = "Ruimte voor ontmoeting"
    kept = sample_route.get("positions", sid, theme)
    assert (kept.influence, kept.stake) == (1, "Ruimte voor ontmoeting")
    a.people.stake.value = "Iets anders"  # A read the stake before B changed it
    _told_conflict(a.people, a.people.stake.description)
    assert a.people.stake.value == "Ruimte voor ontmoeting"
    assert sample_route.get("positions", sid, theme).stake == "Ruimte voor ontmoeting"

    force = next(f.description for f in sample_route.records("forces") if f.theme == theme)
    for board in (a, b):
        board.forces.pick.value = force
    a.forces.strength.value = 1
    b.forces.strength.value = 5
    _told_conflict(b.forces, b.forces.strength.description)
    assert b.forces.strength.value == 1
    assert sample_route.get("forces", theme, force).strength == 1
    # B removes a force A changed since B read it? refused too; after looking, removed
    a.forces.action.value = "Bellen"
    b.forces.remove.click()
    assert "niet verwijderd" in b.forces.message.value
    assert sample_route.get("forces", theme, force) is not None
    b.forces.remove.click()
    assert sample_route.get("forces", theme, force) is None


def test_two_pages_adding_the_same_stakeholder_do_not_overwrite(sample_route):
    a, b = _pages(sample_route, lambda r: KrachtenveldBoard(r).people)
    for form, role in ((a, "van A"), (b, "van B")):
        form.pick.value = "__new__"
        form.name.value = "Stichting Nieuw"
        form.role.value = role
    a.add.click()
    b.add.click()
    assert "Niet opgeslagen" in b.message.value
    same = [s for s in sample_route.records("stakeholders") if s.name == "Stichting Nieuw"]
    assert [s.role for s in same] == ["van A"]


@pytest.mark.parametrize("part", ["goals", "activities"])
def test_plan_forms_keep_both_changes_and_refuse_the_same_field(sample_route, part):
    a, b = _pages(sample_route, lambda r: getattr(PlanEditor(r), part))
    rid = sample_route.records(part)[0].id
    for form in (a, b):
        form.pick.value = rid
    first, second = ("text", "measure") if part == "goals" else ("name", "status")
    setattr_value = {"text": "Eind 2027 komen 40 ouderen per maand", "measure": "Presentielijst",
                     "name": "Koffieochtend nieuw", "status": "done"}
    getattr(a, first).value = setattr_value[first]
    getattr(b, second).value = setattr_value[second]
    saved = sample_route.get(part, rid)
    assert getattr(saved, first) == setattr_value[first]
    assert getattr(saved, second) == setattr_value[second]

    before = getattr(sample_route.get(part, rid), second)
    widget = getattr(a, second)
    widget.value = next(v for _, v in widget.options if v != before) \
        if hasattr(widget, "options") else "Iets anders"
    _told_conflict(a, widget.description)
    assert getattr(a, second).value == before
    assert getattr(sample_route.get(part, rid), second) == before

    b.delete.click()  # B saw the record as it is now: removed
    assert sample_route.get(part, rid) is None


def test_plan_delete_of_a_record_changed_meanwhile_is_refused(sample_route):
    a, b = _pages(sample_route, lambda r: PlanEditor(r).goals)
    for form in (a, b):
        form.pick.value = "g1"
    a.measure.value = "Telling door gastvrouwen"
    b.delete.click()
    assert "niet verwijderd" in b.message.value
    assert sample_route.get("goals", "g1").measure == "Telling door gastvrouwen"
    assert b.measure.value == "Telling door gastvrouwen"


def test_persona_form_keeps_both_changes_and_refuses_the_same_field(sample_route):
    a, b = _pages(sample_route, lambda r: PersonaForm(r, theme="eenzaamheid"))
    for form in (a, b):
        form.persona.value = "riet"
    a.quote.value = "Ik kom graag voor de koffie."
    b.bio.value = "Riet woont sinds kort alleen."
    saved = sample_route.get("personas", "riet")
    assert (saved.quote, saved.bio) == ("Ik kom graag voor de koffie.",
                                        "Riet woont sinds kort alleen.")
    a.bio.value = "Een andere levensloop"
    _told_conflict(a, a.bio.description)
    assert a.bio.value == "Riet woont sinds kort alleen."
    assert sample_route.get("personas", "riet").bio == "Riet woont sinds kort alleen."


def test_post_o_form_keeps_both_changes_and_refuses_the_same_field(sample_route):
    a, b = _pages(sample_route, lambda r: PostOForm(r, theme="eenzaamheid"))
    a.inputs["objectives"]["shared"].value = "Samen eenzaamheid zichtbaar maken"
    b.inputs["strategy"]["programme"].value = "Koffieochtenden in drie dorpen"
    saved = sample_route.get("post_o", "eenzaamheid")
    assert saved.objectives.shared == "Samen eenzaamheid zichtbaar maken"
    assert saved.strategy.programme == "Koffieochtenden in drie dorpen"
    box = a.inputs["strategy"]["programme"]  # A read it before B changed it
    box.value = "Iets anders"
    _told_conflict(a, box.description)
    assert box.value == "Koffieochtenden in drie dorpen"
    assert sample_route.get("post_o", "eenzaamheid").strategy.programme == \
        "Koffieochtenden in drie dorpen"


def test_knowledge_form_refuses_the_same_field(sample_route):
    theme = sample_route.config.themes[0].id
    a, b = _pages(sample_route, lambda r: KnowledgeForm(r, theme=theme))
    name = next(iter(a.scores))
    a.scores[name].value = 2
    b.remarks.value = "Van pagina B"
    saved = sample_route.get("knowledge", theme)
    assert (getattr(saved, name).score, saved.notes) == (2, "Van pagina B")
    a.remarks.value = "Van pagina A"  # A read the remarks before B changed them
    _told_conflict(a, a.remarks.description)
    assert a.remarks.value == "Van pagina B"
    assert sample_route.get("knowledge", theme).notes == "Van pagina B"


def test_relation_form_shows_the_stored_relation_and_refuses_the_same_field(sample_route):
    from routekit.ui.network import RelationForm

    stored = sample_route.records("relations")[0]
    a, b = _pages(sample_route, RelationForm)
    for form in (a, b):
        form.source.value, form.target.value = stored.source, stored.target
        form.kind.value = stored.kind
        assert form.strength.value == stored.strength  # the form shows what is stored
    a.note.value = "Van pagina A"
    a.add.click()
    new = 1 if stored.strength != 1 else 2
    b.strength.value = new
    b.add.click()  # B's note field still holds the note B read: A's note is kept
    kept = sample_route.get("relations", stored.source, stored.target, stored.kind)
    assert (kept.note, kept.strength) == ("Van pagina A", new)
    a.strength.value = next(v for v in (3, 4, 5) if v not in (stored.strength, new))
    a.add.click()
    _told_conflict(a, a.strength.description)
    assert a.strength.value == new and a.note.value == "Van pagina A"
    assert sample_route.get("relations", stored.source, stored.target,
                            stored.kind).strength == new


def test_two_pages_recording_a_conversation_on_one_day_keep_both(sample_route):
    from routekit.ui.conversations import ConversationForm

    a, b = _pages(sample_route, ConversationForm)
    before = len(sample_route.records("conversations"))
    a.summary.value, b.summary.value = "Gesprek op pagina A", "Gesprek op pagina B"
    a.save.click()
    b.save.click()
    summaries = [c.summary for c in sample_route.records("conversations")]
    assert len(summaries) == before + 2
    assert {"Gesprek op pagina A", "Gesprek op pagina B"} <= set(summaries)
