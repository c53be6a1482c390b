"""Forms of notebook 02: colleagues and pioneer team, role and reflection, impact plan.

The reflection saves every change at once (the plan of step 2 always exists);
colleagues and impact items are entered with their button, which adds a new one
or updates the colleague of that name. Each form redraws its table or chart.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = ColleagueForm(route)
>>> form.name.value, form.stance.value = "Henk de Wit", "sceptic"
>>> form.save.click()
>>> form.saved.stance, form.saved.role  # what was not edited is kept
('sceptic', 'collectiespecialist')
"""

from __future__ import annotations

import ipywidgets as w

from routekit.i18n import t
from routekit.markup import escape, html_list
from routekit.organisation import (
    add_impact_item,
    answered,
    colleague_named,
    count_by_influence,
    impact_items,
    pioneer_team,
    plan_of,
    reflection_questions,
    save_colleague,
    team_table,
    update_plan,
)
from routekit.records.organisation import INFLUENCE, STANCES, SUBJECT_KINDS
from routekit.ui.kit import Form, button, show_figure, show_table
from routekit.workspace import Route

__all__ = ["ColleagueForm", "ImpactForm", "ReflectionForm"]

_LABEL_WIDTH = "10em"


def _options(prefix: str, codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(t(f"organisation.{prefix}.{code}"), code) for code in codes]


def _sized(*fields) -> None:
    for field in fields:
        field.style.description_width = _LABEL_WIDTH
        field.layout.width = "42em"


class ColleagueForm(Form):
    """Add or update a colleague; the pioneer-team table and its balance check update on save.

    Attributes
    ----------
    name, role, stance, spoke_on, pioneer, note : ipywidgets
        Inputs; a name already on the list fills in that colleague, and a save updates it.
    save : ipywidgets.Button
    saved : Colleague or None
    message, balance : ipywidgets.HTML
        Result of the last save; summary and warnings about the mix of stances.
    table : ipywidgets.Output
    widget : ipywidgets.VBox
    """

    def __init__(self, route: Route):
        super().__init__(route)
        self.saved = None
        self.name = w.Text(description=t("organisation.form.name"))
        self.role = w.Text(description=t("organisation.form.role"))
        self.stance = w.Dropdown(description=t("organisation.form.stance"),
                                 options=_options("stance", STANCES), value="neutral")
        self.spoke_on = w.DatePicker(description=t("organisation.form.spoke_on"))
        self.pioneer = w.Checkbox(description=t("organisation.form.pioneer"), indent=False)
        self.note = w.Textarea(description=t("organisation.form.note"), rows=2)
        self.save = button(description=t("organisation.form.add_colleague"),
                           button_style="primary")
        self.balance = w.HTML()
        self.table = w.Output()
        _sized(self.name, self.role, self.stance, self.spoke_on, self.note)
        self.name.observe(self._on_name, names="value")
        self.save.on_click(self._on_save)
        self.widget = w.VBox([self.name, self.role, self.stance, self.spoke_on, self.pioneer,
                              self.note, self.save, self.message, self.balance, self.table])
        self._refresh()

    def _on_name(self, change) -> None:
        """A name already on the list fills in that colleague: a save keeps what is not edited."""
        known = colleague_named(self.route, change["new"])
        if known is not None:
            with self.loading():
                self.role.value, self.note.value = known.role or "", known.note or ""
                self.stance.value, self.spoke_on.value = known.stance, known.spoke_on
                self.pioneer.value = known.pioneer

    def _on_save(self, _button=None) -> None:
        name = self.name.value.strip()
        fields = {"role": self.role.value.strip() or None, "stance": self.stance.value,
                  "spoke_on": self.spoke_on.value, "pioneer": self.pioneer.value,
                  "note": self.note.value.strip() or None}
        def save() -> str:
            self.saved = save_colleague(self.route, name, **fields)
            return t("organisation.form.colleague_saved", name=self.saved.name)

        if not self.attempt(save, t("organisation.form.failed")):
            return
        with self.loading():
            self.name.value = self.role.value = self.note.value = ""
            self.spoke_on.value = None
            self.pioneer.value = False
        self._refresh()

    def _refresh(self) -> None:
        team = pioneer_team(self.route)
        warnings = html_list(f"⚠ {text}" for text in team.warnings)
        ok = "" if warnings or team.table.empty else \
            f"<p>✓ {escape(t('organisation.team.balanced'))}</p>"
        self.balance.value = f"<p>{escape(team.summary)}</p>" + (warnings or ok)
        show_table(team_table(team), self.table)


class ReflectionForm(Form):
    """The role description and one text box per reflection question; every change is saved
    at once (the button saves too).

    Attributes
    ----------
    role : ipywidgets.Textarea
    answers : dict of str to ipywidgets.Textarea
        Question id → its answer box.
    save : ipywidgets.Button
    message : ipywidgets.HTML
    progress : ipywidgets.Output
        Answered questions per group, updated on save.
    widget : ipywidgets.VBox
    """

    FIELD_LABELS = {"role_description": "organisation.form.role_description"}

    def __init__(self, route: Route):
        super().__init__(route)
        plan = plan_of(route)
        self.role = w.Textarea(description=t("organisation.form.role_description"),
                               placeholder=t("organisation.form.role_hint"),
                               value=plan.role_description, rows=5, continuous_update=False)
        _sized(self.role)
        rows, self.answers = [self.role], {}
        for _group, part in reflection_questions().groupby("group", sort=False):
            rows.append(w.HTML(f"<h4>{escape(part['group_name'].iloc[0])}</h4>"))
            for question in part.itertuples():
                box = w.Textarea(value=plan.answers.get(question.id, ""), rows=2,
                                 layout=w.Layout(width="42em"), continuous_update=False)
                self.answers[question.id] = box
                rows += [w.HTML(escape(question.question)), box]
        self.save = button(description=t("organisation.form.save_answers"),
                           button_style="primary")
        self.progress = w.Output()
        self.save.on_click(self._on_save)
        self.watch([self.role, *self.answers.values()], self._on_save)
        self.widget = w.VBox(rows + [self.save, self.message, self.progress])
        self._refresh()

    def _on_save(self, _button=None) -> None:
        def save() -> None:
            update_plan(self.route, role_description=self.role.value.strip(),
                        answers={qid: box.value for qid, box in self.answers.items()})

        if self.attempt(save, t("organisation.form.failed")):
            self._refresh(saved=True)

    def _refresh(self, *, saved: bool = False) -> None:
        progress = answered(self.route)
        summary = t("organisation.answered.summary", answered=int(progress["answered"].sum()),
                    total=int(progress["questions"].sum()))
        if saved:
            self.confirm(t("organisation.form.answers_saved", summary=summary))
        else:
            self.message.value = escape(summary)
        show_table(progress[["group_name", "questions", "answered"]], self.progress,
                   kind="progress")


class ImpactForm(Form):
    """Add a situation, person or group to the impact plan; the chart and counts update.

    Attributes
    ----------
    subject, kind, influence, value : ipywidgets
    add : ipywidgets.Button
    message : ipywidgets.HTML
    chart, overview : ipywidgets.Output
    ax : Axes
        The chart last drawn.
    widget : ipywidgets.VBox
    """

    def __init__(self, route: Route, *, size: str = "screen"):
        super().__init__(route)
        self.size = size
        self.subject = w.Text(description=t("organisation.form.subject"),
                              placeholder=t("organisation.form.subject_hint"))
        self.kind = w.ToggleButtons(description=t("organisation.form.kind"),
                                    options=_options("kind", SUBJECT_KINDS))
        self.influence = w.Dropdown(description=t("organisation.form.influence"),
                                    options=_options("influence", INFLUENCE))
        self.value = w.Text(description=t("organisation.form.value"),
                            placeholder=t("organisation.form.value_hint"))
        self.add = button(description=t("organisation.form.add_impact"),
                          button_style="primary")
        self.overview = w.Output()
        self.chart = w.Output()
        _sized(self.subject, self.influence, self.value)
        self.kind.style.description_width = _LABEL_WIDTH
        self.add.on_click(self._on_add)
        self.widget = w.VBox([self.subject, self.kind, self.influence, self.value, self.add,
                              self.message, self.overview, self.chart])
        self._refresh()

    def _on_add(self, _button=None) -> None:
        subject = self.subject.value.strip()

        def add() -> str:
            add_impact_item(self.route, subject, kind=self.kind.value,
                            influence=self.influence.value, value=self.value.value.strip())
            return t("organisation.form.impact_saved", subject=subject)

        if self.attempt(add, t("organisation.form.failed")):
            self.subject.value = self.value.value = ""
            self._refresh()

    def _refresh(self) -> None:
        from routekit.organisation.plot import plot_impact

        items = impact_items(self.route)
        overview = count_by_influence(items)
        show_table(overview[["influence_name", "count", "subjects"]], self.overview,
                   kind="impact")
        self.ax = plot_impact(items, size=self.size)
        show_figure(self.chart, self.ax)
