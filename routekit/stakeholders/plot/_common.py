"""What the stakeholder bubble charts share: short labels, spreading, sector colours, legends."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.records.stakeholders import SECTORS
from routekit.style import figure_scale, get_style, palette

__all__ = ["NAME_GID", "bubble_names", "bubbles", "is_narrow", "label_budget", "name_bubbles",
           "short_name", "spread"]

_LEGEND_GID = "routekit-stakeholder-legend"
NAME_GID = "routekit-stakeholder-name"
"""The ``gid`` of the names :func:`name_bubbles` places (what :func:`bubble_names` finds)."""


def bubble_names(ax) -> list:
    """The name labels a bubble chart placed on *ax* (Text artists, in placing order).

    Examples
    --------
    >>> from routekit.style import figure_axes
    >>> bubble_names(figure_axes())
    []
    """
    return [text for text in ax.texts if text.get_gid() == NAME_GID]


def is_narrow(fig) -> bool:
    """True for square and portrait figures (legends go below, titles wrap sooner)."""
    width, height = fig.get_size_inches()
    return width < 1.25 * height


def short_name(name: str, width: int = 22, lines: int = 3) -> str:
    """A label of at most *lines* lines of about *width* characters (parentheses dropped;
    three lines hold a full organisation name such as "Gemeente Sleutelwaard – team
    Financiën en Subsidies").

    Examples
    --------
    >>> short_name("Wethouder Karin Verhoef (Sociaal Domein en Cultuur)")
    'Wethouder Karin\\nVerhoef'
    """
    plain = re.sub(r"\s*\([^)]*\)", "", str(name)).strip() or str(name)
    return "\n".join(textwrap.wrap(plain, width, max_lines=lines, placeholder="…"))


def spread(x, y, radius: float = 0.3) -> tuple[np.ndarray, np.ndarray]:
    """Spread points that share a position over a small sunflower around it (deterministic)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    out_x, out_y = x.copy(), y.copy()
    cells: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(x, y, strict=True)):
        cells.setdefault(key, []).append(i)
    golden = np.pi * (3 - np.sqrt(5))
    for members in cells.values():
        n = len(members)
        if n < 2:
            continue
        k = np.arange(n)
        r = radius * np.sqrt((k + 0.5) / n)
        out_x[members] += r * np.cos(k * golden)
        out_y[members] += r * np.sin(k * golden)
    return out_x, out_y


#: Room one named bubble needs (square inches of axes): a small figure names fewer.
LABEL_ROOM_IN2 = 1.0


def label_budget(ax) -> int:
    """How many bubbles *ax* has room to name legibly (from its size as laid out last:
    call after :func:`routekit.style.finish`)."""
    fig = ax.get_figure(root=True)
    box = ax.get_window_extent()
    return max(1, int(box.width * box.height / fig.dpi ** 2 / LABEL_ROOM_IN2))


def bubbles(ax, frame: pd.DataFrame, x, y):
    """Draw one bubble per stakeholder (colour = sector, size = interest) and the legends.

    Returns the markers (a PathCollection) for :func:`name_bubbles`.
    """
    from matplotlib.lines import Line2D

    s = get_style()
    scale = figure_scale(ax.get_figure(root=True))
    present = [code for code in SECTORS if code in set(frame["sector"])]
    colours = dict(zip(present, palette(len(present)), strict=True))
    interest = pd.to_numeric(frame["interest"]).fillna(1).to_numpy(dtype=float)
    size = (4 + 3.2 * interest) ** 2 * scale
    dots = ax.scatter(x, y, s=size, c=[colours[c] for c in frame["sector"]], alpha=0.85,
                      edgecolors="white", linewidths=0.8, zorder=3)
    sector_handles = [Line2D([], [], marker="o", linestyle="", markersize=9 * scale ** 0.5,
                             markerfacecolor=colours[c], markeredgecolor="white",
                             label=t(f"stakeholders.sector.{c}")) for c in present]
    size_handles = [Line2D([], [], marker="o", linestyle="", color=s.neutral, alpha=0.6,
                           markersize=(4 + 3.2 * v) * scale ** 0.5, label=str(v))
                    for v in (1, 3, 5)]
    fig = ax.get_figure(root=True)
    for old in [legend for legend in fig.legends if legend.get_gid() == _LEGEND_GID]:
        old.remove()
    if is_narrow(fig):  # square or portrait: one legend below the chart
        legend = fig.legend(handles=sector_handles + size_handles, loc="outside lower center",
                            ncol=3, title=f"{t('stakeholders.chart.sector')} · "
                            f"{t('stakeholders.chart.interest_size')}",
                            fontsize=s.font_size * scale * 0.75)
        legend.set_gid(_LEGEND_GID)
    else:
        for handles, title, loc in ((sector_handles, "sector", "upper"),
                                    (size_handles, "interest_size", "lower")):
            legend = fig.legend(handles=handles, title=t(f"stakeholders.chart.{title}"),
                                loc=f"outside right {loc}", alignment="left",
                                labelspacing=1.1 if loc == "lower" else 0.5)
            legend.set_gid(_LEGEND_GID)
    return dots


def name_bubbles(ax, frame: pd.DataFrame, x, y, dots, *, count: int | None = None,
                 avoid=()) -> list:
    """Name the *count* most influential (then most interested) bubbles; all by default.

    Call after :func:`routekit.style.finish`: the labels are placed on that layout
    (they take no part in it), clear of the bubbles and of *avoid* (headings).
    Returns the label texts (for :func:`routekit.labels.labels_overlap`); later they are
    found with :func:`bubble_names`.
    """
    from routekit.labels import place_labels

    if frame.empty:
        return []
    s = get_style()
    scale = figure_scale(ax.get_figure(root=True))
    interest = pd.to_numeric(frame["interest"]).fillna(1).to_numpy(dtype=float)
    rank = frame.assign(_influence=pd.to_numeric(frame["influence"]),
                        _interest=interest).reset_index(drop=True)
    named = sorted(rank.sort_values(["_influence", "_interest"], ascending=False,
                                    kind="stable").index[:count or len(frame)])
    return place_labels(ax, np.asarray(x)[named], np.asarray(y)[named],
                        [short_name(n) for n in frame["name"].iloc[named]],
                        fontsize=s.font_size * scale * 0.72, linespacing=0.95,
                        avoid=[dots, *avoid], laid_out=True, gid=NAME_GID)
