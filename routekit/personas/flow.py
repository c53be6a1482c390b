"""Wrapped text laid out top-down on a one-page figure (persona card, POST-O canvas).

Positions are in inches from the top-left corner of an axes that covers the
page (:func:`page_axes`), so a layout can be measured first (``draw=False``)
and drawn once it fits (:func:`draw_fitted` shrinks the font size until
:attr:`TextFlow.y` stays inside the page).

Examples
--------
>>> import matplotlib.pyplot as plt
>>> fig = plt.figure(figsize=(4, 3)); ax = fig.add_axes([0, 0, 1, 1])
>>> flow = TextFlow(ax, x=0.2, width=3.6, top=0.2, size=10, draw=True)
>>> flow.text("Een lange zin die over meer regels loopt als de kolom smal is.")
>>> round(flow.y, 2)
0.61
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

__all__ = ["TextFlow", "draw_fitted", "page_axes"]

CHAR_WIDTH = 0.6
"""Average character width in ems of DejaVu Sans (used to wrap text to a width)."""
LINE_SPACING = 1.3


class TextFlow:
    """Writes wrapped text top-down in one column of an axes.

    Parameters
    ----------
    ax : Axes
        Axes whose area is the page (usually the whole figure, axis off).
    x, width, top : float
        Left edge, column width and start position from the top, in inches.
    size : float
        Default font size in points.
    draw : bool
        False only measures (``y`` moves, nothing is drawn).

    Attributes
    ----------
    y : float
        Next free position from the top, in inches.
    """

    def __init__(self, ax, x: float, width: float, top: float, size: float, draw: bool):
        self.ax, self.x, self.width, self.y, self.size, self.draw = ax, x, width, top, size, draw
        bbox = ax.get_position()
        fig_w, fig_h = ax.get_figure(root=True).get_size_inches()
        self.ax_w, self.ax_h = bbox.width * fig_w, bbox.height * fig_h

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x / self.ax_w, 1 - y / self.ax_h

    def text(self, text: str | list[str], *, size: float | None = None, indent: float = 0.0,
             gap: float = 0.35, bullet: bool = False, **kw) -> None:
        """Write one paragraph (or a list of bullet items as one text) and move down.

        *gap* is the space after it in ems; other keywords go to ``ax.text``.
        """
        size = size or self.size
        chars = max(int((self.width - indent) * 72 / (size * CHAR_WIDTH)), 8)
        items = text if isinstance(text, list) else [text]
        lines = [line for item in items for line in
                 (textwrap.wrap(f"• {item}" if bullet else item, chars,
                                subsequent_indent="   " if bullet else "") or [""])]
        if self.draw:
            self.ax.text(*self._xy(self.x + indent, self.y), "\n".join(lines),
                         transform=self.ax.transAxes, va="top", ha="left", fontsize=size,
                         linespacing=LINE_SPACING, **kw)
        self.y += len(lines) * size * LINE_SPACING / 72 + gap * size / 72


def page_axes(ax=None, size: str = "a4"):
    """Axes that cover a whole page, axis off: *ax* itself or a new figure of *size*.

    Examples
    --------
    >>> ax = page_axes(size="slide")
    >>> [float(v) for v in ax.get_position().bounds], ax.axison
    ([0.0, 0.0, 1.0, 1.0], False)
    """
    from routekit.style import new_figure

    if ax is None:
        _, ax = new_figure(size, layout="none")
        ax.set_position([0, 0, 1, 1])
    ax.set_axis_off()
    return ax


def draw_fitted(layout: Callable[[float, bool], float], size: float, *, tries: int,
                shrink: float = 0.93) -> float:
    """Draw a page layout at the largest font size, from *size* down, at which it fits.

    ``layout(size, draw)`` lays out the page at font size *size* (drawing only
    when *draw* is true) and returns how far it overflows the page (inches;
    zero or less when it fits). The size shrinks by *shrink* at most *tries*
    times; the layout is then drawn once.

    Returns
    -------
    float
        The font size drawn at.

    Examples
    --------
    >>> round(draw_fitted(lambda size, draw: size - 8, 10, tries=5), 2)
    7.48
    """
    for _ in range(tries):
        if layout(size, False) <= 0:
            break
        size *= shrink
    layout(size, True)
    return size
