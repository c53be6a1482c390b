"""Records of the stakeholder network (route step 4c): its ties and its picture.

Examples
--------
>>> Relation(source="bieb", target="buurthuis", kind="samenwerking").kind
'collaboration'
>>> NodePosition(stakeholder="buurthuis", x=0.25, y=-0.5, pinned="ja").pinned
True
"""

from __future__ import annotations

from pydantic import Field

from routekit.records.base import Flag, Record, choice

__all__ = ["RELATION_KINDS", "NodePosition", "Relation"]

RELATION_KINDS = ("collaboration", "funding", "information", "influence", "conflict")
_RELATION_NL = {"samenwerking": "collaboration", "financiering": "funding",
                "informatie": "information", "invloed": "influence"}


class Relation(Record):
    """A tie between two stakeholders (Net-Map style: kind, direction, strength)."""

    source: str
    target: str
    kind: choice(*RELATION_KINDS, aliases=_RELATION_NL)
    directed: Flag = True
    strength: int = Field(default=3, ge=1, le=5)
    theme: str | None = None
    note: str | None = None


class NodePosition(Record):
    """Where a stakeholder sits in the network picture (x, y about -1 … 1).

    ``pinned`` positions were placed by hand and are kept when the layout is
    recomputed; the others may move when stakeholders are added.
    """

    stakeholder: str
    x: float
    y: float
    pinned: Flag = False
