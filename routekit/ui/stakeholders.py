"""Forms of notebook 04b: stakeholders, their positions per theme, forces and live charts.

Every change is saved to the workspace at once (through
:mod:`routekit.stakeholders.stored` and :class:`routekit.workspace.Route`),
and the chart below the forms follows. After editing the CSV files or the
actor map in Excel, "Opnieuw inlezen" shows the files' current state.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> board = KrachtenveldBoard(route)
>>> board.widget  # the forms and chart, in a notebook  # doctest: +ELLIPSIS
VBox(...)
>>> board.people.pick.value = "welzijn"
>>> board.people.influence.value = 5                 # saved; chart redrawn
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as w
import pandas as pd

from routekit.errors import Problem, RecordConflict, RouteError
from routekit.i18n import t
from routekit.markup import escape
from routekit.records.stakeholders import SECTORS
from routekit.stakeholders import (
    GRIDS,
    add_stakeholder,
    comparison_of,
    export_actor_map,
    field_of,
    force_totals,
    krachtenveld,
    problems,
    quadrants,
    read_actor_map,
    register,
    remove_stakeholder,
    set_position,
)
from routekit.ui.kit import Form, button, ok_html, problems_html, show_figure, theme_notice
from routekit.workspace import Route

__all__ = ["ForceForm", "KrachtenveldBoard", "StakeholderForm"]

_NEW = "__new__"
_BUBBLES = ["name", "sector", "influence", "attitude", "interest"]
_DRAWN = {"krachtenveld": [*_BUBBLES, "side", "group"],
          "lewin": ["direction", "description", "strength", "action"],
          "grid": [*_BUBBLES, "x", "y", "quadrant"], "themes": None}
"""Per view, the columns of the data its chart draws (None: all)."""
_SCORES = {"influence": (1, 5), "attitude": (-2, 2), "interest": (1, 5), "trust": (0, 5)}


def _label(key: str, **values) -> str:
    return t(f"stakeholders.ui.{key}", **values)


def _wide(*widgets, width="44em"):
    for widget in widgets:
        widget.style.description_width = "16em"  # room for "Houding (-2 tegen … +2 voor)"
        widget.layout.width = width
    return widgets


class _Form(Form):
    """Shared plumbing of the two forms: theme and item pickers (see :class:`Form`)."""

    def __init__(self, route: Route, theme: str | None, on_change: Callable[[], None] | None,
                 pick_label: str):
        super().__init__(route, on_change)
        themes = [(th.name, th.id) for th in route.config.themes]
        self.theme = w.Dropdown(options=themes, value=theme or (themes[0][1] if themes else None),
                                description=_label("theme"))
        self.notice = theme_notice(route)  # None, or: add a theme first, here is how
        self.pick = w.Dropdown(description=_label(pick_label))

    def _offer(self, new: str, choices: list[tuple[str, str]], select: str | None) -> None:
        """Fill the picker with "+ *new*" and *choices* (label, value), then show one.

        Shows *select*, else the current choice if still offered, else the
        first choice, else "new".
        """
        current = select or self.pick.value
        with self.loading():
            self.pick.options = [(f"+ {new}", _NEW)] + choices
        values = [value for _, value in choices]
        self.pick.value = current if current in values else (values[0] if values else _NEW)
        self.load()

    def load(self) -> None:
        raise NotImplementedError


class StakeholderForm(_Form):
    """Add and edit stakeholders and their position on the selected theme.

    Attributes
    ----------
    theme, pick : Dropdown
        Theme and stakeholder shown (``pick`` also offers "+ nieuw").
    name, kind, sector, area, contact, role, binding, binding_note, notes : widgets
        Fields of the stakeholder; saved when changed.
    involved : Checkbox
        Whether the stakeholder has a position on the theme.
    influence, attitude, interest, trust : IntSlider
        The position (trust 0 = not known); saved when changed.
    stake, action : Text
    add, remove : Button
    widget : VBox
    """

    def __init__(self, route: Route, theme: str | None = None,
                 on_change: Callable[[], None] | None = None):
        super().__init__(route, theme, on_change, "stakeholder")
        self.name = w.Text(description=_label("name"), continuous_update=False)
        self.kind = w.Dropdown(options=[(t(f"stakeholders.kind.{k}"), k)
                                        for k in ("organisation", "person", "group")],
                               description=_label("kind"))
        self.sector = w.Dropdown(options=[(t(f"stakeholders.sector.{s}"), s) for s in SECTORS],
                                 description=_label("sector"))
        self.area = w.Dropdown(options=[(_label("none"), "")] +
                               [(a.name, a.code) for a in route.config.areas],
                               description=_label("area"))
        self.contact = w.Text(description=_label("contact"), continuous_update=False)
        self.role = w.Text(description=_label("role"), continuous_update=False)
        self.binding = w.Dropdown(options=[(_label("none"), "")] +
                                  [(t(f"stakeholders.binding.{b}"), b)
                                   for b in ("passion", "necessity", "both")],
                                  description=_label("binding"))
        self.binding_note = w.Textarea(description=_label("binding_note"),
                                       continuous_update=False)
        self.notes = w.Textarea(description=_label("notes"), continuous_update=False)
        self.involved = w.Checkbox(description=_label("involved"), indent=False)
        for score, (low, high) in _SCORES.items():
            setattr(self, score, w.IntSlider(min=low, max=high, value=0 if low <= 0 else 3,
                                             description=_label(score),
                                             continuous_update=False))
        self.stake = w.Text(description=_label("stake"), continuous_update=False)
        self.action = w.Text(description=_label("action"), continuous_update=False)
        self.add = button(description=_label("add"), button_style="primary")
        self.remove = button(description=_label("remove"), button_style="danger")
        person = (self.name, self.kind, self.sector, self.area, self.contact, self.role,
                  self.binding, self.binding_note, self.notes)
        position = (self.influence, self.attitude, self.interest, self.trust, self.stake,
                    self.action)
        _wide(self.theme, self.pick, *person, *position)
        self.watch(person, self._save_person)
        self.watch(position, self._save_position)
        self.watch([self.involved], self._toggle)
        self.pick.observe(lambda _c: self.load(), "value")
        self.theme.observe(lambda _c: self.load(), "value")
        self.add.on_click(lambda _b: self._add())
        self.remove.on_click(lambda _b: self._remove())
        where = [self.involved, *position] if self.notice is None else [self.notice]
        self.widget = w.VBox([
            self.theme, self.pick,
            w.HTML(f"<b>{escape(_label('who'))}</b>"), *person,
            w.HTML(f"<b>{escape(_label('where'))}</b>"), *where,
            w.HBox([self.add, self.remove]), self.message])
        self.reload()

    # -- loading ---------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the register again (after edits in Excel) and show *select* or the current one."""
        people = sorted(self.route.records("stakeholders"), key=lambda s: s.name.casefold())
        self._offer(_label("new"), [(p.name, p.id) for p in people], select)

    def load(self) -> None:
        """Show the selected stakeholder and their position on the selected theme."""
        sid = self.pick.value
        person = self.remember("stakeholders", self.route.get("stakeholders", sid)
                               if sid and sid != _NEW else None)
        position = self.remember("positions", self.route.get("positions", sid,
                                                             self.theme.value)
                                 if person else None)
        with self.loading():
            data = person.model_dump() if person else {}
            for field in ("name", "contact", "role", "binding_note", "notes"):
                getattr(self, field).value = data.get(field) or ""
            self.kind.value = data.get("kind") or "organisation"
            self.sector.value = data.get("sector") or "residents"
            self.area.value = data.get("area") if data.get("area") in dict(
                (v, k) for k, v in self.area.options) else ""
            self.binding.value = data.get("binding") or ""
            self.involved.value = position is not None
            spot = position.model_dump() if position else {}
            for score, (low, _high) in _SCORES.items():
                getattr(self, score).value = spot.get(score) or (0 if low <= 0 else 3)
            self.stake.value = spot.get("stake") or ""
            self.action.value = spot.get("action") or ""
            self.remove.disabled = person is None
            self.add.disabled = person is not None

    # -- saving ----------------------------------------------------------------

    def _person_fields(self) -> dict:
        return {"name": self.name.value.strip(), "kind": self.kind.value,
                "sector": self.sector.value, "area": self.area.value or None,
                "contact": self.contact.value or None, "role": self.role.value or None,
                "binding": self.binding.value or None,
                "binding_note": self.binding_note.value or None,
                "notes": self.notes.value or None}

    def _position_fields(self) -> dict:
        return {"influence": self.influence.value, "attitude": self.attitude.value,
                "interest": self.interest.value, "trust": self.trust.value or None,
                "stake": self.stake.value or None, "action": self.action.value or None}

    def _save_person(self) -> None:
        sid = self.pick.value
        if sid == _NEW:
            return  # a new stakeholder is saved with the add button

        def save() -> str:
            fields = self._person_fields()
            taken = {p.name.casefold() for p in self.route.records("stakeholders") if p.id != sid}
            if fields["name"].casefold() in taken:
                raise RouteError(Problem(file="stakeholders.csv", field="name",
                                         message=_label("name_taken", name=fields["name"])))
            self.save_record("stakeholders", fields)
            self._rename_option(sid, fields["name"])
            return _label("saved", name=fields["name"])

        self.attempt(save)

    def _rename_option(self, sid: str, name: str) -> None:
        with self.loading():
            self.pick.options = [(name if value == sid else label, value)
                                 for label, value in self.pick.options]
            self.pick.value = sid

    def _save_position(self) -> None:
        if self.pick.value == _NEW:
            return
        if not self.involved.value:
            with self.loading():
                self.involved.value = True
        self.attempt(lambda: self._write_position())

    def _write_position(self) -> str:
        if self.route.get("stakeholders", self.pick.value) is None:  # removed on another page
            raise RecordConflict(Problem(file="stakeholders.csv", message=t(
                "safety.conflict.removed", key=self.name.value)))
        self.save_record("positions", {"stakeholder": self.pick.value,
                                       "theme": self.theme.value, **self._position_fields()})
        return _label("position_saved", name=self.name.value, theme=self.theme.label)

    def _toggle(self) -> None:
        if self.pick.value == _NEW:
            return
        if self.involved.value:
            self.attempt(self._write_position)
        else:
            def remove() -> str:
                self.remove_record("positions", self.pick.value, self.theme.value)
                return _label("position_removed", name=self.name.value, theme=self.theme.label)

            self.attempt(remove)

    def _add(self) -> None:
        def add() -> str:
            fields = self._person_fields()
            sid = add_stakeholder(self.route, fields.pop("name"), kind=fields.pop("kind"),
                                  sector=fields.pop("sector"), **fields)
            if self.involved.value and self.notice is None:
                set_position(self.route, sid, self.theme.value, **self._position_fields())
            self.reload(select=sid)
            return _label("added", name=self.name.value)

        self.attempt(add)

    def _remove(self) -> None:
        sid, name = self.pick.value, self.name.value
        if sid == _NEW:
            return

        def remove() -> str | None:
            if not remove_stakeholder(self.route, sid, base=self.base("stakeholders")):
                return None
            self.reload(select=_NEW)
            return _label("removed", name=name)

        self.attempt(remove)


class ForceForm(_Form):
    """Add and edit the driving and restraining forces of the selected theme.

    Attributes
    ----------
    theme, pick : Dropdown
    direction : ToggleButtons
    description : Textarea
    strength : IntSlider
    stakeholder : Dropdown
    action : Text
    add, remove : Button
    widget : VBox
    """

    def __init__(self, route: Route, theme: str | None = None,
                 on_change: Callable[[], None] | None = None):
        super().__init__(route, theme, on_change, "force")
        self.direction = w.ToggleButtons(options=[(t(f"stakeholders.direction.{d}"), d)
                                                  for d in ("driving", "restraining")])
        self.description = w.Textarea(description=_label("description"),
                                      continuous_update=False)
        self.strength = w.IntSlider(min=1, max=5, value=3, description=_label("strength"),
                                    continuous_update=False)
        self.stakeholder = w.Dropdown(description=_label("force_stakeholder"))
        self.action = w.Text(description=_label("force_action"), continuous_update=False)
        self.add = button(description=_label("add_force"), button_style="primary")
        self.remove = button(description=_label("remove_force"), button_style="danger")
        fields = (self.direction, self.description, self.strength, self.stakeholder,
                  self.action)
        _wide(self.theme, self.pick, self.description, self.strength, self.stakeholder,
              self.action)
        self.watch(fields, self._save)
        self.pick.observe(lambda _c: self.load(), "value")
        self.theme.observe(lambda _c: self.reload(), "value")
        self.add.on_click(lambda _b: self._add())
        self.remove.on_click(lambda _b: self._remove())
        self.widget = w.VBox([self.theme, self.pick, *fields, w.HBox([self.add, self.remove]),
                              self.message] if self.notice is None else [self.notice])
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the forces and stakeholders again; show *select* (a description)."""
        forces = [f for f in self.route.records("forces") if f.theme == self.theme.value]
        people = sorted(self.route.records("stakeholders"), key=lambda s: s.name.casefold())
        with self.loading():
            self.stakeholder.options = [(_label("none"), "")] + [(p.name, p.id) for p in people]
        self._offer(_label("new_force"), [
            (f"{'+' if f.direction == 'driving' else '−'}{f.strength}  {f.description[:60]}",
             f.description) for f in forces], select)

    def load(self) -> None:
        """Show the selected force."""
        force = self.remember("forces", None if self.pick.value == _NEW else
                              self.route.get("forces", self.theme.value, self.pick.value))
        with self.loading():
            self.direction.value = force.direction if force else "driving"
            self.description.value = force.description if force else ""
            self.strength.value = force.strength if force else 3
            ids = [value for _, value in self.stakeholder.options]
            self.stakeholder.value = force.stakeholder if force and force.stakeholder in ids \
                else ""
            self.action.value = (force.action or "") if force else ""
            self.add.disabled = force is not None
            self.remove.disabled = force is None

    def _fields(self) -> dict:
        return {"theme": self.theme.value, "direction": self.direction.value,
                "description": self.description.value.strip(), "strength": self.strength.value,
                "stakeholder": self.stakeholder.value or None,
                "action": self.action.value.strip() or None}

    def _save(self) -> None:
        old = self.pick.value
        if old == _NEW:
            return

        def save() -> str:
            fields = self._fields()
            self.save_record("forces", fields)  # a new description renames it in one write
            if fields["description"] != old:
                self.reload(select=fields["description"])
            return _label("force_saved")

        self.attempt(save)

    def _add(self) -> None:
        def add() -> str:
            fields = self._fields()
            if self.route.get("forces", fields["theme"], fields["description"]):
                raise RouteError(Problem(file="forces.csv", field="description",
                                         message=_label("force_exists")))
            self.save_record("forces", fields)
            self.reload(select=fields["description"])
            return _label("force_added")

        self.attempt(add)

    def _remove(self) -> None:
        if self.pick.value == _NEW:
            return

        def remove() -> str | None:
            if not self.remove_record("forces", self.theme.value, self.pick.value):
                return None
            self.reload(select=_NEW)
            return _label("force_removed")

        self.attempt(remove)


class KrachtenveldBoard:
    """The whole step on one screen: theme selector, forms, a live chart and the actor map.

    Attributes
    ----------
    theme : Dropdown
        Shared by both forms and the chart.
    view : ToggleButtons
        Which chart: krachtenveld, lewin, a grid key or themes.
    people : StakeholderForm
    forces : ForceForm
    chart : Output
    chart_data : DataFrame
        The data of the chart shown last (for checks and for copying).
    drawn : int
        How many times the chart was drawn (a save that leaves what it shows as it was
        does not draw it again).
    reread, export, import_map : Button
    widget : VBox
    """

    VIEWS = ("krachtenveld", "lewin", *GRIDS, "themes")

    def __init__(self, route: Route, theme: str | None = None, *, size: str = "screen",
                 export_dir: str | Path | None = None):
        self.route = route
        self.size = size
        self.export_path = Path(export_dir or route.export_dir) / t(
            "stakeholders.ui.actormap_file")
        self.chart = w.Output()
        self.chart_data = pd.DataFrame()
        self.drawn = 0
        self._shown: tuple | None = None  # (theme, view, what the chart shows) drawn last
        notice = theme_notice(route)
        if notice is not None:  # stakeholders are placed per theme: a theme first
            self.widget = w.VBox([notice])
            return
        self.people = StakeholderForm(route, theme, on_change=self._saved)
        self.forces = ForceForm(route, self.people.theme.value, on_change=self._saved)
        self.theme = self.people.theme
        w.link((self.people.theme, "value"), (self.forces.theme, "value"))
        self.view = w.ToggleButtons(options=[(_label(f"view.{v}"), v) for v in self.VIEWS],
                                    value="krachtenveld")
        self.status = w.HTML()
        self.reread = button(description=_label("reread"), icon="refresh")
        self.export = button(description=_label("export"))
        self.import_map = button(description=_label("import"))
        self.theme.observe(lambda _c: self.refresh(), "value")
        self.view.observe(lambda _c: self.refresh(), "value")
        self.reread.on_click(lambda _b: self._reread())
        self.export.on_click(lambda _b: self._export())
        self.import_map.on_click(lambda _b: self._import())
        tabs = w.Tab(children=[self.people.widget, self.forces.widget])
        for i, key in enumerate(("tab_people", "tab_forces")):
            tabs.set_title(i, _label(key))
        self.widget = w.VBox([tabs, self.view, self.chart,
                              w.HBox([self.reread, self.export, self.import_map]), self.status])
        self.refresh()

    def data(self) -> pd.DataFrame:
        """The data of the selected chart for the selected theme."""
        theme, view = self.theme.value, self.view.value
        if view == "lewin":
            return field_of(self.route, theme)
        if view == "themes":
            return comparison_of(self.route)
        table = register(self.route, theme)
        return krachtenveld(table) if view == "krachtenveld" else quadrants(table, view)

    def _saved(self) -> None:
        # a form saves only what it checked, so the files need no new check; the chart is
        # drawn again only when what it shows changed (a force saved under the
        # krachtenveld, a stakeholder's notes, leave it as it is)
        self.refresh(check=False, redraw=False)

    def _drawn_data(self) -> tuple:
        """What the chart of the current view shows, to compare with the one drawn last."""
        columns = _DRAWN.get(self.view.value, _DRAWN["grid"])
        shown = self.chart_data if columns is None else self.chart_data.reindex(
            columns=columns)
        return (self.theme.value, self.view.value, shown.to_json(orient="split"))

    def refresh(self, *, check: bool = True, redraw: bool = True) -> None:
        """Redraw the chart from the saved records; *check* the files and show any problems.

        With *redraw* False the chart is drawn only when what it shows changed.
        """
        from routekit.stakeholders import plot

        if check:
            found = problems(self.route)
            self.status.value = problems_html(found, t("kit.in_files")) if found else ""
        try:
            self.chart_data = self.data()
        except RouteError as error:
            self.status.value = problems_html(error, t("kit.in_files"))
            return
        shown = self._drawn_data()
        if not redraw and shown == self._shown:
            return
        self._shown = shown
        self.drawn += 1
        theme = self.route.config.theme(self.theme.value)
        view = self.view.value
        if view == "lewin":
            ax = plot.plot_lewin(self.chart_data, force_totals(self.chart_data), goal=theme.goal,
                                 title=theme.name, size=self.size)
        elif view == "themes":
            ax = plot.plot_theme_comparison(self.chart_data, size=self.size)
        elif view == "krachtenveld":
            ax = plot.plot_krachtenveld(self.chart_data, title=theme.name, size=self.size)
        else:
            ax = plot.plot_grid(self.chart_data, view, size=self.size,
                                title=f"{t(f'stakeholders.grid.{view}')} – {theme.name}")
        show_figure(self.chart, ax, laid_out=True)  # every chart here ends with finish()

    def _reread(self) -> None:
        self.people.reload()
        self.forces.reload()
        self.refresh()

    def _export(self) -> None:
        path = export_actor_map(self.route, self.export_path)
        self.status.value = ok_html(_label("exported", path=path))

    def _import(self) -> None:
        try:
            counts = read_actor_map(self.route, self.export_path)
        except (RouteError, FileNotFoundError) as error:
            self.status.value = problems_html(error, t("kit.in_files")) \
                if isinstance(error, RouteError) else \
                problems_html([_label("no_actormap", path=self.export_path)], "")
            return
        self._reread()
        self.status.value = ok_html(_label("imported", **counts))
