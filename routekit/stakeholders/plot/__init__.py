"""Charts of step 4b, one module per family; each draws computed frames and takes ``ax=None``.

* :func:`~routekit.stakeholders.plot.krachtenveld.plot_krachtenveld` — force-field bubble chart;
* :func:`~routekit.stakeholders.plot.themes.plot_theme_comparison` — theme comparison;
* :func:`~routekit.stakeholders.plot.lewin.plot_lewin` — Lewin force-field diagram;
* :func:`~routekit.stakeholders.plot.grids.plot_grid` — power/interest and other grids.

:func:`~routekit.stakeholders.plot._common.bubble_names` gives the names a bubble chart
placed, :func:`~routekit.stakeholders.plot.lewin.force_labels` the texts of a Lewin diagram.
"""

from routekit.stakeholders.plot._common import bubble_names
from routekit.stakeholders.plot.grids import plot_grid
from routekit.stakeholders.plot.krachtenveld import plot_krachtenveld
from routekit.stakeholders.plot.lewin import force_labels, plot_lewin
from routekit.stakeholders.plot.themes import plot_theme_comparison

__all__ = ["bubble_names", "force_labels", "plot_grid", "plot_krachtenveld", "plot_lewin",
           "plot_theme_comparison"]
