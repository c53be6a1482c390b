"""How much of the work or the ties of a community rests on one or two people.

The Routekaart warns that a community that leans on one or two people falls
apart when they leave. :func:`concentration` measures that for any count per
person — tasks per owner in the plan, ties per stakeholder in the network —
with the share of the top one and top two, a Herfindahl-Hirschman index and a
level with a plain sentence; :func:`concentration_of` does the same for items
with several people each (a tie has two ends, a task may have two owners).
The same measure is used everywhere in routekit, so "let op" in the plan
means the same as "let op" in the network.

Examples
--------
>>> import pandas as pd
>>> result = concentration(pd.Series({"ans": 6, "piet": 2, "mo": 2}))
>>> result.top, result.top1_share, result.level
(('ans', 'mo'), 0.6, 'risk')
>>> round(result.hhi, 2)
0.44
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from routekit.i18n import t

__all__ = ["LEVELS", "OwnershipConcentration", "concentration", "concentration_of"]

LEVELS = ("ok", "watch", "risk")
"""Level codes, from spread out to resting on one or two people."""

RISK_TOP1, RISK_TOP2 = 0.5, 0.7
"""From these shares (top one, top two together) the level is ``"risk"``."""
WATCH_TOP1, WATCH_TOP2 = 0.3, 0.5
"""From these shares the level is ``"watch"`` ("let op")."""


@dataclass(frozen=True)
class OwnershipConcentration:
    """How concentrated a count per person is.

    Attributes
    ----------
    total : float
        Number of items: the sum of the counts, or the number of items given
        to :func:`concentration_of`.
    holders : int
        People with a count above zero.
    top : tuple of str
        Ids of the top one and top two people (largest first, ties by id).
    names : tuple of str
        Display names of ``top``.
    top1_share, top2_share : float
        Share (0–1) of the items that involve the top person, and the top two.
    hhi : float
        Herfindahl-Hirschman index: sum of squared shares (1/holders … 1).
    effective_holders : float
        ``1 / hhi``: the number of equally loaded people that gives the same index.
    level : {"ok", "watch", "risk"}
        ``"risk"`` when the top one holds at least 50% or the top two 70%;
        ``"watch"`` from 30% or 50%; otherwise ``"ok"`` (also when empty).
    """

    total: float
    holders: int
    top: tuple[str, ...]
    names: tuple[str, ...]
    top1_share: float
    top2_share: float
    hhi: float
    effective_holders: float
    level: str

    @property
    def label(self) -> str:
        """The level in the current language ("ok", "let op", "risico")."""
        return t(f"community.level.{self.level}")

    def describe(self, what: str | None = None, *, lang: str | None = None) -> str:
        """Say plainly how much rests on the top one or two people.

        Parameters
        ----------
        what : str, optional
            What is counted, as a noun phrase in the same language, e.g.
            ``"de taken"``; defaults to "het werk" / "the work".
        lang : str, optional
            Language; defaults to the current one.

        Examples
        --------
        >>> concentration({"ans": 3, "mo": 1}).describe("de taken")[:55]
        'Ans is betrokken bij 75% van de taken; samen met Mo bij'
        """
        what = what or t("community.what", lang=lang)
        if not self.holders:
            return t("community.empty", lang=lang, what=what)
        first = t("community.top1", lang=lang, name=self.names[0], share=_pct(self.top1_share),
                  what=what)
        if self.holders > 1:
            first += t("community.top2", lang=lang, name=self.names[1],
                       share=_pct(self.top2_share))
        verdict = t(f"community.verdict.{self.level}", lang=lang, holders=self.holders,
                    effective=round(self.effective_holders))
        return f"{first}. {verdict}"

    @property
    def sentence(self) -> str:
        """:meth:`describe` with the default wording in the current language."""
        return self.describe()


def _pct(share: float) -> str:
    return f"{round(share * 100):d}%"


def _level(top1: float, top2: float, holders: int) -> str:
    if not holders:
        return "ok"
    if top1 >= RISK_TOP1 or top2 >= RISK_TOP2:
        return "risk"
    if top1 >= WATCH_TOP1 or top2 >= WATCH_TOP2:
        return "watch"
    return "ok"


def _clean(counts: pd.Series | Mapping[str, float]) -> pd.Series:
    """Positive counts as floats indexed by str, largest first (ties by id); checked."""
    series = pd.Series(counts, dtype="object") if not isinstance(counts, pd.Series) else counts
    values = pd.to_numeric(series, errors="coerce")
    bad = values.isna() & series.notna()
    if bad.any():
        raise ValueError(t("community.error.number", ids=", ".join(map(str, series.index[bad]))))
    if (values < 0).any():
        raise ValueError(t("community.error.negative",
                           ids=", ".join(map(str, values.index[values < 0]))))
    values = values[values > 0].astype(float)
    values.index = values.index.map(str)
    return values[sorted(values.index, key=lambda key: (-values[key], key))]


def _result(values: pd.Series, items: float, top2_items: float,
            names: Mapping[str, str] | None) -> OwnershipConcentration:
    holders = len(values)
    top = tuple(values.index[:2])
    names = dict(names or {})
    shares = values / values.sum() if holders else values
    hhi = float((shares ** 2).sum())
    top1 = float(values.iloc[0]) / float(items) if holders else 0.0
    top2 = float(top2_items) / items if holders else 0.0
    return OwnershipConcentration(
        total=float(items), holders=holders, top=top,
        names=tuple(names.get(key) or key.replace("-", " ").capitalize() for key in top),
        top1_share=top1, top2_share=top2, hhi=hhi,
        effective_holders=1 / hhi if hhi else 0.0,
        level=_level(top1, top2, holders),
    )


def concentration(counts: pd.Series | Mapping[str, float], *,
                  names: Mapping[str, str] | None = None) -> OwnershipConcentration:
    """Measure how much of *counts* rests on the top one or two people.

    Shares are of the sum of the counts, which is right when every item (a
    task, a tie) has one person; when items can have several people, use
    :func:`concentration_of` for the exact share of items they are involved in.

    Parameters
    ----------
    counts : Series or mapping
        Count (tasks, weighted ties …) per person id; zeros and missing
        values are ignored. Use :meth:`pandas.Series.value_counts` on an owner
        column to get one.
    names : mapping, optional
        Display name per id; ids without one are shown capitalised.

    Returns
    -------
    OwnershipConcentration

    Raises
    ------
    ValueError
        If a count is negative or not a number.

    Examples
    --------
    >>> star = concentration({"hub": 4, "a": 1, "b": 1, "c": 1, "d": 1})
    >>> star.level, star.top1_share
    ('risk', 0.5)
    >>> concentration({p: 1 for p in "abcdefgh"}).level
    'ok'
    """
    values = _clean(counts)
    return _result(values, values.sum(), values.iloc[:2].sum(), names)


def concentration_of(items: Iterable[Iterable[str]], *,
                     names: Mapping[str, str] | None = None) -> OwnershipConcentration:
    """Like :func:`concentration`, for items that each involve one or more people.

    The top one's share is the share of items they are involved in, the top
    two's share that of items involving either of them (counted once). The
    index (HHI) is computed on the involvement counts. Items without people
    count as unassigned work.

    Parameters
    ----------
    items : iterable of iterables of str
        People per item, e.g. the owners of every task or the two ends of every tie.
    names : mapping, optional
        Display name per id.

    Examples
    --------
    >>> star = concentration_of([("hub", leaf) for leaf in "abcde"])
    >>> star.top1_share, star.level
    (1.0, 'risk')
    >>> ring = concentration_of([(i, (i + 1) % 8) for i in range(8)])
    >>> ring.top1_share, ring.top2_share, ring.level
    (0.25, 0.375, 'ok')
    """
    groups = [{str(person) for person in item} for item in items]
    counts = pd.Series([person for group in groups for person in group],
                       dtype="str").value_counts()
    values = _clean(counts)
    top = set(values.index[:2])
    return _result(values, len(groups), sum(1 for group in groups if group & top), names)
