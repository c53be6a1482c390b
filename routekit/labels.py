"""Text labels that never overlap, for scatter plots, force fields and networks.

:func:`place_labels` writes one label per point and places them in one
deterministic pass: in order, a label that overlaps no label placed before it
(nor a marker to avoid) stays at its point, any other moves to the nearest
free spot around its point, measured with the renderer on the figure's final
layout (thin leader lines connect labels that moved away from their point).
Labels take no part in the layout, so one layout serves them all;
:func:`refit_labels` places them again only when the axes moved afterwards
(``finish`` and ``export_figure`` call it), so the no-overlap guarantee holds
in the saved file.

Examples
--------
>>> from routekit.style import new_figure
>>> fig, ax = new_figure("slide")
>>> _ = ax.scatter([1, 1.01, 1.02], [2, 2, 2])
>>> texts = place_labels(ax, [1, 1.01, 1.02], [2, 2, 2], ["Gemeente", "School", "Buurthuis"])
>>> labels_overlap(texts)
[]
"""

from __future__ import annotations

import contextlib
import math
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from routekit.house import base_font_size, figure_renderer, font_families, get_style, lay_out

__all__ = ["labels_kept", "labels_on_markers", "labels_overlap", "place_labels", "refit_labels"]

_GROUPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # figure -> [_Group]
_LINE_GID = "routekit-leader"


@dataclass
class _Group:
    ax: Any
    texts: list
    x: Any
    y: Any
    pad: float
    leader: bool
    line_kw: dict
    avoid: list = field(default_factory=list)
    lines: list = field(default_factory=list)
    laid_out: tuple = ()  # the axes box (pixels) the labels were placed for


def _extents(texts, renderer):
    import numpy as np

    return np.array([t.get_window_extent(renderer).extents for t in texts], dtype=float).reshape(
        -1, 4
    )


def _hits(boxes, others):
    """Boolean (len(boxes), len(others)) matrix: strict overlap of x0, y0, x1, y1 boxes."""
    return (
        (boxes[:, None, 0] < others[None, :, 2])
        & (others[None, :, 0] < boxes[:, None, 2])
        & (boxes[:, None, 1] < others[None, :, 3])
        & (others[None, :, 1] < boxes[:, None, 3])
    )


def _marker_boxes(artists, renderer):
    """Display-space boxes (x0, y0, x1, y1) of every marker of scatter collections in
    *artists*, and of any other artist (a heading, say) as a whole."""
    import numpy as np
    from matplotlib.collections import PathCollection

    boxes = [np.empty((0, 4))]
    for collection in artists:
        if not isinstance(collection, PathCollection):
            if collection.get_visible():
                boxes.append(np.asarray(collection.get_window_extent(renderer).extents)[None])
            continue
        offsets = np.asarray(collection.get_offsets(), dtype=float).reshape(-1, 2)
        if not len(offsets) or collection.axes is None:
            continue
        centres = collection.get_offset_transform().transform(offsets)
        sizes = np.broadcast_to(np.asarray(collection.get_sizes(), dtype=float), len(offsets))
        # s is the marker area in pt²; a box of 3/4 the radius leaves the corners of a
        # round marker's bounding square free, which no label there would hide
        radius = 0.75 * renderer.points_to_pixels(np.sqrt(sizes) / 2)
        boxes.append(np.column_stack([centres - radius[:, None], centres + radius[:, None]]))
    return np.vstack(boxes)


def labels_on_markers(texts, markers) -> list[tuple[int, int]]:
    """Return the labels that lie on a marker of the scatter collections *markers*.

    Parameters
    ----------
    texts : list of Text
        Labels of one figure (e.g. from :func:`place_labels`).
    markers : list of PathCollection
        What ``ax.scatter`` returned.

    Returns
    -------
    list of (int, int)
        ``(label index, marker index)`` pairs, markers counted across the
        collections in order; empty when every label keeps clear of the markers.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure()
    >>> dots = ax.scatter([0, 1], [0, 1], s=400)
    >>> texts = place_labels(ax, [0, 1], [0, 1], ["Raad", "School"], avoid=[dots])
    >>> labels_on_markers(texts, [dots])
    []
    """
    import numpy as np

    texts = [t for t in texts if t.get_visible() and t.get_text()]
    if not texts:
        return []
    fig = texts[0].get_figure(root=True)
    fig.draw_without_rendering()
    renderer = figure_renderer(fig)
    i, j = np.nonzero(_hits(_extents(texts, renderer), _marker_boxes(markers, renderer)))
    return [(int(a), int(b)) for a, b in zip(i, j, strict=True)]


def labels_overlap(texts, *, pad: float = 0.0) -> list[tuple[int, int]]:
    """Return the pairs of labels whose bounding boxes overlap.

    The figure is laid out first (``draw_without_rendering``), so the answer is
    the one a saved file would show. Empty or invisible texts are skipped.

    Parameters
    ----------
    texts : list of Text
        Texts of one figure.
    pad : float, default 0.0
        Extra margin (points) each box must keep from the others.

    Returns
    -------
    list of (int, int)
        Index pairs ``(i, j)`` with ``i < j``; empty when no labels overlap.

    Examples
    --------
    >>> labels_overlap([])
    []
    """
    import numpy as np

    texts = list(texts)
    if len(texts) < 2:
        return []
    fig = texts[0].get_figure(root=True)
    fig.draw_without_rendering()
    renderer = figure_renderer(fig)
    boxes = _extents(texts, renderer)
    half = pad * fig.dpi / 72 / 2
    boxes += np.array([-half, -half, half, half])
    hit = _hits(boxes, boxes)
    keep = np.array([t.get_visible() and bool(t.get_text()) for t in texts])
    hit &= keep[:, None] & keep[None, :]
    i, j = np.nonzero(np.triu(hit, k=1))
    return [(int(a), int(b)) for a, b in zip(i, j, strict=True)]


def _nudge(group: _Group) -> int:
    """Move labels that overlap an earlier label or a marker, or stick out of the axes.

    Labels are handled in order: a label that overlaps none of the labels
    already settled and none of the markers to avoid stays; otherwise it is
    tried on rings of growing radius around its own point (fixed angles, so
    the result is deterministic), inside the axes when possible. Returns the number of labels moved.
    """
    import numpy as np

    ax, texts = group.ax, group.texts
    fig = ax.get_figure(root=True)
    renderer = figure_renderer(fig)
    half = group.pad * fig.dpi / 72 / 2
    boxes = _extents(texts, renderer) + np.array([-half, -half, half, half])
    ax_box = ax.get_window_extent(renderer).extents
    heights = boxes[:, 3] - boxes[:, 1]
    step = max(1.0, 0.25 * float(np.median(heights))) if len(boxes) else 1.0
    max_rings = int(max(fig.bbox.width, fig.bbox.height) / step) + 2
    settled = _marker_boxes(group.avoid, renderer)

    def inside(cands):
        return ((cands[:, 0] >= ax_box[0] - half) & (cands[:, 1] >= ax_box[1] - half)
                & (cands[:, 2] <= ax_box[2] + half) & (cands[:, 3] <= ax_box[3] + half))

    moved = 0
    for i, text in enumerate(texts):
        box = boxes[i]
        if not (text.get_visible() and text.get_text()):
            continue
        fits = box[2] - box[0] <= ax_box[2] - ax_box[0] and box[3] - box[1] <= ax_box[3] - ax_box[1]
        if not _hits(box[None, :], settled).any() and (inside(box[None, :])[0] or not fits):
            settled = np.vstack([settled, box])
            continue
        # search outwards from where the label starts at its own point, so a label
        # that must move ends up as close to its point as the free space allows
        trans = text.get_transform()
        anchor = trans.transform(text.get_unitless_position())
        home = ax.transData.transform((group.x[i], group.y[i])) - anchor
        shift = outside = None
        for ring in range(max_rings):
            r = ring * step
            n_angles = min(64, max(8, int(2 * math.pi * r / step))) if ring else 1
            angles = math.pi / 2 + np.arange(n_angles) * 2 * math.pi / n_angles
            d = home + np.column_stack([r * np.cos(angles), r * np.sin(angles)])
            cands = box[None, :] + np.hstack([d, d])
            free = ~_hits(cands, settled).any(axis=1)
            ok = np.nonzero(free & inside(cands))[0]
            if len(ok):
                shift = d[ok[0]]
                break
            if outside is None and free.any():
                outside = d[np.nonzero(free)[0][0]]
        if shift is None:
            shift = outside if outside is not None else np.zeros(2)
        text.set_position(trans.inverted().transform(anchor + shift))
        settled = np.vstack([settled, box + np.hstack([shift, shift])])
        moved += 1
    return moved


def _draw_leaders(group: _Group) -> None:
    """(Re)draw thin straight lines from labels that moved away to their points.

    A line runs from the label's box edge (*shrink_label* points off) to its point
    (*shrink_point* points off); plain ``Line2D`` in pixel coordinates, so
    drawing it costs no clipping against the text.
    """
    import numpy as np
    from matplotlib.lines import Line2D

    for line in group.lines:
        line.remove()
    group.lines = []
    if not group.leader:
        return
    ax = group.ax
    fig = ax.get_figure(root=True)
    renderer = figure_renderer(fig)
    boxes = _extents(group.texts, renderer)
    points = ax.transData.transform(np.column_stack([group.x, group.y]))
    kw = dict(group.line_kw)
    off_label = renderer.points_to_pixels(kw.pop("shrink_label", 1.0))
    off_point = renderer.points_to_pixels(kw.pop("shrink_point", 3.0))
    to_data = ax.transData.inverted()
    for text, box, point in zip(group.texts, boxes, points, strict=True):
        if not (text.get_visible() and text.get_text()):
            continue
        edge = np.clip(point, box[:2], box[2:])  # nearest point of the label's box
        gap = point - edge
        length = math.hypot(*gap)
        if length <= max(4.0, 0.4 * (box[3] - box[1])) or length <= off_label + off_point:
            continue
        unit = gap / length
        start, end = edge + unit * off_label, point - unit * off_point
        (x0, y0), (x1, y1) = to_data.transform(np.vstack([start, end]))
        line = Line2D([x0, x1], [y0, y1], **kw)
        line.set_gid(_LINE_GID)
        line.set_in_layout(False)
        ax.add_artist(line)  # not add_line: must not change the data limits
        group.lines.append(line)


def _axes_box(group: _Group) -> tuple:
    renderer = figure_renderer(group.ax.get_figure(root=True))
    return tuple(group.ax.get_window_extent(renderer).extents)


def _settle(group: _Group) -> None:
    """Place the labels of *group* for the figure's current layout: one greedy pass
    (exact, since every candidate box is the label's own box shifted), then leaders."""
    _nudge(group)
    _draw_leaders(group)
    group.laid_out = _axes_box(group)


def refit_labels(fig, *, laid_out: bool = False) -> None:
    """Re-check the label groups placed on *fig* after the figure changed.

    Call after changing a figure that already has labels (its size, titles,
    axis limits); :func:`routekit.style.finish` and
    :func:`routekit.style.export_figure` do so. A group whose axes did not move
    is left as it is; cheap when *fig* has no labels.

    Parameters
    ----------
    fig : Figure
    laid_out : bool, default False
        True when *fig* was just laid out (:func:`routekit.house.lay_out`) and only
        labels changed since, so no layout pass is needed here.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure()
    >>> refit_labels(fig)
    """
    groups = _GROUPS.get(fig, [])
    groups[:] = [g for g in groups if g.texts and g.texts[0].axes is not None]
    if not groups:
        return
    if not laid_out:
        lay_out(fig)
    for group in groups:
        if group.laid_out != _axes_box(group):
            _settle(group)


@contextlib.contextmanager
def labels_kept(fig) -> Iterator[None]:
    """Inside the block the labels on *fig* may be placed again (for another size, say);
    afterwards they, and their leader lines, are back where they were.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure()
    >>> texts = place_labels(ax, [0, 0], [0, 0], ["Raad", "Wijkteam"])
    >>> before = [t.get_position() for t in texts]
    >>> with labels_kept(fig):
    ...     fig.set_size_inches(4, 3)
    ...     refit_labels(fig)
    >>> [t.get_position() for t in texts] == before
    True
    """
    kept = [(group, [text.get_position() for text in group.texts], list(group.lines),
             group.laid_out) for group in _GROUPS.get(fig, [])]
    try:
        yield
    finally:
        for group, positions, lines, laid_out in kept:
            for line in group.lines:
                if line not in lines:
                    line.remove()
            for text, position in zip(group.texts, positions, strict=True):
                text.set_position(position)
            for line in lines:
                if line.axes is None:
                    group.ax.add_artist(line)
            group.lines, group.laid_out = lines, laid_out


def place_labels(ax, x, y, labels, *, fontsize: float | None = None, pad: float = 2.0,
                 leader: bool = True, line_kw: dict | None = None, avoid=(),
                 laid_out: bool = False, **text_kw) -> list:
    """Label points so that no two labels overlap, nor cover the markers in *avoid*.

    Call after everything else is drawn and the axis limits are final (best
    after :func:`routekit.style.finish`, with ``laid_out=True``). Every
    label's bounding box is measured on the final layout, and a label that
    would overlap an earlier one or a marker in *avoid* goes to the nearest
    free spot around its point (deterministically). Labels that ended up away
    from their point get a thin grey leader line.

    Parameters
    ----------
    ax : Axes
    x, y : array-like of float
        Data coordinates of the points.
    labels : sequence of str
        One label per point.
    fontsize : float, optional
        Points; defaults to 0.9 x the style's base size (scaled for slides).
    pad : float, default 2.0
        Minimum gap between labels, in points.
    leader : bool, default True
        Draw leader lines for labels that moved away from their point.
    line_kw : dict, optional
        Overrides for the leader lines (``Line2D`` arguments, and ``shrink_label``,
        ``shrink_point``: the gap in points at either end).
    avoid : sequence of Artist, optional
        What no label may cover: the markers of scatter collections (what
        ``ax.scatter`` returned; see :func:`labels_on_markers`) and any other
        artist, such as a heading text, as a whole.
    laid_out : bool, default False
        True when the figure was just laid out (by :func:`routekit.style.finish`,
        say) and nothing but labels is added after: saves a layout pass.
    **text_kw
        Passed to ``ax.text`` (e.g. ``color``, ``fontweight``).

    Returns
    -------
    list of Text
        The labels, in the order of *labels*.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure("slide")
    >>> texts = place_labels(ax, [0, 0, 0.01], [0, 0.01, 0], ["Raad", "Wijkteam", "Scholen"])
    >>> len(texts), labels_overlap(texts)
    (3, [])
    """
    import numpy as np
    from matplotlib import patheffects

    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    labels = [str(label) for label in labels]
    if not len(x) == len(y) == len(labels):
        raise ValueError(f"x, y and labels differ in length: {len(x)}, {len(y)}, {len(labels)}")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise ValueError("x and y must be finite numbers")
    if not labels:
        return []
    s = get_style()
    fig = ax.get_figure(root=True)
    kw = {
        "fontsize": fontsize or base_font_size(fig) * 0.9,
        "color": s.text,
        "fontfamily": font_families(s),
        "ha": "center",
        "va": "center",
        "zorder": 5,
        "path_effects": [patheffects.withStroke(linewidth=2.5, foreground="white")],
    }
    kw.update(text_kw)
    texts = [ax.text(xi, yi, label, **kw) for xi, yi, label in zip(x, y, labels, strict=True)]
    for text in texts:
        text.set_in_layout(False)  # labels never move the axes: one layout serves them all
    if not laid_out:
        lay_out(fig)  # final layout, so the labels are measured as drawn
    line = {"color": s.neutral, "linewidth": 0.6, "shrink_label": 1.0, "shrink_point": 3.0,
            "solid_capstyle": "butt", "zorder": 2.5}  # under the markers (3)
    line.update(line_kw or {})
    group = _Group(ax=ax, texts=texts, x=x, y=y, pad=pad, leader=leader, line_kw=line,
                   avoid=list(avoid))
    _GROUPS.setdefault(fig, []).append(group)
    _settle(group)
    return texts
