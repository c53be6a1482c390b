"""Lewin's force-field diagram: driving forces push from the left, restraining from the right.

Examples
--------
>>> from routekit.stakeholders import force_field, force_totals
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> field = force_field(route.table("forces"), "eenzaamheid")
>>> ax = plot_lewin(field, force_totals(field), goal="Minder eenzaamheid onder ouderen")
>>> len(force_labels(ax)) == len(field)
True
"""

from __future__ import annotations

import textwrap

import pandas as pd

from routekit.i18n import t
from routekit.style import figure_axes, figure_scale, finish, get_style, mix, style_context

__all__ = ["FORCE_GID", "force_labels", "plot_lewin"]

FORCE_GID = "routekit-force"
"""The ``gid`` of the force descriptions :func:`plot_lewin` writes."""
_REACH = 5.5  # arrows run from 0 to 5 units; text starts beyond
_EDGE = 13.0  # half the width of the axes in data units


def force_labels(ax) -> list:
    """The force descriptions a Lewin diagram wrote on *ax* (Text artists)."""
    return [text for text in ax.texts if text.get_gid() == FORCE_GID]


def plot_lewin(field: pd.DataFrame, totals: dict[str, int], *, goal: str | None = None, ax=None,
                title: str | None = None, source: str | None = None, size: str = "slide",
                actions: bool = True):
    """Draw the force field of one goal: arrows against a central line, with totals.

    Parameters
    ----------
    field : DataFrame
        :func:`routekit.stakeholders.forcefield.force_field` of one theme.
    totals : dict
        :func:`routekit.stakeholders.forcefield.force_totals` of *field*: the
        totals under each side and the verdict in the subtitle.
    goal : str, optional
        The goal or desired change, shown on the central line.
    ax : Axes, optional
    title, source : str, optional
    size : str, default "slide"
    actions : bool, default True
        Show planned actions under each force.

    Returns
    -------
    Axes
        The force descriptions are :func:`force_labels`.
    """
    from matplotlib.patches import FancyArrow

    ax = figure_axes(ax, size)
    fig = ax.get_figure(root=True)
    s = get_style()
    scale = figure_scale(fig)
    sides = {d: field[field["direction"] == d].reset_index(drop=True)
             for d in ("driving", "restraining")}
    rows = max(1, *(len(part) for part in sides.values()))
    base = s.font_size * scale
    small = base * 0.74
    text_inches = fig.get_size_inches()[0] * 0.96 * (_EDGE - _REACH) / (2 * _EDGE)
    chars = max(14, int(text_inches * 72 / (small * 0.56)))
    with style_context(scale=scale):
        colours = {"driving": s.positive, "restraining": s.negative}
        for direction, part in sides.items():
            sign = -1 if direction == "driving" else 1
            for i, force in part.iterrows():
                y = rows - i
                strength = float(force["strength"])
                ax.add_patch(FancyArrow(sign * strength, y, -sign * (strength - 0.05), 0,
                                        width=0.42, head_width=0.62, head_length=0.35,
                                        length_includes_head=True, color=colours[direction],
                                        lw=0, zorder=3))
                ax.text(sign * (strength / 2 + 0.1), y, str(int(strength)), ha="center",
                        va="center", color="white", fontsize=base * 0.9, fontweight="bold",
                        zorder=4)
                action = force.get("action")
                has_action = actions and isinstance(action, str) and bool(action.strip())
                label = textwrap.fill(str(force["description"]), chars,
                                      max_lines=2 if has_action else 3, placeholder="…")
                if has_action:
                    label += "\n" + textwrap.fill(t("stakeholders.chart.lewin.action",
                                                    action=action), chars, max_lines=2,
                                                  placeholder="…")
                ax.text(sign * _REACH, y, label, ha="right" if sign < 0 else "left",
                        va="center", fontsize=small, color=s.text, zorder=4, linespacing=1.0,
                        gid=FORCE_GID)
        ax.axvline(0, color=s.text, lw=2.5, zorder=2)
        for direction, sign in (("driving", -1), ("restraining", 1)):
            ax.text(sign * 3, rows + 0.85, t(f"stakeholders.direction.{direction}"),
                    ha="center", va="center", fontsize=base, fontweight="bold",
                    color=colours[direction])
            ax.text(sign * 3, 0.05, t("stakeholders.chart.lewin.total",
                                       total=totals[direction]),
                    ha="center", va="center", fontsize=base * 1.1, fontweight="bold",
                    color=colours[direction])
        if goal:
            ax.text(0, rows + 1.55, textwrap.fill(goal, 70), ha="center", va="center",
                    fontsize=base * 0.95, color=s.text, zorder=5,
                    bbox={"boxstyle": "round,pad=0.4", "fc": mix(s.primary, "#ffffff", 0.88),
                          "ec": s.primary})
        ax.set_xlim(-_EDGE, _EDGE)
        ax.set_ylim(-0.5, rows + 2.1)
        ax.set_axis_off()
        balance = totals["balance"]
        verdict = "ahead" if balance > 0 else "behind" if balance < 0 else "even"
        finish(ax, title=title or t("stakeholders.chart.lewin.title"),
               subtitle=t(f"stakeholders.chart.lewin.{verdict}", driving=totals["driving"],
                          restraining=totals["restraining"]), source=source)
    return ax
