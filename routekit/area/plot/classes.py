"""Map of the open classification: each buurt coloured by its group, with a legend of names.

Examples
--------
>>> from routekit.area.open_segments import build_open_segments
>>> from routekit.workspace import Route
>>> route = Route.copy("data/sample-route", "routes/kaart-voorbeeld")
>>> result = build_open_segments(route, write=False)
>>> shapes = read_boundaries(route.area_file("boundaries", ".geojson"))
>>> ax = class_map(shapes, result.areas["group"], result.scheme["name"])
>>> [text.get_text()[0] for text in ax.get_legend().get_texts()] == list(result.groups)
True
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from routekit.area.plot._common import axes
from routekit.area.plot.choropleth import _path, read_boundaries
from routekit.i18n import t
from routekit.style import finish, palette, style_context

__all__ = ["class_map", "read_boundaries"]

_GREY = "#e6e6e6"


def class_map(shapes: dict[str, dict], classes: pd.Series, names: pd.Series | dict, *, ax=None,
              title: str | None = None, subtitle: str | None = None,
              source: str | None = None):
    """Colour each area by its class (group or type); unclassified areas are light grey.

    Parameters
    ----------
    shapes : dict
        From :func:`read_boundaries`.
    classes : pandas.Series
        Area code → class code (empty or missing = not classified).
    names : pandas.Series or dict
        Class code → name, for the legend (``"A Jonge gezinnen in koopwoningen"``).

    Returns
    -------
    Axes
        One patch per polygon (gid = area code).
    """
    from matplotlib.patches import Patch, PathPatch

    ax = axes(ax, "screen")
    present = classes.reindex(list(shapes)).astype("object")
    present = present.where(present.notna() & (present != ""), None)
    codes = sorted({c for c in present if c}, key=lambda c: (len(c), c))
    colours = dict(zip(codes, palette(len(codes)), strict=True))
    with style_context():
        rings = []
        for code, shape in shapes.items():
            colour = colours.get(present.get(code), _GREY)
            for polygon in shape["polygons"]:
                ax.add_patch(PathPatch(_path(polygon), facecolor=colour, edgecolor="white",
                                       linewidth=0.8, gid=code))
                rings.append(polygon[0])
        points = np.vstack(rings) if rings else np.zeros((1, 2))
        ax.set_xlim(points[:, 0].min(), points[:, 0].max())
        ax.set_ylim(points[:, 1].min(), points[:, 1].max())
        geographic = np.abs(points).max() <= 180
        ax.set_aspect(1 / math.cos(math.radians(points[:, 1].mean())) if geographic else 1)
        ax.set_axis_off()
        handles = [Patch(facecolor=colours[c], label=f"{c} {names.get(c, '')}".strip())
                   for c in codes]
        if any(v is None for v in present):
            handles.append(Patch(facecolor=_GREY, label=t("classify.map.unclassified")))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                  fontsize="small")
    return finish(ax, title=title or t("classify.map.title"), subtitle=subtitle,
                  source=source or t("classify.map.source"))
