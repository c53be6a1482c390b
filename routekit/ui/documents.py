"""The documents panel: buttons that make the report (HTML, PDF) and the slides.

For the start page of the app and each stage's notebook, so a librarian never
needs the terminal. The files go into the route's ``rapport`` folder; the panel
says so in Dutch and offers a download link for each. The route is read once
for all three documents while nothing in it changes.

Examples
--------
>>> from routekit.workspace import Route
>>> panel = DocumentsPanel(Route.create("routes/paneel", library="Bibliotheek Voorbeeld",
...                        municipality={"code": "GM0344", "name": "Utrecht"}))
>>> panel.buttons["html"].click()
>>> sorted(p.name for p in panel.paths.values())
['rapport.html']
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from routekit.errors import RouteError
from routekit.i18n import t
from routekit.ui.controls import button

__all__ = ["KINDS", "DocumentsPanel"]

KINDS = ("html", "pdf", "slides")
"""What the panel makes: the report as a web page, as a PDF, and the slide deck."""


def _fingerprint(route) -> tuple:
    """Names, sizes and times of the route's files: changes when anything is saved."""
    files = sorted(p for p in Path(route.path).rglob("*")
                   if p.is_file() and "rapport" not in p.relative_to(route.path).parts[:1]
                   and ".backup" not in p.parts)
    return tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in files)


class DocumentsPanel:
    """Buttons for the report (HTML), the PDF and the slides, with where they went.

    Attributes
    ----------
    buttons : dict
        ``"html"``, ``"pdf"``, ``"slides"`` and ``"all"`` → Button.
    message : ipywidgets.HTML
        Dutch status: what was made, in which folder, with download links.
    paths : dict
        Kind → the file written last.
    folder : Path
        Where the documents go (the route's ``rapport`` folder).
    """

    def __init__(self, route, folder: str | Path | None = None):
        self.route = route
        self.folder = Path(folder) if folder else Path(route.path) / "rapport"
        self.paths: dict[str, Path] = {}
        self._document = None
        self._seen: tuple | None = None
        self.buttons = {kind: button(description=t(f"documents.ui.{kind}"))
                        for kind in (*KINDS, "all")}
        self.buttons["all"].button_style = "primary"
        for kind, control in self.buttons.items():
            control.on_click(lambda _b, kind=kind: self.make(kind))
        self.message = w.HTML(t("documents.ui.intro"))
        self.widget = w.VBox([w.HTML(f"<b>{html.escape(t('documents.ui.title'))}</b>"),
                              w.HBox(list(self.buttons.values()),
                                     layout=w.Layout(flex_flow="row wrap")),
                              self.message])

    def use_route(self, route) -> None:
        """Make the documents of *route* from now on (the start page switched routes)."""
        if self._document is not None:
            self._document.close()
        self.route, self._document, self._seen, self.paths = route, None, None, {}
        self.folder = Path(route.path) / "rapport"
        self.message.value = t("documents.ui.intro")

    def document(self):
        """The route's document, made again only when a file of the route changed."""
        from routekit.report import route_document

        seen = _fingerprint(self.route)
        if self._document is None or seen != self._seen:
            if self._document is not None:
                self._document.close()
            self._document = route_document(self.route)
            self._seen = seen
        return self._document

    def make(self, kind: str) -> dict[str, Path]:
        """Make one document (``"html"``, ``"pdf"``, ``"slides"``) or ``"all"``; returns paths."""
        from routekit.documents.slides import write_slides
        from routekit.report import render

        kinds = KINDS if kind == "all" else (kind,)
        for control in self.buttons.values():
            control.disabled = True
        self.message.value = html.escape(t("documents.ui.busy"))
        made = {}
        try:
            document = self.document()
            for what in kinds:
                if what == "slides":
                    made[what] = write_slides(document, self.folder
                                              / t("documents.slides.filename"))
                else:
                    made[what] = render(self.route, self.folder, format=what,
                                        document=document)
        except RouteError as error:
            problems = "".join(f"<li>{html.escape(str(p))}</li>" for p in error.problems)
            failed = html.escape(t("documents.ui.failed"))
            self.message.value = f"<b>{failed}</b><ul>{problems}</ul>"
            return made
        finally:
            for control in self.buttons.values():
                control.disabled = False
        self.paths.update(made)
        self.message.value = self._saved(made)
        return made

    def _saved(self, made: dict[str, Path]) -> str:
        from routekit.ui.plan import download_link

        where = t("documents.ui.saved", folder=self.folder.name,
                  route=Path(self.route.path).name)
        links = "".join(f"<li>{html.escape(t(f'documents.ui.{kind}'))}: {download_link(path)}"
                        "</li>" for kind, path in made.items())
        return f"{html.escape(where, quote=False)}<ul>{links}</ul>"
