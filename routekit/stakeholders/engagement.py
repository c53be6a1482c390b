"""The engagement list: per stakeholder how to involve them, and who should meet whom.

Following the Routekaart ("the art is to get these two groups talking"),
:func:`conversation_pairs` proposes pairs of an influential supporter and an
influential opponent (or doubter) who could talk: a supporter from the same
sector or area, who already works with them, and whom people trust, makes the
conversation easier.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"id": ["gem", "wijk", "school"],
...     "name": ["Gemeente", "Wijkteam", "School"], "sector": ["municipality"] * 2 + ["education"],
...     "area": [None, None, None], "binding": ["necessity", "passion", None],
...     "influence": [5, 4, 2], "attitude": [-1, 2, 1], "interest": [3, 4, 2],
...     "trust": [2, 4, 3], "involve": [None] * 3, "approach": [None] * 3, "action": [None] * 3})
>>> conversation_pairs(table)[["opponent", "supporter"]].values.tolist()
[['gem', 'wijk']]
"""

from __future__ import annotations

import pandas as pd

from routekit.i18n import t
from routekit.stakeholders.grids import GRIDS, krachtenveld, quadrants

__all__ = ["conversation_pairs", "engagement_list", "suggested_approach"]

_MENDELOW = GRIDS["mendelow"]


def _text(value) -> str | None:
    return None if value is None or pd.isna(value) or not str(value).strip() else str(value)


def suggested_approach(group: str, binding: str | None = None) -> str:
    """The suggested approach for a force-field group, tuned to what binds them.

    Examples
    --------
    >>> suggested_approach("key_opponents", "necessity").split(".")[0]
    'Ga vroeg en persoonlijk in gesprek en vraag naar hun bezwaren'
    """
    text = t(f"stakeholders.approach.{group}")
    binding = _text(binding)
    return f"{text} {t(f'stakeholders.approach.binding.{binding}')}" if binding else text


def engagement_list(table: pd.DataFrame, *, split: float = 3) -> pd.DataFrame:
    """Per stakeholder of one theme: group, quadrant and the suggested way to engage.

    A user's own ``involve``/``approach`` (typed in the form or the actor map)
    replaces the suggestion; ``suggested`` tells which rows still follow it.

    Parameters
    ----------
    table : DataFrame
        Register rows of one theme.
    split : float, default 3
        Score from which influence and interest count as high.

    Returns
    -------
    DataFrame
        Columns ``id``, ``name``, ``sector``, ``influence``, ``attitude``,
        ``interest``, ``group``, ``group_label``, ``quadrant``,
        ``quadrant_label``, ``involve``, ``approach``, ``action``,
        ``suggested``; most urgent first (manage closely, then keep satisfied,
        keep informed, monitor; more influence first).
    """
    rows = quadrants(krachtenveld(table, split=split), _MENDELOW, split_x=split, split_y=split)
    rows = rows[rows["quadrant"].notna()]
    own_involve = rows["involve"].map(_text) if "involve" in rows else None
    own_approach = rows["approach"].map(_text) if "approach" in rows else None
    suggested_involve = rows["quadrant_label"]
    suggested = [suggested_approach(g, b) for g, b in
                 zip(rows["group"], rows.get("binding", pd.Series(None, index=rows.index)),
                     strict=True)]
    involve = suggested_involve if own_involve is None else own_involve.fillna(suggested_involve)
    approach = pd.Series(suggested, index=rows.index, dtype="str")
    if own_approach is not None:
        approach = own_approach.fillna(approach)
    is_own = pd.Series(False, index=rows.index)
    for own in (own_involve, own_approach):
        if own is not None:
            is_own |= own.notna()
    out = rows.assign(involve=involve.astype("str"), approach=approach.astype("str"),
                      action=rows["action"].map(_text) if "action" in rows else None,
                      suggested=~is_own,
                      _q=rows["quadrant"].map({q: i for i, q in enumerate(_MENDELOW.quadrants)}))
    out = out.sort_values(["_q", "influence", "interest", "name"],
                          ascending=[True, False, False, True], kind="stable")
    columns = ["id", "name", "sector", "influence", "attitude", "interest", "group",
               "group_label", "quadrant", "quadrant_label", "involve", "approach", "action",
               "suggested"]
    return out[columns].reset_index(drop=True)


def _links(relations: pd.DataFrame | None) -> dict[frozenset, str]:
    if relations is None or relations.empty:
        return {}
    return {frozenset((s, g)): kind for s, g, kind in
            zip(relations["source"], relations["target"], relations["kind"], strict=True)}


def conversation_pairs(table: pd.DataFrame, relations: pd.DataFrame | None = None, *,
                       split: float = 3, doubters: bool = True) -> pd.DataFrame:
    """Suggest pairs of an influential supporter and an opponent to bring into conversation.

    Every influential opponent (and, with *doubters*, every influential
    neutral) gets the supporter who makes the best bridge; each supporter is
    used once while there are enough of them. A supporter scores for
    influence and trust, for sharing the sector (+3) or area (+2) and for an
    existing tie (+3; a conflict counts -4).

    Parameters
    ----------
    table : DataFrame
        Register rows of one theme.
    relations : DataFrame, optional
        ``route.table("relations")`` (step 4c), for existing ties.
    split : float, default 3
        Influence from which a stakeholder counts as influential.
    doubters : bool, default True
        Also pair influential doubters (attitude 0).

    Returns
    -------
    DataFrame
        Columns ``opponent``, ``opponent_name``, ``opponent_group``,
        ``supporter``, ``supporter_name``, ``score``, ``reasons`` (text);
        strongest opponents first. Empty when there are no influential
        opponents or no influential supporters.
    """
    rows = krachtenveld(table, split=split)
    wanted = ["key_opponents"] + (["influential_doubters"] if doubters else [])
    others = rows[rows["group"].isin(wanted)].sort_values(
        ["attitude", "influence"], ascending=[True, False], kind="stable")
    allies = rows[rows["group"] == "key_allies"]
    links = _links(relations)
    columns = ["opponent", "opponent_name", "opponent_group", "supporter", "supporter_name",
               "score", "reasons"]
    if others.empty or allies.empty:
        return pd.DataFrame(columns=columns)
    used: dict[str, int] = {}
    out = []
    for _, other in others.iterrows():
        best = None
        for _, ally in allies.iterrows():
            score, reasons = _bridge(other, ally, links)
            key = (used.get(ally["id"], 0), -score, ally["name"])
            if best is None or key < best[0]:
                best = (key, ally, score, reasons)
        _, ally, score, reasons = best
        used[ally["id"]] = used.get(ally["id"], 0) + 1
        out.append({"opponent": other["id"], "opponent_name": other["name"],
                    "opponent_group": other["group_label"], "supporter": ally["id"],
                    "supporter_name": ally["name"], "score": score,
                    "reasons": "; ".join(reasons)})
    return pd.DataFrame(out, columns=columns)


def _bridge(other: pd.Series, ally: pd.Series, links: dict[frozenset, str]) -> tuple[int, list]:
    """Score of *ally* as a conversation partner for *other*, with the reasons in words."""
    score = int(ally["influence"])
    trust = ally.get("trust")
    score += int(trust) if trust is not None and not pd.isna(trust) else 3
    reasons = []
    if _text(ally.get("sector")) and ally.get("sector") == other.get("sector"):
        score += 3
        reasons.append(t("stakeholders.pairs.same_sector"))
    if _text(ally.get("area")) and ally.get("area") == other.get("area"):
        score += 2
        reasons.append(t("stakeholders.pairs.same_area"))
    kind = links.get(frozenset((ally["id"], other["id"])))
    if kind == "conflict":
        score -= 4
        reasons.append(t("stakeholders.pairs.conflict"))
    elif kind is not None:
        score += 3
        reasons.append(t("stakeholders.pairs.tie", kind=t(f"stakeholders.relation.{kind}")))
    if trust is not None and not pd.isna(trust) and trust >= 4:
        reasons.append(t("stakeholders.pairs.trusted"))
    if not reasons:
        reasons.append(t("stakeholders.pairs.influential"))
    return score, reasons
