"""Lewin's force-field analysis: driving against restraining forces around a goal.

Each force has a strength from 1 (weak) to 5 (strong); the totals of both
sides show whether the goal is within reach and which forces to work on.
Planned actions (strengthen a driving force, weaken a restraining one) travel
with the force.

Examples
--------
>>> import pandas as pd
>>> forces = pd.DataFrame({"theme": ["a", "a", "a"],
...     "direction": ["driving", "restraining", "driving"],
...     "description": ["Wethouder wil dit", "Geen budget", "Vrijwilligers"],
...     "strength": [4, 5, 2], "stakeholder": [None, None, None],
...     "action": [None, "Fondsen zoeken", None]})
>>> force_totals(force_field(forces, "a"))
{'driving': 6, 'restraining': 5, 'balance': 1, 'forces': 3, 'actions': 1}
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["force_field", "force_totals"]

DIRECTIONS = ("driving", "restraining")


def force_field(forces: pd.DataFrame, theme: str,
                names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The forces of one theme, strongest first within each direction.

    Parameters
    ----------
    forces : DataFrame
        ``route.table("forces")``.
    theme : str
    names : mapping, optional
        Stakeholder id → name, for column ``stakeholder_name``.

    Returns
    -------
    DataFrame
        Columns ``direction``, ``description``, ``strength``, ``signed``
        (strength, negative for restraining forces), ``stakeholder``,
        ``stakeholder_name``, ``action`` and ``rank`` (0 = strongest of its side).
    """
    part = forces[forces["theme"] == theme] if len(forces) else forces
    columns = ["direction", "description", "strength", "stakeholder", "action"]
    part = part.reindex(columns=columns)
    part = part.assign(strength=pd.to_numeric(part["strength"]).astype("Int64"),
                       _order=part["direction"].map({d: i for i, d in enumerate(DIRECTIONS)}))
    part = part.sort_values(["_order", "strength"], ascending=[True, False], kind="stable")
    part = part.drop(columns="_order").reset_index(drop=True)
    sign = part["direction"].map({"driving": 1, "restraining": -1}).astype("Int64")
    lookup = dict(names or {})
    return part.assign(
        signed=part["strength"] * sign,
        stakeholder_name=part["stakeholder"].map(lambda s: lookup.get(s, s),
                                                 na_action="ignore"),
        rank=part.groupby("direction").cumcount())


def force_totals(field: pd.DataFrame) -> dict[str, int]:
    """Totals of a force field: driving, restraining, balance, number of forces and actions."""
    strength = pd.to_numeric(field["strength"]).fillna(0)
    driving = int(strength[field["direction"] == "driving"].sum())
    restraining = int(strength[field["direction"] == "restraining"].sum())
    actions = field["action"].fillna("").astype(str).str.strip().ne("")
    return {"driving": driving, "restraining": restraining, "balance": driving - restraining,
            "forces": len(field), "actions": int(actions.sum())}
