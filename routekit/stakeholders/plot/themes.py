"""Theme comparison chart: per theme the supporters, neutrals and opponents, and their weight.

Examples
--------
>>> from routekit.stakeholders import register, theme_comparison
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> ax = plot_theme_comparison(theme_comparison(register(route)))
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from routekit.i18n import t
from routekit.stakeholders.plot._common import is_narrow
from routekit.style import figure_axes, figure_scale, finish, get_style, mix, style_context

__all__ = ["plot_theme_comparison"]


def plot_theme_comparison(comparison: pd.DataFrame, *, ax=None, title: str | None = None,
                source: str | None = None, size: str = "slide"):
    """Diverging bars per theme: opponents left, supporters right, neutrals in the middle.

    Dark segments are the influential stakeholders (key opponents, key
    allies, influential doubters); the number at each end is the side's total;
    the balance (sum of attitude x influence) is written beside each theme.

    Parameters
    ----------
    comparison : DataFrame
        :func:`routekit.stakeholders.themes.theme_comparison`.
    ax : Axes, optional
    title, source : str, optional
    size : str, default "slide"

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size)
    fig = ax.get_figure(root=True)
    s = get_style()
    scale = figure_scale(fig)
    rows = comparison.iloc[::-1].reset_index(drop=True)
    y = np.arange(len(rows))
    neutral = rows["neutrals"].to_numpy(dtype=float)
    key_neutral = rows["influential_doubters"].to_numpy(dtype=float)
    parts = [  # (left edge, width, colour, legend key)
        (-neutral / 2 - rows["key_opponents"], rows["key_opponents"], s.negative, "key_opponents"),
        (-neutral / 2 - rows["opponents"], rows["opponents"] - rows["key_opponents"],
         mix(s.negative, "#ffffff", 0.55), "silent_opponents"),
        (-neutral / 2, key_neutral, "#8c8c8c", "influential_doubters"),
        (-neutral / 2 + key_neutral, neutral - key_neutral, "#d0d0d0", "doubters"),
        (neutral / 2, rows["key_allies"], s.positive, "key_allies"),
        (neutral / 2 + rows["key_allies"], rows["supporters"] - rows["key_allies"],
         mix(s.positive, "#ffffff", 0.55), "silent_supporters"),
    ]
    with style_context(scale=scale):
        for left, width, colour, _ in parts:
            ax.barh(y, width, left=left, height=0.6, color=colour, edgecolor="white",
                    linewidth=1, zorder=2)
        ax.axvline(0, color=s.text, lw=1, zorder=3)
        left_end = -neutral / 2 - rows["opponents"].to_numpy()
        right_end = neutral / 2 + rows["supporters"].to_numpy()
        reach = max(float(np.max(right_end, initial=1)), float(-np.min(left_end, initial=-1)))
        pad = reach * 0.03
        base = s.font_size * scale
        for i, row in rows.iterrows():
            ax.text(left_end[i] - pad, i, f"{row['opponents']}", ha="right", va="center",
                    fontsize=base, fontweight="bold", color=s.negative)
            ax.text(right_end[i] + pad, i, f"{row['supporters']}", ha="left", va="center",
                    fontsize=base, fontweight="bold", color=s.positive)
            # beside the axes (the layout makes room), never on a side's total
            ax.text(1.01, i, t("stakeholders.chart.themes.row", n=row["stakeholders"],
                               balance=f"{row['balance']:+d}"),
                    transform=ax.get_yaxis_transform(), ha="left", va="center",
                    fontsize=base * 0.8, color=s.neutral)
        ax.set_xlim(-reach * 1.15, reach * 1.15)
        ax.set_yticks(y, [textwrap.fill(str(n), 22) for n in rows["name"]])
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ticks = ax.get_xticks()
        ticks = ticks[(ticks >= -reach * 1.15) & (ticks <= reach * 1.1)]
        ax.set_xticks(ticks, [f"{abs(int(v))}" for v in ticks])
        ax.set_xlabel(t("stakeholders.chart.themes.xlabel"))
        ax.grid(axis="y", visible=False)
        handles = [Patch(color=colour, label=t(f"stakeholders.group.{key}"))
                   for _, _, colour, key in parts]
        fig.legend(handles=handles, loc="outside lower center", ncol=2 if is_narrow(fig) else 3)
        finish(ax, title=title or t("stakeholders.chart.themes.title"),
               subtitle=t("stakeholders.chart.themes.subtitle"), source=source)
    return ax
