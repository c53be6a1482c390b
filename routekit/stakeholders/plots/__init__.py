"""Charts of step 4b, one module per family; each takes computed frames and ``ax=None``.

* :func:`~routekit.stakeholders.plots.krachtenveld.krachtenveld_chart` — force-field bubble chart;
* :func:`~routekit.stakeholders.plots.themes.theme_chart` — theme comparison;
* :func:`~routekit.stakeholders.plots.lewin.lewin_chart` — Lewin force-field diagram;
* :func:`~routekit.stakeholders.plots.grids.grid_chart` — power/interest and other grids.
"""

from routekit.stakeholders.plots.grids import grid_chart
from routekit.stakeholders.plots.krachtenveld import krachtenveld_chart
from routekit.stakeholders.plots.lewin import lewin_chart
from routekit.stakeholders.plots.themes import theme_chart

__all__ = ["grid_chart", "krachtenveld_chart", "lewin_chart", "theme_chart"]
