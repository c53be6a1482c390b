"""Reach chart: share of households against share of members per segment.

Examples
--------
>>> from routekit.area import load_route_data, penetration
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> ax = plot_reach(penetration(data, level="group"))
"""

from __future__ import annotations

import numpy as np

from routekit.i18n import t
from routekit.style import base_font_size, figure_axes, finish, get_style, style_context

__all__ = ["plot_reach"]


def plot_reach(penetration, *, ax=None, size="slide", title: str | None = None,
               subtitle: str | None = None, source: str | None = None):
    """Paired bars per segment: % of all households vs % of all member households.

    A segment whose member bar is shorter than its household bar is
    under-reached; the penetration (members ÷ households) is written beside it.

    Parameters
    ----------
    penetration : SegmentReach
        From :func:`routekit.area.penetration`: the rates per segment, and the
        overall rate (the default subtitle).

    Returns
    -------
    Axes
        ``ax.containers[0]`` = households bars, ``[1]`` = members bars (row order reversed
        so the first segment is on top).
    """
    ax = figure_axes(ax, size)
    frame = penetration.table.iloc[::-1]
    y = np.arange(len(frame))
    households, members = frame["households_pct"], frame["members_pct"]
    s = get_style()
    with style_context():
        height = 0.4
        ax.barh(y + height / 2, households, height, color=s.secondary,
                label=t("area.chart.share_households"))
        ax.barh(y - height / 2, members, height, color=s.primary,
                label=t("area.chart.share_members"))
        size = base_font_size(ax) * 0.75
        top = max(households.max(), members.max())
        for yi, value, rate, under in zip(y, np.maximum(households, members),
                                          frame["penetration"], members < households,
                                          strict=True):
            if not np.isfinite(rate):  # no households of this segment here: no rate to write
                continue
            ax.text(value + top * 0.01, yi, t("area.chart.rate", rate=round(100 * rate)),
                    va="center", fontsize=size,
                    color=s.negative if under else s.text)
        ax.set_yticks(y, [f"{c}  {n}" for c, n in zip(frame.index, frame["name"],
                                                      strict=True)])
        ax.set_xlim(0, top * 1.2)
        ax.set_xlabel(t("area.chart.percent_axis"))
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right")
    overall = penetration.overall
    if subtitle is None and np.isfinite(overall):
        subtitle = t("area.chart.overall", rate=round(100 * overall))
    return finish(ax, title=title or t("area.chart.reach_title"), subtitle=subtitle,
                  source=source)
