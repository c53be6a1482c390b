"""Is every text of a chart readable? Overlapping and clipped texts, found by drawing it.

:func:`text_problems` draws a figure once with the Agg renderer, records every
text that is actually drawn (titles, axis labels, tick labels, data labels,
legend texts, annotations) and reports, in plain English sentences for
developers and tests:

- two drawn texts whose boxes overlap (by more than *tolerance* pixels both ways);
- a text that runs past the edge of the figure;
- a text cut by its own clip box (an axes that clips a label);
- a text set smaller than :data:`MIN_SIZE` points.

The rule is simple and strict: there is no allow-list of artists. Texts inside
a bar or a patch are not a problem (they overlap no other text). Compute only:
nothing is written.

Examples
--------
>>> from routekit.style import new_figure
>>> fig, ax = new_figure("screen")
>>> _ = ax.text(0.5, 0.5, "Heidebroek", transform=ax.transAxes)
>>> text_problems(fig)
[]
>>> _ = ax.text(0.5, 0.5, "Wijk 06", transform=ax.transAxes)
>>> text_problems(fig)
["'Heidebroek' overlaps 'Wijk 06'"]
>>> _ = fig.text(0.9, 0.1, "Naam die van de figuur af loopt")
>>> text_problems(fig)[0]
"'Naam die van de figuur af loopt' runs past the right edge of the figure"
"""

from __future__ import annotations

import contextlib

__all__ = ["MIN_SIZE", "drawn_texts", "text_problems"]


@contextlib.contextmanager
def _recording(found: list):
    """Record every Text that gets drawn (tick labels only when their tick is drawn)."""
    from matplotlib.text import Text

    original = Text.draw

    def draw(self, renderer):
        if self.get_visible() and self.get_text().strip() and all(
                getattr(parent, "get_visible", lambda: True)()
                for parent in (self.axes, self.get_figure(root=False))
                if parent is not None):
            found.append(self)
        return original(self, renderer)

    Text.draw = draw
    try:
        yield
    finally:
        Text.draw = original


def drawn_texts(fig) -> list:
    """The Text artists drawn when *fig* is drawn, in drawing order, each once.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> fig, ax = new_figure()
    >>> _ = ax.set_xlim(0, 1), ax.set_xticks([0, 1]), ax.set_yticks([])
    >>> [t.get_text() for t in drawn_texts(fig)]
    ['0', '1']
    """
    from routekit.house import figure_renderer

    renderer = figure_renderer(fig)
    found: list = []
    with _recording(found):
        fig.draw(renderer)
    return list(dict.fromkeys(found))


def _corners(text, box, renderer):
    """The four corners (pixels) of *text*'s own rectangle, turned with its rotation.

    A turned rectangle's centre is the centre of its axis-aligned box, so the
    corners follow from the unturned size and the angle.
    """
    import numpy as np

    angle = text.get_rotation()
    if angle % 90 == 0:
        return np.array([[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]])
    text.set_rotation(0)
    try:
        flat = text.get_window_extent(renderer)
    finally:
        text.set_rotation(angle)
    half = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * [flat.width / 2, flat.height / 2]
    turn = np.radians(angle)
    rotate = np.array([[np.cos(turn), -np.sin(turn)], [np.sin(turn), np.cos(turn)]])
    return half @ rotate.T + [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2]


def _overlap(a, b) -> float:
    """How far two convex quadrilaterals overlap (pixels), along the axis where it is least."""
    import numpy as np

    depth = np.inf
    for quad in (a, b):
        for i in range(4):
            edge = quad[(i + 1) % 4] - quad[i]
            norm = np.hypot(*edge)
            if norm == 0:
                continue
            axis = np.array([-edge[1], edge[0]]) / norm
            pa, pb = a @ axis, b @ axis
            depth = min(depth, min(pa.max(), pb.max()) - max(pa.min(), pb.min()))
    return float(depth)


def _name(text) -> str:
    words = " ".join(text.get_text().split())
    return repr(words if len(words) <= 60 else words[:57] + "...")


#: Smallest font size (points, at the figure's own size) that still reads on paper.
MIN_SIZE = 6.0


def text_problems(fig, *, tolerance: float = 1.0, min_size: float = MIN_SIZE) -> list[str]:
    """Overlapping and clipped texts of *fig*, one sentence each; ``[]`` when all read well.

    Parameters
    ----------
    fig : Figure
        Drawn here with the Agg renderer (its layout runs, as when it is saved).
    tolerance : float, default 1.0
        Pixels two boxes may share, or a text may pass an edge, before it counts
        (anti-aliasing and rounding). A text's background box (``bbox=``) counts
        as part of the text.
    min_size : float, default :data:`MIN_SIZE`
        Texts set smaller than this many points are reported as too small.

    Returns
    -------
    list of str
        ``"'A' overlaps 'B'"`` (turned texts, such as slanted tick labels, are
        compared as turned rectangles), ``"'A' runs past the left edge of the figure"``,
        ``"'A' is clipped by its axes"``, ``"'A' is smaller than 6 pt (4.2)"``.

    Examples
    --------
    >>> from routekit.style import new_figure, finish
    >>> fig, ax = new_figure("slide")
    >>> _ = ax.bar(["Noord", "Zuid"], [3, 5])
    >>> _ = finish(ax, title="Leden per wijk", subtitle="2024", source="CBS")
    >>> text_problems(fig)
    []
    """
    from matplotlib.transforms import Bbox

    from routekit.house import figure_renderer

    texts = drawn_texts(fig)
    renderer = figure_renderer(fig)
    boxes = [text.get_window_extent(renderer) for text in texts]
    # a text's own box (a white label background) is part of what it covers
    covers = [box if text.get_bbox_patch() is None
              else Bbox.union([box, text.get_bbox_patch().get_window_extent(renderer)])
              for text, box in zip(texts, boxes, strict=True)]
    problems = [f"{_name(text)} is smaller than {min_size:g} pt ({text.get_fontsize():.1f})"
                for text in texts if text.get_fontsize() < min_size - 1e-9]
    edge = fig.bbox
    for text, box in zip(texts, boxes, strict=True):
        for side, out in (("left", edge.x0 - box.x0), ("right", box.x1 - edge.x1),
                          ("bottom", edge.y0 - box.y0), ("top", box.y1 - edge.y1)):
            if out > tolerance:
                problems.append(f"{_name(text)} runs past the {side} edge of the figure")
        clip = text.get_clip_box() if text.get_clip_on() else None
        if clip is not None and (clip.x0 - box.x0 > tolerance or box.x1 - clip.x1 > tolerance
                                 or clip.y0 - box.y0 > tolerance
                                 or box.y1 - clip.y1 > tolerance):
            problems.append(f"{_name(text)} is clipped by its axes")
    quads = [_corners(text, box, renderer) for text, box in zip(texts, covers, strict=True)]
    for i, (a, box_a) in enumerate(zip(texts, covers, strict=True)):
        for j in range(i + 1, len(texts)):
            box_b = covers[j]
            wide = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
            high = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
            if wide > tolerance and high > tolerance and _overlap(quads[i], quads[j]) > tolerance:
                problems.append(f"{_name(a)} overlaps {_name(texts[j])}")
    return problems
