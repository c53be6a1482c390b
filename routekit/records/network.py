"""Records of the stakeholder network picture (route step 4c).

Examples
--------
>>> NodePosition(stakeholder="buurthuis", x=0.25, y=-0.5, pinned="ja").pinned
True
"""

from __future__ import annotations

from routekit.records.base import Flag, Record

__all__ = ["NodePosition"]


class NodePosition(Record):
    """Where a stakeholder sits in the network picture (x, y about -1 … 1).

    ``pinned`` positions were placed by hand and are kept when the layout is
    recomputed; the others may move when stakeholders are added.
    """

    stakeholder: str
    x: float
    y: float
    pinned: Flag = False
