"""Export the stakeholder network: GraphML and GEXF (Gephi) and an interactive HTML page.

GraphML and GEXF accept only text, numbers and yes/no as attributes, so
:func:`sanitised` turns lists into ``a|b`` text and leaves out empty values.
With ``analysis=True`` the nodes also carry community, contacts, betweenness
and eigenvector centrality, so Gephi can size and colour by them at once.

:func:`to_html` writes one page with the network to drag, zoom and hover
(vis-network through pyvis). The JavaScript is embedded in the page, so it
works offline and can be mailed; only the optional page styling (Bootstrap)
that pyvis links is left out.

Examples
--------
>>> from routekit.network.stored import route_graph
>>> from routekit.workspace import Route
>>> to_gexf(route_graph(Route.open("data/sample-route")), "out/netwerk.gexf")
PosixPath('out/netwerk.gexf')
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from routekit.i18n import t
from routekit.markup import escape
from routekit.storage import atomic_write_bytes, atomic_write_text

__all__ = ["sanitised", "to_gexf", "to_graphml", "to_html"]


def _clean(value):
    if value is None:
        return None
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float):
        return value if value == value else None  # drop NaN
    if isinstance(value, list | tuple | set):
        return "|".join(str(item) for item in value) or None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return str(value)


def sanitised(graph: nx.MultiDiGraph, *, analysis: bool = True) -> nx.MultiDiGraph:
    """A copy of *graph* whose attributes GraphML and GEXF can store.

    Lists become ``a|b`` text, None and NaN are left out, numpy numbers
    become Python numbers. With *analysis*, nodes get ``community``,
    ``contacts``, ``betweenness`` and ``eigenvector``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", themes=["taal", "eenzaamheid"], influence=None)
    >>> sanitised(g, analysis=False).nodes["a"]
    {'themes': 'taal|eenzaamheid'}
    >>> g.add_node("b", name="Buurthuis")
    >>> sanitised(g, analysis=False).nodes["b"]
    {'name': 'Buurthuis', 'label': 'Buurthuis'}
    """
    out = nx.MultiDiGraph()
    out.graph.update({k: v for k, v in ((k, _clean(v)) for k, v in graph.graph.items()
                                        if k != "problems") if v is not None})
    extra: dict[str, dict] = {}
    if analysis and graph.number_of_nodes():
        from routekit.network.metrics import centrality, communities

        table = centrality(graph).join(communities(graph))
        extra = table[["community", "contacts", "betweenness", "eigenvector"]].to_dict("index")
    for node, data in graph.nodes(data=True):
        attrs = {k: _clean(v) for k, v in (data | extra.get(node, {})).items()}
        attrs.setdefault("label", attrs.get("name"))  # Gephi shows the label
        out.add_node(str(node), **{k: v for k, v in attrs.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _clean(value) for k, value in data.items()}
        out.add_edge(str(u), str(v), key=str(key), **{k: x for k, x in attrs.items()
                                                       if x is not None})
    return out


def _write(path: str | Path, writer, graph) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    writer(graph, buffer)
    atomic_write_bytes(path, buffer.getvalue(), backup=False)
    return path


def to_graphml(graph: nx.MultiDiGraph, path: str | Path, *, analysis: bool = True) -> Path:
    """Write *graph* as GraphML (yEd, Gephi, Cytoscape); returns the path."""
    return _write(path, nx.write_graphml, sanitised(graph, analysis=analysis))


def to_gexf(graph: nx.MultiDiGraph, path: str | Path, *, analysis: bool = True) -> Path:
    """Write *graph* as GEXF 1.2 (Gephi); returns the path."""
    return _write(path, nx.write_gexf, sanitised(graph, analysis=analysis))


def _tooltip(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def to_html(graph: nx.MultiDiGraph, path: str | Path, *,
            pos: Mapping[str, tuple[float, float]] | None = None,
            title: str | None = None) -> Path:
    """Write an interactive page of the network (drag, zoom, hover for details).

    Colours, shapes and line styles are those of
    :func:`routekit.network.plot.plot_network`. With *pos* (e.g. the saved
    layout) the page starts from the same picture; otherwise vis-network
    arranges it.

    Returns
    -------
    Path
        The written file.
    """
    from pyvis.network import Network

    from routekit.network.plot import attitude_colour, edge_styles, short_label

    shapes = {"person": "dot", "organisation": "square", "group": "triangle"}
    net = Network(height="780px", width="100%", directed=True, cdn_resources="in_line",
                  heading="")
    for node, data in graph.nodes(data=True):
        influence = data.get("influence")
        extra = {"x": pos[node][0] * 800, "y": -pos[node][1] * 520} if pos and node in pos \
            else {}
        net.add_node(str(node), label=short_label(data.get("name", node)),
                     title=_tooltip([data.get("name", node),
                                     t(f"network.actor.{data.get('kind', 'organisation')}"),
                                     t("network.html.influence", value=influence or "–"),
                                     t("network.html.attitude", value=data.get("attitude")
                                       if data.get("attitude") is not None else "–")]),
                     color=attitude_colour(data.get("attitude")),
                     shape=shapes.get(data.get("kind"), "dot"),
                     size=8 + 4 * (influence or 1), **extra)
    styles = edge_styles()
    pairs = Counter(frozenset((u, v)) for u, v in graph.edges())
    seen: Counter = Counter()
    for u, v, kind, data in graph.edges(keys=True, data=True):
        pair = frozenset((u, v))
        seen[pair] += 1
        style = styles.get(kind, {"color": "#999999", "linestyle": "-"})
        net.add_edge(str(u), str(v), color=style["color"],
                     dashes=style["linestyle"] != "-",
                     width=0.5 + 0.8 * data.get("strength", 3),
                     arrows="to" if data.get("directed", True) else "",
                     smooth={"type": "curvedCW", "roundness": 0.15 * (seen[pair] - 1)}
                     if pairs[pair] > 1 else False,
                     title=_tooltip([t(f"network.relation.{kind}"),
                                     t("network.html.strength", value=data.get("strength")),
                                     data.get("note") or ""]))
    net.toggle_physics(pos is None)
    page = net.generate_html()
    # keep the page self-contained: drop the remote Bootstrap styling pyvis links
    page = re.sub(r"<link[^>]*https?://[^>]*>", "", page)
    page = re.sub(r"<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page)
    # names and notes reach the page only as JSON (pyvis escapes <, > and & there) and as
    # tooltips, which vis-network writes as text; the heading is escaped here
    heading = escape(title or t("network.title"))
    page = re.sub(r"<h1>\s*</h1>", "", page)
    page = page.replace("<body>", f"<body><h1 style=\"font-family: sans-serif\">{heading}</h1>",
                        1)
    page = page.replace("<html>", f"<!DOCTYPE html><html lang=\"{_lang()}\">", 1)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, page, backup=False)
    return path


def _lang() -> str:
    from routekit.i18n import get_language

    return get_language()
