"""Route step 8 (Houd de community vast): keep the community going with shared ownership.

The Routekaart warns that a community that leans on one or two people falls
apart when they leave, and that the librarian should not stay the
"kartrekker". Modules, each with one job:

* :mod:`~routekit.community.concentration` – how much of a count per person rests on the top
  one or two (one measure for plan and network);
* :mod:`~routekit.community.sharing` – who carries the plan's activities, per theme, and
  across plan, contact moments and network;
* :mod:`~routekit.community.stored` – the same, read from the route;
* :mod:`~routekit.community.report` – step 8's section of the route report.

The recurring contact moments are records of :mod:`routekit.records.community`;
their dates and the ``.ics`` agenda are part of the plan's documents
(:mod:`routekit.plan.tables`, :mod:`routekit.plan.ics`).

Examples
--------
>>> concentration({"ans": 6, "piet": 2, "mo": 2}).level
'risk'
"""

from routekit.community.concentration import (
    LEVELS,
    OwnershipConcentration,
    concentration,
    concentration_of,
)
from routekit.community.sharing import (
    LIBRARY,
    Carrying,
    OwnershipCheck,
    carrying,
    check_ownership,
    load_table,
    owner_load,
    ownership_by_theme,
    ownership_summary,
    step8_messages,
)
from routekit.community.stored import carrying_of

__all__ = ["LEVELS", "LIBRARY", "Carrying", "OwnershipCheck", "OwnershipConcentration",
           "carrying", "carrying_of", "check_ownership", "concentration", "concentration_of",
           "load_table", "owner_load", "ownership_by_theme", "ownership_summary",
           "step8_messages"]
