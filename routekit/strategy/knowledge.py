"""Knowledge creation (Lankes): the four conditions scored, and the community's place in the cycle.

Per theme (community) the librarian scores access, knowledge, environment and
motivation from 1 (absent) to 5 (fully in place) with a note, and marks the
stage of the cycle shared activity → knowledge creation → shared ownership →
social impact. Weak conditions (2 or lower) get a concrete piece of advice.
The record of a theme is ``route.get_or_new("knowledge", theme)``; drawn by
:mod:`routekit.strategy.plot`.

Examples
--------
>>> record = KnowledgeCreation(theme="x", access={"score": 4}, motivation={"score": 2},
...                            stage="shared_activity")
>>> conditions_table(record)["score"].tolist()
[4.0, nan, nan, 2.0]
>>> weak_conditions(record)
['motivation']
"""

from __future__ import annotations

import math

import pandas as pd

from routekit.i18n import t
from routekit.records.strategy import KnowledgeCreation

__all__ = ["CONDITIONS", "WEAK_AT_OR_BELOW", "advice", "conditions_table", "weak_conditions"]

CONDITIONS = ("access", "knowledge", "environment", "motivation")
"""Lankes' four conditions for knowledge creation, in his order."""

WEAK_AT_OR_BELOW = 2
"""A condition scored this or lower is weak (gets advice and the warning colour)."""


def conditions_table(record: KnowledgeCreation) -> pd.DataFrame:
    """The four conditions: ``condition``, ``label``, ``score`` (NaN if unscored), ``note``."""
    rows = [{"condition": name, "label": t(f"strategy.condition.{name}"),
             "score": float(getattr(record, name).score)
             if getattr(record, name).score is not None else math.nan,
             "note": getattr(record, name).note} for name in CONDITIONS]
    return pd.DataFrame(rows)


def weak_conditions(record: KnowledgeCreation, *,
                    threshold: int = WEAK_AT_OR_BELOW) -> list[str]:
    """Conditions scored at or below *threshold*, weakest first."""
    table = conditions_table(record).dropna(subset=["score"])
    table = table[table["score"] <= threshold].sort_values("score", kind="stable")
    return table["condition"].tolist()


def advice(record: KnowledgeCreation) -> list[str]:
    """What to work on next: advice for each weak condition, and which are unscored."""
    out = [t(f"strategy.advice.{name}") for name in weak_conditions(record)]
    unscored = [t(f"strategy.condition.{n}") for n in CONDITIONS
                if getattr(record, n).score is None]
    if unscored:
        out.append(t("strategy.advice.unscored", conditions=", ".join(unscored)))
    return out or [t("strategy.advice.none")]
