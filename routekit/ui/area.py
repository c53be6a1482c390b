"""The form of notebook 04a: choose areas, reference and level; mark segments of interest.

Charts and the summary update as soon as a choice changes (a profile
recomputes in milliseconds, also at national scale). Marked segments and areas
are saved at once as ``segment_selections`` records, from which the persona
stage starts. A file picker brings the user's own files into the route through
the same function as ``routekit import``.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = AreaForm(route)
>>> form.areas.value = ("WK990106",)
>>> form.segments.value = ("E",)
>>> form.save.click()
>>> form.message.value
"<span style='color:#1a7f37'>✓ 1 keuze bewaard bij thema Eenzaamheid onder ouderen.</span>"
>>> form.widget  # the form, in a notebook  # doctest: +ELLIPSIS
VBox(...)
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import ipywidgets as w

from routekit.area.importer import KINDS, import_file
from routekit.area.plot import plot_profile, plot_reach
from routekit.area.profile import profile
from routekit.area.reach import penetration, under_reached
from routekit.area.stored import save_selections, segment_data
from routekit.area.summary import summarise
from routekit.errors import RouteError
from routekit.i18n import t
from routekit.markup import escape, html_list
from routekit.ui.kit import Form, button, problems_html, show_figure

__all__ = ["AreaForm"]


class AreaForm(Form):
    """Widgets wired to the area analysis of one route.

    Attributes
    ----------
    area_level, areas, reference, level, theme : ipywidgets
        The choices; ``areas`` empty = the whole municipality.
    segments, reason, save : ipywidgets
        Mark segments (for the chosen areas) as of interest; ``save`` writes them.
    upload, kind, import_button : ipywidgets
        Import a file into the route.
    summary : ipywidgets.HTML
        The plain-language summary of the current choice.
    current : pandas.DataFrame
        The profile shown now; ``last_ms`` how long it took to compute.
    widget : ipywidgets.VBox
    """

    FIELD_LABELS = {"area": "area.ui.areas"}

    def __init__(self, route, *, size: str = "screen"):
        super().__init__(route)
        self.size = size
        self.data = segment_data(route)
        self.current = None
        self.last_ms = 0.0
        self._reach_shown = None  # (areas, level) of the reach chart shown now
        levels = [lv for lv in ("wijk", "buurt", "pc4", "pc6")
                  if self.data is not None and lv in self.data.levels]
        self.area_level = w.ToggleButtons(
            options=[(t(f"area.level.{lv}"), lv) for lv in levels],
            value=levels[0] if levels else None, description=t("area.ui.area_level"))
        self.areas = w.SelectMultiple(description=t("area.ui.areas"), rows=8)
        references = ["municipality", "all"] + (
            ["national"] if self.data is not None and self.data.national is not None else [])
        self.reference = w.Dropdown(options=[(t(f"area.reference.{r}"), r) for r in references],
                                    value="municipality", description=t("area.ui.reference"))
        self.level = w.ToggleButtons(options=[(t("area.level.group"), "group"),
                                              (t("area.level.type"), "type")],
                                     value="group", description=t("area.ui.level"))
        self.theme = w.Dropdown(options=[(th.name, th.id) for th in route.config.themes],
                                description=t("area.ui.theme"))
        self.segments = w.SelectMultiple(description=t("area.ui.segments"), rows=8)
        self.reason = w.Text(description=t("area.ui.reason"),
                             placeholder=t("area.ui.reason_hint"))
        self.save = button(description=t("area.ui.save"), button_style="primary")
        self.summary = w.HTML()
        self.profile_out = w.Output()
        self.reach_out = w.Output()
        self.upload = w.FileUpload(description=t("area.ui.upload"), multiple=False)
        self.kind = w.Dropdown(options=[(t("area.ui.kind_auto"), "auto")] + [
            (k, k) for k in KINDS], description=t("area.ui.kind"))
        self.import_button = button(description=t("area.ui.import"))
        self.import_message = w.HTML()
        for widget in (self.area_level, self.areas, self.reference, self.level, self.theme,
                       self.segments, self.reason, self.kind):
            widget.style.description_width = "10em"
        for widget in (self.areas, self.segments, self.reason):
            widget.layout.width = "34em"
        self._fill_areas()
        self.area_level.observe(self._on_area_level, "value")
        for widget in (self.areas, self.reference, self.level):
            widget.observe(self.refresh, "value")
        self.save.on_click(self._on_save)
        self.import_button.on_click(self._on_import)
        choose = w.VBox([self.area_level, self.areas, self.reference, self.level])
        mark = w.VBox([w.HTML(f"<b>{escape(t('area.ui.mark_title'))}</b>"), self.theme,
                       self.segments, self.reason, self.save, self.message])
        picker = w.VBox([w.HTML(f"<b>{escape(t('area.ui.import_title'))}</b>"),
                         w.HBox([self.upload, self.kind, self.import_button]),
                         self.import_message])
        self._parts = [choose, self.summary, self.profile_out, self.reach_out, mark, picker]
        self.widget = w.VBox(self._parts if self.data is not None else [self.summary, picker])
        self.refresh()

    # -- choices --------------------------------------------------------------

    def _fill_areas(self) -> None:
        if self.data is None:
            return
        codes = self.data.area_codes(self.area_level.value)
        names = self.data.area_names(codes)
        self.areas.options = [(f"{name} ({code})" if name != code else code, code)
                              for code, name in zip(codes, names, strict=True)]
        # the first area, so the first profile compares it with the municipality
        # (the whole municipality against itself would show 100 everywhere)
        self.areas.value = (codes[0],) if codes else ()

    def _on_area_level(self, _change=None) -> None:
        self._fill_areas()
        self.refresh()

    def chosen_name(self) -> str:
        """Display name of the chosen areas (the municipality when none are chosen)."""
        if not self.areas.value:
            return self.route.config.municipality.name
        return ", ".join(self.data.area_names(self.areas.value))

    # -- live update ------------------------------------------------------------

    def refresh(self, _change=None) -> None:
        """Recompute the profile and redraw charts and summary for the current choices.

        The reach chart does not depend on the reference: it is drawn again only
        when the areas or the level changed.
        """
        if self.data is None:  # no segment data yet: say how to add them
            from routekit.guidance import guidance_html

            self.summary.value = guidance_html(self.route, ["segments"], rest=False, short=True)
            return
        areas = list(self.areas.value) or None
        reference = "all" if areas is None and self.reference.value == "municipality" \
            else self.reference.value
        start = time.perf_counter()
        self.current = profile(self.data, areas, reference=reference, level=self.level.value)
        self.last_ms = (time.perf_counter() - start) * 1000
        options = tuple((f"{c} {n}", c) for c, n in zip(self.current.index,
                                                         self.current["name"], strict=True))
        if options != tuple(self.segments.options):  # another level: other segments
            selected = [c for c in self.segments.value if c in self.current.index]
            self.segments.options = options
            self.segments.value = tuple(selected)
        name = self.chosen_name()
        gaps = None
        if self.data.members is not None:
            gaps = under_reached(self.data, areas, level=self.level.value)
        self.summary.value = f"<p>{escape(summarise(self.current, name, reach=gaps))}</p>"
        ax = plot_profile(self.current, size=self.size, title=name,
                          subtitle=t("area.ui.compared_with",
                                     reference=t(f"area.reference.{reference}")))
        show_figure(self.profile_out, ax, laid_out=True)  # the area charts end with finish()
        shown = (tuple(self.areas.value), self.level.value)
        if self.data.members is not None and shown != self._reach_shown:
            ax = plot_reach(penetration(self.data, areas, level=self.level.value),
                            size=self.size, title=t("area.ui.reach_title", area=name))
            show_figure(self.reach_out, ax, laid_out=True)
            self._reach_shown = shown

    # -- saving -------------------------------------------------------------------

    def _on_save(self, _button=None) -> None:
        if not self.segments.value:
            self.message.value = escape(t("area.ui.nothing_marked"))
            return
        def save() -> str:
            count = save_selections(self.route, self.theme.value, self.segments.value,
                                    self.areas.value, self.reason.value)
            return t("area.ui.saved", count=count, theme=self.theme.label)

        self.attempt(save)

    def _on_import(self, _button=None) -> None:
        if not self.upload.value:
            self.import_message.value = escape(t("area.ui.no_file"))
            return
        item = self.upload.value[0]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(item["name"]).name
            path.write_bytes(bytes(item["content"]))
            try:
                result = import_file(self.route, self.kind.value, path)
            except (RouteError, ValueError) as error:
                problems = getattr(error, "problems", None) or [str(error)]
                self.import_message.value = problems_html(problems, t("area.ui.not_imported"))
                return
        self.import_message.value = html_list(result.lines)
        self.reload()

    def reload(self) -> None:
        """Read the route's segment data again, e.g. after an import or new open segments."""
        first = self.data is None
        self.data = segment_data(self.route)
        self._reach_shown = None  # other data: draw the reach chart again
        if first and self.data is not None:  # the first segment data: show the choices
            levels = [lv for lv in ("wijk", "buurt", "pc4", "pc6") if lv in self.data.levels]
            self.area_level.options = [(t(f"area.level.{lv}"), lv) for lv in levels]
            self.widget.children = self._parts
        self._fill_areas()
        self.refresh()
