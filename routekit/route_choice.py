"""Which route the app works on: the choice the start page writes and every page reads.

The choice lives in one small YAML file (by default ``routes/.route-choice.yaml`` in the
project; ``ROUTEKIT_CHOICE`` names another): the current route and the routes opened
before. New routes are made in the folder of that file (:func:`routes_folder`).
:func:`routekit.notebook.resolve_route` reads it, so every page opened after a
switch works on the new route without restarting the app. The ``ROUTEKIT_ROUTE``
environment variable still wins over it (tests, ``make lab ROUTE=...``).

Examples
--------
>>> import os, tempfile
>>> os.environ["ROUTEKIT_CHOICE"] = os.path.join(tempfile.mkdtemp(), "choice.yaml")
>>> choose_route("data/sample-route").name
'sample-route'
>>> current_route().name
'sample-route'
>>> [route.folder for route in known_routes(parent="no-such-folder")]
['sample-route']
>>> del os.environ["ROUTEKIT_CHOICE"]
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

__all__ = ["CHOICE_ENV_VAR", "DEFAULT_CHOICE_FILE", "KnownRoute", "choice_file", "choose_route",
           "current_route", "known_routes", "routes_folder"]

CHOICE_ENV_VAR = "ROUTEKIT_CHOICE"
DEFAULT_CHOICE_FILE = Path(__file__).resolve().parents[1] / "routes" / ".route-choice.yaml"
MAX_RECENT = 20


def choice_file() -> Path:
    """The file holding the choice: ``ROUTEKIT_CHOICE``, else ``routes/.route-choice.yaml``."""
    return Path(os.environ.get(CHOICE_ENV_VAR) or DEFAULT_CHOICE_FILE)


def routes_folder() -> Path:
    """Where the start page lists and creates routes: the folder of the choice file
    (``routes/`` of the project by default)."""
    return choice_file().parent


def _read(file: Path | None = None) -> dict:
    try:
        data = yaml.safe_load((file or choice_file()).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def current_route() -> Path | None:
    """The route chosen last, or None when none was chosen (or it no longer exists)."""
    current = _read().get("current")
    if isinstance(current, str) and (Path(current) / "route.yaml").is_file():
        return Path(current)
    return None


def choose_route(route_dir: str | Path, *, file: str | Path | None = None) -> Path:
    """Make *route_dir* the current route (and remember it); return its absolute path.

    *file* is the choice file (default :func:`choice_file`). It is replaced in one step
    (write, then rename), so a page that reads it meanwhile sees the old choice or the
    new one, never half a file.
    """
    route_dir = Path(route_dir).resolve()
    target = Path(file) if file else choice_file()
    data = _read(target)
    recent = [str(route_dir)] + [p for p in data.get("recent") or []
                                 if isinstance(p, str) and p != str(route_dir)]
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    scratch.write_text(yaml.safe_dump({"current": str(route_dir), "recent": recent[:MAX_RECENT]},
                                      allow_unicode=True), "utf-8")
    os.replace(scratch, target)
    return route_dir


@dataclass(frozen=True)
class KnownRoute:
    """A route on this computer, as the start page lists it."""

    path: Path
    library: str
    municipality: str

    @property
    def folder(self) -> str:
        return self.path.name

    @property
    def label(self) -> str:
        """``Bibliotheek X – Gemeente (map x)``: how the route picker shows it."""
        place = f" – {self.municipality}" if self.municipality else ""
        return f"{self.library or self.folder}{place} (map {self.folder})"


def known_routes(parent: str | Path | None = None) -> list[KnownRoute]:
    """The routes in *parent* (default: :func:`routes_folder`) and those chosen before.

    Folders without a readable ``route.yaml`` are left out; the current route comes first,
    the rest in order of folder name.
    """
    parent = Path(parent) if parent is not None else routes_folder()
    candidates = sorted(p for p in parent.glob("*/route.yaml")) if parent.is_dir() else []
    folders = [p.parent.resolve() for p in candidates]
    folders += [Path(p) for p in _read().get("recent") or [] if isinstance(p, str)]
    current = current_route()
    if current is not None:
        folders.insert(0, current.resolve())
    routes, seen = [], set()
    for folder in folders:
        if folder in seen or not (folder / "route.yaml").is_file():
            continue
        seen.add(folder)
        routes.append(_describe(folder))
    first = routes[:1] if current is not None else []
    return first + sorted(routes[len(first):], key=lambda r: r.folder)


def _describe(folder: Path) -> KnownRoute:
    try:
        data = yaml.safe_load((folder / "route.yaml").read_text("utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = {}
    data = data if isinstance(data, dict) else {}
    municipality = data.get("municipality") or {}
    name = municipality.get("name", "") if isinstance(municipality, dict) else ""
    return KnownRoute(folder, str(data.get("library") or ""), str(name or ""))
