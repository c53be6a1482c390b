"""Route step 2 (De organisatie en ik): reflection, pioneer team and personal impact plan.

The Routekaart's advice for this step: write down how you see your role and
where you really have impact (a Persoonlijk Impact Plan) to discuss with your
manager; talk informally with both supporters and sceptics among your
colleagues, so a pioneer team grows; and answer the questions Manon Kromhout
asked herself about the organisation, yourself, the municipality, the visitors
and what a community is.

Modules, each with one job:

* :mod:`~routekit.organisation.reflection` – the reflection questions and how many are answered;
* :mod:`~routekit.organisation.team` – the pioneer team and the balance of stances;
* :mod:`~routekit.organisation.impact` – the impact plan's items per level of influence;
* :mod:`~routekit.organisation.stored` – the same, read from and saved to the route;
* :mod:`~routekit.organisation.plot` – the impact chart (rings of influence);
* :mod:`~routekit.organisation.report` – step 2's section of the route report.

Examples
--------
>>> from routekit.workspace import Route
>>> pioneer_team(Route.open("data/sample-route")).warnings
[]
"""

from routekit.organisation.impact import count_by_influence, impact_table, with_item
from routekit.organisation.reflection import (
    GROUPS,
    QUESTIONS,
    answered_per_group,
    merge_answers,
    reflection_questions,
)
from routekit.organisation.stored import (
    add_impact_item,
    answered,
    colleague_named,
    impact_items,
    impact_overview,
    pioneer_team,
    plan_of,
    save_colleague,
    update_plan,
)
from routekit.organisation.team import PioneerTeam, colleague_in, team_of, team_table

__all__ = ["GROUPS", "QUESTIONS", "PioneerTeam", "add_impact_item", "answered",
           "answered_per_group", "colleague_in", "colleague_named", "count_by_influence",
           "impact_items", "impact_overview", "impact_table", "merge_answers", "pioneer_team",
           "plan_of", "reflection_questions", "save_colleague", "team_of", "team_table",
           "update_plan", "with_item"]
