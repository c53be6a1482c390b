"""Typed records of the route workspace and where each kind is stored.

:data:`KINDS` lists every kind of record: its file, model, key and references.
Stage modules read and write them through :class:`routekit.workspace.Route`.

Examples
--------
>>> KINDS["stakeholders"].filename
'stakeholders.csv'
"""

from __future__ import annotations

from routekit.records.area import SegmentSelection
from routekit.records.base import Record, RecordKind
from routekit.records.community import ContactMoment
from routekit.records.conversations import Conversation
from routekit.records.network import NodePosition, Relation
from routekit.records.organisation import Colleague, ImpactPlan
from routekit.records.personas import Persona
from routekit.records.plan import Activity, BudgetLine, Goal, Kpi, Risk
from routekit.records.route import RouteConfig
from routekit.records.stakeholders import Force, Position, Stakeholder
from routekit.records.strategy import KnowledgeCreation, PostOCanvas

__all__ = ["KINDS", "Record", "RecordKind", "RouteConfig"]

_STAKEHOLDER = {"stakeholder": "stakeholders"}
_THEME = {"theme": "themes"}

KINDS: dict[str, RecordKind] = {kind.name: kind for kind in (
    RecordKind("colleagues", "colleagues.csv", Colleague, ("id",), step="02"),
    RecordKind("impact_plan", "impact_plan.yaml", ImpactPlan, ("id",), step="02"),
    RecordKind("conversations", "conversations.csv", Conversation, ("id",),
               refs={"participants": "stakeholders"} | _THEME, step="03"),
    RecordKind("stakeholders", "stakeholders.csv", Stakeholder, ("id",),
               refs={"area": "areas"}, step="04b"),
    RecordKind("positions", "positions.csv", Position, ("stakeholder", "theme"),
               refs=_STAKEHOLDER | _THEME, step="04b"),
    RecordKind("forces", "forces.csv", Force, ("theme", "description"),
               refs=_STAKEHOLDER | _THEME, step="04b"),
    RecordKind("relations", "relations.csv", Relation, ("source", "target", "kind"),
               refs={"source": "stakeholders", "target": "stakeholders"} | _THEME,
               step="04c"),
    RecordKind("network_layout", "network_layout.csv", NodePosition, ("stakeholder",),
               refs=_STAKEHOLDER, step="04c"),
    RecordKind("segment_selections", "segment_selections.csv", SegmentSelection,
               ("theme", "segment", "area"), refs={"area": "areas"} | _THEME, step="04a"),
    RecordKind("personas", "personas.yaml", Persona, ("id",),
               refs={"area": "areas", "conversations": "conversations"} | _THEME,
               step="04d"),
    RecordKind("post_o", "post_o.yaml", PostOCanvas, ("theme",), refs=_THEME, step="05"),
    RecordKind("knowledge", "knowledge.yaml", KnowledgeCreation, ("theme",), refs=_THEME,
               step="06"),
    RecordKind("goals", "plan_goals.csv", Goal, ("id",),
               refs={"owners": "stakeholders"} | _THEME, step="07"),
    RecordKind("activities", "plan_activities.csv", Activity, ("id",),
               refs={"goal": "goals", "owners": "stakeholders",
                     "contributors": "stakeholders"}, step="07"),
    RecordKind("budget", "plan_budget.csv", BudgetLine, ("id",),
               refs={"activity": "activities"}, step="07"),
    RecordKind("kpis", "plan_kpis.csv", Kpi, ("id",),
               refs={"goal": "goals", "area": "areas"}, step="07"),
    RecordKind("risks", "plan_risks.csv", Risk, ("id",), refs={"owner": "stakeholders"},
               step="07"),
    RecordKind("contact_moments", "contact_moments.csv", ContactMoment, ("id",),
               refs={"participants": "stakeholders"}, step="08"),
)}
