"""The one helper the area charts share beyond the plot kit: the font size of a figure."""

from __future__ import annotations


def font_size(ax) -> float:
    """Base font size of the figure *ax* belongs to (larger on slides)."""
    from routekit.style import figure_scale, get_style

    return get_style().font_size * figure_scale(ax.get_figure(root=True))
