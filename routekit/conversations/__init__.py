"""Route step 3 (Ga kennismaken, ga erop uit): conversation notes and their action points.

Modules, each with one job:

* :mod:`~routekit.conversations.log` – the log and the action points as tables, conversation
  starters;
* :mod:`~routekit.conversations.stored` – the same, read from the route; a new conversation saved;
* :mod:`~routekit.conversations.report` – step 3's section of the route report.

Examples
--------
>>> conversation_starters()[0][:4]
'Wat '
"""

from routekit.conversations.log import (
    SOON_DAYS,
    action_table,
    conversation_starters,
    conversation_table,
    free_id,
)
from routekit.conversations.stored import (
    action_points,
    add_conversation,
    conversation_log,
    next_id,
)

__all__ = ["SOON_DAYS", "action_points", "action_table", "add_conversation",
           "conversation_log", "conversation_starters", "conversation_table", "free_id",
           "next_id"]
