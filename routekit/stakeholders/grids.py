"""Stakeholder grids: which quadrant each stakeholder falls in, and what to do there.

Dutch practice uses several grids; each is a :class:`Grid` in :data:`GRIDS`:

``mendelow``
    power (influence) x interest: nauw betrekken, tevreden houden, informeren, monitoren.
``eden-ackermann``
    influence x interest: sleutelspelers, contextbepalers, betrokkenen, publiek.
``factor-c``
    shared interests x trust (the Dutch government's Factor C): vrienden,
    coalitiegenoten, tegenspelers, tegenstanders. Whether interests are shared
    is read from the attitude score (+1 or +2 = shared).

:func:`krachtenveld` sorts stakeholders by attitude and influence into the
groups of the force-field chart (sleutelbondgenoten, stille supporters, ...).
Scores are 1-5; a score counts as *high* from ``split`` (default 3) upward.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"name": ["Gemeente", "Buurthuis"], "influence": [5, 2],
...                       "interest": [2, 5], "attitude": [-1, 2], "trust": [2, 4]})
>>> quadrants(table, "mendelow")["quadrant"].tolist()
['keep_satisfied', 'keep_informed']
>>> krachtenveld(table)["group"].tolist()
['key_opponents', 'silent_supporters']
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from routekit.i18n import t

__all__ = ["GRIDS", "GROUPS", "SIDES", "Grid", "axis_label", "group_label", "krachtenveld",
           "quadrant_label", "quadrants", "side_label", "strategy"]

SIDES = ("supporter", "neutral", "opponent")
"""Sides of the force field, from attitude +1/+2, 0 and -1/-2."""

GROUPS = ("key_allies", "silent_supporters", "influential_doubters", "doubters",
          "key_opponents", "silent_opponents")
"""Force-field groups: side x (high or low influence)."""

_GROUP_OF = {("supporter", True): "key_allies", ("supporter", False): "silent_supporters",
             ("neutral", True): "influential_doubters", ("neutral", False): "doubters",
             ("opponent", True): "key_opponents", ("opponent", False): "silent_opponents"}


@dataclass(frozen=True)
class Grid:
    """A 2 x 2 stakeholder grid.

    Parameters
    ----------
    key : str
        Name in :data:`GRIDS` and in the message catalog.
    x, y : str
        Register columns on the axes.
    split_x, split_y : float
        A value counts as high from the split upward.
    quadrants : tuple of str
        Quadrant codes for (high x, high y), (low x, high y), (high x, low y),
        (low x, low y): top right, top left, bottom right, bottom left.
    """

    key: str
    x: str
    y: str
    split_x: float
    split_y: float
    quadrants: tuple[str, str, str, str]

    def quadrant(self, high_x: bool, high_y: bool) -> str:
        """Code of the quadrant for a point that is high or low on each axis."""
        return self.quadrants[(not high_x) + 2 * (not high_y)]


GRIDS: dict[str, Grid] = {grid.key: grid for grid in (
    Grid("mendelow", "interest", "influence", 3, 3,
         ("manage_closely", "keep_satisfied", "keep_informed", "monitor")),
    Grid("eden-ackermann", "interest", "influence", 3, 3,
         ("players", "context_setters", "subjects", "crowd")),
    Grid("factor-c", "attitude", "trust", 1, 3,
         ("friends", "rivals", "coalition", "adversaries")),
)}
"""The grids Dutch practice uses, by key."""


def _grid(grid: str | Grid) -> Grid:
    if isinstance(grid, Grid):
        return grid
    try:
        return GRIDS[grid]
    except KeyError:
        raise KeyError(t("stakeholders.problem.unknown_grid", grid=grid,
                         choices=", ".join(GRIDS))) from None


def quadrants(table: pd.DataFrame, grid: str | Grid = "mendelow", *, x: str | None = None,
              y: str | None = None, split_x: float | None = None,
              split_y: float | None = None) -> pd.DataFrame:
    """Assign each row of a register table to a quadrant of *grid*.

    Parameters
    ----------
    table : DataFrame
        Register rows of one theme (see :func:`routekit.stakeholders.register.register_table`).
    grid : str or Grid, default "mendelow"
        A key of :data:`GRIDS` or your own :class:`Grid`.
    x, y : str, optional
        Other register columns for the axes (the grid's quadrant names stay).
    split_x, split_y : float, optional
        Other thresholds for "high".

    Returns
    -------
    DataFrame
        A copy of *table* with ``x``, ``y`` (the axis values), ``quadrant``
        (code, missing where a score is missing), ``quadrant_label`` and
        ``strategy`` (Dutch or English text).
    """
    g = _grid(grid)
    x, y = x or g.x, y or g.y
    sx = g.split_x if split_x is None else split_x
    sy = g.split_y if split_y is None else split_y
    xs = pd.to_numeric(table[x]).astype("Float64")
    ys = pd.to_numeric(table[y]).astype("Float64")
    codes = [None if pd.isna(a) or pd.isna(b) else g.quadrant(bool(a >= sx), bool(b >= sy))
             for a, b in zip(xs, ys, strict=True)]
    out = table.assign(x=xs, y=ys, quadrant=pd.Series(codes, index=table.index, dtype="str"))
    return out.assign(
        quadrant_label=out["quadrant"].map(lambda q: quadrant_label(g, q), na_action="ignore"),
        strategy=out["quadrant"].map(lambda q: strategy(g, q), na_action="ignore"))


def quadrant_label(grid: str | Grid, quadrant: str) -> str:
    """Dutch (or English) name of a quadrant, e.g. ``"Nauw betrekken"``."""
    return t(f"stakeholders.grid.{_grid(grid).key}.{quadrant}")


def strategy(grid: str | Grid, quadrant: str) -> str:
    """The standard engagement strategy of a quadrant, in one or two sentences."""
    return t(f"stakeholders.grid.{_grid(grid).key}.{quadrant}.strategy")


def axis_label(column: str) -> str:
    """Axis title for a register column (``"influence"`` → ``"Invloed (1-5)"``)."""
    return t(f"stakeholders.axis.{column}")


def _side(attitude) -> str | None:
    if pd.isna(attitude):
        return None
    return "supporter" if attitude > 0 else "opponent" if attitude < 0 else "neutral"


def krachtenveld(table: pd.DataFrame, *, split: float = 3) -> pd.DataFrame:
    """Sort stakeholders into the groups of the force field (attitude x influence).

    Parameters
    ----------
    table : DataFrame
        Register rows of one theme.
    split : float, default 3
        Influence from which a stakeholder counts as influential.

    Returns
    -------
    DataFrame
        A copy with ``side`` (supporter/neutral/opponent), ``influential``
        (bool), ``group`` (a code of :data:`GROUPS`) and ``group_label``.
    """
    side = table["attitude"].map(_side)
    influence = pd.to_numeric(table["influence"]).astype("Float64")
    influential = (influence >= split).fillna(False).astype(bool)
    group = [None if s is None else _GROUP_OF[(s, bool(i))]
             for s, i in zip(side, influential, strict=True)]
    out = table.assign(side=side.astype("str"), influential=influential,
                       group=pd.Series(group, index=table.index, dtype="str"))
    return out.assign(group_label=out["group"].map(group_label, na_action="ignore"))


def group_label(group: str) -> str:
    """Dutch (or English) name of a force-field group, e.g. ``"Sleutelbondgenoten"``."""
    return t(f"stakeholders.group.{group}")


def side_label(side: str) -> str:
    """Dutch (or English) name of a side: voorstanders, neutraal, tegenstanders."""
    return t(f"stakeholders.side.{side}")
