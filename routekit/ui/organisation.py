"""Forms of notebook 02: colleagues and pioneer team, role and reflection, impact plan.

Every form saves at once to the route and redraws its table or chart.

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

import html

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.organisation import (
    add_impact_item,
    answered,
    colleague_named,
    impact_items,
    impact_overview,
    pioneer_team,
    plan_of,
    reflection_questions,
    save_colleague,
    team_table,
    update_plan,
)
from routekit.records.organisation import INFLUENCE, STANCES, SUBJECT_KINDS
from routekit.ui.controls import button
from routekit.ui.personas import problems_html, show_figure
from routekit.ui.tables import show_table
from routekit.workspace import Route

__all__ = ["ColleagueForm", "ImpactForm", "ReflectionForm"]

_LABEL_WIDTH = "10em"


def _text(value: str) -> str:
    return html.escape(value, quote=False)


def _options(prefix: str, codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(t(f"organisation.{prefix}.{code}"), code) for code in codes]


def _sized(*fields) -> None:
    for field in fields:
        field.style.description_width = _LABEL_WIDTH
        field.layout.width = "42em"


class ColleagueForm:
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
        self.route = route
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
        self.message = w.HTML()
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
            self.role.value, self.note.value = known.role or "", known.note or ""
            self.stance.value, self.spoke_on.value = known.stance, known.spoke_on
            self.pioneer.value = known.pioneer

    def _on_save(self, _button=None) -> None:
        name = self.name.value.strip()
        fields = {"role": self.role.value.strip() or None, "stance": self.stance.value,
                  "spoke_on": self.spoke_on.value, "pioneer": self.pioneer.value,
                  "note": self.note.value.strip() or None}
        try:
            self.saved = save_colleague(self.route, name, **fields)
        except RouteError as error:
            self.message.value = problems_html(error, t("organisation.form.failed"))
            return
        self.message.value = _text(t("organisation.form.colleague_saved",
                                           name=self.saved.name))
        self.name.value = self.role.value = self.note.value = ""
        self.spoke_on.value = None
        self.pioneer.value = False
        self._refresh()

    def _refresh(self) -> None:
        team = pioneer_team(self.route)
        warnings = "".join(f"<li>⚠ {_text(text)}</li>" for text in team.warnings)
        ok = "" if warnings or team.table.empty else \
            f"<p>✓ {_text(t('organisation.team.balanced'))}</p>"
        self.balance.value = (f"<p>{_text(team.summary)}</p>"
                              + (f"<ul>{warnings}</ul>" if warnings else ok))
        show_table(team_table(team), self.table)


class ReflectionForm:
    """The role description and one text box per reflection question, saved with one button.

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

    def __init__(self, route: Route):
        self.route = route
        plan = plan_of(route)
        self.role = w.Textarea(description=t("organisation.form.role_description"),
                               placeholder=t("organisation.form.role_hint"),
                               value=plan.role_description, rows=5)
        _sized(self.role)
        rows, self.answers = [self.role], {}
        for _group, part in reflection_questions().groupby("group", sort=False):
            rows.append(w.HTML(f"<h4>{_text(part['group_name'].iloc[0])}</h4>"))
            for question in part.itertuples():
                box = w.Textarea(value=plan.answers.get(question.id, ""), rows=2,
                                 layout=w.Layout(width="42em"))
                self.answers[question.id] = box
                rows += [w.HTML(_text(question.question)), box]
        self.save = button(description=t("organisation.form.save_answers"),
                           button_style="primary")
        self.message = w.HTML()
        self.progress = w.Output()
        self.save.on_click(self._on_save)
        self.widget = w.VBox(rows + [self.save, self.message, self.progress])
        self._refresh()

    def _on_save(self, _button=None) -> None:
        try:
            update_plan(self.route, role_description=self.role.value.strip(),
                        answers={qid: box.value for qid, box in self.answers.items()})
        except RouteError as error:
            self.message.value = problems_html(error, t("organisation.form.failed"))
            return
        self._refresh(saved=True)

    def _refresh(self, *, saved: bool = False) -> None:
        progress = answered(self.route)
        summary = t("organisation.answered.summary", answered=int(progress["answered"].sum()),
                    total=int(progress["questions"].sum()))
        self.message.value = _text(t("organisation.form.answers_saved", summary=summary)
                                         if saved else summary)
        show_table(progress[["group_name", "questions", "answered"]].rename(columns={
            "group_name": t("organisation.col.group"),
            "questions": t("organisation.col.questions"),
            "answered": t("organisation.col.answered")}), self.progress)


class ImpactForm:
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
        self.route = route
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
        self.message = w.HTML()
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
        try:
            add_impact_item(self.route, subject, kind=self.kind.value,
                            influence=self.influence.value, value=self.value.value.strip())
        except RouteError as error:
            self.message.value = problems_html(error, t("organisation.form.failed"))
            return
        self.message.value = _text(t("organisation.form.impact_saved", subject=subject))
        self.subject.value = self.value.value = ""
        self._refresh()

    def _refresh(self) -> None:
        from routekit.organisation_chart import impact_chart

        overview = impact_overview(self.route)
        show_table(overview[["influence_name", "count", "subjects"]].rename(columns={
            "influence_name": t("organisation.col.influence"),
            "count": t("organisation.col.count"),
            "subjects": t("organisation.col.subjects")}), self.overview)
        self.ax = impact_chart(impact_items(self.route), size=self.size)
        show_figure(self.chart, self.ax.get_figure(root=True))
