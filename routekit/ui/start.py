"""Forms of the start notebook: create a new route.

Examples
--------
>>> form = NewRouteForm(parent="routes")
>>> form.library.value = "Bibliotheek Voorbeeld"
>>> form.municipality_code.value, form.municipality_name.value = "GM0344", "Utrecht"
>>> form.create.click()
>>> form.route.path
PosixPath('routes/bibliotheek-voorbeeld')
"""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.records.base import make_id
from routekit.workspace import Route

__all__ = ["NewRouteForm"]


class NewRouteForm:
    """Form to create a new, empty route folder under *parent*.

    Attributes
    ----------
    library, municipality_code, municipality_name, themes, folder : ipywidgets
        Inputs; ``themes`` takes one theme per line.
    create : ipywidgets.Button
    route : Route or None
        The route created by the last click.
    widget : ipywidgets.VBox
    """

    def __init__(self, parent: str | Path = "routes"):
        self.parent = Path(parent)
        self.route: Route | None = None
        self.library = w.Text(description=t("ui.start.library"), placeholder="Bibliotheek …")
        self.municipality_code = w.Text(description=t("ui.start.municipality_code"),
                                        placeholder="GM0000")
        self.municipality_name = w.Text(description=t("ui.start.municipality_name"))
        self.themes = w.Textarea(description=t("ui.start.themes"),
                                 placeholder=t("ui.start.themes_hint"))
        self.folder = w.Text(description=t("ui.start.folder"), placeholder="mijn-route")
        self.create = w.Button(description=t("ui.start.create"), button_style="primary")
        self.message = w.HTML()
        for field in (self.library, self.municipality_code, self.municipality_name,
                      self.themes, self.folder):
            field.style.description_width = "12em"
            field.layout.width = "36em"
        self.create.on_click(self._on_create)
        self.widget = w.VBox([self.library, self.municipality_code, self.municipality_name,
                              self.themes, self.folder, self.create, self.message])

    def _on_create(self, _button=None) -> None:
        names = [line.strip() for line in self.themes.value.splitlines() if line.strip()]
        folder = self.parent / (self.folder.value.strip()
                                or make_id(self.library.value, fallback="route"))
        try:
            self.route = Route.create(
                folder, library=self.library.value,
                municipality={"code": self.municipality_code.value.strip().upper(),
                              "name": self.municipality_name.value},
                themes=[{"id": make_id(name, fallback="thema"), "name": name}
                        for name in names])
        except RouteError as error:
            items = "".join(f"<li>{problem}</li>" for problem in error.problems)
            self.message.value = f"<b>{t('ui.start.failed')}</b><ul>{items}</ul>"
            return
        self.message.value = t("ui.start.created", path=self.route.path)
