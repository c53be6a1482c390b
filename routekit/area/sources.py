"""Which segment scheme a route's stages use: a licensed one (Mosaic) or the open one.

A route can hold both: the user's own segment files (``segment_scheme.csv``,
``segments.csv``, ``members.csv``) and the open classification made from CBS
figures by ``routekit classify`` (``open_segment_scheme.csv``,
``open_segments.csv``, ``open_members.csv``). ``segment_source`` in
``route.yaml`` says which one the stages use (``mosaic`` or ``open``);
without it, the Mosaic files when present, else the open ones.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> segment_source(route), segment_files(route)["segments"].name
('mosaic', 'segments.csv')
"""

from __future__ import annotations

from pathlib import Path

from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["SETTING", "SOURCES", "available_sources", "has_segment_data", "segment_files",
           "segment_source", "set_segment_source"]

#: The two kinds of segment data, and their file names (without ``.csv``) in ``area/``.
SOURCES = {
    "mosaic": {"segment_scheme": "segment_scheme", "segments": "segments",
               "members": "members"},
    "open": {"segment_scheme": "open_segment_scheme", "segments": "open_segments",
             "members": "open_members"},
}
#: The ``route.yaml`` key holding the user's choice.
SETTING = "segment_source"


def available_sources(route) -> list[str]:
    """The sources whose scheme and segment files are both in the route."""
    return [name for name, files in SOURCES.items()
            if route.area_file(files["segment_scheme"]).exists()
            and route.area_file(files["segments"]).exists()]


def segment_source(route) -> str | None:
    """The source the stages use: the ``segment_source`` setting, else Mosaic, else open.

    None when the route has no segment data at all.
    """
    chosen = (route.config.model_extra or {}).get(SETTING)
    if chosen:
        return str(chosen).strip().casefold()
    found = available_sources(route)
    return found[0] if found else None


def has_segment_data(route) -> bool:
    """Whether the stages find segment data in the route (of the chosen source)."""
    source = segment_source(route)
    return source in available_sources(route)


def segment_files(route, source: str | None = None) -> dict[str, Path]:
    """Paths of ``segment_scheme``, ``segments`` and ``members`` of *source* (default: chosen).

    Raises
    ------
    RouteError
        For an unknown source name (the message names the setting and the choices).
    """
    source = source or segment_source(route) or "mosaic"
    if source not in SOURCES:
        raise RouteError(Problem("route.yaml", t("classify.source.unknown", value=source,
                                                 choices=", ".join(SOURCES)), field=SETTING))
    return {key: route.area_file(name) for key, name in SOURCES[source].items()}


def set_segment_source(route, source: str | None) -> None:
    """Record in ``route.yaml`` which source the stages use (None: the default again)."""
    if source is not None and source not in SOURCES:
        raise RouteError(Problem("route.yaml", t("classify.source.unknown", value=source,
                                                 choices=", ".join(SOURCES)), field=SETTING))
    if source is not None and source not in available_sources(route):
        raise RouteError(Problem("route.yaml", t(f"classify.source.missing_{source}"),
                                 field=SETTING))
    extra = route.config.model_extra or {}
    if source is None:
        extra.pop(SETTING, None)
    else:
        setattr(route.config, SETTING, source)
    route.save_config()
