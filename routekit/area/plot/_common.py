"""Small helpers shared by the area charts."""

from __future__ import annotations


def axes(ax, size: str = "screen"):
    """Return *ax*, or the Axes of a new house-style figure of *size*."""
    if ax is not None:
        return ax
    from routekit.style import new_figure

    return new_figure(size)[1]


def font_size(ax) -> float:
    """Base font size of the figure *ax* belongs to (larger on slides)."""
    from routekit.style import figure_scale, get_style

    return get_style().font_size * figure_scale(ax.get_figure(root=True))
