"""Charts of the area analysis, one module per plot family (house style, ``ax=None`` → Axes).

* :func:`profile_bars` -- segment profile: index per segment against 100, with shares;
* :func:`index_heatmap` -- index of areas × segments;
* :func:`reach_chart` -- share of households vs share of members per segment;
* :func:`age_pyramid` -- age structure, two sides (men/women, or area/reference);
* :func:`choropleth` -- any measure per area on a map from a GeoJSON boundary file.
"""

from routekit.area.plot.choropleth import choropleth, read_boundaries
from routekit.area.plot.heatmap import index_heatmap
from routekit.area.plot.profile import profile_bars
from routekit.area.plot.pyramid import age_pyramid
from routekit.area.plot.reach import reach_chart

__all__ = ["age_pyramid", "choropleth", "index_heatmap", "profile_bars", "reach_chart",
           "read_boundaries"]
