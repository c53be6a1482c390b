"""Knowledge creation (Lankes): the four conditions scored, and the community's place in the cycle.

Per theme (community) the librarian scores access, knowledge, environment and
motivation from 1 (absent) to 5 (fully in place) with a note, and marks the
stage of the cycle shared activity → knowledge creation → shared ownership →
social impact. Weak conditions (2 or lower) get a concrete piece of advice.

Examples
--------
>>> record = KnowledgeCreation(theme="x", access={"score": 4}, motivation={"score": 2},
...                            stage="shared_activity")
>>> conditions_table(record)["score"].tolist()
[4.0, nan, nan, 2.0]
>>> weak_conditions(record)
['motivation']
"""

from __future__ import annotations

import math

import pandas as pd

from routekit.i18n import t
from routekit.records.strategy import CYCLE_STAGES, KnowledgeCreation
from routekit.workspace import Route

__all__ = ["CONDITIONS", "advice", "conditions_table", "knowledge_figure", "plot_conditions",
           "plot_cycle", "record_for", "weak_conditions"]

CONDITIONS = ("access", "knowledge", "environment", "motivation")
"""Lankes' four conditions for knowledge creation, in his order."""

WEAK_AT_OR_BELOW = 2
"""A condition scored this or lower is weak (gets advice and the warning colour)."""


def record_for(route: Route, theme: str) -> KnowledgeCreation:
    """The saved knowledge-creation record of *theme*, or an empty one."""
    return route.get("knowledge", theme) or KnowledgeCreation(theme=theme)


def conditions_table(record: KnowledgeCreation) -> pd.DataFrame:
    """The four conditions: ``condition``, ``label``, ``score`` (NaN if unscored), ``note``."""
    rows = [{"condition": name, "label": t(f"strategy.condition.{name}"),
             "score": float(getattr(record, name).score)
             if getattr(record, name).score is not None else math.nan,
             "note": getattr(record, name).note} for name in CONDITIONS]
    return pd.DataFrame(rows)


def weak_conditions(record: KnowledgeCreation, *,
                    threshold: int = WEAK_AT_OR_BELOW) -> list[str]:
    """Conditions scored at or below *threshold*, weakest first."""
    table = conditions_table(record).dropna(subset=["score"])
    table = table[table["score"] <= threshold].sort_values("score", kind="stable")
    return table["condition"].tolist()


def advice(record: KnowledgeCreation) -> list[str]:
    """What to work on next: advice for each weak condition, and which are unscored."""
    out = [t(f"strategy.advice.{name}") for name in weak_conditions(record)]
    unscored = [t(f"strategy.condition.{n}") for n in CONDITIONS
                if getattr(record, n).score is None]
    if unscored:
        out.append(t("strategy.advice.unscored", conditions=", ".join(unscored)))
    return out or [t("strategy.advice.none")]


def plot_conditions(record: KnowledgeCreation, *, ax=None):
    """Horizontal bars of the four scores on a 1–5 scale; weak ones in the warning colour.

    Returns
    -------
    Axes
    """
    from routekit.style import finish, get_style, new_figure

    style = get_style()
    if ax is None:
        _, ax = new_figure("screen")
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


def plot_cycle(record: KnowledgeCreation, *, ax=None):
    """The cycle shared activity → knowledge creation → shared ownership → social impact.

    Stages passed are filled in the primary colour, the current stage is
    marked "we are here", stages still ahead are light.

    Returns
    -------
    Axes
    """
    from matplotlib.patches import Circle, FancyArrowPatch

    from routekit.style import finish, get_style, new_figure

    style = get_style()
    if ax is None:
        _, ax = new_figure("social")
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
    from routekit.style import figure_scale, get_style, new_figure, style_context

    fig, (left, right) = new_figure(size, 1, 2, width_ratios=[1.25, 1])
    scale = figure_scale(fig)
    with style_context(scale=scale):
        plot_conditions(record, ax=left)
        plot_cycle(record, ax=right)
        base = get_style().font_size * scale
        fig.suptitle(t("strategy.knowledge.title", theme=theme_name or record.theme), x=0.01,
                     ha="left", fontweight="bold", fontsize=base * 1.5)
        fig.supxlabel(t("style.source", source=t("strategy.knowledge.source")), x=0.01,
                      ha="left", fontsize=base * 0.8, color=get_style().neutral)
    return fig
