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

import functools
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


_HEAD_LENGTH, _HEAD_WIDTH = 0.4, 0.2
"""matplotlib's ``"-|>"`` arrowhead, relative to the arrow's size (points)."""


def _ties(graph, pos, kinds, sizes, faded: set) -> dict[str, dict]:
    """Per kind, the ties to draw as arrays (rows in a steady order).

    ``ends`` (n, 2, 2) in data coordinates; ``rad`` the bend (parallel ties bend apart:
    0, +0.15, -0.15, +0.3 …); ``shrink`` (n, 2) the node radius at each end and
    ``head`` the arrowhead size (0: undirected), in points; ``width`` the line width by
    strength; ``alpha`` pale for a tie touching a *faded* stakeholder.
    """
    import numpy as np

    pairs = Counter(frozenset((u, v)) for u, v, k in graph.edges(keys=True) if k in kinds)
    seen: Counter = Counter()
    rows: dict[str, list] = {kind: [] for kind in kinds}
    for u, v, kind, data in sorted(graph.edges(keys=True, data=True),
                                   key=lambda e: (e[0], e[1], e[2])):
        if kind not in rows or u not in pos or v not in pos:
            continue
        pair = frozenset((u, v))
        index = seen[pair]
        seen[pair] += 1
        rad = 0.0 if pairs[pair] == 1 else 0.15 * ((index // 2) + 1) * (1 if index % 2 else -1)
        strength = data.get("strength", 3)
        rows[kind].append((*pos[u], *pos[v], -rad if u > v else rad,
                           sizes[u] ** 0.5 / 2 + 1, sizes[v] ** 0.5 / 2 + 2,
                           9 + strength * 1.5 if data.get("directed", True) else 0.0,
                           0.5 + 0.45 * strength, 0.25 if (u in faded or v in faded) else 0.85))
    found = {}
    for kind, table in rows.items():
        if table:
            a = np.array(table, dtype=float)
            found[kind] = {"ends": a[:, :4].reshape(-1, 2, 2), "rad": a[:, 4],
                           "shrink": a[:, 5:7], "head": a[:, 7], "width": a[:, 8],
                           "alpha": a[:, 9]}
    return found


def _leave(q, k):
    """Where (0–1) an arc3 curve with ``rad² = k`` is *q* chord lengths from its start.

    The distance is ``t·√(1 + 4k(1 − t)²)`` chords (it grows along the curve for any
    ``|rad| < 1.4``): Newton's method from ``t = q``, exact for a straight tie.
    """
    import numpy as np

    t = q.copy()
    for _ in range(6):
        s = np.sqrt(1 + 4 * k * (1 - t) ** 2)
        t = np.clip(t - (t * s - q) * s / (s * s - 4 * k * t * (1 - t)), 0.0, 1.0)
    return t


def _arcs(start, end, rad, shrink):
    """The arc3 curves (quadratic Béziers, as ``FancyArrowPatch``) from *start* to *end*
    (n, 2), bent by *rad*, without their first and last *shrink* (n, 2): (n, 3, 2).

    As matplotlib does it, but exact and for all ties at once: an end is not shrunk when
    the rest of the curve lies inside its circle (nodes that overlap).
    """
    import numpy as np

    chord = end - start
    length = np.hypot(chord[:, 0], chord[:, 1])
    control = (start + end) / 2 + rad[:, None] * np.column_stack([chord[:, 1], -chord[:, 0]])
    q = shrink / np.where(length > 0, length, np.inf)[:, None]
    k = rad ** 2
    t0 = np.where(q[:, 0] <= 1, _leave(np.minimum(q[:, 0], 1), k), 0.0)
    t1 = 1 - _leave(np.minimum(q[:, 1], 1), k)  # the curve backwards is arc3 with -rad
    t1 = np.where((q[:, 1] <= 1) & (t0 <= t1), t1, 1.0)

    def blossom(s, t):  # de Casteljau: the part of the curve from s to t has these points
        s, t = s[:, None], t[:, None]
        return (1 - s) * (1 - t) * start + ((1 - s) * t + s * (1 - t)) * control + s * t * end

    return np.stack([blossom(t0, t0), blossom(t0, t1), blossom(t1, t1)], axis=1)


def _tie_shapes(ties, to_display, px_per_pt: float):
    """The lines (n, 3, 2) and arrowheads (n, 4, 2, closed) of *ties* (see :func:`_ties`)
    in display space (*px_per_pt* pixels a point), as matplotlib's ``"-|>"`` arrow draws
    them: a directed line runs to the tip of its head, which lies back from the end by
    as much as the stroke of the head's outline sticks out beyond it."""
    import numpy as np

    ends = to_display.transform(ties["ends"].reshape(-1, 2)).reshape(-1, 2, 2)
    curves = _arcs(ends[:, 0], ends[:, 1], ties["rad"], ties["shrink"] * px_per_pt)
    back = curves[:, 1] - curves[:, 2]
    norm = np.hypot(back[:, 0], back[:, 1])
    back /= np.where(norm > 0, norm, 1.0)[:, None]
    slant = np.hypot(_HEAD_LENGTH, _HEAD_WIDTH)
    cos, sin = _HEAD_LENGTH / slant, _HEAD_WIDTH / slant
    pad = np.where(ties["head"] > 0, 0.5 * ties["width"] * px_per_pt / sin, 0.0)
    tip = curves[:, 2] + pad[:, None] * back
    curves[:, 2] = tip
    side = back * (ties["head"] * px_per_pt * slant)[:, None]
    left = np.column_stack([cos * side[:, 0] + sin * side[:, 1],
                            cos * side[:, 1] - sin * side[:, 0]])
    right = np.column_stack([cos * side[:, 0] - sin * side[:, 1],
                             cos * side[:, 1] + sin * side[:, 0]])
    return curves, np.stack([tip + left, tip, tip + right, tip], axis=1)


@functools.cache
def _ties_artist():
    """The artist class of :func:`_edges` (made once, so matplotlib loads when drawing)."""
    from matplotlib.collections import Collection
    from matplotlib.path import Path

    arc = [Path.MOVETO, Path.CURVE3, Path.CURVE3]
    wedge = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]

    class Ties(Collection):
        """Ties of one kind, a path each, or with *heads* their arrowheads; shaped in
        display space whenever asked, so at any size and resolution they end at the
        node edges."""

        def __init__(self, ties, *, heads: bool = False, **kwargs):
            from matplotlib.transforms import IdentityTransform

            super().__init__(transform=IdentityTransform(), **kwargs)
            self._ties, self._heads = ties, heads

        def get_paths(self):
            lines, wedges = _tie_shapes(self._ties, self.axes.transData,
                                        self.get_figure(root=True).dpi / 72)
            if self._heads:
                return [Path(w, wedge) for w in wedges]
            return [Path(line, arc) for line in lines]

    return Ties


def _edges(ax, graph, pos, kinds, sizes, faded: set) -> None:
    """The ties under the nodes: per kind a collection of curves (gid ``edge-<kind>``,
    one path per tie) and one of the arrowheads of its directed ties
    (``arrowheads-<kind>``)."""
    from matplotlib.colors import to_rgba_array

    if graph.number_of_edges() >= MANY_EDGES:
        _lines(ax, graph, pos, kinds)
        return
    styles = edge_styles()
    ties_artist = _ties_artist()
    # kinds in name order: parallel ties overlap as before (sorted by their ends and kind)
    for kind, ties in sorted(_ties(graph, pos, kinds, sizes, faded).items()):
        colours = to_rgba_array(styles[kind]["color"], ties["alpha"])
        look = {"linestyle": styles[kind]["linestyle"], "capstyle": "round",
                "joinstyle": "round", "zorder": 1}
        ax.add_collection(ties_artist(ties, edgecolors=colours, facecolors="none",
                                      linewidths=ties["width"], gid=f"edge-{kind}", **look),
                          autolim=False)
        directed = ties["head"] > 0
        if directed.any():
            heads = {name: column[directed] for name, column in ties.items()}
            ax.add_collection(ties_artist(heads, heads=True, edgecolors=colours[directed],
                                          facecolors=colours[directed],
                                          linewidths=heads["width"],
                                          gid=f"arrowheads-{kind}", **look), autolim=False)


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
        Stakeholders are scatter collections with gid ``nodes-<kind of actor>``; ties
        are collections ``edge-<kind>`` (a path per tie, shaped again at every draw so
        they meet the nodes at any size and resolution) and ``arrowheads-<kind>``
        (straight lines in one ``edges-<kind>`` collection from :data:`MANY_EDGES` on).
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
