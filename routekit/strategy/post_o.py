"""The POST-O canvas of a theme: prefill from the personas, warnings, one-page figure.

POST-O (Li & Bernoff's People, Objectives, Strategy, Technology, plus
Organization) turns what the route found into a strategy management can
follow. People and Technology are prefilled from the theme's personas (a group
with low digital skills gets offline channels first); warnings point at empty
or one-sided parts, such as objectives with only the library's goal.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> canvas = prefill_route_canvas(route, "laaggeletterdheid")
>>> [w.code for w in canvas_warnings(canvas)]
['no_shared', 'empty', 'no_hours']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from routekit.i18n import t
from routekit.records.personas import Persona
from routekit.records.strategy import PostOCanvas
from routekit.strategy.channels import channel_kind, suggest_channels
from routekit.workspace import Route

__all__ = ["SECTIONS", "CanvasWarning", "canvas_figure", "canvas_for", "canvas_warnings",
           "people_from_personas", "plot_canvas", "prefill_canvas", "prefill_route_canvas",
           "section_fields"]

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


def canvas_for(route: Route, theme: str) -> PostOCanvas:
    """The saved canvas of *theme*, or an empty one."""
    return route.get("post_o", theme) or PostOCanvas(theme=theme)


def prefill_route_canvas(route: Route, theme: str, *, save: bool = True) -> PostOCanvas:
    """Prefill the canvas of *theme* from the route's personas of that theme (and save it)."""
    from routekit.personas.stored import personas_of

    canvas = prefill_canvas(canvas_for(route, theme), theme, personas_of(route, theme))
    return route.upsert("post_o", canvas) if save else canvas


def _empty(section) -> bool:
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
        if _empty(getattr(canvas, section)):
            found.append((section, None, "empty"))
    if not canvas.people.personas and not _empty(canvas.people):
        found.append(("people", "personas", "no_personas"))
    if not _empty(canvas.strategy) and not canvas.strategy.connection:
        found.append(("strategy", "connection", "no_connection"))
    personas = list(personas)
    tech = canvas.technology.channels
    low = [p.name for p in personas if p.digital_skills == "low"]
    if tech and low and all(channel_kind(c) == "online" for c in tech):
        found.append(("technology", "channels", "online_only"))
    used = {c for p in personas for c in p.channels}
    if tech and used and not used & set(tech):
        found.append(("technology", "channels", "channels_mismatch"))
    if not _empty(canvas.organization) and not canvas.organization.hours:
        found.append(("organization", "hours", "no_hours"))
    return [CanvasWarning(section, field, code,
                          t(f"strategy.warning.{code}", section=t(f"strategy.section.{section}"),
                            names=", ".join(low)))
            for section, field, code in found]


# -- figure -------------------------------------------------------------------------------

def _value_text(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value or "")


def _regions(fig_w: float, fig_h: float, top: float, margin: float, share: float):
    """Boxes (x, y, w, h in inches from the top-left) of the five sections.

    P, O, S and T sit in one row (landscape) or a 2 x 2 grid (portrait) that
    takes *share* of the usable height; Organization gets the rest.
    """
    gap = 0.15
    portrait = fig_h > fig_w
    usable_w, usable_h = fig_w - 2 * margin, fig_h - top - margin
    if portrait:
        col_w, row_h = (usable_w - gap) / 2, (usable_h - 2 * gap) * share / 2
        grid = [(0, 0), (1, 0), (0, 1), (1, 1)]
        boxes = [(margin + c * (col_w + gap), top + r * (row_h + gap), col_w, row_h)
                 for c, r in grid]
        org_y = top + 2 * (row_h + gap)
    else:
        col_w, row_h = (usable_w - 3 * gap) / 4, (usable_h - gap) * share
        boxes = [(margin + c * (col_w + gap), top, col_w, row_h) for c in range(4)]
        org_y = top + row_h + gap
    boxes.append((margin, org_y, usable_w, fig_h - margin - org_y))
    return dict(zip(SECTIONS, boxes, strict=True))


def _draw_sections(ax, canvas: PostOCanvas, warnings: list[CanvasWarning],
                   names: dict[str, str], base: float, draw: bool,
                   regions: dict) -> dict[str, float]:
    """Lay out (and when *draw*, draw) the five sections; return the height each needs."""
    from matplotlib.patches import FancyBboxPatch

    from routekit.personas.plot import TextFlow
    from routekit.style import get_style

    style = get_style()
    fig_w, fig_h = ax.get_figure(root=True).get_size_inches()
    pad = 0.12
    needed = {}
    for number, (section, (x, y, w, h)) in enumerate(regions.items()):
        own = [w for w in warnings if w.section == section]
        if draw:
            edge = style.negative if own else style.secondary
            ax.add_patch(FancyBboxPatch(
                (x / fig_w, 1 - (y + h) / fig_h), w / fig_w, h / fig_h,
                boxstyle="round,pad=0,rounding_size=0.008", transform=ax.transAxes,
                facecolor="#f7f9fb", edgecolor=edge, linewidth=2.2 if own else 1.2))
        flow = TextFlow(ax, x + pad, w - 2 * pad, y + pad, base, draw)
        flow.text(f"{'POSTO'[number]} · {t(f'strategy.section.{section}')}",
                  size=base * 1.15, fontweight="bold", color=style.primary, gap=0.4)
        section_obj = getattr(canvas, section)
        for name in section_fields(section):
            value = getattr(section_obj, name)
            if section == "people" and name == "personas":
                value = [names.get(item, item) for item in value]
            value = _value_text(value)
            if not value:
                continue
            flow.text(t(f"strategy.field.{section}.{name}"), size=base * 0.8,
                      color=style.neutral, gap=0.2)
            flow.text(value, gap=0.45)
        if _empty(section_obj):
            flow.text(t("strategy.canvas.empty"), color=style.neutral, style="italic", gap=0.4)
        for warning in own:
            if warning.code != "empty":
                flow.text(f"! {warning.message}", size=base * 0.85, color=style.negative,
                          gap=0.2)
        needed[section] = flow.y + pad - y
    return needed


def _draw_canvas(ax, canvas: PostOCanvas, warnings: list[CanvasWarning], title: str,
                 names: dict[str, str], base: float, draw: bool) -> float:
    """Draw the canvas at font size *base*; return how far it overflows (inches).

    The split between the P-O-S-T boxes and the Organization box follows the
    text: each part gets a share of the page in proportion to the height its
    longest text needs (within limits), so neither wastes half a page.
    """
    from routekit.personas.plot import TextFlow
    from routekit.style import get_style

    style = get_style()
    fig_w, fig_h = ax.get_figure(root=True).get_size_inches()
    margin = 0.4
    head = TextFlow(ax, margin, fig_w - 2 * margin, margin * 0.6, base, draw)
    head.text(title, size=base * 1.6, fontweight="bold", color=style.text, gap=0.2)
    head.text(t("strategy.canvas.subtitle"), size=base * 0.95, color=style.neutral, gap=0.6)
    trial = _regions(fig_w, fig_h, head.y, margin, share=0.5)
    needed = _draw_sections(ax, canvas, warnings, names, base, False, trial)
    rows = 2 if fig_h > fig_w else 1
    upper = rows * max(needed[s] for s in SECTIONS[:4])
    share = min(0.85, max(0.3, upper / (upper + needed[SECTIONS[-1]])))
    regions = _regions(fig_w, fig_h, head.y, margin, share)
    needed = _draw_sections(ax, canvas, warnings, names, base, draw, regions)
    return max(needed[s] - regions[s][3] for s in SECTIONS)


def plot_canvas(canvas: PostOCanvas, *, warnings: list[CanvasWarning] | None = None,
                title: str | None = None, names: dict[str, str] | None = None, ax=None,
                size: str = "a4-landscape"):
    """Draw the POST-O canvas on one page: five boxes, sections with warnings outlined.

    Parameters
    ----------
    canvas : PostOCanvas
    warnings : list of CanvasWarning, optional
        From :func:`canvas_warnings` (computed without personas when None).
    title : str, optional
        Defaults to "POST-O: <theme>".
    names : dict, optional
        Persona id → name, to show names instead of ids.
    ax : Axes, optional
        Axes covering the whole page; a new figure of *size* when None.
    size : str, default "a4-landscape"
        Preset for a new figure ("a4", "a4-landscape", "slide").

    Returns
    -------
    Axes
    """
    from routekit.personas.plot import draw_fitted
    from routekit.style import figure_axes, figure_scale, finish, get_style

    new = ax is None
    ax = figure_axes(ax, size, layout="none")
    if new:  # the canvas covers the whole page
        ax.set_position([0, 0, 1, 1])
    ax.set_axis_off()
    warnings = canvas_warnings(canvas) if warnings is None else warnings
    title = title or t("strategy.canvas.title", theme=canvas.theme)
    draw_fitted(lambda font, draw: _draw_canvas(ax, canvas, warnings, title, names or {}, font,
                                                draw=draw),
                get_style().font_size * figure_scale(ax.get_figure(root=True)) * 1.2, tries=14)
    return finish(ax, source="")


def canvas_figure(route: Route, theme: str, *, size: str = "a4-landscape"):
    """The saved canvas of *theme* as a one-page Figure, with the theme's name and warnings."""
    from routekit.personas.stored import personas_of

    canvas = canvas_for(route, theme)
    personas = personas_of(route, theme)
    warnings = canvas_warnings(canvas, personas)
    name = route.config.theme(theme).name if theme in route.config.theme_ids else theme
    ax = plot_canvas(canvas, warnings=warnings, size=size, names={p.id: p.name for p in personas},
                     title=t("strategy.canvas.title", theme=name))
    return ax.get_figure(root=True)
