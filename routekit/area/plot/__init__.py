"""Charts of the area analysis, one module per plot family (house style, ``ax=None`` → Axes).

Each draws data computed already (by :mod:`routekit.area`); none reads a file.

* :func:`plot_profile` -- segment profile: index per segment against 100, with shares;
* :func:`plot_index_heatmap` -- index of areas × segments;
* :func:`plot_reach` -- share of households vs share of members per segment;
* :func:`plot_age_pyramid` -- age structure, two sides (men/women, or area/reference);
* :func:`plot_households` -- the households of one area by kind;
* :func:`plot_choropleth` -- any measure per area on a map of boundary shapes;
* :func:`plot_class_map` -- the open classification's groups on the map.
"""

from routekit.area.plot.choropleth import plot_choropleth
from routekit.area.plot.classes import plot_class_map
from routekit.area.plot.heatmap import plot_index_heatmap
from routekit.area.plot.households import plot_households
from routekit.area.plot.profile import plot_profile
from routekit.area.plot.pyramid import plot_age_pyramid
from routekit.area.plot.reach import plot_reach

__all__ = ["plot_age_pyramid", "plot_choropleth", "plot_class_map", "plot_households",
           "plot_index_heatmap", "plot_profile", "plot_reach"]
