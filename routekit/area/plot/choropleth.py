"""Choropleth map of any measure per area from boundary shapes (a GeoDataFrame), matplotlib.

Shapes come from :func:`routekit.area.files.read_boundaries` (GeoJSON or
GeoPackage, WGS84 or RD New). Polygons (with holes) are drawn as
path patches, one per polygon with the area code as gid; projected shapes
(RD New, metres) are drawn 1:1, lon/lat ones with the aspect of their latitude.

Examples
--------
>>> from routekit.area import read_key_figures
>>> from routekit.area.files import read_boundaries
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> shapes = read_boundaries("data/sample-route/area/boundaries.geojson")
>>> ax = plot_choropleth(shapes, figures.table["inhabitants"], label="Inwoners")
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.style import base_font_size, figure_axes, finish, sequential_cmap, style_context

__all__ = ["NO_VALUE", "add_area_patches", "plot_choropleth"]


def _polygons(geometry) -> list[list[np.ndarray]]:
    """Polygons of a (Multi)Polygon as lists of rings (exterior first) of (n, 2) arrays."""
    parts = getattr(geometry, "geoms", [geometry])
    return [[np.asarray(part.exterior.coords)[:, :2],
             *(np.asarray(ring.coords)[:, :2] for ring in part.interiors)]
            for part in parts if not part.is_empty]


def _path(polygon):
    from matplotlib.path import Path as MplPath

    vertices, codes = [], []
    for ring in polygon:
        vertices += [*ring, ring[0]]
        codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]
    return MplPath(np.asarray(vertices), codes)


#: Fill of an area without a value (or class).
NO_VALUE = "#e6e6e6"


def add_area_patches(ax, shapes, colours: dict, *, linewidth: float = 1.0) -> None:
    """Draw every area of *shapes* filled with ``colours[code]`` (grey when absent), one
    patch per polygon (gid = area code); sets the limits and the aspect, hides the axes."""
    from matplotlib.patches import PathPatch

    rings = []
    for code, geometry in zip(shapes.index, shapes.geometry, strict=True):
        for polygon in _polygons(geometry):
            ax.add_patch(PathPatch(_path(polygon), facecolor=colours.get(code, NO_VALUE),
                                   edgecolor="white", linewidth=linewidth, gid=code))
            rings.append(polygon[0])
    points = np.vstack(rings) if rings else np.zeros((1, 2))
    ax.set_xlim(points[:, 0].min(), points[:, 0].max())
    ax.set_ylim(points[:, 1].min(), points[:, 1].max())
    geographic = np.abs(points).max() <= 180
    ax.set_aspect(1 / math.cos(math.radians(points[:, 1].mean())) if geographic else 1)
    ax.set_axis_off()


def _label_point(geometry) -> tuple[float, float, float]:
    """A point well inside the largest polygon (holes respected), its pole of
    inaccessibility, and the radius of the circle around it that stays inside."""
    from shapely.ops import polylabel

    parts = getattr(geometry, "geoms", [geometry])
    largest = max(parts, key=lambda p: p.area)
    x0, y0, x1, y1 = largest.bounds
    point = polylabel(largest, tolerance=max(x1 - x0, y1 - y0) / 100 or 1e-9)
    return float(point.x), float(point.y), float(largest.boundary.distance(point))


def _fits(ax, room: np.ndarray, texts: list[str], fontsize: float) -> np.ndarray:
    """Which labels fit inside their area: the label's box (about 0.6 em a character)
    inside the circle of *room*'s radius, measured on the axes as laid out now."""
    fig = ax.get_figure(root=True)
    origin, unit_x, unit_y = ax.transData.transform([[0, 0], [1, 0], [0, 1]])
    pixels = min(abs(unit_x[0] - origin[0]), abs(unit_y[1] - origin[1]))
    size = fontsize * fig.dpi / 72
    width = np.array([0.6 * size * len(text) + 4 for text in texts])
    height = 1.3 * size + 4
    return (width / 2) ** 2 + (height / 2) ** 2 <= (room * pixels) ** 2


def plot_choropleth(shapes, values: pd.Series, *, ax=None, size="screen", cmap=None,
                    norm=None, label: str = "", labels: bool = True, fmt: str = "{:,.0f}",
                    title: str | None = None, subtitle: str | None = None,
                    source: str | None = None):
    """Colour each area by a value; areas without a value are light grey.

    Parameters
    ----------
    shapes : geopandas.GeoDataFrame
        From :func:`routekit.area.files.read_boundaries`: indexed by area
        code, with ``geometry``.
    values : pandas.Series
        Indexed by area code (any measure: inhabitants, index, penetration ...).
    cmap, norm : optional
        Default: the house style's sequential colormap over the value range;
        pass ``index_cmap()``/``index_norm()`` for index values.
    label : str
        Colour bar label.
    labels : bool, default True
        Write the value inside each area that has room for it (none for more
        than 40 areas); the colour bar gives the values of small areas.
    fmt : str
        Format of the written values and the colour bar's ticks (Dutch
        thousands separator is applied).

    Returns
    -------
    Axes
        One patch per polygon in ``ax.patches`` (gid = area code).
    """
    import matplotlib as mpl
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = figure_axes(ax, size)
    cmap = cmap or sequential_cmap()
    present = values.reindex(shapes.index).astype(float)
    if norm is None:
        norm = mpl.colors.Normalize(np.nanmin(present), np.nanmax(present))
    with style_context():
        add_area_patches(ax, shapes, {code: NO_VALUE if np.isnan(value) else cmap(norm(value))
                                for code, value in present.items()})
        mappable = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        bar = ax.get_figure(root=True).colorbar(
            mappable, ax=ax, shrink=0.7, pad=0.01, ticks=MaxNLocator(nbins=6, steps=[1, 2, 5, 10]),
            format=FuncFormatter(lambda value, _pos: fmt.format(value).replace(",", ".")))
        bar.set_label(label)
        bar.outline.set_visible(False)
        finish(ax, title=title or t("area.chart.map_title"), subtitle=subtitle,
               source=source)  # lays the figure out: labels are measured on it
        if labels and len(shapes) <= 40:
            _label_areas(ax, shapes, present, fmt)
    return ax


def _label_areas(ax, shapes, present: pd.Series, fmt: str) -> None:
    """Write each value inside its area, where it fits (small areas: the colour bar tells)."""
    from routekit.labels import place_labels

    shown = [code for code in shapes.index if not np.isnan(present.get(code, np.nan))]
    if not shown:
        return
    anchors = np.array([_label_point(shapes.geometry[code]) for code in shown])
    texts = [fmt.format(present[code]).replace(",", ".") for code in shown]
    fontsize = base_font_size(ax) * 0.8
    keep = _fits(ax, anchors[:, 2], texts, fontsize)
    if keep.any():
        place_labels(ax, anchors[keep, 0], anchors[keep, 1],
                     [text for text, fit in zip(texts, keep, strict=True) if fit],
                     fontsize=fontsize, laid_out=True,
                     bbox={"boxstyle": "round,pad=0.15", "facecolor": "white",
                           "edgecolor": "none", "alpha": 0.85})
