"""The POST-O canvas of a theme: prefill from the personas, warnings, what its page shows.

POST-O (Li & Bernoff's People, Objectives, Strategy, Technology, plus
Organization) turns what the route found into a strategy management can
follow. People and Technology are prefilled from the theme's personas (a group
with low digital skills gets offline channels first); warnings point at empty
or one-sided parts, such as objectives with only the library's goal. The
canvas of a theme of a route: :mod:`routekit.strategy.stored`; drawn by
:func:`routekit.strategy.plot.plot_canvas`.

Examples
--------
>>> riet = Persona(id="riet", name="Riet", digital_skills="low", channels="krant|Facebook")
>>> canvas = prefill_canvas(None, "eenzaamheid", [riet])
>>> canvas.technology.channels
['krant', 'Facebook']
>>> [w.code for w in canvas_warnings(canvas, [riet])]
['empty', 'empty', 'empty']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from routekit.i18n import t
from routekit.records.personas import Persona
from routekit.records.strategy import PostOCanvas
from routekit.strategy.channels import channel_kind, suggest_channels

__all__ = ["SECTIONS", "CanvasPage", "CanvasWarning", "canvas_page", "canvas_warnings",
           "people_from_personas", "prefill_canvas", "section_fields", "section_is_empty"]

SECTIONS = ("people", "objectives", "strategy", "technology", "organization")
"""The five parts of the canvas, in POST-O order."""


def section_fields(section: str) -> list[str]:
    """Field names of one canvas section, e.g. ``["library", "community", "shared", "roles"]``."""
    return list(PostOCanvas.model_fields[section].annotation.model_fields)


@dataclass(frozen=True)
class CanvasWarning:
    """An empty or one-sided part of the canvas."""

    section: str
    field: str | None
    code: str
    message: str


def _merge(current: list[str], extra: Iterable[str]) -> list[str]:
    return current + [item for item in extra if item not in current]


def _summary(personas: list[Persona], field: str, prefix: str) -> str:
    parts = [f"{p.name}: {t(f'{prefix}.{getattr(p, field)}')}" for p in personas
             if getattr(p, field)]
    return "; ".join(parts)


def people_from_personas(personas: Iterable[Persona]) -> dict:
    """People-section values from *personas*: ids, participation, channels, digital skills.

    Examples
    --------
    >>> riet = Persona(id="riet", name="Riet", participation="offline", channels="krant")
    >>> people_from_personas([riet])["participation"]
    'Riet: offline'
    """
    personas = list(personas)
    return {"personas": [p.id for p in personas],
            "participation": _summary(personas, "participation", "personas.participation"),
            "channels": suggest_channels(personas)["channel"].tolist(),
            "digital_skills": _summary(personas, "digital_skills", "personas.level")}


def prefill_canvas(canvas: PostOCanvas | None, theme: str,
                   personas: Iterable[Persona]) -> PostOCanvas:
    """Return *canvas* (or a new one) with People and Technology filled from *personas*.

    Empty text fields of People are filled; persona ids and channels missing
    from People and from Technology's channels are added (in suggestion order:
    offline first when a persona has low digital skills). What the user wrote
    stays.
    """
    canvas = canvas.model_copy(deep=True) if canvas is not None else PostOCanvas(theme=theme)
    found = people_from_personas(personas)
    people = canvas.people
    people.personas = _merge(people.personas, found["personas"])
    people.channels = _merge(people.channels, found["channels"])
    for name in ("participation", "digital_skills"):
        if not getattr(people, name):
            setattr(people, name, found[name])
    canvas.technology.channels = _merge(canvas.technology.channels, found["channels"])
    return PostOCanvas.model_validate(canvas.model_dump())


def section_is_empty(section) -> bool:
    """Whether no field of one canvas section (``canvas.people`` ...) is filled in.

    Examples
    --------
    >>> section_is_empty(PostOCanvas(theme="x").people)
    True
    """
    return not any(getattr(section, name) for name in type(section).model_fields)


def canvas_warnings(canvas: PostOCanvas,
                    personas: Iterable[Persona] = ()) -> list[CanvasWarning]:
    """Empty and one-sided parts of *canvas*, most important first.

    Examples
    --------
    >>> canvas = PostOCanvas(theme="x", objectives={"library": "Meer bezoekers"})
    >>> [w.code for w in canvas_warnings(canvas)][:2]
    ['one_sided_library', 'empty']
    """
    found: list[tuple[str, str | None, str]] = []
    obj = canvas.objectives
    if obj.library and not obj.community:
        found.append(("objectives", "community", "one_sided_library"))
    elif obj.community and not obj.library:
        found.append(("objectives", "library", "one_sided_community"))
    elif obj.library and obj.community and not obj.shared:
        found.append(("objectives", "shared", "no_shared"))
    if obj.shared and not obj.roles:
        found.append(("objectives", "roles", "no_roles"))
    for section in SECTIONS:
        if section_is_empty(getattr(canvas, section)):
            found.append((section, None, "empty"))
    if not canvas.people.personas and not section_is_empty(canvas.people):
        found.append(("people", "personas", "no_personas"))
    if not section_is_empty(canvas.strategy) and not canvas.strategy.connection:
        found.append(("strategy", "connection", "no_connection"))
    personas = list(personas)
    tech = canvas.technology.channels
    low = [p.name for p in personas if p.digital_skills == "low"]
    if tech and low and all(channel_kind(c) == "online" for c in tech):
        found.append(("technology", "channels", "online_only"))
    used = {c for p in personas for c in p.channels}
    if tech and used and not used & set(tech):
        found.append(("technology", "channels", "channels_mismatch"))
    if not section_is_empty(canvas.organization) and not canvas.organization.hours:
        found.append(("organization", "hours", "no_hours"))
    return [CanvasWarning(section, field, code,
                          t(f"strategy.warning.{code}", section=t(f"strategy.section.{section}"),
                            names=", ".join(low)))
            for section, field, code in found]


@dataclass(frozen=True)
class CanvasPage:
    """What the one-page canvas of a theme shows (drawn by
    :func:`routekit.strategy.plot.plot_canvas`).

    Attributes
    ----------
    canvas : PostOCanvas
    warnings : list of CanvasWarning
        Empty and one-sided parts, from :func:`canvas_warnings` with the personas.
    title : str
        "POST-O: <theme name>".
    names : dict
        Persona id → name, shown instead of the ids.
    personas : list of Persona
        The theme's personas the warnings were checked against.
    """

    canvas: PostOCanvas
    warnings: list[CanvasWarning]
    title: str
    names: dict[str, str] = field(default_factory=dict)
    personas: list[Persona] = field(default_factory=list)


def canvas_page(canvas: PostOCanvas, personas: Iterable[Persona] = (), *,
                theme_name: str | None = None) -> CanvasPage:
    """The page of *canvas*: its warnings against *personas*, their names and the title.

    Examples
    --------
    >>> page = canvas_page(PostOCanvas(theme="x", people={"personas": ["riet"]}),
    ...                    [Persona(id="riet", name="Riet")], theme_name="Eenzaamheid")
    >>> page.title, page.names, len(page.warnings)
    ('POST-O: Eenzaamheid', {'riet': 'Riet'}, 4)
    """
    personas = list(personas)
    return CanvasPage(canvas, canvas_warnings(canvas, personas),
                      t("strategy.canvas.title", theme=theme_name or canvas.theme),
                      {p.id: p.name for p in personas}, personas)
