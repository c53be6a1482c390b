"""Map of the open classification: each buurt coloured by its group, with a legend of names.

Examples
--------
>>> from routekit.area import read_key_figures
>>> from routekit.area.files import read_boundaries
>>> from routekit.area.open_segments import classify_figures
>>> result = classify_figures(read_key_figures("data/sample-route/area/kerncijfers_kwb.csv"),
...                           "GM9901")
>>> shapes = read_boundaries("data/sample-route/area/boundaries.geojson")
>>> ax = plot_class_map(shapes, result.areas["group"], result.scheme["name"])
>>> [text.get_text()[0] for text in ax.get_legend().get_texts()] == list(result.groups)
True
"""

from __future__ import annotations

import pandas as pd

from routekit.area.plot.choropleth import NO_VALUE, add_area_patches
from routekit.i18n import t
from routekit.style import figure_axes, finish, palette, style_context

__all__ = ["plot_class_map"]


def plot_class_map(shapes, classes: pd.Series, names: pd.Series | dict, *, ax=None,
                   size="screen", title: str | None = None, subtitle: str | None = None,
                   source: str | None = None):
    """Colour each area by its class (group or type); unclassified areas are light grey.

    Parameters
    ----------
    shapes : geopandas.GeoDataFrame
        From :func:`routekit.area.boundaries.read_boundaries`: indexed by area
        code, with ``geometry``.
    classes : pandas.Series
        Area code → class code (empty or missing = not classified).
    names : pandas.Series or dict
        Class code → name, for the legend (``"A Jonge gezinnen in koopwoningen"``).

    Returns
    -------
    Axes
        One patch per polygon (gid = area code).
    """
    from matplotlib.patches import Patch

    ax = figure_axes(ax, size)
    present = classes.reindex(shapes.index).astype("object")
    present = present.where(present.notna() & (present != ""), None)
    codes = sorted({c for c in present if c}, key=lambda c: (len(c), c))
    colours = dict(zip(codes, palette(len(codes)), strict=True))
    with style_context():
        add_area_patches(ax, shapes, {code: colours[cls] for code, cls in present.items() if cls},
                   linewidth=0.8)
        handles = [Patch(facecolor=colours[c], label=f"{c} {names.get(c, '')}".strip())
                   for c in codes]
        if any(v is None for v in present):
            handles.append(Patch(facecolor=NO_VALUE, label=t("classify.map.unclassified")))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize="small")
    return finish(ax, title=title or t("classify.map.title"), subtitle=subtitle,
                  source=source or t("classify.map.source"))
