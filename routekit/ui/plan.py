"""Forms of notebooks 07 (project plan) and 08 (keep the community going).

Every form saves to the route at once and tells the others, so the Gantt chart
and the shared-ownership check follow each change live. Export buttons write
into the route's ``export/`` folder and show a download link.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> editor = PlanEditor(route)
>>> editor.activities.pick.value = "a05"
>>> editor.activities.owners.value = ("mohamed", "taalhuis", "moskee")
>>> editor.activities.save.click()
>>> editor.activities.message.value
'Opgeslagen: a05'
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.ui.controls import button

__all__ = ["ActivityForm", "CarryView", "ContactMomentForm", "ExportPanel", "GanttView",
           "GoalForm", "OwnershipView", "PlanEditor", "download_link"]

_WIDE = {"width": "46em"}
_LABEL = {"description_width": "11em"}


def download_link(path: str | Path) -> str:
    """HTML link that downloads *path* from the page itself (works in Lab and Voilà)."""
    path = Path(path)
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    return (f'<a download="{html.escape(path.name)}" href="data:application/octet-stream;'
            f'base64,{data}">⬇ {html.escape(path.name)}</a>')


def _problems(error: RouteError) -> str:
    items = "".join(f"<li>{html.escape(str(problem))}</li>" for problem in error.problems)
    return f"<b>{t('plan.ui.not_saved')}</b><ul>{items}</ul>"


def _people(route) -> list[tuple[str, str]]:
    return [(s.name, s.id) for s in route.records("stakeholders")]


def _field(widget):
    widget.layout = w.Layout(**_WIDE)
    widget.style = _LABEL
    return widget


def _select_known(widget, values) -> None:
    """Select those of *values* that *widget* offers (people removed since are left out)."""
    known = {value for _, value in widget.options}
    widget.value = tuple(value for value in values if value in known)


class _RecordForm:
    """Pick a record (or "new"), edit its fields, save or delete it at once."""

    kind = ""

    def __init__(self, route, on_change: Callable[[], None] | None = None):
        self.route = route
        self.on_change = on_change
        self.pick = _field(w.Dropdown(description=t(f"plan.ui.pick.{self.kind}")))
        self.record_id = _field(w.Text(description=t("plan.ui.id")))
        self.save = button(description=t("plan.ui.save"), button_style="primary")
        self.delete = button(description=t("plan.ui.delete"), button_style="danger")
        self.message = w.HTML()
        inputs = self._inputs()
        self._refresh_choices()
        self.pick.observe(lambda _change: self._load(), names="value")
        self.save.on_click(self._on_save)
        self.delete.on_click(self._on_delete)
        self.widget = w.VBox([self.pick, self.record_id, *inputs,
                              w.HBox([self.save, self.delete]), self.message])
        self._load()

    # subclasses fill these in
    def _inputs(self) -> list:
        raise NotImplementedError

    def _label(self, record) -> str:
        raise NotImplementedError

    def _show(self, record) -> None:
        raise NotImplementedError

    def _values(self) -> dict:
        raise NotImplementedError

    def _refresh_choices(self, value: str = "") -> None:
        records = self.route.records(self.kind)
        self.pick.options = [(t("plan.ui.new"), "")] + [(self._label(r), r.id) for r in records]
        self.pick.value = value if value in {r.id for r in records} else ""

    def _load(self) -> None:
        record = self.route.get(self.kind, self.pick.value) if self.pick.value else None
        self.record_id.value = record.id if record else self._next_id()
        self.record_id.disabled = record is not None
        self._show(record)
        self.message.value = ""

    def _next_id(self) -> str:
        """Next free id in the style of the existing ones: g1…g4 → g5, a01…a12 → a13."""
        prefix = {"goals": "g", "activities": "a", "contact_moments": "cm"}[self.kind]
        numbers = [m.group(1) for r in self.route.records(self.kind)
                   if (m := re.fullmatch(rf"{prefix}(\d+)", r.id))]
        width = len(numbers[0]) if numbers else 2
        return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"

    def _on_save(self, _button=None) -> None:
        old = self.route.get(self.kind, self.record_id.value)
        data = {**(old.model_dump() if old else {}), **self._values(),
                "id": self.record_id.value.strip()}
        try:
            record = self.route.upsert(self.kind, data)
        except RouteError as error:
            self.message.value = _problems(error)
            return
        self._refresh_choices(record.id)
        self.message.value = t("plan.ui.saved", id=record.id)
        if self.on_change:
            self.on_change()

    def _on_delete(self, _button=None) -> None:
        if self.pick.value and self.route.remove(self.kind, self.pick.value):
            self.message.value = t("plan.ui.deleted", id=self.pick.value)
            self._refresh_choices()
            if self.on_change:
                self.on_change()


class GoalForm(_RecordForm):
    """Edit the plan's goals; the SMART check updates while you type.

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
        self.theme = _field(w.Dropdown(description=t("plan.col.theme"),
                                       options=[("–", None)] + [(th.name, th.id)
                                                                 for th in cfg.themes]))
        self.text = _field(w.Textarea(description=t("plan.col.text"),
                                      placeholder=t("plan.ui.goal_hint")))
        self.measure = _field(w.Text(description=t("plan.col.measure")))
        self.deadline = _field(w.DatePicker(description=t("plan.col.deadline")))
        self.owners = _field(w.SelectMultiple(description=t("plan.col.owners"),
                                              options=_people(self.route), rows=6))
        self.smart = w.HTML()
        for widget in (self.text, self.measure, self.deadline, self.owners):
            widget.observe(lambda _change: self._check(), names="value")
        return [self.theme, self.text, self.measure, self.deadline, self.owners, self.smart]

    def _label(self, record) -> str:
        return f"{record.id} – {record.text[:60]}"

    def _show(self, record) -> None:
        self.theme.value = record.theme if record else None
        self.text.value = record.text if record else ""
        self.measure.value = (record.measure or "") if record else ""
        self.deadline.value = record.deadline if record else None
        _select_known(self.owners, record.owners if record else [])
        self._check()

    def _values(self) -> dict:
        return {"theme": self.theme.value, "text": self.text.value,
                "measure": self.measure.value or None, "deadline": self.deadline.value,
                "owners": list(self.owners.value)}

    def _check(self) -> None:
        from routekit.plan.model import Plan
        from routekit.plan.smart import check_goal

        plan = Plan.from_route(self.route)
        goal_id = self.record_id.value
        own = plan.activities[plan.activities["goal"] == goal_id]
        result = check_goal({"id": goal_id, **self._values()}, activities=len(own),
                            first_start=min(own["start"]) if len(own) else None,
                            kpis=int((plan.kpis["goal"] == goal_id).sum()),
                            library_ids=plan.library_ids, places=list(plan.areas.values()))
        colour = "#009e73" if result.is_smart else "#d55e00"
        self.smart.value = (f'<div style="border-left:4px solid {colour};padding-left:.6em">'
                            f"{html.escape(result.describe())}</div>")


class ActivityForm(_RecordForm):
    """Edit activities: goal, dates, owners (trekkers) and contributors.

    Attributes
    ----------
    pick, record_id, goal, name, start, end, owners, contributors, status : ipywidgets
    save, delete : ipywidgets.Button
    """

    kind = "activities"

    def _inputs(self) -> list:
        people = _people(self.route)
        self.goal = _field(w.Dropdown(description=t("plan.col.goal")))
        self.name = _field(w.Text(description=t("plan.col.name")))
        self.start = _field(w.DatePicker(description=t("plan.col.start")))
        self.end = _field(w.DatePicker(description=t("plan.col.end")))
        self.owners = _field(w.SelectMultiple(description=t("plan.col.owners"),
                                              options=people, rows=6))
        self.contributors = _field(w.SelectMultiple(description=t("plan.col.contributors"),
                                                    options=people, rows=6))
        self.status = _field(w.Dropdown(description=t("plan.col.status"), options=[
            (t(f"plan.status.{code}"), code) for code in ("planned", "running", "done",
                                                         "stopped")]))
        return [self.goal, self.name, self.start, self.end, self.owners, self.contributors,
                self.status]

    def _refresh_choices(self, value: str = "") -> None:
        self.goal.options = [("–", None)] + [(f"{g.id} – {g.text[:50]}", g.id)
                                              for g in self.route.records("goals")]
        super()._refresh_choices(value)

    def _label(self, record) -> str:
        return f"{record.id} – {record.name[:60]}"

    def _show(self, record) -> None:
        goals = {value for _, value in self.goal.options}
        self.goal.value = record.goal if record and record.goal in goals else None
        self.name.value = record.name if record else ""
        self.start.value = record.start if record else dt.date.today()
        self.end.value = record.end if record else dt.date.today() + dt.timedelta(days=90)
        _select_known(self.owners, record.owners if record else [])
        _select_known(self.contributors, record.contributors if record else [])
        self.status.value = record.status if record else "planned"

    def _values(self) -> dict:
        return {"goal": self.goal.value, "name": self.name.value, "start": self.start.value,
                "end": self.end.value, "owners": list(self.owners.value),
                "contributors": list(self.contributors.value), "status": self.status.value}


class ContactMomentForm(_RecordForm):
    """Edit the recurring contact moments (route step 8) and see their dates.

    Attributes
    ----------
    pick, record_id, title, day, time, duration, recurrence, count, location,
    participants : ipywidgets
    dates : ipywidgets.HTML
        The dates of the chosen moment, as an agenda will show them.
    """

    kind = "contact_moments"

    def _inputs(self) -> list:
        self.title = _field(w.Text(description=t("plan.col.title")))
        self.day = _field(w.DatePicker(description=t("plan.col.start")))
        self.time = _field(w.Text(description=t("plan.ui.time"), placeholder="19:30"))
        self.duration = _field(w.BoundedIntText(description=t("plan.col.duration_minutes"),
                                                min=5, max=600, step=15, value=90))
        self.recurrence = _field(w.Dropdown(description=t("plan.col.recurrence"), options=[
            (t(f"plan.recurrence.{code}"), code)
            for code in ("once", "weekly", "monthly", "quarterly")], value="monthly"))
        self.count = _field(w.BoundedIntText(description=t("plan.col.count"), min=1, max=104,
                                             value=6))
        self.location = _field(w.Text(description=t("plan.col.location")))
        self.participants = _field(w.SelectMultiple(description=t("plan.col.participants"),
                                                    options=_people(self.route), rows=6))
        self.dates = w.HTML()
        return [self.title, self.day, self.time, self.duration, self.recurrence, self.count,
                self.location, self.participants, self.dates]

    def _label(self, record) -> str:
        return f"{record.id} – {record.title[:60]}"

    def _show(self, record) -> None:
        from routekit.plan.formats import day
        from routekit.plan.tables import occurrences

        start = record.start if record else dt.datetime.combine(
            dt.date.today() + dt.timedelta(days=7), dt.time(19, 30))
        self.title.value = record.title if record else ""
        self.day.value, self.time.value = start.date(), f"{start:%H:%M}"
        self.duration.value = record.duration_minutes if record else 90
        self.recurrence.value = record.recurrence if record else "monthly"
        self.count.value = record.count if record else 6
        self.location.value = (record.location or "") if record else ""
        _select_known(self.participants, record.participants if record else [])
        self.dates.value = "" if record is None else t(
            "plan.ui.dates", dates=", ".join(day(d.date()) for d in occurrences(record)))

    def _values(self) -> dict:
        try:
            hour, minute = (int(part) for part in self.time.value.strip().split(":"))
            moment = dt.time(hour, minute)
        except ValueError:
            moment = None
        start = (dt.datetime.combine(self.day.value, moment)
                 if self.day.value and moment else self.time.value)
        return {"title": self.title.value, "start": start,
                "duration_minutes": self.duration.value, "recurrence": self.recurrence.value,
                "count": self.count.value, "location": self.location.value or None,
                "participants": list(self.participants.value)}


class GanttView:
    """The plan's timeline, redrawn by :meth:`refresh` (``today`` marks the date)."""

    def __init__(self, route, *, today: dt.date | None = None):
        self.route = route
        self.today = today
        self.widget = w.Output()
        self.axes = None
        self.refresh()

    def refresh(self) -> None:
        """Draw the timeline again from the saved activities."""
        import matplotlib.pyplot as plt
        from IPython.display import display

        from routekit.plan.gantt import plan_gantt
        from routekit.plan.model import Plan
        from routekit.style import new_figure

        plan = Plan.from_route(self.route)
        self.widget.clear_output(wait=True)
        with self.widget:
            if plan.activities.empty:
                print(t("plan.ui.no_activities"))
                self.axes = None
                return
            figure, ax = new_figure((11.7, 0.55 * len(plan.activities) + 2.8))
            self.axes = plan_gantt(plan, ax=ax, today=self.today)
            display(figure)
            plt.close(figure)


def _message_list(messages: list[str], level: str) -> str:
    colour = {"ok": "#009e73", "watch": "#e69f00", "risk": "#d55e00"}[level]
    items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
    return f'<ul style="border-left:4px solid {colour};padding-left:1.6em">{items}</ul>'


class _CheckView:
    """An HTML widget that :meth:`refresh` fills from the saved route (subclasses fill it)."""

    def __init__(self, route):
        self.route = route
        self.widget = w.HTML()
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError


class OwnershipView(_CheckView):
    """Shared-ownership warnings of the plan (whole plan and per theme), refreshed live."""

    def refresh(self) -> None:
        """Check the saved plan again."""
        from routekit.plan.model import Plan
        from routekit.plan.ownership import ownership_by_theme

        plan = Plan.from_route(self.route)
        checks = ownership_by_theme(plan) if len(plan.activities) else []
        self.widget.value = f"<h4>{t('plan.doc.ownership')}</h4>" + "".join(
            _message_list(check.messages(), check.level) for check in checks)


class CarryView(_CheckView):
    """Route step 8: who carries too much across plan and network, in plain Dutch."""

    def refresh(self) -> None:
        """Check plan, contact moments and network again."""
        from routekit.plan.model import Plan
        from routekit.plan.ownership import load_table, step8_messages
        from routekit.plan.tables import display

        plan = Plan.from_route(self.route)
        relations = self.route.table("relations")
        messages = step8_messages(plan, relations)
        level = "ok" if messages == [t("plan.ownership.all_ok")] else "watch"
        table = load_table(plan, relations).head(8).reset_index(drop=True)
        table = display(table.rename(columns={"name": "person"}))
        self.widget.value = (_message_list(messages, level)
                             + table.to_html(index=False, border=0, float_format="{:g}".format))


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
        self.theme = _field(w.Dropdown(description=t("plan.col.theme"), options=[
            (t("plan.ownership.whole"), None)] + [(th.name, th.id)
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
        from routekit.plan.model import Plan

        plan = Plan.from_route(self.route)
        targets = [d for d in self.buttons if d != "all"] if what == "all" else [what]
        try:
            written = {d: export_document(self.route, d, theme=self.theme.value, plan=plan,
                                          template=self._template_path()) for d in targets}
        except (RouteError, ValueError) as error:
            self.links.value = f"<b>{html.escape(str(error))}</b>"
            return {}
        self.paths.update(written)
        self.links.value = (t("plan.ui.exported", folder=html.escape(str(
            self.route.export_dir))) + "<br>"
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
        self.goals = GoalForm(route, on_change=self.refresh)
        self.activities = ActivityForm(route, on_change=self.refresh)
        tabs = w.Tab(children=[self.goals.widget, self.activities.widget])
        tabs.titles = (t("plan.doc.goals"), t("plan.sheet.activities"))
        self.export = ExportPanel(route)
        self.widget = w.VBox([tabs, self.gantt.widget, self.ownership.widget])

    def refresh(self) -> None:
        """Redraw the timeline and the ownership check; update the goal choices."""
        self.activities._refresh_choices(self.activities.pick.value)
        self.gantt.refresh()
        self.ownership.refresh()
