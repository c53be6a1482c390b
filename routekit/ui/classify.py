"""The form that makes open segments from the route's CBS figures (notebook 04a, without Mosaic).

One button classifies the buurten (:func:`routekit.area.stored.run_classify`)
and shows what was made, in Dutch; a group can be given the user's own name,
which is kept when a later rebuild finds the same group; a choice says which
segments the stages use when the route also has a Mosaic file.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.copy("data/sample-route", "routes/open-form")
>>> form = ClassifyForm(route)
>>> form.make.click()
>>> form.groups.options[0][1], "groepen" in form.result.value
('A', True)
>>> form.groups.value, form.new_name.value = "A", "Gezinnen aan de rand"
>>> form.rename.click()
>>> "Groep A heet nu: Gezinnen aan de rand." in form.message.value
True
"""

from __future__ import annotations

import ipywidgets as w

from routekit.i18n import t
from routekit.markup import escape, html_list
from routekit.ui.kit import Form, button

__all__ = ["ClassifyForm"]


class ClassifyForm(Form):
    """Widgets to make open segments, rename a group and choose the segments the stages use.

    Attributes
    ----------
    make : ipywidgets.Button
        "Maak open segmenten".
    result : ipywidgets.HTML
        What was made (groups, variables used and dropped, unclassified buurten).
    groups, new_name, rename : ipywidgets
        Rename a group.
    source : ipywidgets.RadioButtons
        Which segments the stages use (``mosaic``/``open``).
    message : ipywidgets.HTML
    widget : ipywidgets.VBox
    on_change : callable or None
        Called after new segments, a rename or another source (to redraw the page).
    """

    def __init__(self, route, on_change=None):
        from routekit.area.stored import chosen_source

        super().__init__(route, on_change)
        self.make = button(description=t("classify.ui.make"), button_style="primary")
        self.result = w.HTML()
        self.groups = w.Dropdown(description=t("classify.ui.group"), options=[])
        self.new_name = w.Text(description=t("classify.ui.new_name"),
                               layout=w.Layout(width="420px"))
        self.rename = button(description=t("classify.ui.rename"))
        chosen = chosen_source(route) or "auto"
        self.source = w.RadioButtons(
            options=[(t("classify.ui.source_auto"), "auto"),
                     (t("classify.ui.source_mosaic"), "mosaic"),
                     (t("classify.ui.source_open"), "open")],
            value=chosen, description=t("classify.ui.source"))
        self.make.on_click(self._on_make)
        self.rename.on_click(self._on_rename)
        self.source.observe(self._on_source, names="value")
        self._load_groups()
        note = w.HTML(f"<p><i>{escape(t('classify.reminder'))}</i></p>")
        self.widget = w.VBox([
            w.HTML(f"<b>{escape(t('classify.ui.title'))}</b>"), note, self.make,
            self.result, w.HBox([self.groups, self.new_name, self.rename]), self.source,
            self.message])

    def _load_groups(self) -> None:
        from routekit.area.stored import open_metadata

        groups = open_metadata(self.route).get("groups", {})
        self.groups.options = [(f"{code} {info.get('name', '')}", code)
                               for code, info in groups.items()]

    def _on_make(self, _button=None) -> None:
        from routekit.area.stored import run_classify

        def make() -> str:
            self.result.value = html_list(run_classify(self.route))
            self._load_groups()
            return t("classify.ui.made")

        self.attempt(make, t("classify.ui.failed"))

    def _on_rename(self, _button=None) -> None:
        from routekit.area.stored import rename_group

        code = self.groups.value

        def rename() -> str:
            rename_group(self.route, code, self.new_name.value)
            self._load_groups()
            self.groups.value = code
            return t("classify.ui.renamed", code=code, name=" ".join(self.new_name.value.split()))

        self.attempt(rename, t("classify.ui.failed"))

    def _on_source(self, change) -> None:
        from routekit.area.stored import set_segment_source

        def choose() -> str:
            set_segment_source(self.route, None if change["new"] == "auto" else change["new"])
            return t("classify.ui.source_saved")

        if not self.attempt(choose, t("classify.ui.failed")):
            with self.loading():
                self.source.unobserve(self._on_source, names="value")
                self.source.value = change["old"]  # back to what route.yaml still says
                self.source.observe(self._on_source, names="value")
