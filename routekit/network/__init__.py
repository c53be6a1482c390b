"""The stakeholder network of a route: who connects whom (route steps 4 and 8).

Modules, one job each:

- :mod:`~routekit.network.graph` — the networkx graph from the workspace, with checks;
- :mod:`~routekit.network.metrics` — centrality, communities, brokers, reach, suggestions;
- :mod:`~routekit.network.dependence` — how much the community leans on one or two people;
- :mod:`~routekit.network.layout` — positions kept in the workspace;
- :mod:`~routekit.network.draw` — Net-Map style pictures;
- :mod:`~routekit.network.export` — GraphML, GEXF and an interactive HTML page;
- :mod:`~routekit.network.report` — the section of the route report.

Import the module you need, e.g. ``from routekit.network import graph``; this
package itself imports nothing heavy.
"""
