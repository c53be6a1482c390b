"""Drawing of the strategy stage (route steps 5–6): the POST-O canvas and Lankes' conditions.

The canvas is one page of five boxes laid out with
:class:`routekit.personas.plot.TextFlow`, as the persona card; the conditions
are bars on a 1–5 scale, the cycle four circles with "we are here".

Examples
--------
>>> from routekit.records.strategy import KnowledgeCreation
>>> ax = plot_conditions(KnowledgeCreation(theme="x", access={"score": 4}))
>>> [float(bar.get_width()) for bar in ax.patches]
[0.0, 0.0, 0.0, 4.0]
"""

from __future__ import annotations

import math

import pandas as pd

from routekit.i18n import t
from routekit.personas.plot import TextFlow, fit_page
from routekit.records.strategy import CYCLE_STAGES, KnowledgeCreation, PostOCanvas
from routekit.strategy.knowledge import WEAK_AT_OR_BELOW, conditions_table
from routekit.strategy.post_o import (
    SECTIONS,
    CanvasPage,
    CanvasWarning,
    section_fields,
    section_is_empty,
)
from routekit.style import (
    base_font_size,
    figure_axes,
    figure_scale,
    finish,
    get_style,
    new_figure,
    style_context,
)

__all__ = ["knowledge_figure", "plot_canvas", "plot_conditions", "plot_cycle"]


# -- POST-O canvas ----------------------------------------------------------------------


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
        if section_is_empty(section_obj):
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


def plot_canvas(page: CanvasPage, *, ax=None, size: str = "a4-landscape"):
    """Draw the POST-O canvas on one page: five boxes, sections with warnings outlined.

    Parameters
    ----------
    page : CanvasPage
        The canvas, its warnings, the personas' names and the title
        (:func:`routekit.strategy.post_o.canvas_page`; for a theme of a route
        :func:`routekit.strategy.stored.theme_canvas`).
    ax : Axes, optional
        Axes covering the whole page; a new figure of *size* when None.
    size : str, default "a4-landscape"
        Preset for a new figure ("a4", "a4-landscape", "slide").

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size, page=True)
    fit_page(lambda font, draw: _draw_canvas(ax, page.canvas, page.warnings, page.title,
                                                page.names, font, draw=draw),
                base_font_size(ax) * 1.2, tries=14)
    return finish(ax, source="")


# -- knowledge creation -----------------------------------------------------------------


def plot_conditions(record: KnowledgeCreation, *, ax=None, size: str = "screen"):
    """Horizontal bars of the four scores on a 1–5 scale; weak ones in the warning colour.

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size)
    style = get_style()
    table = conditions_table(record).iloc[::-1]
    colours = [style.negative if score <= WEAK_AT_OR_BELOW else style.primary for score in
               table["score"].fillna(0)]
    positions = range(len(table))
    ax.barh(positions, table["score"].fillna(0), color=colours, height=0.6)
    ax.set_yticks(positions, table["label"])
    ax.set_xlim(0, 5.6)
    ax.set_xticks(range(1, 6))
    ax.set_xlabel(t("strategy.knowledge.score_axis"))
    ax.grid(axis="y", visible=False)
    for y, score in zip(positions, table["score"], strict=True):
        text = t("strategy.knowledge.unscored") if pd.isna(score) else f"{score:.0f}"
        ax.text(0.1 if pd.isna(score) else score + 0.1, y, text, va="center",
                color=style.neutral if pd.isna(score) else style.text)
    return finish(ax, title=t("strategy.knowledge.conditions_title"), source="")


def plot_cycle(record: KnowledgeCreation, *, ax=None, size: str = "social"):
    """The cycle shared activity → knowledge creation → shared ownership → social impact.

    Stages passed are filled in the primary colour, the current stage is
    marked "we are here", stages still ahead are light.

    Returns
    -------
    Axes
    """
    from matplotlib.patches import Circle, FancyArrowPatch

    ax = figure_axes(ax, size)
    style = get_style()
    ax.set_aspect("equal")
    ax.set_axis_off()
    current = CYCLE_STAGES.index(record.stage) if record.stage else -1
    angles = [math.pi / 2 - i * math.pi / 2 for i in range(4)]  # top, right, bottom, left
    points = [(math.cos(a), math.sin(a)) for a in angles]
    radius = 0.5
    for i, (x, y) in enumerate(points):
        reached = i <= current
        ax.add_patch(Circle((x, y), radius, facecolor=style.primary if reached else "#eef2f6",
                            edgecolor=style.accent if i == current else style.secondary,
                            linewidth=4 if i == current else 1.5, zorder=2))
        label = t(f"strategy.stage.{CYCLE_STAGES[i]}").replace(" ", "\n", 1)
        ax.text(x, y, label, ha="center", va="center", zorder=3, fontweight="bold",
                fontsize="x-small", color="white" if reached else style.text)
        gap = math.asin(radius) * 1.25  # leave the circles free at both ends
        start, end = angles[i] - gap, angles[i] - math.pi / 2 + gap
        ax.add_patch(FancyArrowPatch((math.cos(start), math.sin(start)),
                                     (math.cos(end), math.sin(end)),
                                     connectionstyle="arc3,rad=-0.2", arrowstyle="-|>",
                                     mutation_scale=18, color=style.neutral, linewidth=1.8,
                                     zorder=1))
    if current >= 0:
        x, y = points[current]
        ax.annotate(t("strategy.knowledge.here"), xy=(x, y + radius * (1 if y >= 0 else -1)),
                    xytext=(x, y + (radius + 0.3) * (1 if y >= 0 else -1)), ha="center",
                    va="bottom" if y >= 0 else "top", color=style.accent, fontweight="bold",
                    arrowprops={"arrowstyle": "-|>", "color": style.accent})
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.7, 1.95)
    return finish(ax, title=t("strategy.knowledge.cycle_title"), source="")


def knowledge_figure(record: KnowledgeCreation, *, theme_name: str | None = None,
                     size: str = "screen"):
    """Conditions and cycle side by side, titled with the theme; returns the Figure."""
    fig, (left, right) = new_figure(size, 1, 2, width_ratios=[1.25, 1])
    scale = figure_scale(fig)
    with style_context(scale=scale):
        plot_conditions(record, ax=left)
        plot_cycle(record, ax=right)
        base = base_font_size(fig)
        fig.suptitle(t("strategy.knowledge.title", theme=theme_name or record.theme), x=0.01,
                     ha="left", fontweight="bold", fontsize=base * 1.5)
        fig.supxlabel(t("style.source", source=t("strategy.knowledge.source")), x=0.01,
                      ha="left", fontsize=base * 0.8, color=get_style().neutral)
    return fig
