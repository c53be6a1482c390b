"""Stakeholders and the force field (route step 4b).

Compute (pandas only; import is light):

* :mod:`~routekit.stakeholders.register` — the register, its checks and the editing API;
* :mod:`~routekit.stakeholders.grids` — force-field groups and the stakeholder grids;
* :mod:`~routekit.stakeholders.themes` — theme comparison;
* :mod:`~routekit.stakeholders.forcefield` — Lewin's force field;
* :mod:`~routekit.stakeholders.engagement` — engagement list and conversation pairs;
* :mod:`~routekit.stakeholders.actormap` — the actor map to and from Excel.

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
from routekit.stakeholders.register import (
                                            add_stakeholder,
                                            problems,
                                            register,
                                            remove_stakeholder,
                                            set_position,
)
from routekit.stakeholders.themes import theme_comparison, theme_findings

__all__ = ["GRIDS", "Grid", "actor_map", "add_stakeholder", "conversation_pairs",
           "engagement_list", "export_actor_map", "force_field", "force_totals",
           "krachtenveld", "problems", "quadrants", "read_actor_map", "register",
           "remove_stakeholder", "set_position", "theme_comparison", "theme_findings"]
