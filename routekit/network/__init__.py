"""The stakeholder network of a route: who connects whom (route steps 4 and 8).

Modules, one job each:

- :mod:`~routekit.network.graph` — the networkx graph from the records, with checks;
- :mod:`~routekit.network.metrics` — centrality, communities, brokers, reach, suggestions;
- :mod:`~routekit.network.dependence` — how much the community leans on one or two people;
- :mod:`~routekit.network.layout` — positions of the picture, kept from run to run;
- :mod:`~routekit.network.tables` — the analyses as tables with Dutch column names;
- :mod:`~routekit.network.stored` — the graph and saved layout of a route (reads and writes);
- :mod:`~routekit.network.plot` — Net-Map style pictures;
- :mod:`~routekit.network.export` — GraphML, GEXF and an interactive HTML page;
- :mod:`~routekit.network.report` — the section of the route report.

Import the module you need, e.g. ``from routekit.network import graph``; this
package itself imports nothing heavy.
"""
