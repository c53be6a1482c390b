"""Net-Map style pictures of the stakeholder network.

Node size shows influence (the "influence tower": bigger = more influence on
the theme), colour the attitude (red against, grey neutral, green for),
marker the kind of actor (circle person, square organisation, triangle
group), line colour and style the kind of relation, line width its strength,
arrows its direction. Labels never overlap (:func:`routekit.labels.place_labels`).

Examples
--------
>>> from routekit.network.layout import layout
>>> from routekit.network.stored import route_graph, saved_layout
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> graph = route_graph(route)
>>> ax = plot_network(graph, layout(graph, saved_layout(route)))
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping

import networkx as nx

from routekit.i18n import t
from routekit.records.network import RELATION_KINDS
from routekit.style import figure_axes, figure_scale, finish, get_style, mix

__all__ = ["MARKERS", "attitude_colour", "edge_styles", "node_size", "plot_ego", "plot_network",
           "short_label"]

MARKERS = {"person": "o", "organisation": "s", "group": "^"}
"""Marker per kind of actor."""

_LINESTYLES = {"collaboration": "-", "funding": "-", "information": (0, (4, 2.5)),
               "influence": (0, (6, 2, 1.5, 2)), "conflict": (0, (1.5, 1.5))}


def edge_styles() -> dict[str, dict]:
    """Colour and line style per relation kind (house colours)."""
    s = get_style()
    colours = {"collaboration": s.primary, "funding": s.accent, "information": s.secondary,
               "influence": "#7b3f98", "conflict": s.negative}
    return {kind: {"color": colours[kind], "linestyle": _LINESTYLES[kind]}
            for kind in RELATION_KINDS}


def attitude_colour(attitude: float | None) -> str:
    """Colour for an attitude from -2 (against) to 2 (for); light grey when unknown.

    Examples
    --------
    >>> attitude_colour(0) == attitude_colour(0.2)
    True
    """
    s = get_style()
    if attitude is None:
        return "#d9d9d9"
    level = max(-2, min(2, round(float(attitude))))
    neutral = "#a6a6a6"
    if level == 0:
        return neutral
    base = s.positive if level > 0 else s.negative
    return base if abs(level) == 2 else mix(base, "#ffffff", 0.4)


def node_size(influence: float | None, scale: float = 1.0) -> float:
    """Marker area (points²) for an influence of 1–5 (unknown: as 1).

    Examples
    --------
    >>> node_size(5) > node_size(1)
    True
    """
    level = 1 if influence is None else max(1.0, min(5.0, float(influence)))
    return (60 + 110 * (level - 1)) * scale


def short_label(name: str, width: int = 22) -> str:
    """A label for the picture: without a part in brackets, at most three wrapped lines.

    Examples
    --------
    >>> short_label("Henk Mulder (voorzitter Dorpsraad Heidebroek)")
    'Henk Mulder'
    >>> print(short_label("Gemeente Sleutelwaard – team Financiën en Subsidies"))
    Gemeente Sleutelwaard
    – team Financiën en
    Subsidies
    """
    import re

    plain = re.sub(r"\s*\([^)]*\)", "", name).strip() or name
    lines = textwrap.wrap(plain, width, max_lines=3, placeholder="…")
    return "\n".join(lines) or plain


MANY_EDGES = 1_500
"""From this many ties, lines are drawn straight and without arrows (fast)."""


def _lines(ax, graph, pos, kinds) -> None:
    """Many ties: one straight-line collection per kind, width by strength, no arrows."""
    from matplotlib.collections import LineCollection

    styles = edge_styles()
    for kind in kinds:
        ties = [(pos[u], pos[v], d.get("strength", 3))
                for u, v, k, d in graph.edges(keys=True, data=True)
                if k == kind and u in pos and v in pos]
        if ties:
            ax.add_collection(LineCollection(
                [(a, b) for a, b, _ in ties], colors=styles[kind]["color"],
                linestyles=[styles[kind]["linestyle"]],
                linewidths=[0.2 + 0.15 * s for *_, s in ties], alpha=0.35, zorder=1,
                gid=f"edges-{kind}"))


def _edges(ax, graph, pos, kinds, sizes, faded: set) -> None:
    from matplotlib.patches import FancyArrowPatch

    if graph.number_of_edges() >= MANY_EDGES:
        _lines(ax, graph, pos, kinds)
        return
    styles = edge_styles()
    pairs = Counter(frozenset((u, v)) for u, v, k in graph.edges(keys=True) if k in kinds)
    seen: Counter = Counter()
    for u, v, kind, data in sorted(graph.edges(keys=True, data=True),
                                   key=lambda e: (e[0], e[1], e[2])):
        if kind not in kinds or u not in pos or v not in pos:
            continue
        pair = frozenset((u, v))
        index = seen[pair]
        seen[pair] += 1
        # parallel ties bend apart: 0, +0.15, -0.15, +0.3 …
        rad = 0.0 if pairs[pair] == 1 else 0.15 * ((index // 2) + 1) * (1 if index % 2 else -1)
        if u > v:
            rad = -rad
        directed = data.get("directed", True)
        style = styles[kind]
        patch = FancyArrowPatch(
            pos[u], pos[v], arrowstyle="-|>" if directed else "-",
            mutation_scale=9 + data.get("strength", 3) * 1.5,
            connectionstyle=f"arc3,rad={rad}", color=style["color"],
            linestyle=style["linestyle"], linewidth=0.5 + 0.45 * data.get("strength", 3),
            alpha=0.25 if (u in faded or v in faded) else 0.85,
            shrinkA=sizes[u] ** 0.5 / 2 + 1, shrinkB=sizes[v] ** 0.5 / 2 + 2, zorder=1,
            gid=f"edge-{kind}")
        ax.add_patch(patch)


def _legend(ax, kinds: Iterable[str], scale: float) -> None:
    from matplotlib.lines import Line2D

    s = get_style()
    handles, labels, headers = [], [], []

    def section(title):
        headers.append(Line2D([], [], linestyle="none"))
        handles.append(headers[-1])
        labels.append(title)

    section(t("network.legend.kind"))
    for kind, marker in MARKERS.items():
        handles.append(Line2D([], [], marker=marker, linestyle="none", color="#a6a6a6",
                              markersize=9))
        labels.append(t(f"network.actor.{kind}"))
    section(t("network.legend.attitude"))
    for level in (2, 1, 0, -1, -2):
        handles.append(Line2D([], [], marker="o", linestyle="none",
                              color=attitude_colour(level), markersize=9))
        labels.append(t(f"network.attitude.{level}".replace("-", "min")))
    section(t("network.legend.influence"))
    for level in (1, 3, 5):
        handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white",
                              markeredgecolor=s.neutral,
                              markersize=node_size(level, scale) ** 0.5))
        labels.append(t("network.legend.influence_level", level=level))
    section(t("network.legend.relation"))
    styles = edge_styles()
    for kind in kinds:
        handles.append(Line2D([], [], linewidth=2, **styles[kind]))
        labels.append(t(f"network.relation.{kind}"))
    legend = ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                       borderaxespad=0, handlelength=2.4, labelspacing=0.8, frameon=False)
    for text, handle in zip(legend.get_texts(), handles, strict=True):
        if handle in headers:
            text.set_fontweight("bold")


def _labels(ax, nodes, pos, sizes, texts, scale, markers) -> None:
    """Labels just below their node, moved apart where they would overlap a label or a node.

    Placed on the layout :func:`routekit.style.finish` made (labels take no part in it).
    """
    from routekit.labels import place_labels

    fig = ax.get_figure(root=True)
    to_pixels = ax.transData
    below = []
    for n in nodes:
        x_px, y_px = to_pixels.transform(pos[n])
        gap = (sizes[n] ** 0.5 / 2 + 2) * fig.dpi / 72
        below.append(to_pixels.inverted().transform((x_px, y_px - gap)))
    place_labels(ax, [p[0] for p in below], [p[1] for p in below], texts, va="top",
                 fontsize=get_style().font_size * scale * 0.72, avoid=markers, laid_out=True)


def plot_network(graph: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], *,
                 ax=None, size: str = "slide", kinds: Iterable[str] | None = None,
                 highlight: str | None = None, faded: Iterable[str] = (), labels: bool = True,
                 legend: bool = True, title: str | None = None, subtitle: str | None = None,
                 source: str | None = None):
    """Draw the network Net-Map style.

    Parameters
    ----------
    graph : MultiDiGraph
        From :func:`routekit.network.graph.build_graph` (or a part of it).
    pos : mapping
        ``{id: (x, y)}`` (see :mod:`routekit.network.layout`); stakeholders
        without a position are left out.
    ax : Axes, optional
        Draw here; a new figure of *size* otherwise.
    size : str, default "slide"
        Size of a new figure.
    kinds : iterable of str, optional
        Relation kinds to show (default: all).
    highlight : str, optional
        Stakeholder to mark with a thick ring (the centre of an ego network).
    faded : iterable of str
        Stakeholders drawn pale (e.g. those outside the part of interest).
    labels, legend : bool, default True
    title, subtitle, source : str, optional
        Passed to :func:`routekit.style.finish`; the title defaults to
        "Netwerk van stakeholders".

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size)
    kinds = list(RELATION_KINDS if kinds is None else kinds)
    scale = figure_scale(ax.get_figure(root=True))
    nodes = [n for n in graph if n in pos]
    faded = set(faded)
    attrs = graph.nodes
    crowd = min(1.0, (80 / max(len(nodes), 1)) ** 0.5)  # smaller markers in big networks
    sizes = {n: node_size(attrs[n].get("influence"), scale * crowd) for n in nodes}
    markers = []
    for kind, marker in MARKERS.items():
        group = [n for n in nodes if attrs[n].get("kind", "organisation") == kind]
        if not group:
            continue
        markers.append(ax.scatter([pos[n][0] for n in group], [pos[n][1] for n in group],
                   s=[sizes[n] for n in group], marker=marker,
                   c=[attitude_colour(attrs[n].get("attitude")) for n in group],
                   alpha=[0.35 if n in faded else 1.0 for n in group],
                   edgecolors="white", linewidths=1.2, zorder=3, gid=f"nodes-{kind}"))
    if highlight is not None and highlight in pos:
        markers.append(ax.scatter(*pos[highlight], s=sizes[highlight] * 2.2,
                   marker=MARKERS.get(attrs[highlight].get("kind"), "o"), facecolors="none",
                   edgecolors=get_style().text, linewidths=2.2, zorder=2, gid="highlight"))
    ax.margins(0.06)
    ax.set_axis_off()
    if legend:
        _legend(ax, [k for k in kinds if any(e == k for *_, e in graph.edges(keys=True))],
                scale)
    finish(ax, title=title or t("network.title"), subtitle=subtitle, source=source)
    # the ties take no part in the layout (they lie between the nodes): drawn after it, on
    # the limits the nodes set, they are drawn once, in the picture itself
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())
    _edges(ax, graph, pos, kinds, sizes, faded)
    if labels and nodes:
        _labels(ax, nodes, pos, sizes, [attrs[n].get("label") or
                                       short_label(attrs[n].get("name", n)) for n in nodes],
                scale, markers)
    return ax


def plot_ego(ego: nx.MultiDiGraph, pos: Mapping[str, tuple[float, float]], *, ax=None,
             size: str = "slide", kinds: Iterable[str] | None = None,
             source: str | None = None):
    """Draw an ego network, its centre ringed.

    Parameters
    ----------
    ego : MultiDiGraph
        :func:`routekit.network.metrics.ego_graph` (it names its centre and radius).
    pos : mapping
        ``{id: (x, y)}``, e.g. :func:`routekit.network.layout.ego_layout`.
    ax, size, kinds, source
        As in :func:`plot_network`.

    Returns
    -------
    Axes
    """
    node, radius = ego.graph["ego"], ego.graph["radius"]
    return plot_network(ego, pos, ax=ax, size=size, kinds=kinds, highlight=node,
                        title=t("network.ego.title", name=ego.nodes[node].get("name", node)),
                        subtitle=t("network.ego.subtitle", count=len(ego) - 1, radius=radius),
                        source=source)
