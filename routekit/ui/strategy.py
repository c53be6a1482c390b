"""Forms of notebooks 05 and 06: the POST-O canvas and Lankes' four conditions.

Every change is saved to the workspace at once; the canvas or the cycle below
the form is drawn again, with warnings and advice.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = PostOForm(route, theme="laaggeletterdheid")
>>> form.prefill.click()
>>> form.inputs["objectives"]["shared"].value = "Samen ..."
"""

from __future__ import annotations

import ipywidgets as w

from routekit.i18n import t
from routekit.markup import escape, html_list
from routekit.records.strategy import CYCLE_STAGES, KnowledgeCreation, PostOCanvas
from routekit.ui.kit import Form, button, lines, show_figure, theme_notice, theme_picker
from routekit.workspace import Route

__all__ = ["KnowledgeForm", "PostOForm"]


class PostOForm(Form):
    """Edit the POST-O canvas of a theme: five tabs, prefill from personas, live warnings.

    Attributes
    ----------
    theme : ipywidgets.Dropdown
    inputs : dict
        ``inputs[section][field]`` is the Textarea of that field (list fields:
        one item per line).
    prefill : ipywidgets.Button
        Fills People and Technology from the theme's personas (and saves).
    warnings : ipywidgets.HTML
    canvas : ipywidgets.Output
        The one-page canvas, drawn again after every save.
    saved : PostOCanvas or None
    widget : ipywidgets.VBox
    """

    def __init__(self, route: Route, theme: str | None = None):
        from routekit.strategy.post_o import SECTIONS, section_fields

        super().__init__(route)
        self.saved: PostOCanvas | None = None
        self.theme = theme_picker(route, theme)
        notice = theme_notice(route)
        if notice is not None:  # nothing to fill in before the route has a theme
            self.widget = w.VBox([notice])
            return
        self.inputs: dict[str, dict[str, w.Textarea]] = {}
        tabs = []
        for section in SECTIONS:
            self.inputs[section] = {}
            for name in section_fields(section):
                box = w.Textarea(description=t(f"strategy.field.{section}.{name}"), rows=3,
                                 continuous_update=False)
                box.style.description_width = "16em"
                box.layout.width = "52em"
                self.watch([box], self._on_change)
                self.inputs[section][name] = box
            tabs.append(w.VBox(list(self.inputs[section].values())))
        self.tabs = w.Tab(children=tabs, titles=[t(f"strategy.section.{s}") for s in SECTIONS])
        self.prefill = button(description=t("strategy.ui.prefill"), button_style="primary")
        self.suggestions = w.HTML()
        self.warnings = w.HTML()
        self.canvas = w.Output()
        self.theme.observe(lambda _: self._load(), "value")
        self.prefill.on_click(self._on_prefill)
        self.widget = w.VBox([self.theme, self.prefill, self.suggestions, self.tabs,
                              self.message, self.warnings, self.canvas])
        self._load()

    def _personas(self):
        from routekit.personas.stored import personas_of

        return personas_of(self.route, self.theme.value)

    def _load(self) -> None:
        canvas = self.route.get_or_new("post_o", self.theme.value)
        self.saved = self.remember("post_o", self.route.get("post_o", self.theme.value))
        with self.loading():
            for section, boxes in self.inputs.items():
                part = getattr(canvas, section)
                for name, box in boxes.items():
                    value = getattr(part, name)
                    box.value = "\n".join(value) if isinstance(value, list) else value
        self._refresh()

    load = _load  # shows the canvas as stored now (after a conflict)

    def field_labels(self) -> dict[str, str]:
        """As :meth:`Form.field_labels`, with "section.field" → "Tab: field" for the canvas."""
        return super().field_labels() | {
            f"{section}.{name}": f"{t(f'strategy.section.{section}')}: {box.description}"
            for section, boxes in self.inputs.items() for name, box in boxes.items()}

    def _current(self) -> PostOCanvas:
        data = {"theme": self.theme.value}
        for section, boxes in self.inputs.items():
            model = PostOCanvas.model_fields[section].annotation
            data[section] = {name: box.value.strip() if model.model_fields[name].annotation
                             is str else lines(box.value) for name, box in boxes.items()}
        base = self.saved.model_dump() if self.saved else {}
        return PostOCanvas.model_validate(base | data)

    def _on_change(self) -> None:
        def save() -> str:
            self.saved = self.save_record("post_o", self._current())
            return t("kit.saved", name=t("kit.canvas_of", theme=self.theme.label))

        if self.attempt(save):
            self._refresh()

    def _on_prefill(self, _button=None) -> None:
        from routekit.strategy.post_o import prefill_canvas

        def prefill() -> str:  # what is typed plus the personas, in one save
            canvas = prefill_canvas(self._current(), self.theme.value, self._personas())
            self.saved = self.save_record("post_o", canvas)
            return t("kit.saved", name=t("kit.canvas_of", theme=self.theme.label))

        if self.attempt(prefill):
            self._load()

    def _refresh(self) -> None:
        from routekit.strategy.channels import suggest_channels
        from routekit.strategy.plot import plot_canvas
        from routekit.strategy.stored import theme_canvas

        page = theme_canvas(self.route, self.theme.value)
        table = suggest_channels(page.personas)
        items = html_list((f"{row.channel} ({t(f'strategy.kind.{row.kind}')}: "
                           f"{', '.join(row.personas)})" for row in table.itertuples()),
                          ordered=True)
        self.suggestions.value = (f"<b>{escape(t('strategy.ui.suggested'))}</b>{items}"
                                  if items else escape(t("strategy.ui.no_personas")))
        self.warning_list = page.warnings
        self.warnings.value = (html_list(x.message for x in self.warning_list)
                               if self.warning_list else escape(t("strategy.warnings.none")))
        show_figure(self.canvas, plot_canvas(page, size="slide"))


class KnowledgeForm(Form):
    """Score Lankes' four conditions of a theme and mark where it stands in the cycle.

    Attributes
    ----------
    theme : ipywidgets.Dropdown
    scores : dict of ipywidgets.IntSlider
        Per condition, 0 (not scored) to 5.
    notes : dict of ipywidgets.Textarea
    stage : ipywidgets.Dropdown
    remarks : ipywidgets.Textarea
    advice : ipywidgets.HTML
    chart : ipywidgets.Output
    saved : KnowledgeCreation or None
    widget : ipywidgets.VBox
    """

    def __init__(self, route: Route, theme: str | None = None):
        from routekit.strategy.knowledge import CONDITIONS

        super().__init__(route)
        self.saved: KnowledgeCreation | None = None
        self.theme = theme_picker(route, theme)
        notice = theme_notice(route)
        if notice is not None:  # nothing to score before the route has a theme
            self.widget = w.VBox([notice])
            return
        self.scores, self.notes, rows = {}, {}, []
        for name in CONDITIONS:
            self.scores[name] = w.IntSlider(description=t(f"strategy.condition.{name}"), min=0,
                                            max=5, continuous_update=False)
            self.notes[name] = w.Textarea(placeholder=t(f"strategy.condition_help.{name}"),
                                          rows=2, continuous_update=False,
                                          layout=w.Layout(width="36em"))
            rows.append(w.HBox([self.scores[name], self.notes[name]]))
        self.stage = w.Dropdown(description=t("strategy.ui.stage"),
                                options=[(t("strategy.stage.none"), None)] +
                                [(t(f"strategy.stage.{s}"), s) for s in CYCLE_STAGES])
        self.remarks = w.Textarea(description=t("strategy.ui.notes"), rows=2,
                                  continuous_update=False, layout=w.Layout(width="46em"))
        self.advice = w.HTML()
        self.chart = w.Output()
        self.watch((*self.scores.values(), *self.notes.values(), self.stage, self.remarks),
                   self._on_change)
        self.theme.observe(lambda _: self._load(), "value")
        self.widget = w.VBox([self.theme, w.HTML(t("strategy.ui.score_hint")), *rows,
                              self.stage, self.remarks, self.message, self.advice, self.chart])
        self._load()

    def _load(self) -> None:
        record = self.route.get_or_new("knowledge", self.theme.value)
        self.saved = self.remember("knowledge", self.route.get("knowledge", self.theme.value))
        with self.loading():
            for name, slider in self.scores.items():
                slider.value = getattr(record, name).score or 0
                self.notes[name].value = getattr(record, name).note
            self.stage.value = record.stage
            self.remarks.value = record.notes
        self._refresh(record)

    load = _load  # shows the scores as stored now (after a conflict)

    def field_labels(self) -> dict[str, str]:
        """As :meth:`Form.field_labels`, with the conditions' scores and notes."""
        return super().field_labels() | {"notes": self.remarks.description} | {
            f"{name}.{part}": slider.description for name, slider in self.scores.items()
            for part in ("score", "note")}

    def _on_change(self) -> None:
        data = {"theme": self.theme.value, "stage": self.stage.value,
                "notes": self.remarks.value.strip()}
        for name, slider in self.scores.items():
            data[name] = {"score": slider.value or None, "note": self.notes[name].value.strip()}

        def save() -> str:
            self.saved = self.save_record("knowledge", data)  # other fields: from the base
            return t("kit.saved", name=t("kit.conditions_of", theme=self.theme.label))

        if self.attempt(save):
            self._refresh(self.saved)

    def _refresh(self, record: KnowledgeCreation) -> None:
        from routekit.strategy.knowledge import advice
        from routekit.strategy.plot import knowledge_figure

        self.advice.value = html_list(advice(record))
        name = self.theme.label or record.theme
        show_figure(self.chart, knowledge_figure(record, theme_name=name, size="screen"))
