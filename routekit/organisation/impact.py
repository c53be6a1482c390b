"""The personal impact plan of route step 2: where the librarian really has influence.

Items (a situation, person or group) with the influence she has on them:
direct, indirect or none.

Examples
--------
>>> from routekit.records.organisation import ImpactItem
>>> table = impact_table([ImpactItem(subject="Teamleider", kind="persoon",
...                                  influence="indirect")])
>>> count_by_influence(table)["count"].tolist()
[0, 1, 0]
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from routekit.i18n import t
from routekit.records.organisation import INFLUENCE, ImpactItem

__all__ = ["count_by_influence", "impact_table", "with_item"]


def impact_table(items: Iterable[ImpactItem]) -> pd.DataFrame:
    """The impact plan's items, with kind and influence in words.

    Returns
    -------
    DataFrame
        Columns ``subject, kind, influence, value, kind_name, influence_name``
        (codes in ``kind``/``influence``), ordered direct → indirect → none.
    """
    rows = [item.model_dump(include={"subject", "kind", "influence", "value"})
            for item in items]
    frame = pd.DataFrame(rows, columns=["subject", "kind", "influence", "value"])
    frame = frame.assign(kind_name=[t(f"organisation.kind.{k}") for k in frame["kind"]],
                         influence_name=[t(f"organisation.influence.{i}")
                                         for i in frame["influence"]])
    order = frame["influence"].map(INFLUENCE.index)
    return frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def count_by_influence(table: pd.DataFrame) -> pd.DataFrame:
    """Impact items (:func:`impact_table`) counted per influence level (direct, indirect, none).

    Returns
    -------
    DataFrame
        One row per level: ``influence``, ``influence_name``, ``count``,
        ``situation``, ``person``, ``group`` (counts per kind) and ``subjects``.
    """
    rows = []
    for level in INFLUENCE:
        part = table[table["influence"] == level]
        rows.append({"influence": level, "influence_name": t(f"organisation.influence.{level}"),
                     "count": len(part)}
                    | {kind: int((part["kind"] == kind).sum())
                       for kind in ("situation", "person", "group")}
                    | {"subjects": ", ".join(part["subject"])})
    return pd.DataFrame(rows)


def with_item(items: Iterable[ImpactItem], subject: str, *, kind: str, influence: str,
              value: str = "") -> list[dict]:
    """*items* as dicts with one item added, replacing an item of the same subject.

    Examples
    --------
    >>> old = [ImpactItem(subject="Leesclub", kind="groep", influence="direct")]
    >>> [i["influence"] for i in with_item(old, "leesclub ", kind="group", influence="none")]
    ['none']
    """
    item = {"subject": subject, "kind": kind, "influence": influence, "value": value}
    return [i.model_dump() for i in items
            if i.subject.casefold() != subject.strip().casefold()] + [item]
