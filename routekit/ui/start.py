"""The start page: which route, how far it is, a new route, her own CBS figures.

:class:`StartPage` puts the parts together and keeps them on one route: choosing a
route in :class:`RoutePicker` or creating one in :class:`NewRouteForm` makes it the
current route of the app (:func:`routekit.route_choice.choose_route`), so every step
opened afterwards works on it; the header, the status table and the upload follow at
once. Other parts of the page (the documents panel) can follow too through
:attr:`StartPage.listeners`.

Examples
--------
>>> form = NewRouteForm(parent="routes")
>>> form.library.value = "Bibliotheek Voorbeeld"
>>> form.municipality.value = "GM0344"
>>> form.theme.value = "Laaggeletterdheid"
>>> form.create.click()
>>> form.route.path, form.route.config.municipality.name
(PosixPath('routes/bibliotheek-voorbeeld'), 'Utrecht')
>>> progress_table(form.route).columns.tolist()
['Stap', 'Onderdeel', 'Vastgelegd', 'Begonnen']
"""

from __future__ import annotations

import html
import logging
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import set_language, t
from routekit.records.base import make_id
from routekit.route_choice import choose_route, known_routes
from routekit.workspace import Route

__all__ = ["NewRouteForm", "RoutePicker", "StartPage", "UploadForm", "municipalities",
           "progress_table", "route_banner"]

log = logging.getLogger(__name__)
MUNICIPALITIES = Path(__file__).resolve().parents[1] / "data" / "municipalities.csv"
FIELD_WIDTH = "36em"


@lru_cache(maxsize=1)
def municipalities() -> tuple[tuple[str, str], ...]:
    """All Dutch municipalities as (CBS code, name), by name (``data/municipalities.csv``).

    >>> dict(municipalities())["GM0344"]
    'Utrecht'
    """
    import csv

    with open(MUNICIPALITIES, encoding="utf-8", newline="") as file:
        return tuple((row["code"], row["name"]) for row in csv.DictReader(file))


def route_banner(route: Route) -> str:
    """HTML line naming the route the page works on (library, municipality, folder)."""
    config = route.config
    place = f" · {t('app.start.municipality_of', name=config.municipality.name)}" \
        if config.municipality.name else ""
    notice = ""
    if config.fictional:
        notice = (f"<div style='color:#555;font-size:90%'>"
                  f"{html.escape(config.notice or t('core.route.fictional'))}</div>")
    return (f"<div class='routekit-route' style='border-bottom:2px solid #0b6e99;"
            f"padding:4px 0 6px 0;margin-bottom:8px'>"
            f"{html.escape(t('app.start.route'))}: <b>{html.escape(config.library)}</b>"
            f"{html.escape(place)} · {html.escape(t('app.start.folder', name=route.path.name))}"
            f"{notice}</div>")


def progress_table(route: Route):
    """:meth:`Route.progress` with Dutch headers and Ja/Nee, ready to show.

    Columns: Stap, Onderdeel, Vastgelegd, Begonnen.
    """
    frame = route.progress()
    return frame.assign(
        step=frame["step"].str.lstrip("0"),
        started=frame["started"].map({True: t("app.start.yes"), False: t("app.start.no")}),
    ).rename(columns={"step": t("app.start.col_step"), "title": t("app.start.col_title"),
                      "records": t("app.start.col_records"),
                      "started": t("app.start.col_started")})


def _problems_html(title: str, problems) -> str:
    items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
    return f"<b>{html.escape(title)}</b><ul>{items}</ul>"


def _ok_html(text: str) -> str:
    return f"<span style='color:#1a7f37'>✓ {html.escape(text)}</span>"


def _labelled(widget, description: str):
    widget.description = description
    widget.style.description_width = "12em"
    widget.layout.width = FIELD_WIDTH
    return widget


class RoutePicker:
    """Choose one of the routes on this computer (see :func:`known_routes`).

    Attributes
    ----------
    choice : ipywidgets.Dropdown
        Labels such as "Bibliotheek X – Gemeente (map x)"; values are folders.
    open : ipywidgets.Button
    widget : ipywidgets.VBox
    """

    def __init__(self, parent: str | Path | None = None,
                 on_choose: Callable[[Route], None] | None = None):
        self.parent = parent
        self.on_choose = on_choose
        self.choice = _labelled(w.Dropdown(), t("app.start.pick"))
        self.choice.layout.width = "48em"  # labels name library, municipality and folder
        self.open = w.Button(description=t("app.start.open"), button_style="primary")
        self.open.layout = w.Layout(width="auto", align_self="flex-start")
        self.message = w.HTML()
        self.open.on_click(self._on_open)
        self.widget = w.VBox([self.choice, self.open, self.message])
        self.refresh()

    def refresh(self, current: Path | None = None) -> None:
        """List the routes again, with *current* selected."""
        routes = known_routes(self.parent)
        self.choice.options = [(route.label, str(route.path)) for route in routes]
        if current is not None and str(Path(current).resolve()) in \
                [str(route.path) for route in routes]:
            self.choice.value = str(Path(current).resolve())

    def _on_open(self, _button=None) -> None:
        if not self.choice.value:
            self.message.value = html.escape(t("app.start.none_to_open"))
            return
        try:
            route = Route.open(self.choice.value)
        except RouteError as error:
            self.message.value = _problems_html(t("app.start.open_failed"), error.problems)
            return
        self.message.value = _ok_html(t("app.start.opened", library=route.config.library))
        if self.on_choose:
            self.on_choose(route)


class NewRouteForm:
    """Form to create a new, empty route folder under *parent* and work on it.

    Attributes
    ----------
    library : ipywidgets.Text
    municipality : ipywidgets.Dropdown
        All Dutch municipalities by name; the value is the CBS code (GM….).
    theme : ipywidgets.Text
        The first theme (more can be added later).
    create : ipywidgets.Button
    route : Route or None
        The route created by the last click.
    widget : ipywidgets.VBox
    """

    def __init__(self, parent: str | Path = "routes",
                 on_created: Callable[[Route], None] | None = None):
        self.parent = Path(parent)
        self.on_created = on_created
        self.route: Route | None = None
        self.library = _labelled(w.Text(placeholder="Bibliotheek …"), t("ui.start.library"))
        self.municipality = _labelled(
            w.Dropdown(options=[(t("app.start.choose_municipality"), "")]
                       + [(name, code) for code, name in municipalities()]),
            t("ui.start.municipality_name"))
        self.theme = _labelled(w.Text(placeholder=t("app.start.theme_hint")),
                               t("app.start.first_theme"))
        self.create = w.Button(description=t("ui.start.create"), button_style="primary")
        self.create.layout = w.Layout(width="auto", align_self="flex-start")
        self.message = w.HTML()
        self.create.on_click(self._on_create)
        self.widget = w.VBox([self.library, self.municipality, self.theme, self.create,
                              self.message])

    def _missing(self) -> list[str]:
        missing = []
        if not self.library.value.strip():
            missing.append(t("app.start.required", field=t("ui.start.library")))
        if not self.municipality.value:
            missing.append(t("app.start.required", field=t("ui.start.municipality_name")))
        return missing

    def _on_create(self, _button=None) -> None:
        if missing := self._missing():
            self.message.value = _problems_html(t("ui.start.failed"), missing)
            return
        library = self.library.value.strip()
        folder = self.parent / make_id(library, fallback="route")
        name = dict(municipalities())[self.municipality.value]
        theme = self.theme.value.strip()
        try:
            route = Route.create(
                folder, library=library,
                municipality={"code": self.municipality.value, "name": name},
                themes=[{"id": make_id(theme, fallback="thema"), "name": theme}] if theme else [])
        except RouteError as error:
            self.message.value = _problems_html(t("ui.start.failed"), error.problems)
            return
        self.route = route
        self.message.value = _ok_html(t("app.start.created", library=library))
        if self.on_created:
            self.on_created(route)


class UploadForm:
    """Bring a CBS file (or another area file) into the route, as ``routekit import`` does.

    The file is read by :func:`routekit.area.importer.import_file`; its result lines are
    shown as they are. A CBS file for another municipality than the route's is not read
    before she confirms with :attr:`confirm`.

    Attributes
    ----------
    upload : ipywidgets.FileUpload
    confirm, cancel : ipywidgets.Button
        Shown only with the warning about another municipality.
    message : ipywidgets.HTML
    result : ImportResult or None
        Of the last import.
    """

    def __init__(self, route: Route, on_imported: Callable[[Route], None] | None = None):
        self.route = route
        self.on_imported = on_imported
        self.result = None
        self._pending: Path | None = None
        self._other: dict[str, str] = {}  # code → name of the file's municipality, when not hers
        self.upload = w.FileUpload(accept=".xlsx,.xls,.csv,.json,.geojson,.gpkg",
                                   multiple=False, description=t("app.upload.choose"))
        self.upload.layout = w.Layout(width="auto", align_self="flex-start")
        self.help = w.HTML(f"<p>{html.escape(t('app.upload.where'))}</p>")
        self.confirm = w.Button(description=t("app.upload.confirm"), button_style="warning")
        self.cancel = w.Button(description=t("app.upload.cancel"))
        for button in (self.confirm, self.cancel):
            button.layout.width = "auto"
        self.choice = w.HBox([self.confirm, self.cancel], layout=w.Layout(display="none"))
        self.message = w.HTML()
        self.upload.observe(self._on_upload, names="value")
        self.confirm.on_click(lambda _b: self._import_pending())
        self.cancel.on_click(lambda _b: self._drop_pending(t("app.upload.cancelled")))
        self.widget = w.VBox([self.help, self.upload, self.message, self.choice])

    def _on_upload(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        self._drop_pending()
        folder = Path(tempfile.mkdtemp(prefix="routekit-upload-"))
        path = folder / (Path(str(item["name"])).name or "bestand")
        path.write_bytes(bytes(item["content"]))
        self._pending = path
        other = self._other_municipality(path)
        if other:
            from routekit.area.stored import stored_tables

            empty = not self.route.config.areas and not stored_tables(self.route)
            key = "app.upload.other" if empty else "app.upload.other_refused"
            self.message.value = (
                f"<b style='color:#b35900'>{html.escape(t('app.upload.other_title'))}</b> "
                + html.escape(t(key, file=", ".join(other.values()),
                                route=self.route.config.municipality.name or "–")))
            if empty and len(other) == 1:  # a new route: make it the file's municipality
                self._other = other
                self.confirm.description = t("app.upload.confirm", file=next(iter(other.values())))
                self.choice.layout.display = "flex"
            else:
                self._drop_pending()
            return
        self._import_pending()

    def _other_municipality(self, path: Path) -> dict[str, str]:
        """Code → name of the municipalities of a CBS file when the route's is not among
        them, else empty."""
        from routekit.area.files import read_key_figures
        from routekit.area.importer import guess_kind

        own = (self.route.config.municipality.code or "").upper()
        try:
            if not own or guess_kind(path) != "cbs":
                return {}
            table = read_key_figures(path).table
        except (RouteError, ValueError, OSError):
            return {}  # the import itself says what is wrong with the file
        codes = {f"GM{str(code)[2:6]}" for code in table.index if str(code)[:2] in
                 ("GM", "WK", "BU")}
        if not codes or own in codes or len(codes) > 5:  # a national file is cut to the route
            return {}
        names = dict(municipalities())
        return {code: names.get(code, code) for code in sorted(codes)}

    def _import_pending(self) -> None:
        from routekit.area.importer import import_file

        path, self._pending = self._pending, None
        self.choice.layout.display = "none"
        if path is None:
            return
        try:
            if self._other:  # she chose to make this new route the file's municipality
                (code, name), = self._other.items()
                self.route.config.municipality = type(self.route.config.municipality)(
                    code=code, name=name)
                self.route.save_config()
            self.result = import_file(self.route, "auto", path)
        except RouteError as error:
            self.message.value = _problems_html(t("app.upload.failed"), error.problems)
        except ValueError as error:
            self.message.value = _problems_html(t("app.upload.failed"), [error])
        except Exception:  # noqa: BLE001 - she gets a message, the log the detail
            log.exception("import of %s failed", path.name)
            self.message.value = _problems_html(t("app.upload.failed"),
                                                [t("app.upload.unexpected")])
        else:
            lines = "".join(f"<li>{html.escape(line)}</li>" for line in self.result.lines)
            self.message.value = f"{_ok_html(t('app.upload.done'))}<ul>{lines}</ul>"
            if self.on_imported:
                self.on_imported(self.route)
        finally:
            self._other = {}
            shutil.rmtree(path.parent, ignore_errors=True)
            self.upload.value = ()

    def _drop_pending(self, text: str = "") -> None:
        if self._pending is not None:
            shutil.rmtree(self._pending.parent, ignore_errors=True)
            self._pending = None
        self._other = {}
        self.choice.layout.display = "none"
        if text:
            self.message.value = html.escape(text)


class StartPage:
    """The start page's parts, all on one route that she can switch.

    Attributes
    ----------
    header : ipywidgets.HTML
        The route the app works on (:func:`route_banner`).
    status : ipywidgets.Output
        :func:`progress_table` of the route.
    picker : RoutePicker
        Routes in *parent* (default :func:`routekit.route_choice.routes_folder`, the
        project's ``routes/``) and those chosen before.
    new_route : NewRouteForm
        Makes new routes in *parent*.
    upload : UploadForm
    documents : DocumentsPanel
        Report, PDF and slides of the current route (follows a switch).
    listeners : list of callables
        Called with the new route after every switch (e.g. a documents panel).
    """

    def __init__(self, route: Route, *, parent: str | Path | None = None):
        from routekit.route_choice import routes_folder

        parent = Path(parent) if parent is not None else routes_folder()
        self.route = route
        self.listeners: list[Callable[[Route], None]] = []
        self.header = w.HTML()
        self.status = w.Output()
        self.picker = RoutePicker(parent, on_choose=self.switch)
        self.new_route = NewRouteForm(parent, on_created=self.switch)
        self.upload = UploadForm(route, on_imported=lambda _route: self.refresh())
        from routekit.ui.documents import DocumentsPanel

        self.documents = DocumentsPanel(route)
        self.listeners.append(self.documents.use_route)
        self.picker.refresh(route.path)
        self.refresh()

    def switch(self, route: Route) -> None:
        """Work on *route* from now on: here, and in every step opened after this."""
        choose_route(route.path)
        self.route = self.upload.route = route
        set_language(route.config.language)
        self.picker.refresh(route.path)
        self.refresh()
        for listener in self.listeners:
            listener(route)

    def refresh(self) -> None:
        """Show the header and the status table of the current route again."""
        from routekit.ui.tables import show_table

        self.route = Route.open(self.route.path)
        self.upload.route = self.route
        self.header.value = route_banner(self.route)
        show_table(progress_table(self.route), self.status)
