"""Forms of notebook 04c: relations, the network picture, ego networks and key players.

Every change is saved to the workspace at once; the picture and the tables
below follow. Positions are kept in ``network_layout.csv``, so the picture
stays the same from run to run; "Vastzetten" moves one stakeholder and keeps
it there.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> board = NetworkBoard(route)
>>> board.widget  # the forms and picture, in a notebook  # doctest: +ELLIPSIS
VBox(...)
>>> board.ego.value = "anneke-bos"
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import ipywidgets as w

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.markup import escape
from routekit.records.network import RELATION_KINDS
from routekit.ui.kit import Form, button, ok_html, problems_html, show_figure, show_table
from routekit.workspace import Route

__all__ = ["NetworkBoard", "PinForm", "RelationForm"]


def _label(key: str, **values) -> str:
    return t(f"network.ui.{key}", **values)


def _wide(*widgets, width: str = "36em"):
    for widget in widgets:
        widget.style.description_width = "10em"
        widget.layout.width = width
    return widgets


def _people(route: Route) -> list[tuple[str, str]]:
    return sorted(((s.name, s.id) for s in route.records("stakeholders")), key=lambda p: p[0])


class RelationForm(Form):
    """Add or remove a relation between two stakeholders (with the buttons: a relation is
    a new record each time).

    Attributes
    ----------
    source, target, kind : Dropdown
    directed : Checkbox
    strength : IntSlider
        1 (weak) to 5 (strong).
    theme : Dropdown
        A theme or none (a general tie).
    note : Text
    add, remove : Button
    message : HTML
    widget : VBox
    """

    FIELD_LABELS = {"source": "network.ui.source", "target": "network.ui.target"}

    def __init__(self, route: Route, on_change: Callable[[], None] | None = None):
        super().__init__(route, on_change)
        people = _people(route)
        self.source = w.Dropdown(options=people, description=_label("source"))
        self.target = w.Dropdown(options=people, description=_label("target"),
                                 value=people[1][1] if len(people) > 1 else None)
        self.kind = w.Dropdown(options=[(t(f"network.relation.{k}"), k) for k in RELATION_KINDS],
                               description=_label("kind"))
        self.directed = w.Checkbox(value=False, description=_label("directed"))
        self.strength = w.IntSlider(value=3, min=1, max=5, description=_label("strength"))
        self.theme = w.Dropdown(options=[(_label("no_theme"), "")] +
                                [(th.name, th.id) for th in route.config.themes],
                                description=_label("theme"))
        self.note = w.Text(description=_label("note"))
        self.add = button(description=_label("add"), button_style="primary")
        self.remove = button(description=_label("remove"))
        _wide(self.source, self.target, self.kind, self.strength, self.theme, self.note)
        self.add.on_click(lambda _b: self._add())
        self.remove.on_click(lambda _b: self._remove())
        for key in (self.source, self.target, self.kind):
            key.observe(lambda _c: self.load(), "value")
        self.widget = w.VBox([self.source, self.target, self.kind, self.directed, self.strength,
                              self.theme, self.note, w.HBox([self.add, self.remove]),
                              self.message])
        self.load()

    def load(self) -> None:
        """Show the relation between the chosen pair of this kind as stored now (when there
        is one; otherwise the fields keep what is typed)."""
        stored = self.remember("relations", self.route.get(
            "relations", self.source.value, self.target.value, self.kind.value))
        if stored is None:
            return
        with self.loading():
            self.directed.value, self.strength.value = stored.directed, stored.strength
            themes = {value for _, value in self.theme.options}
            self.theme.value = stored.theme if stored.theme in themes else ""
            self.note.value = stored.note or ""

    def record(self) -> dict:
        """The relation as the form shows it."""
        return {"source": self.source.value, "target": self.target.value,
                "kind": self.kind.value, "directed": self.directed.value,
                "strength": self.strength.value, "theme": self.theme.value or None,
                "note": self.note.value.strip() or None}

    def _add(self) -> None:
        from routekit.network.graph import new_problems

        record = self.record()
        found = new_problems(self.route.records("stakeholders"), self.route.records("relations"),
                             record)

        def add() -> str:
            if found:
                raise RouteError(found[0] if len(found) == 1 else
                                 [Problem(file="", message=m) for m in found])
            self.save_record("relations", record)
            return _label("added", source=self.source.label, target=self.target.label)

        self.attempt(add)

    def _remove(self) -> None:
        def remove() -> str | None:
            if self.remove_record("relations", self.source.value, self.target.value,
                                  self.kind.value):
                return _label("removed", source=self.source.label, target=self.target.label)
            self.message.value = escape(_label("not_found"))
            return None

        self.attempt(remove)


class PinForm(Form):
    """Move one stakeholder in the picture and keep it there (pinned, with the button)."""

    def __init__(self, route: Route, on_change: Callable[[], None] | None = None):
        super().__init__(route, on_change)
        self.who = w.Dropdown(options=_people(route), description=_label("who"))
        self.x = w.FloatSlider(value=0.0, min=-1.5, max=1.5, step=0.05,
                               description=_label("x"))
        self.y = w.FloatSlider(value=0.0, min=-1.5, max=1.5, step=0.05,
                               description=_label("y"))
        self.pin = button(description=_label("pin"), button_style="primary")
        _wide(self.who, self.x, self.y)
        self.who.observe(lambda _c: self._load(), "value")
        self.pin.on_click(lambda _b: self._pin())
        self.widget = w.VBox([w.HTML(_label("pin_help")), self.who, self.x, self.y, self.pin,
                              self.message])
        self._load()

    def _load(self) -> None:
        from routekit.network.stored import saved_layout

        x, y, _ = saved_layout(self.route).get(self.who.value, (0.0, 0.0, False))
        with self.loading():
            self.x.value, self.y.value = x, y

    def _pin(self) -> None:
        from routekit.network.stored import pin

        def save() -> str:
            pin(self.route, self.who.value, self.x.value, self.y.value)
            return _label("pinned", name=self.who.label)

        self.attempt(save)


class NetworkBoard:
    """The network on one screen: forms, picture, ego network, kinds, key players, brokers.

    Attributes
    ----------
    relations : RelationForm
    pins : PinForm
    theme : Dropdown
        All themes ("") or one.
    kinds : dict of Checkbox
        One per relation kind: shown in the picture and counted in the tables.
    ego : Dropdown
        "" for the whole network, or a stakeholder whose ego network is shown.
    radius : IntSlider
        Steps of the ego network (1 or 2).
    chart, tables : Output
    picture : Axes
        The picture drawn last (for checks).
    key_players, brokers : DataFrame
        The tables shown last (Dutch column names).
    export : Button
        Writes GraphML, GEXF and an interactive HTML page to the export folder.
    status : HTML
    widget : VBox
    """

    def __init__(self, route: Route, *, size: str = "screen",
                 export_dir: str | Path | None = None):
        self.route = route
        self.size = size
        self.export_dir = Path(export_dir or route.export_dir)
        self._cache: dict = {}
        self._tables_of: dict | None = None  # the analysis the tables show
        self.relations = RelationForm(route, on_change=lambda: self.changed("relations"))
        self.pins = PinForm(route, on_change=lambda: self.changed("network_layout"))
        self.theme = w.Dropdown(options=[(_label("all_themes"), "")] +
                                [(th.name, th.id) for th in route.config.themes],
                                description=_label("theme"))
        self.kinds = {kind: w.Checkbox(value=True, description=t(f"network.relation.{kind}"),
                                       indent=False, layout=w.Layout(width="9em"))
                      for kind in RELATION_KINDS}
        self.ego = w.Dropdown(options=[(_label("whole"), "")] + _people(route),
                              description=_label("ego"))
        self.radius = w.IntSlider(value=1, min=1, max=2, description=_label("radius"))
        _wide(self.theme, self.ego, self.radius)
        self.chart = w.Output()
        self.tables = w.Output()
        self.export = button(description=_label("export"))
        self.status = w.HTML()
        for widget in (self.theme, self.ego, self.radius, *self.kinds.values()):
            widget.observe(lambda _c: self.refresh(), "value")
        self.export.on_click(lambda _b: self._export())
        forms = w.Accordion(children=[self.relations.widget, self.pins.widget])
        forms.set_title(0, _label("tab_relations"))
        forms.set_title(1, _label("tab_pin"))
        self.widget = w.VBox([forms, self.theme, w.HBox(list(self.kinds.values())), self.ego,
                              self.radius, self.chart, self.tables, self.export, self.status])
        self.refresh()

    @property
    def selected_kinds(self) -> list[str]:
        """Relation kinds switched on."""
        return [kind for kind, box in self.kinds.items() if box.value]

    def graph(self):
        """The network of the chosen theme (bad relations left out and reported)."""
        return self._analysis()["graph"]

    def changed(self, kind: str | None = None) -> None:
        """Records of *kind* changed (a form saved; None: any): analyse again, then redraw.

        Only what *kind* touches is read again: a relation leaves the stakeholders, their
        positions and the picture's layout as they were (the same people are placed).
        """
        if kind == "network_layout":  # the same network and analysis, other positions
            self._cache.pop("pos", None)
        else:
            kept = ("stakeholders", "positions", "pos") if kind == "relations" else ()
            self._cache = {name: value for name, value in self._cache.items() if name in kept}
        self.refresh()

    def _analysis(self) -> dict:
        """Graph, layout and metrics of the chosen theme and kinds, computed once per
        change of the records (or of theme and kinds) and shared by picture and tables."""
        from routekit.network import dependence, metrics, tables
        from routekit.network.graph import build_graph
        from routekit.network.stored import ensure_layout

        for kind in ("stakeholders", "relations", "positions"):
            if kind not in self._cache:
                self._cache[kind] = self.route.records(kind)
        records = tuple(self._cache[kind] for kind in ("stakeholders", "relations", "positions"))
        if "pos" not in self._cache:
            self._cache["pos"] = ensure_layout(self.route, build_graph(*records,
                                                                       skip_invalid=True))
        key = (self.theme.value, tuple(self.selected_kinds))
        if key in self._cache:
            return self._cache[key]
        graph = build_graph(*records, theme=self.theme.value or None, skip_invalid=True)
        counted = [k for k in self.selected_kinds if k != "conflict"]
        groups = metrics.communities(graph, counted)
        ranking = metrics.centrality(graph, counted)
        found = {"graph": graph, "counted": counted,
                 "key_players": tables.key_players(graph, groups, kinds=counted,
                                                   centrality=ranking),
                 "brokers": tables.brokers_table(graph, groups, kinds=counted,
                                                 centrality=ranking),
                 "sentence": dependence.dependence(graph, counted).sentence}
        self._cache[key] = found
        return found

    def refresh(self) -> None:
        """Redraw the picture, and the tables when their analysis changed (the analysis is
        reused while nothing changed)."""
        from IPython.display import HTML, display

        from routekit.network.layout import ego_layout
        from routekit.network.metrics import ego_graph
        from routekit.network.plot import plot_ego, plot_network

        found = self._analysis()
        graph, pos = found["graph"], self._cache["pos"]
        problems = graph.graph["problems"]
        self.status.value = problems_html(problems, t("kit.in_files")) if problems else ""
        kinds = self.selected_kinds
        if self.ego.value and self.ego.value in graph:
            ego = ego_graph(graph, self.ego.value, radius=self.radius.value, kinds=kinds)
            ax = plot_ego(ego, ego_layout(ego, pos), size=self.size, kinds=kinds)
        else:
            theme = self.route.config.theme(self.theme.value) if self.theme.value else None
            ax = plot_network(graph, pos, size=self.size, kinds=kinds,
                              subtitle=theme.name if theme else None)
        self.picture = ax
        self.key_players, self.brokers = found["key_players"], found["brokers"]
        show_figure(self.chart, ax, laid_out=True)  # plot_* end with finish()
        if found is self._tables_of:  # a pin, another ego network: the same tables
            return
        self._tables_of = found
        self.tables.clear_output(wait=True)
        with self.tables:
            display(HTML(f"<p>{escape(found['sentence'])}</p>"))
            display(HTML(f"<h4>{escape(_label('key_players'))}</h4>"))
            show_table(self.key_players)
            display(HTML(f"<h4>{escape(_label('brokers'))}</h4>"))
            show_table(self.brokers)

    def _export(self) -> None:
        from routekit.network.export import to_gexf, to_graphml, to_html
        from routekit.network.stored import saved_layout

        graph = self.graph()
        name = _label("file")
        pos = {n: (x, y) for n, (x, y, _) in saved_layout(self.route).items()}
        paths = [to_graphml(graph, self.export_dir / f"{name}.graphml"),
                 to_gexf(graph, self.export_dir / f"{name}.gexf"),
                 to_html(graph, self.export_dir / f"{name}.html", pos=pos)]
        self.status.value = ok_html(_label("exported", paths=", ".join(str(p) for p in paths)))
