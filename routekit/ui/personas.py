"""Forms of notebook 04d: build a persona from a segment of interest, and data-driven candidates.

Every change is saved to the workspace at once (once the persona has a name)
and the card below the form is drawn again.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = PersonaForm(route, theme="eenzaamheid")
>>> form.selection.value = 0
>>> form.name.value = "Gerda de Vries"
>>> route.get("personas", "gerda-de-vries").segment
'K01'
"""

from __future__ import annotations

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.markup import escape, html_list
from routekit.personas.builder import apply_facts
from routekit.personas.stored import (
    card_of,
    keep_candidates,
    new_persona_id,
    persona_facts,
    personas_of,
    route_candidates,
    save_persona,
    selections,
)
from routekit.plan.formats import day
from routekit.records.personas import COMMUNITY_ROLES, LEVELS, PARTICIPATION, Persona
from routekit.ui.kit import (
    Form,
    button,
    lines,
    route_names,
    show_figure,
    show_table,
    theme_picker,
)
from routekit.workspace import Route

__all__ = ["CandidateForm", "PersonaForm"]

_TEXT = ("age_band", "household", "life_stage", "media_use")
_LEVEL = ("income_level", "education_level", "digital_skills")
_LISTS = ("channels", "passions", "necessities", "needs", "barriers")
_LONG = ("quote", "bio")


def _wide(*widgets) -> None:
    for widget in widgets:
        widget.style.description_width = "14em"
        widget.layout.width = "46em"


class PersonaForm(Form):
    """Create or edit the personas of a theme, starting from a segment of interest.

    Attributes
    ----------
    theme, persona, selection : ipywidgets.Dropdown
        The theme, the persona to edit (None = a new one) and the segment of
        interest (from ``segment_selections``) whose facts prefill the persona.
    facts : ipywidgets.Output
        Shows ``facts_table``, the prefilled facts of the chosen segment in its area.
    name, age_band, household, life_stage, media_use, income_level, education_level,
    digital_skills, channels, quote, bio, passions, necessities, needs, barriers,
    participation, community_role, conversations : ipywidgets
        The persona's fields (list fields: one item per line).
    saved : Persona or None
        The record written by the last change.
    card : ipywidgets.Output
        The persona card, drawn again after every save.
    widget : ipywidgets.VBox
    """

    ERRORS = (RouteError, ValueError)

    def __init__(self, route: Route, theme: str | None = None):
        super().__init__(route)
        self.saved: Persona | None = None
        self.facts_table = None
        self._facts = None  # the segment figures computed last: reused while they still fit
        self._draft = Persona(id="new", name="-")
        self.theme = theme_picker(route, theme)
        self.persona = w.Dropdown(description=t("personas.ui.persona"))
        self.selection = w.Dropdown(description=t("personas.ui.selection"))
        self.facts = w.Output()
        self.name = w.Text(description=t("personas.field.name"), continuous_update=False)
        self.fields: dict[str, w.ValueWidget] = {}
        for name in _TEXT:
            self.fields[name] = w.Text(description=t(f"personas.field.{name}"),
                                       continuous_update=False)
        levels = [("–", None)] + [(t(f"personas.level.{code}"), code) for code in LEVELS]
        for name in _LEVEL:
            self.fields[name] = w.Dropdown(description=t(f"personas.field.{name}"),
                                           options=levels)
        for name in _LONG + _LISTS:
            self.fields[name] = w.Textarea(description=t(f"personas.field.{name}"), rows=3,
                                           continuous_update=False,
                                           placeholder=t("personas.ui.one_per_line")
                                           if name in _LISTS else "")
        self.fields["participation"] = w.Dropdown(
            description=t("personas.field.participation"),
            options=[("–", None)] + [(t(f"personas.participation.{c}"), c)
                                     for c in PARTICIPATION])
        self.fields["community_role"] = w.Dropdown(
            description=t("personas.field.community_role"),
            options=[("–", None)] + [(t(f"personas.role.{c}"), c) for c in COMMUNITY_ROLES])
        self.fields["conversations"] = w.SelectMultiple(
            description=t("personas.field.conversations"), rows=5)
        for name, widget in self.fields.items():
            setattr(self, name, widget)
        self.card = w.Output()
        _wide(self.theme, self.persona, self.selection, self.name, *self.fields.values())
        self.theme.observe(lambda _: self._load_theme(), "value")
        self.persona.observe(lambda _: self._load_persona(), "value")
        self.selection.observe(lambda _: self._on_selection(), "value")
        self.watch((self.name, *self.fields.values()), self._on_change)
        self.widget = w.VBox([
            w.HTML(f"<i>{escape(t('personas.reminder'))}</i>"), self.theme, self.persona,
            self.selection, self.facts, self.name, *self.fields.values(), self.message,
            self.card])
        self._load_theme()

    # -- loading ----------------------------------------------------------------------

    def _load_theme(self) -> None:
        theme = self.theme.value
        areas = route_names(self.route)["areas"]
        with self.loading():
            self.persona.options = [(t("personas.ui.new"), None)] + [
                (p.name, p.id) for p in personas_of(self.route, theme)]
            self.selection.options = [("–", None)] + [
                (f"{s.segment} · {areas.get(s.area, s.area) if s.area else t('personas.whole')}"
                 + (f" – {s.reason}" if s.reason else ""), i)
                for i, s in enumerate(selections(self.route, theme))]
            self.fields["conversations"].options = [
                (f"{day(c.date)} – {(c.summary or '')[:50]}".rstrip(" –"), c.id)
                for c in self.route.records("conversations") if c.theme in (theme, None)]
        self._load_persona()

    def _load_persona(self) -> None:
        record = self.route.get("personas", self.persona.value) if self.persona.value else None
        self._draft = record or Persona(id="new", name="-")
        self._fill(self._draft, blank_name=record is None)
        self.saved = self.remember("personas", record)
        self._show_card()

    load = _load_persona  # shows the persona as stored now (after a conflict)

    def _fill(self, persona: Persona, *, blank_name: bool = False) -> None:
        with self.loading():
            self._fill_fields(persona, blank_name=blank_name)

    def _fill_fields(self, persona: Persona, *, blank_name: bool) -> None:
        self.name.value = "" if blank_name else persona.name
        for name, widget in self.fields.items():
            value = getattr(persona, name)
            if name in _LISTS:
                widget.value = "\n".join(value)
            elif name == "conversations":
                known = {option[1] for option in widget.options}
                widget.value = tuple(c for c in value if c in known)
            elif isinstance(widget, w.Dropdown):
                widget.value = value
            else:
                widget.value = value or ""

    # -- changes ----------------------------------------------------------------------

    def _current(self) -> Persona:
        data = {"name": self.name.value.strip() or self._draft.name, "theme": self.theme.value}
        for name, widget in self.fields.items():
            if name in _LISTS:
                data[name] = lines(widget.value)
            elif name == "conversations":
                data[name] = list(widget.value)
            else:
                data[name] = widget.value or None
        pid = self.saved.id if self.saved else new_persona_id(self.route, data["name"])
        return Persona.model_validate(self._draft.model_dump() | data | {"id": pid})

    def _on_selection(self) -> None:
        self.facts.clear_output()
        if self.selection.value is None:
            return
        chosen = selections(self.route, self.theme.value)[self.selection.value]
        try:
            facts = persona_facts(self.route, chosen)
        except (RouteError, OSError) as error:
            self.refuse(error, t("personas.ui.no_facts"))
            return
        self._facts = facts
        self.facts_table = facts.table()
        with self.facts:
            show_table(self.facts_table)
        self._draft = apply_facts(self._current(), facts, overwrite=True)
        if self._draft.source == "manual":
            self._draft = self._draft.model_copy(update={"source": "segment"})
        self._fill(self._draft, blank_name=not self.name.value.strip())
        self._on_change()

    def _on_change(self) -> None:
        if self.is_loading or not self.name.value.strip():
            return

        def save() -> str:
            self.saved = self.remember("personas", save_persona(
                self.route, self._current(), base=self.base("personas")))
            return t("personas.ui.saved", name=self.saved.name)

        if not self.attempt(save, t("personas.ui.failed")):
            return
        self._draft = self.saved
        if self.persona.value != self.saved.id:
            with self.loading():  # choosing it loads it and draws its card: once
                self.persona.options = [(t("personas.ui.new"), None)] + [
                    (p.name, p.id) for p in personas_of(self.route, self.theme.value)]
                self.persona.value = self.saved.id
            return
        self._show_card()

    def _show_card(self) -> None:
        self.card.clear_output()
        if self.saved is None:
            return
        from routekit.personas.plot import plot_persona_card

        card = card_of(self.route, self.saved.id, facts=self._facts)
        self._facts = card.facts
        show_figure(self.card, plot_persona_card(card, size="slide"))


class CandidateForm(Form):
    """Derive candidate personas from aggregate behaviour per segment, and keep them.

    Attributes
    ----------
    theme : ipywidgets.Dropdown
    count, min_cell : ipywidgets.IntSlider
        Number of candidates and minimum cell size.
    chart : ipywidgets.Output
        Behaviour profiles and the summary, redrawn on every change.
    keep : ipywidgets.Button
        Saves the candidates as personas (``source="data"``) of the theme.
    model : PersonaModel or None
    widget : ipywidgets.VBox
    """

    def __init__(self, route: Route, theme: str | None = None):
        super().__init__(route)
        self.model = None
        self.theme = theme_picker(route, theme)
        self.count = w.IntSlider(description=t("personas.ui.count"), min=2, max=8, value=3,
                                 continuous_update=False)
        self.min_cell = w.IntSlider(description=t("personas.ui.min_cell"), min=5, max=100,
                                    step=5, value=10, continuous_update=False)
        self.keep = button(description=t("personas.ui.keep"), button_style="primary")
        self.chart = w.Output()
        _wide(self.theme, self.count, self.min_cell)
        for widget in (self.count, self.min_cell):
            widget.observe(lambda _: self.refresh(), "value")
        self.keep.on_click(self._on_keep)
        self.widget = w.VBox([w.HTML(f"<b>{escape(t('personas.reminder'))}</b>"), self.theme,
                              self.count, self.min_cell, self.keep, self.message, self.chart])
        self.refresh()

    def refresh(self) -> None:
        """Compute the candidates again and redraw the profiles."""
        from routekit.personas.plot import plot_profiles

        try:
            self.model = route_candidates(self.route, n=self.count.value,
                                          min_cell=self.min_cell.value)
        except (ValueError, RouteError, OSError) as error:
            self.model = None
            self.refuse(error, "")
            self.chart.clear_output()
            return
        m = self.model
        if m.basis == "scheme":  # no usage figures: the scheme's own groups, as text
            from IPython.display import HTML, display

            from routekit.personas.scheme_candidates import candidate_lines

            self.min_cell.layout.display = "none"
            key = "summary" if m.personas["missed"].notna().any() else "summary_largest"
            self.message.value = escape(t(f"candidates.{key}", count=len(m.personas)))
            items = html_list(candidate_lines(m))
            self.chart.clear_output(wait=True)
            with self.chart:
                display(HTML(f"<p><b>{escape(t('candidates.note'))}</b></p>{items}"))
            return
        self.min_cell.layout.display = None
        self.message.value = escape(t("personas.generate.summary", count=len(m.personas),
                                      segments=len(m.weights), cells=m.suppressed,
                                      excluded=len(m.excluded)))
        show_figure(self.chart, plot_profiles(m))

    def _on_keep(self, _button=None) -> None:
        if self.model is None:
            return

        def keep() -> str:
            kept = keep_candidates(self.route, self.model, theme=self.theme.value)
            return t("personas.ui.kept", count=len(kept))

        self.attempt(keep)
