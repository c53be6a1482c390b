"""Forms of notebook 07 (project plan); notebook 08 uses its export panel too.

A change to a goal or activity that exists is saved at once; a
new one is saved with "Opslaan". Every save tells the others, so the Gantt chart
and the shared-ownership check follow each change live. Export buttons write
into the route's ``export/`` folder and show a download link.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> editor = PlanEditor(route)
>>> editor.activities.pick.value = "a05"
>>> editor.activities.owners.value = ("mohamed", "taalhuis", "moskee")  # saved at once
>>> editor.activities.message.value  # doctest: +ELLIPSIS
"<span style='color:#1a7f37'>✓ Opgeslagen: ...</span>"
>>> route.get("activities", "a05").owners
['mohamed', 'taalhuis', 'moskee']
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.markup import escape
from routekit.ui.kit import (
    Form,
    button,
    notes_html,
    problems_html,
    short_text,
    show_figure,
)

__all__ = ["ActivityForm", "ExportPanel", "GanttView", "GoalForm", "OwnershipView", "PlanEditor",
           "PlanRecordForm", "download_link", "people_options", "select_known", "wide_field"]

_WIDE = {"width": "46em"}
_LABEL = {"description_width": "11em"}


def download_link(path: str | Path) -> str:
    """HTML link that downloads *path* from the page itself (works in Lab and Voilà)."""
    path = Path(path)
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<a download="{escape(path.name, quote=True)}" href="data:application/'
            f'octet-stream;base64,{data}">⬇ {escape(path.name)}</a>')


def people_options(route) -> list[tuple[str, str]]:
    return [(s.name, s.id) for s in route.records("stakeholders")]


def wide_field(widget):
    widget.layout = w.Layout(**_WIDE)
    widget.style = _LABEL
    if hasattr(widget, "continuous_update"):
        widget.continuous_update = False  # saved when the field is left, not per key
    return widget


def select_known(widget, values) -> None:
    """Select those of *values* that *widget* offers (people removed since are left out)."""
    known = {value for _, value in widget.options}
    widget.value = tuple(value for value in values if value in known)


class PlanRecordForm(Form):
    """Pick a record (or "new") and edit its fields: a record that exists is saved at each
    change, a new one with the save button; delete removes the picked one.

    ``record_id`` holds the id (the next free one for a new record); it is not shown.
    """

    kind = ""
    FIELD_LABELS = {"id": "plan.ui.id"}

    def __init__(self, route, on_change: Callable[[], None] | None = None):
        super().__init__(route, on_change)
        self.pick = wide_field(w.Dropdown(description=t(f"plan.ui.pick.{self.kind}")))
        self.record_id = wide_field(w.Text(description=t("plan.ui.id")))
        self.save = button(description=t("plan.ui.save"), button_style="primary")
        self.delete = button(description=t("plan.ui.delete"), button_style="danger")
        inputs = self._inputs()
        self._refresh_choices()
        self.pick.observe(lambda _change: self._load(), names="value")
        self.watch([widget for widget in inputs if isinstance(widget, w.ValueWidget)],
                   self._on_edit)
        self.save.on_click(self._on_save)
        self.delete.on_click(self._on_delete)
        self.widget = w.VBox([self.pick, *inputs, w.HBox([self.save, self.delete]),
                              self.message])
        self._load()

    # subclasses fill these in
    def _inputs(self) -> list:
        raise NotImplementedError

    def _label(self, record) -> str:
        """The record's name as the pickers and messages show it."""
        raise NotImplementedError

    def _show(self, record) -> None:
        raise NotImplementedError

    def _values(self) -> dict:
        raise NotImplementedError

    def _refresh_choices(self, value: str = "") -> None:
        records = self.route.records(self.kind)
        with self.loading():
            self.pick.options = [(t("plan.ui.new"), "")] + [(self._label(r), r.id)
                                                             for r in records]
            self.pick.value = value if value in {r.id for r in records} else ""

    def load(self) -> None:
        """Show the picked record as it is saved now (or an empty new one)."""
        from routekit.plan.stored import new_id

        record = self.remember(self.kind, self.route.get(self.kind, self.pick.value)
                               if self.pick.value else None)
        with self.loading():
            self.record_id.value = record.id if record else new_id(self.route, self.kind)
            self._show(record)
        self.message.value = ""

    _load = load

    def _on_edit(self) -> None:
        if self.pick.value:  # a record that exists: saved at once
            self._on_save()

    def _on_save(self, _button=None) -> None:
        data = {**self._values(), "id": self.record_id.value.strip()}

        def save() -> str:
            record = self.save_record(self.kind, data)  # fields not shown come from the base
            if self.pick.value != record.id:
                self._refresh_choices(record.id)
            else:  # the name in the picker may have changed
                with self.loading():
                    self.pick.options = [(self._label(record) if value == record.id else label,
                                          value) for label, value in self.pick.options]
                    self.pick.value = record.id
            return t("kit.saved", name=self._label(record))

        self.attempt(save, t("plan.ui.not_saved"))

    def _on_delete(self, _button=None) -> None:
        record = self.route.get(self.kind, self.pick.value) if self.pick.value else None
        if record is None:
            return

        def delete() -> str | None:
            if not self.remove_record(self.kind, record.id):
                return None
            self._refresh_choices()
            self.load()
            return t("kit.removed", name=self._label(record))

        self.attempt(delete)


class GoalForm(PlanRecordForm):
    """Edit the plan's goals; the SMART check follows every change.

    Attributes
    ----------
    pick, record_id, theme, text, measure, deadline, owners : ipywidgets
    smart : ipywidgets.HTML
        Which SMART letter is missing, with tips.
    save, delete : ipywidgets.Button
    """

    kind = "goals"

    def _inputs(self) -> list:
        cfg = self.route.config
        self.theme = wide_field(w.Dropdown(description=t("plan.col.theme"),
                                       options=[("–", None)] + [(th.name, th.id)
                                                                 for th in cfg.themes]))
        self.text = wide_field(w.Textarea(description=t("plan.col.text"),
                                      placeholder=t("plan.ui.goal_hint")))
        self.measure = wide_field(w.Text(description=t("plan.col.measure")))
        self.deadline = wide_field(w.DatePicker(description=t("plan.col.deadline")))
        self.owners = wide_field(w.SelectMultiple(description=t("plan.col.owners"),
                                              options=people_options(self.route), rows=6))
        self.smart = w.HTML()
        self.watch((self.text, self.measure, self.deadline, self.owners), self._check)
        return [self.theme, self.text, self.measure, self.deadline, self.owners, self.smart]

    def _label(self, record) -> str:
        return short_text(record.text)

    def _show(self, record) -> None:
        self.theme.value = record.theme if record else None
        self.text.value = record.text if record else ""
        self.measure.value = (record.measure or "") if record else ""
        self.deadline.value = record.deadline if record else None
        select_known(self.owners, record.owners if record else [])
        self._check()

    def _values(self) -> dict:
        return {"theme": self.theme.value, "text": self.text.value,
                "measure": self.measure.value or None, "deadline": self.deadline.value,
                "owners": list(self.owners.value)}

    def _check(self) -> None:
        from routekit.plan.stored import goal_check

        result = goal_check(self.route, {"id": self.record_id.value, **self._values()})
        colour = "#009e73" if result.is_smart else "#d55e00"
        self.smart.value = (f'<div style="border-left:4px solid {colour};padding-left:.6em">'
                            f"{escape(result.describe())}</div>")


class ActivityForm(PlanRecordForm):
    """Edit activities: goal, dates, owners (trekkers) and contributors.

    Attributes
    ----------
    pick, record_id, goal, name, start, end, owners, contributors, status : ipywidgets
    save, delete : ipywidgets.Button
    """

    kind = "activities"

    def _inputs(self) -> list:
        people = people_options(self.route)
        self.goal = wide_field(w.Dropdown(description=t("plan.col.goal")))
        self.name = wide_field(w.Text(description=t("plan.col.name")))
        self.start = wide_field(w.DatePicker(description=t("plan.col.start")))
        self.end = wide_field(w.DatePicker(description=t("plan.col.end")))
        self.owners = wide_field(w.SelectMultiple(description=t("plan.col.owners"),
                                                  options=people, rows=6))
        self.contributors = wide_field(w.SelectMultiple(
            description=t("plan.col.contributors"), options=people, rows=6))
        self.status = wide_field(w.Dropdown(description=t("plan.col.status"), options=[
            (t(f"plan.status.{code}"), code) for code in ("planned", "running", "done",
                                                         "stopped")]))
        return [self.goal, self.name, self.start, self.end, self.owners, self.contributors,
                self.status]

    def _refresh_choices(self, value: str = "") -> None:
        self.refresh_goals()
        super()._refresh_choices(value)

    def refresh_goals(self) -> None:
        """Offer the goals as saved now; the chosen one stays chosen (a removed one: none)."""
        with self.loading():
            chosen = self.goal.value
            self.goal.options = [("–", None)] + [(short_text(g.text), g.id)
                                                  for g in self.route.records("goals")]
            self.goal.value = chosen if chosen in {v for _, v in self.goal.options} else None

    def _label(self, record) -> str:
        return short_text(record.name)

    def _show(self, record) -> None:
        goals = {value for _, value in self.goal.options}
        self.goal.value = record.goal if record and record.goal in goals else None
        self.name.value = record.name if record else ""
        self.start.value = record.start if record else dt.date.today()
        self.end.value = record.end if record else dt.date.today() + dt.timedelta(days=90)
        select_known(self.owners, record.owners if record else [])
        select_known(self.contributors, record.contributors if record else [])
        self.status.value = record.status if record else "planned"

    def _values(self) -> dict:
        return {"goal": self.goal.value, "name": self.name.value, "start": self.start.value,
                "end": self.end.value, "owners": list(self.owners.value),
                "contributors": list(self.contributors.value), "status": self.status.value}


#: Columns of :func:`routekit.plan.tables.activity_table` that the timeline shows.
GANTT_COLUMNS = ["id", "goal", "name", "start", "end", "owners", "status_code"]


class GanttView:
    """The plan's timeline, redrawn by :meth:`refresh` (``today`` marks the date) when what
    it shows changed."""

    def __init__(self, route, *, today: dt.date | None = None):
        self.route = route
        self.today = today
        self.widget = w.Output()
        self.axes = None
        self._shown = None  # the activities and goal texts drawn last
        self.refresh()

    def refresh(self, plan=None) -> None:
        """Draw the timeline again from the saved activities (or from *plan*, read just now);
        nothing is drawn when the activities and goals it shows are as drawn last."""
        from IPython.display import HTML, display

        from routekit.plan import tables
        from routekit.plan.plot import plot_gantt
        from routekit.plan.stored import plan_of

        plan = plan_of(self.route) if plan is None else plan
        activities = tables.activity_table(plan)
        shown = (activities[GANTT_COLUMNS], tables.goal_texts(plan))
        if self._shown is not None and shown[1] == self._shown[1] \
                and shown[0].equals(self._shown[0]):
            return
        self._shown = shown
        if activities.empty:
            self.axes = None
            self.widget.clear_output(wait=True)
            with self.widget:
                display(HTML(f"<p>{escape(t('plan.ui.no_activities'))}</p>"))
            return
        self.axes = plot_gantt(activities, goals=shown[1], today=self.today,
                               size=(11.7, 0.55 * len(activities) + 2.8))
        show_figure(self.widget, self.axes, laid_out=True)  # plot_gantt ends with finish()


class OwnershipView:
    """Shared-ownership warnings of the plan (whole plan and per theme), refreshed live."""

    def __init__(self, route):
        self.route = route
        self.widget = w.HTML()
        self.refresh()

    def refresh(self, plan=None) -> None:
        """Check the saved plan again (or *plan*, read just now)."""
        from routekit.community.sharing import ownership_by_theme
        from routekit.plan.stored import plan_of

        plan = plan_of(self.route) if plan is None else plan
        checks = ownership_by_theme(plan) if len(plan.activities) else []
        self.widget.value = f"<h4>{escape(t('plan.doc.ownership'))}</h4>" + "".join(
            notes_html(check.messages(), check.level) for check in checks)


class ExportPanel:
    """Buttons that write the plan's documents into ``export/`` with download links.

    Attributes
    ----------
    theme : ipywidgets.Dropdown
        The whole plan or one theme.
    template : ipywidgets.FileUpload
        The library's own ``.docx`` template (the example one when empty).
    buttons : dict
        Document (see :data:`routekit.plan.export.DOCUMENTS`) → Button; ``"all"`` too.
    links : ipywidgets.HTML
    """

    def __init__(self, route, documents: tuple[str, ...] | None = None):
        from routekit.plan.export import DOCUMENTS

        self.route = route
        self.paths: dict[str, Path] = {}
        self.theme = wide_field(w.Dropdown(description=t("plan.col.theme"), options=[
            (t("community.sharing.whole"), None)] + [(th.name, th.id)
                                                    for th in route.config.themes]))
        self.template = w.FileUpload(accept=".docx", multiple=False,
                                     description=t("plan.ui.template"))
        documents = documents or DOCUMENTS
        self.buttons = {what: button(description=t(f"plan.ui.export.{what}"),
                                     layout=w.Layout(width="16em")) for what in documents}
        if len(documents) > 1:
            self.buttons["all"] = button(description=t("plan.ui.export.all"),
                                         button_style="primary", layout=w.Layout(width="16em"))
        for what, control in self.buttons.items():
            control.on_click(lambda _b, what=what: self.export(what))
        self.links = w.HTML()
        rows = [self.theme]
        if "template" in documents:
            rows.append(w.HBox([w.Label(t("plan.ui.template_hint")), self.template]))
        self.widget = w.VBox([*rows, w.HBox(list(self.buttons.values()),
                                            layout=w.Layout(flex_flow="row wrap")),
                              self.links])

    def _template_path(self) -> Path | None:
        if not self.template.value:
            return None
        upload = self.template.value[0]
        folder = Path(self.route.path) / "sjablonen"
        folder.mkdir(exist_ok=True)
        path = folder / Path(upload["name"]).name
        path.write_bytes(bytes(upload["content"]))
        return path

    def export(self, what: str) -> dict[str, Path]:
        """Write one document (or ``"all"``) and show download links; returns the paths."""
        from routekit.plan.export import export_document
        from routekit.plan.stored import plan_of

        plan = plan_of(self.route)
        targets = [d for d in self.buttons if d != "all"] if what == "all" else [what]
        try:
            written = {d: export_document(self.route, d, theme=self.theme.value, plan=plan,
                                          template=self._template_path()) for d in targets}
        except (RouteError, ValueError) as error:
            self.links.value = problems_html(getattr(error, "problems", None) or [str(error)],
                                             t("kit.not_written"))
            return {}
        self.paths.update(written)
        self.links.value = (escape(t("plan.ui.exported", folder=self.route.export_dir)) + "<br>"
            + "<br>".join(download_link(path) for path in written.values()))
        return written


class PlanEditor:
    """Notebook 07: goals and activities side by side, live Gantt and ownership, export.

    Attributes
    ----------
    goals : GoalForm
    activities : ActivityForm
    gantt : GanttView
    ownership : OwnershipView
    export : ExportPanel
    widget : ipywidgets.VBox
    """

    def __init__(self, route, *, today: dt.date | None = None):
        self.gantt = GanttView(route, today=today)
        self.ownership = OwnershipView(route)
        self.goals = GoalForm(route, on_change=self._goal_saved)
        self.activities = ActivityForm(route, on_change=self.refresh)
        tabs = w.Tab(children=[self.goals.widget, self.activities.widget])
        tabs.titles = (t("plan.doc.goals"), t("plan.sheet.activities"))
        self.export = ExportPanel(route)
        self.widget = w.VBox([tabs, self.gantt.widget, self.ownership.widget])

    def _goal_saved(self) -> None:
        self.activities.refresh_goals()  # an activity being typed is kept
        self.refresh()

    def refresh(self) -> None:
        """Redraw the timeline (when what it shows changed) and the ownership check."""
        from routekit.plan.stored import plan_of

        plan = plan_of(self.activities.route)  # read once for both views
        self.gantt.refresh(plan)
        self.ownership.refresh(plan)
