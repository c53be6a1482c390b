"""Index heatmap: areas (rows) × segments (columns), centred on 100.

Examples
--------
>>> from routekit.area import load_route_data, index_table
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> ax = plot_index_heatmap(index_table(data, "wijk", level="group"))
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.style import (
    base_font_size,
    figure_axes,
    finish,
    index_cmap,
    index_norm,
    style_context,
)

__all__ = ["plot_index_heatmap"]


def plot_index_heatmap(table: pd.DataFrame, *, ax=None, size="slide",
                       row_labels: list[str] | None = None,
                       column_labels: list[str] | None = None, annotate: bool = True,
                       title: str | None = None, subtitle: str | None = None,
                       source: str | None = None, vmax: float = 300):
    """Draw index values as coloured cells (low = style's negative colour, high = primary).

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`routekit.area.index_table`: areas × segments.
    row_labels, column_labels : list of str, optional
        Display names (default: the codes).
    annotate : bool, default True
        Write the rounded index in each cell (dark or light text for contrast).
    vmax : float, default 300
        Colour scale top; higher values get the darkest colour.

    Returns
    -------
    Axes
        The image is ``ax.images[0]``; cell texts are ``ax.texts``.
    """
    ax = figure_axes(ax, size)
    values = table.to_numpy(dtype=float)
    norm = index_norm(0, vmax)
    with style_context():
        image = ax.imshow(np.clip(values, 0, vmax), cmap=index_cmap(), norm=norm,
                          aspect="auto", interpolation="nearest")
        names = column_labels or [str(c) for c in table.columns]
        turn = table.shape[1] > 12 or max(map(len, names)) * table.shape[1] > 90
        ax.set_xticks(range(table.shape[1]), names, rotation=35 if turn else 0,
                      ha="right" if turn else "center", rotation_mode="anchor")
        ax.set_yticks(range(table.shape[0]), row_labels or list(table.index))
        ax.grid(False)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        if annotate:
            size = base_font_size(ax) * (0.85 if table.shape[1] <= 15 else 0.6)
            for (i, j), value in np.ndenumerate(values):
                if np.isnan(value):
                    continue
                dark = abs(norm(min(value, vmax)) - 0.5) > 0.32
                ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=size,
                        color="white" if dark else "#222222")
        bar = ax.get_figure(root=True).colorbar(image, ax=ax, shrink=0.8, pad=0.01)
        bar.set_label(t("area.chart.index_axis"))
        bar.outline.set_visible(False)
    return finish(ax, title=title or t("area.chart.heatmap_title"), subtitle=subtitle,
                  source=source)
