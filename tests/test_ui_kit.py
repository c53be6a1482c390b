"""The ui kit, and hostile names and notes through every form: they render as text.

A stakeholders.csv received from a colleague may hold ``<img src=x onerror=alert(1)>`` as a
name; in the app every page holds a live kernel, so such text must never reach the browser
as HTML. Every HTML widget of every form, and every table shown in an Output, is collected
after a typical change and checked.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from routekit.errors import Problem, RouteError
from routekit.io import write_table
from routekit.markup import escape

pytest.importorskip("ipywidgets")

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
AMP = "Bos & Zn"
RAW = ("<img", "<script", "onerror=alert(1)>")


# -- the kit ------------------------------------------------------------------------------

def test_escape_is_the_one_helper():
    assert escape(IMG) == "&lt;img src=x onerror=alert(1)&gt;"
    assert escape(SCRIPT, quote=True).startswith("&quot;&gt;&lt;script")
    assert escape(AMP) == "Bos &amp; Zn" and escape(None) == ""


def test_problems_name_the_field_as_the_form_calls_it(empty_route):
    import ipywidgets as w

    from routekit.organisation import save_colleague
    from routekit.ui.kit import Form

    form = Form(empty_route)
    form.name = w.Text(description="Naam")
    assert not form.attempt(lambda: save_colleague(empty_route, ""))
    assert "Naam mag niet leeg zijn" in form.message.value
    assert "colleagues.csv" not in form.message.value and "rij" not in form.message.value
    error = RouteError(Problem(file="x.csv", row=3, field="influence", message=f"'{IMG}'"))
    form.refuse(error)
    assert "influence: '&lt;img" in form.message.value and IMG not in form.message.value


def test_real_forms_name_their_fields(empty_route, sample_route):
    from routekit.ui.organisation import ColleagueForm
    from routekit.ui.plan import ActivityForm

    colleague = ColleagueForm(empty_route)
    colleague.save.click()
    assert "Naam mag niet leeg zijn" in colleague.message.value
    assert "colleagues.csv" not in colleague.message.value
    activity = ActivityForm(sample_route)
    activity.pick.value = "a09"
    activity.end.value = activity.start.value - dt.timedelta(days=1)
    assert "Niet opgeslagen" in activity.message.value
    assert "plan_activities.csv" not in activity.message.value


def test_the_loading_guard_keeps_observers_quiet(empty_route):
    import ipywidgets as w

    from routekit.ui.kit import Form

    form, calls = Form(empty_route), []
    box = w.Text()
    form.watch([box], lambda: calls.append(box.value))
    with form.loading():
        box.value = "geladen"
    box.value = "getypt"
    assert calls == ["getypt"] and not form.is_loading


def test_a_conflict_shows_the_current_record_and_its_problem(empty_route):
    from routekit.ui.kit import Form

    class Conflict(RouteError):
        def __init__(self):
            super().__init__("Iemand anders heeft dit intussen veranderd")
            self.current = {"name": "nu"}

    class Shown(Form):
        loaded = 0

        def load(self):
            self.loaded += 1

    form = Shown(empty_route)

    def save():
        raise Conflict()

    assert not form.attempt(save)
    assert form.loaded == 1 and "intussen veranderd" in form.message.value


def test_display_table_uses_a_librarians_words():
    from routekit.ui.kit import display_table

    frame = pd.DataFrame({"conversation": ["c1"], "date": [dt.date(2026, 1, 20)],
                          "participants": [["bos", "zorg"]], "follow_up": [None],
                          "pioneer": [True], "score": [106.0], "share": [0.256],
                          "extra": [{"driving": 16}], "missing": [float("nan")]})
    names = {"conversations": {"c1": "gesprek van 20 jan 2026"},
             "stakeholders": {"bos": "Anneke Bos", "zorg": IMG}}
    table = display_table(frame, "actions", names=names)
    shown = table.data
    assert list(shown.columns)[:5] == ["Gesprek", "Datum", "Deelnemers", "Terugkoppelen op",
                                      "Pioniersteam"]
    assert shown.iloc[0].tolist()[:7] == ["gesprek van 20 jan 2026", "20 jan 2026",
                                         f"Anneke Bos, {IMG}", "–", "ja", "106", "0,26"]
    assert shown.loc[0, "extra"] == "driving: 16" and shown.loc[0, "missing"] == "–"
    page = table.to_html()
    assert IMG not in page and "&lt;img" in page
    assert not re.search(r"\b(True|False|None|nan|NaN)\b|\[|\{|106\.0", page.split("<tbody>")[1])
    assert "row_heading" not in page  # no row numbers
    assert frame.loc[0, "participants"] == ["bos", "zorg"]  # the caller's frame is unchanged


# -- hostile text through every form -------------------------------------------------------

@pytest.fixture
def hostile_route(sample_route):
    """The sample route with hostile stakeholder names and notes, as if from a colleague."""
    table = sample_route.table("stakeholders")
    table.loc[table["id"] == "welzijn", "name"] = IMG
    table.loc[table["id"] == "kerk", "name"] = SCRIPT
    table.loc[table["id"] == "moskee", "name"] = AMP
    table.loc[table["id"] == "welzijn", "notes"] = SCRIPT
    write_table(table, sample_route.file("stakeholders"))
    return sample_route


@pytest.fixture
def shown(monkeypatch):
    """What the forms display in their Output widgets (tables as HTML, texts, images)."""
    import IPython.display

    seen: list[str] = []

    def display(*objects, **_kw):
        for item in objects:
            if hasattr(item, "to_html"):
                seen.append(item.to_html())
            elif hasattr(item, "_repr_html_") and item._repr_html_() is not None:
                seen.append(item._repr_html_())
            elif isinstance(item, str):
                seen.append(item)

    monkeypatch.setattr(IPython.display, "display", display)
    return seen


def _html_of(widget) -> list[str]:
    """The HTML values of *widget* and everything inside it."""
    import ipywidgets as w

    found = [widget.value] if isinstance(widget, (w.HTML, w.HTMLMath)) else []
    for child in getattr(widget, "children", ()):
        found += _html_of(child)
    return found


def _assert_text_only(*pages: str) -> None:
    page = "\n".join(pages)
    for raw in RAW:
        assert raw not in page, f"{raw!r} reached the page as HTML"


def test_krachtenveld_forms(hostile_route, shown, tmp_path):
    from routekit.ui.stakeholders import KrachtenveldBoard

    board = KrachtenveldBoard(hostile_route, "eenzaamheid", export_dir=tmp_path)
    board.people.pick.value = "welzijn"
    board.people.influence.value = 2
    assert "&lt;img src=x onerror=alert(1)&gt;" in board.people.message.value
    board.people.pick.value = "__new__"
    board.people.name.value = f"{IMG} 2"
    board.people.add.click()
    board.people.name.value = SCRIPT  # taken: refused, with the name in the message
    assert "Niet opgeslagen" in board.people.message.value
    board.forces.pick.value = "__new__"
    board.forces.description.value = IMG
    board.forces.add.click()
    assert hostile_route.get("forces", "eenzaamheid", IMG) is not None
    board.view.value = "lewin"
    _assert_text_only(*_html_of(board.widget), *shown)


def test_network_forms(hostile_route, shown, tmp_path):
    from routekit.ui.network import NetworkBoard

    board = NetworkBoard(hostile_route, export_dir=tmp_path)
    board.relations.source.value, board.relations.target.value = "welzijn", "kerk"
    board.relations.kind.value, board.relations.note.value = "information", SCRIPT
    board.relations.add.click()
    assert "&lt;img" in board.relations.message.value
    board.relations.source.value = board.relations.target.value = "kerk"
    board.relations.add.click()  # refused: a tie with itself
    board.pins.who.value = "welzijn"
    board.pins.pin.click()
    board.export.click()
    _assert_text_only(*_html_of(board.widget), *shown)
    assert any("&lt;img" in page for page in shown)  # the tables name her, as text
    (page,) = tmp_path.glob("*.html")  # the interactive page
    text = page.read_text("utf-8")
    assert "<img src=x" not in text and "<script>alert" not in text


def test_area_and_persona_and_strategy_forms(hostile_route, shown):
    from routekit.personas.stored import save_persona
    from routekit.records.personas import Persona
    from routekit.ui.area import AreaForm
    from routekit.ui.personas import PersonaForm
    from routekit.ui.strategy import KnowledgeForm, PostOForm

    area = AreaForm(hostile_route)
    area.segments.value = (area.segments.options[0][1],)
    area.reason.value = IMG
    area.save.click()
    persona = PersonaForm(hostile_route, theme="eenzaamheid")
    persona.name.value = IMG
    persona.bio.value = SCRIPT
    assert "Opgeslagen: &lt;img" in persona.message.value
    save_persona(hostile_route, Persona(id="x", name=SCRIPT, theme="laaggeletterdheid",
                                        channels=[IMG]))
    post_o = PostOForm(hostile_route, theme="laaggeletterdheid")
    post_o.inputs["objectives"]["shared"].value = IMG
    knowledge = KnowledgeForm(hostile_route, theme="laaggeletterdheid")
    knowledge.notes["access"].value = SCRIPT
    knowledge.scores["access"].value = 2
    _assert_text_only(*_html_of(area.widget), *_html_of(persona.widget),
                      *_html_of(post_o.widget), *_html_of(knowledge.widget), *shown)
    assert "&lt;img" in post_o.suggestions.value


def test_organisation_and_conversation_forms(hostile_route, shown):
    from routekit.ui.conversations import ConversationForm
    from routekit.ui.organisation import ColleagueForm, ImpactForm, ReflectionForm

    colleague = ColleagueForm(hostile_route)
    colleague.name.value, colleague.note.value = IMG, SCRIPT
    colleague.save.click()
    assert "&lt;img" in colleague.message.value
    impact = ImpactForm(hostile_route)
    impact.subject.value, impact.value.value = SCRIPT, AMP
    impact.add.click()
    reflection = ReflectionForm(hostile_route)
    reflection.role.value = IMG
    talk = ConversationForm(hostile_route)
    talk.participants.value = ("welzijn", "kerk")
    talk.summary.value, talk.actions.value = IMG, f"{SCRIPT}\n{AMP}"
    talk.save.click()
    assert "Gesprek van" in talk.message.value
    _assert_text_only(*_html_of(colleague.widget), *_html_of(impact.widget),
                      *_html_of(reflection.widget), *_html_of(talk.widget), *shown)
    assert any("&lt;img" in page for page in shown)  # the action table names her, as text


def test_plan_forms(hostile_route, shown):
    from routekit.ui.community import CarryView, ContactMomentForm
    from routekit.ui.plan import PlanEditor

    editor = PlanEditor(hostile_route)
    editor.activities.pick.value = "a09"
    editor.activities.name.value = IMG
    assert editor.activities.message.value.endswith("Opgeslagen: &lt;img src=x onerror="
                                                    "alert(1)&gt;</span>")
    editor.activities.owners.value = ("welzijn", "kerk")
    editor.goals.pick.value = "g3"
    editor.goals.text.value = SCRIPT
    moments = ContactMomentForm(hostile_route)
    moments.pick.value = ""
    moments.title.value, moments.location.value = IMG, SCRIPT
    moments.save.click()
    carry = CarryView(hostile_route)
    _assert_text_only(*_html_of(editor.widget), *_html_of(moments.widget),
                      *_html_of(carry.widget), *shown)
    assert "&lt;img" in carry.widget.value


def test_every_form_is_built_on_the_kit():
    """One base class, one save policy, one way to HTML: no form renders its own lists."""
    import importlib
    import inspect
    from pathlib import Path

    from routekit.ui.kit import Form

    folder = Path(__file__).resolve().parents[1] / "routekit" / "ui"
    names = ("area", "community", "conversations", "network", "organisation", "personas",
             "plan", "stakeholders", "strategy")
    for name in names:
        module = importlib.import_module(f"routekit.ui.{name}")
        forms = [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                 if cls.__module__ == module.__name__ and cls.__name__.endswith("Form")]
        assert forms and all(issubclass(cls, Form) for cls in forms), name
        source = (folder / f"{name}.py").read_text("utf-8")
        for private in ("<li>", "self._loading", "html.escape", "display(ax"):
            assert private not in source, (name, private)
