"""Stakeholders and the force field (route step 4b).

Compute (pandas only; import is light):

* :mod:`~routekit.stakeholders.register` — the register as one table, duplicate names;
* :mod:`~routekit.stakeholders.grids` — force-field groups and the stakeholder grids;
* :mod:`~routekit.stakeholders.themes` — theme comparison;
* :mod:`~routekit.stakeholders.forcefield` — Lewin's force field;
* :mod:`~routekit.stakeholders.engagement` — engagement list and conversation pairs;
* :mod:`~routekit.stakeholders.actormap` — the actor map to and from Excel.

Route: :mod:`routekit.stakeholders.stored` reads the register and forces of a
route, checks them and changes them (the editing API).

Draw: :mod:`routekit.stakeholders.plot` (one module per chart family).

Examples
--------
>>> from routekit.stakeholders import register, krachtenveld
>>> from routekit.workspace import Route
>>> groups = krachtenveld(register(Route.open("data/sample-route"), "eenzaamheid"))
>>> groups["group_label"].value_counts().head(2)
group_label
Stille supporters     13
Sleutelbondgenoten    10
Name: count, dtype: int64
"""

from routekit.stakeholders.actormap import actor_map, export_actor_map, read_actor_map
from routekit.stakeholders.engagement import conversation_pairs, engagement_list
from routekit.stakeholders.forcefield import force_field, force_totals
from routekit.stakeholders.grids import GRIDS, Grid, krachtenveld, quadrants
from routekit.stakeholders.register import register_table
from routekit.stakeholders.stored import (
    add_stakeholder,
    comparison_of,
    field_of,
    problems,
    register,
    remove_stakeholder,
    set_position,
)
from routekit.stakeholders.themes import theme_comparison, theme_findings

__all__ = ["GRIDS", "Grid", "actor_map", "add_stakeholder", "comparison_of",
           "conversation_pairs", "engagement_list", "export_actor_map", "field_of",
           "force_field", "force_totals", "krachtenveld", "problems", "quadrants",
           "read_actor_map", "register", "register_table", "remove_stakeholder",
           "set_position", "theme_comparison", "theme_findings"]
