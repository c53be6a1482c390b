"""Choropleth map of any measure per area from a GeoJSON boundary file, plain matplotlib.

Polygons (with holes) are drawn as path patches; lon/lat boundaries are
shown with the aspect of their latitude, projected ones (RD New, metres) 1:1.

Examples
--------
>>> from routekit.area import read_key_figures
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> figures = read_key_figures(route.area_file("kerncijfers_kwb", ".csv"))
>>> shapes = read_boundaries(route.area_file("boundaries", ".geojson"))
>>> ax = choropleth(shapes, figures.table["inhabitants"], label="Inwoners")
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.area.plot._common import axes, font_size
from routekit.i18n import t
from routekit.style import finish, sequential_cmap, style_context

__all__ = ["choropleth", "read_boundaries"]


def read_boundaries(path: str | Path) -> dict[str, dict]:
    """Read a GeoJSON FeatureCollection: code → ``{"name", "polygons"}``.

    ``polygons`` is a list of polygons, each a list of rings (exterior first,
    then holes) as (n, 2) arrays. The code is the ``code`` property (routekit's
    imported files always have it) or a CBS-style one (``buurtcode`` ...).
    """
    from routekit.area.importer import CODE_PROPERTIES
    from routekit.area.segments import clean_code

    data = json.loads(Path(path).read_text("utf-8-sig"))
    shapes = {}
    for feature in data.get("features", []):
        props = {k.casefold(): v for k, v in (feature.get("properties") or {}).items()}
        code = next((props[k] for k in CODE_PROPERTIES if props.get(k)), None)
        geometry = feature.get("geometry") or {}
        if code is None or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        shapes[clean_code(code)] = {
            "name": props.get("name") or props.get("buurtnaam") or props.get("wijknaam") or code,
            "polygons": [[np.asarray(ring, dtype=float)[:, :2] for ring in poly]
                         for poly in polygons]}
    return shapes


def _path(polygon):
    from matplotlib.path import Path as MplPath

    vertices, codes = [], []
    for ring in polygon:
        vertices += [*ring, ring[0]]
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]
    return MplPath(np.asarray(vertices), codes)


def _label_point(polygons) -> tuple[float, float]:
    """A point well inside the largest polygon (holes respected): the inside grid
    point farthest from the polygon's edges."""
    polygon = max(polygons, key=lambda p: np.ptp(p[0][:, 0]) * np.ptp(p[0][:, 1]))
    path = _path(polygon)
    (x0, y0), (x1, y1) = polygon[0].min(axis=0), polygon[0].max(axis=0)
    gx, gy = np.meshgrid(np.linspace(x0, x1, 31), np.linspace(y0, y1, 31))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    inside = grid[path.contains_points(grid)]
    if not len(inside):
        return float(polygon[0][:, 0].mean()), float(polygon[0][:, 1].mean())
    edges = np.vstack([np.linspace(a, b, 20) for ring in polygon
                       for a, b in zip(ring, np.roll(ring, -1, axis=0), strict=True)])
    distance = np.min(np.hypot(inside[:, None, 0] - edges[None, :, 0],
                               inside[:, None, 1] - edges[None, :, 1]), axis=1)
    x, y = inside[np.argmax(distance)]
    return float(x), float(y)


def choropleth(shapes: dict[str, dict], values: pd.Series, *, ax=None, cmap=None, norm=None,
               label: str = "", labels: bool = True, fmt: str = "{:,.0f}",
               title: str | None = None, subtitle: str | None = None,
               source: str | None = None):
    """Colour each area by a value; areas without a value are light grey.

    Parameters
    ----------
    shapes : dict
        From :func:`read_boundaries`.
    values : pandas.Series
        Indexed by area code (any measure: inhabitants, index, penetration ...).
    cmap, norm : optional
        Default: the house style's sequential colormap over the value range;
        pass ``index_cmap()``/``index_norm()`` for index values.
    label : str
        Colour bar label.
    labels : bool, default True
        Write the value inside each area (skipped for more than 40 areas).
    fmt : str
        Format of the written values and the colour bar's ticks (Dutch
        thousands separator is applied).

    Returns
    -------
    Axes
        One patch per polygon in ``ax.patches`` (gid = area code).
    """
    import matplotlib as mpl
    from matplotlib.patches import PathPatch
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = axes(ax, "screen")
    cmap = cmap or sequential_cmap()
    present = values.reindex(list(shapes)).astype(float)
    if norm is None:
        norm = mpl.colors.Normalize(np.nanmin(present), np.nanmax(present))
    with style_context():
        all_points = []
        for code, shape in shapes.items():
            value = present.get(code, np.nan)
            colour = "#e6e6e6" if np.isnan(value) else cmap(norm(value))
            for polygon in shape["polygons"]:
                ax.add_patch(PathPatch(_path(polygon), facecolor=colour, edgecolor="white",
                                       linewidth=1.0, gid=code))
                all_points.append(polygon[0])
        points = np.vstack(all_points)
        ax.set_xlim(points[:, 0].min(), points[:, 0].max())
        ax.set_ylim(points[:, 1].min(), points[:, 1].max())
        geographic = np.abs(points).max() <= 180
        mid = points[:, 1].mean()
        ax.set_aspect(1 / math.cos(math.radians(mid)) if geographic else 1)
        ax.set_axis_off()
        if labels and len(shapes) <= 40:
            from routekit.labels import place_labels

            shown = [code for code in shapes if not np.isnan(present.get(code, np.nan))]
            anchors = np.array([_label_point(shapes[code]["polygons"]) for code in shown])
            texts = [fmt.format(present[code]).replace(",", ".") for code in shown]
            if shown:
                place_labels(ax, anchors[:, 0], anchors[:, 1], texts,
                             fontsize=font_size(ax) * 0.7,
                             bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                                   "edgecolor": "none", "alpha": 0.85})
        mappable = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        bar = ax.get_figure(root=True).colorbar(
            mappable, ax=ax, shrink=0.7, pad=0.01, ticks=MaxNLocator(nbins=6, steps=[1, 2, 5, 10]),
            format=FuncFormatter(lambda value, _pos: fmt.format(value).replace(",", ".")))
        bar.set_label(label)
        bar.outline.set_visible(False)
    return finish(ax, title=title or t("area.chart.map_title"), subtitle=subtitle,
                  source=source)
