"""Theme comparison: around which theme are most stakeholders, and most opponents?

The Routekaart asks for exactly this view. :func:`theme_comparison` counts per
theme the supporters, neutrals and opponents (and how many of each are
influential); :func:`theme_findings` turns it into sentences for a manager.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"theme": ["a", "a", "b"], "attitude": [2, -1, 1],
...                       "influence": [4, 5, 2]})
>>> theme_comparison(table)[["theme", "supporters", "opponents", "key_opponents"]]
  theme  supporters  opponents  key_opponents
0     a           1          1              1
1     b           1          0              0
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from routekit.i18n import t
from routekit.stakeholders.grids import krachtenveld

__all__ = ["theme_comparison", "theme_findings"]

_COUNTS = {"supporters": "supporter", "neutrals": "neutral", "opponents": "opponent"}


def theme_comparison(table: pd.DataFrame, themes: Sequence[str] | None = None,
                     names: Mapping[str, str] | None = None, *,
                     split: float = 3) -> pd.DataFrame:
    """Count supporters, neutrals and opponents per theme, and how influential they are.

    Parameters
    ----------
    table : DataFrame
        The register of all themes (``register(route)``): columns ``theme``,
        ``attitude``, ``influence``.
    themes : sequence of str, optional
        Themes to show, in this order (themes without positions get zeros).
        Default: the themes in *table*, in order of appearance.
    names : mapping, optional
        Theme id → display name (column ``name``); the id when missing.
    split : float, default 3
        Influence from which a stakeholder counts as influential.

    Returns
    -------
    DataFrame
        One row per theme: ``theme``, ``name``, ``stakeholders``, ``supporters``,
        ``neutrals``, ``opponents``, ``key_allies``, ``influential_doubters``,
        ``key_opponents`` (influential ones), ``influence_supporters``,
        ``influence_opponents`` (summed influence) and ``balance`` (sum of
        attitude x influence: above 0 the wind is with you).
    """
    rows = table[table["theme"].notna()]
    rows = krachtenveld(rows, split=split)
    order = list(themes) if themes is not None else list(dict.fromkeys(rows["theme"]))
    out = []
    for theme in order:
        part = rows[rows["theme"] == theme]
        influence = pd.to_numeric(part["influence"]).fillna(0)
        record = {"theme": theme, "name": (names or {}).get(theme, theme),
                  "stakeholders": len(part)}
        record |= {column: int((part["side"] == side).sum()) for column, side in _COUNTS.items()}
        record |= {group: int((part["group"] == group).sum())
                   for group in ("key_allies", "influential_doubters", "key_opponents")}
        record["influence_supporters"] = int(influence[part["side"] == "supporter"].sum())
        record["influence_opponents"] = int(influence[part["side"] == "opponent"].sum())
        record["balance"] = int((pd.to_numeric(part["attitude"]).fillna(0) * influence).sum())
        out.append(record)
    return pd.DataFrame(out, columns=["theme", "name", "stakeholders", *_COUNTS, "key_allies",
                                      "influential_doubters", "key_opponents",
                                      "influence_supporters", "influence_opponents", "balance"])


def theme_findings(comparison: pd.DataFrame) -> list[str]:
    """The answers a manager asks for, as sentences (in the current language).

    Names the theme with the most stakeholders, the one with the most
    opponents (and influential opponents) and the one with the most
    favourable balance. Ties are named together.

    Examples
    --------
    >>> comparison = pd.DataFrame({"name": ["A", "B"], "stakeholders": [5, 3],
    ...     "supporters": [4, 1], "opponents": [1, 2], "key_opponents": [0, 2],
    ...     "balance": [9, -3]})
    >>> theme_findings(comparison)[0]
    'De meeste belanghebbenden (5) staan rond het thema A.'
    """
    if comparison.empty or comparison["stakeholders"].sum() == 0:
        return [t("stakeholders.findings.none")]

    def best(column: str, largest: bool = True) -> tuple[str, int]:
        values = comparison[column]
        value = values.max() if largest else values.min()
        chosen = comparison.loc[values == value, "name"].tolist()
        return t("stakeholders.findings.and").join(chosen), int(value)

    sentences = [t("stakeholders.findings.most_stakeholders",
                   theme=best("stakeholders")[0], count=best("stakeholders")[1])]
    theme, count = best("opponents")
    if count:
        key_theme, key_count = best("key_opponents")
        sentences.append(t("stakeholders.findings.most_opponents", theme=theme, count=count))
        if key_count:
            sentences.append(t("stakeholders.findings.key_opponents", theme=key_theme,
                               count=key_count))
    else:
        sentences.append(t("stakeholders.findings.no_opponents"))
    sentences.append(t("stakeholders.findings.best_balance", theme=best("balance")[0]))
    worst, value = best("balance", largest=False)
    if value < 0:
        sentences.append(t("stakeholders.findings.negative_balance", theme=worst))
    return sentences
