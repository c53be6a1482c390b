"""Text labels that never overlap, for scatter plots, force fields and networks.

:func:`place_labels` writes one label per point, lets adjustText push the
labels apart (thin leader lines connect labels that moved away from their
point), then checks every label's bounding box with the renderer and nudges
any label that still overlaps another until none do. The check is repeated by
:func:`refit_labels` when the figure changes afterwards (``finish`` and
``export_figure`` call it), so the no-overlap guarantee holds in the saved file.

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

import math
import weakref
from dataclasses import dataclass, field
from typing import Any

from routekit.style import _font_families, figure_scale, get_style

__all__ = ["labels_on_markers", "labels_overlap", "place_labels", "refit_labels"]

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


def _renderer(fig):
    """The renderer of *fig*; an Agg canvas is attached when its canvas has none (a figure
    that Jupyter's inline backend has shown and closed keeps only a base canvas)."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()


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
    renderer = _renderer(fig)
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
    renderer = _renderer(fig)
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
    renderer = _renderer(fig)
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
    """(Re)draw thin lines from labels that moved away to their points."""
    import numpy as np
    from matplotlib.patches import FancyArrowPatch

    for line in group.lines:
        line.remove()
    group.lines = []
    if not group.leader:
        return
    ax = group.ax
    fig = ax.get_figure(root=True)
    renderer = _renderer(fig)
    boxes = _extents(group.texts, renderer)
    points = ax.transData.transform(np.column_stack([group.x, group.y]))
    for text, box, point, xy in zip(
        group.texts, boxes, points, zip(group.x, group.y, strict=True), strict=True
    ):
        dx = max(box[0] - point[0], 0.0, point[0] - box[2])
        dy = max(box[1] - point[1], 0.0, point[1] - box[3])
        if math.hypot(dx, dy) <= max(4.0, 0.4 * (box[3] - box[1])):
            continue
        line = FancyArrowPatch(
            posA=text.get_unitless_position(), posB=xy, patchA=text,
            transform=text.get_transform(), **group.line_kw,
        )
        line.set_gid(_LINE_GID)
        line.set_in_layout(False)
        ax.add_artist(line)  # not add_patch: must not change the data limits
        group.lines.append(line)


def _settle(group: _Group, rounds: int = 4) -> None:
    fig = group.ax.get_figure(root=True)
    for _ in range(rounds):
        fig.draw_without_rendering()
        if not _nudge(group):
            break
    _draw_leaders(group)


def refit_labels(fig) -> None:
    """Re-check every label group placed on *fig* and nudge overlapping labels.

    Call after changing a figure that already has labels (its size, titles,
    axis limits); :func:`routekit.style.finish` and
    :func:`routekit.style.export_figure` do so. Cheap when *fig* has no labels.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure()
    >>> refit_labels(fig)
    """
    groups = _GROUPS.get(fig, [])
    groups[:] = [g for g in groups if g.texts and g.texts[0].axes is not None]
    for group in groups:
        _settle(group)


def place_labels(ax, x, y, labels, *, fontsize: float | None = None, max_iter: int = 120,
                 pad: float = 2.0, leader: bool = True, line_kw: dict | None = None,
                 avoid=(), **text_kw) -> list:
    """Label points so that no two labels overlap, nor cover the markers in *avoid*.

    Call after everything else is drawn and the axis limits are final (before
    or after :func:`routekit.style.finish`). adjustText moves the labels away
    from each other and from the points; the renderer then checks every
    bounding box and any label still overlapping is nudged (deterministically)
    to the nearest free spot. Labels that ended up away from their point get a
    thin grey leader line.

    Parameters
    ----------
    ax : Axes
    x, y : array-like of float
        Data coordinates of the points.
    labels : sequence of str
        One label per point.
    fontsize : float, optional
        Points; defaults to 0.9 x the style's base size (scaled for slides).
    max_iter : int, default 120
        Iterations of adjustText (a fixed count, so results do not depend on
        the speed of the machine).
    pad : float, default 2.0
        Minimum gap between labels, in points.
    leader : bool, default True
        Draw leader lines for labels that moved away from their point.
    line_kw : dict, optional
        Overrides for the leader lines (``FancyArrowPatch`` arguments).
    avoid : sequence of Artist, optional
        What no label may cover: the markers of scatter collections (what
        ``ax.scatter`` returned; see :func:`labels_on_markers`) and any other
        artist, such as a heading text, as a whole.
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
    from adjustText import adjust_text
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
        "fontsize": fontsize or s.font_size * figure_scale(fig) * 0.9,
        "color": s.text,
        "fontfamily": _font_families(s),
        "ha": "center",
        "va": "center",
        "zorder": 5,
        "path_effects": [patheffects.withStroke(linewidth=2.5, foreground="white")],
    }
    kw.update(text_kw)
    texts = [ax.text(xi, yi, label, **kw) for xi, yi, label in zip(x, y, labels, strict=True)]
    fig.draw_without_rendering()  # final layout, so adjustText sees real sizes
    adjust_text(
        texts, x=x, y=y, ax=ax, iter_lim=max_iter, expand=(1.15, 1.4),
        force_text=(0.2, 0.4), force_static=(0.15, 0.3), ensure_inside_axes=True,
    )
    line = {"arrowstyle": "-", "color": s.neutral, "linewidth": 0.6, "shrinkA": 1.0,
            "shrinkB": 3.0, "zorder": 2.5}  # under the markers (3)
    line.update(line_kw or {})
    group = _Group(ax=ax, texts=texts, x=x, y=y, pad=pad, leader=leader, line_kw=line,
                   avoid=list(avoid))
    _GROUPS.setdefault(fig, []).append(group)
    _settle(group)
    return texts
