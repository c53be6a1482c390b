"""The route's own settings, stored as ``route.yaml``.

Examples
--------
>>> cfg = RouteConfig(library="Bibliotheek De Sleutel",
...                   municipality={"code": "GM9901", "name": "Sleutelwaard"},
...                   themes=[{"id": "eenzaamheid", "name": "Eenzaamheid onder ouderen"}])
>>> cfg.theme_ids
['eenzaamheid']
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Area", "Municipality", "RouteConfig", "SCHEMA_VERSION", "Theme"]

SCHEMA_VERSION = 1


class _Config(BaseModel):
    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


class Municipality(_Config):
    code: str = Field(pattern=r"^GM\d{4}$")
    name: str = ""  # may be left out: the first CBS import fills it in


class Area(_Config):
    """A part of the service area the route works in (e.g. a wijk or village)."""

    code: str
    name: str
    kind: str = "wijk"
    branch: str | None = None
    parent: str | None = None  # code of the area it lies in (a buurt's wijk, a wijk's gemeente)


class Theme(_Config):
    """A theme the route works on, with the goal a force-field analysis is about."""

    id: str = Field(pattern=r"^[\w\-]+$")
    name: str
    goal: str = ""


class RouteConfig(_Config):
    """Contents of ``route.yaml``."""

    schema_version: int = SCHEMA_VERSION
    library: str = Field(min_length=1)
    municipality: Municipality
    areas: list[Area] = []
    themes: list[Theme] = []
    language: str = Field(default="nl", pattern=r"^(nl|en)$")
    style: dict[str, Any] = {}
    fictional: bool = False
    notice: str = ""

    @property
    def theme_ids(self) -> list[str]:
        """Ids of the route's themes, in order."""
        return [theme.id for theme in self.themes]

    def theme(self, theme_id: str) -> Theme:
        """Return the theme with id *theme_id* (``KeyError`` if unknown)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)
