"""The project plan of a route as one object: its tables as DataFrames, names resolved.

A :class:`Plan` holds the six plan tables of a route (goals, activities, budget,
KPIs, risks, contact moments) plus what is needed to show them to people: the
names of stakeholders, themes, areas and segments, and which stakeholders are
the library itself. Read one with :func:`routekit.plan.stored.plan_of`, or make one with
:meth:`Plan.from_records` in tests and scripts (records are validated exactly as
the workspace validates them).

Examples
--------
>>> plan = Plan.from_records(
...     goals=[{"id": "g1", "text": "Eind 2027 doen 40 ouders mee"}],
...     activities=[{"id": "a1", "goal": "g1", "name": "Voorleesochtend",
...                  "start": "2026-09-01", "end": "2027-06-30", "owners": "school|ria"}],
...     stakeholders=[{"id": "school", "name": "Basisschool De Regenboog",
...                    "kind": "organisatie", "sector": "onderwijs"}])
>>> plan.names_of(["school", "ria"])
'Basisschool De Regenboog, Ria'
>>> plan.for_theme(None).activities.shape[0]
1
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from routekit.records import KINDS

__all__ = ["PLAN_KINDS", "Plan", "next_id", "record_frame"]

PLAN_KINDS = ("goals", "activities", "budget", "kpis", "risks", "contact_moments")
"""Record kinds that make up a plan, in the order of a plan document."""


def record_frame(kind: str, items: Iterable = ()) -> pd.DataFrame:
    """Validate *items* (dicts or records) as *kind* and return them as a DataFrame.

    The frame has one column per model field, in model order, also when empty.

    Examples
    --------
    >>> list(record_frame("risks").columns)[:3]
    ['id', 'description', 'likelihood']
    """
    model = KINDS[kind].model
    rows = [(item if isinstance(item, model) else model.model_validate(dict(item))).model_dump()
            for item in items]
    columns = list(model.model_fields)
    frame = pd.DataFrame(rows)
    extra = [c for c in frame.columns if c not in columns]
    return frame.reindex(columns=columns + extra)


#: Prefix of the ids of each kind of plan record (g1, a01, cm1).
ID_PREFIX = {"goals": "g", "activities": "a", "contact_moments": "cm"}


def next_id(kind: str, ids: Iterable[str]) -> str:
    """The next free id of *kind* in the style of the existing *ids*.

    Examples
    --------
    >>> next_id("goals", ["g1", "g4"]), next_id("activities", ["a01", "a12"])
    ('g5', 'a13')
    >>> next_id("contact_moments", [])
    'cm01'
    """
    import re

    prefix = ID_PREFIX[kind]
    numbers = [m.group(1) for i in ids if (m := re.fullmatch(rf"{prefix}(\d+)", str(i)))]
    width = len(numbers[0]) if numbers else 2
    return f"{prefix}{max((int(n) for n in numbers), default=0) + 1:0{width}d}"


def _display_name(ref: str) -> str:
    return ref.replace("-", " ").capitalize() if ref and ref == ref.lower() else ref


@dataclass(frozen=True)
class Plan:
    """A project plan: its tables and the names to show them with.

    Attributes
    ----------
    library : str
        Name of the library (from ``route.yaml``).
    goals, activities, budget, kpis, risks, contact_moments : DataFrame
        One row per record, columns as in :mod:`routekit.records.plan`.
    names : mapping
        Stakeholder id → name. Owners that are not stakeholder ids (free text
        such as ``"Ria"``) are shown as typed.
    library_ids : frozenset of str
        Stakeholders that are the library itself (sector ``library``).
    themes, areas, segments : mapping
        Theme id, area code and segment code → name.
    fictional : str or None
        The route's fictional-example notice, printed on every document.
    """

    library: str = ""
    goals: pd.DataFrame = field(default_factory=lambda: record_frame("goals"))
    activities: pd.DataFrame = field(default_factory=lambda: record_frame("activities"))
    budget: pd.DataFrame = field(default_factory=lambda: record_frame("budget"))
    kpis: pd.DataFrame = field(default_factory=lambda: record_frame("kpis"))
    risks: pd.DataFrame = field(default_factory=lambda: record_frame("risks"))
    contact_moments: pd.DataFrame = field(
        default_factory=lambda: record_frame("contact_moments"))
    names: Mapping[str, str] = field(default_factory=dict)
    library_ids: frozenset[str] = frozenset()
    themes: Mapping[str, str] = field(default_factory=dict)
    areas: Mapping[str, str] = field(default_factory=dict)
    segments: Mapping[str, str] = field(default_factory=dict)
    fictional: str | None = None

    # -- making one -------------------------------------------------------------

    @classmethod
    def from_records(cls, *, library: str = "", stakeholders: Iterable = (),
                     themes: Mapping[str, str] | None = None,
                     areas: Mapping[str, str] | None = None,
                     segments: Mapping[str, str] | None = None,
                     fictional: str | None = None, **tables: Iterable) -> Plan:
        """Build a plan from records or dicts (validated like the workspace does).

        Parameters
        ----------
        library : str
            Library name.
        stakeholders : iterable of dict or Stakeholder
            Used for names and to know which owners are the library.
        themes, areas, segments : mapping, optional
            Id/code → name.
        fictional : str, optional
            Notice for fictional examples.
        **tables
            ``goals=…``, ``activities=…`` etc. (see :data:`PLAN_KINDS`).
        """
        unknown = set(tables) - set(PLAN_KINDS)
        if unknown:
            raise TypeError(f"unknown plan tables: {', '.join(sorted(unknown))}")
        people = record_frame("stakeholders", stakeholders)
        return cls(library=library,
                   **{kind: record_frame(kind, tables.get(kind, ())) for kind in PLAN_KINDS},
                   names=dict(zip(people["id"], people["name"], strict=True)),
                   library_ids=frozenset(people.loc[people["sector"] == "library", "id"]),
                   themes=dict(themes or {}), areas=dict(areas or {}),
                   segments=dict(segments or {}), fictional=fictional)

    # -- names ---------------------------------------------------------------------

    def name(self, ref: str | None) -> str:
        """Name of a stakeholder id; free-text owners as typed (``"ria"`` → ``"Ria"``)."""
        if not ref:
            return ""
        return self.names.get(ref) or _display_name(ref)

    def names_of(self, refs: Iterable[str] | None, sep: str = ", ") -> str:
        """Names of several stakeholder ids, joined with *sep*."""
        return sep.join(self.name(ref) for ref in (refs or []))

    def is_library(self, ref: str) -> bool:
        """True when *ref* is the library itself or one of its staff."""
        return ref in self.library_ids

    # -- parts ---------------------------------------------------------------------

    def for_theme(self, theme: str | None) -> Plan:
        """The part of the plan about one theme (all of it for None).

        Goals of the theme, their activities, KPIs and the budget lines of those
        activities; risks and contact moments stay (they are not tied to a theme).
        """
        if theme is None:
            return self
        goals = self.goals[self.goals["theme"] == theme]
        goal_ids = set(goals["id"])
        activities = self.activities[self.activities["goal"].isin(goal_ids)]
        return dataclasses.replace(
            self, goals=goals, activities=activities,
            budget=self.budget[self.budget["activity"].isin(set(activities["id"]))],
            kpis=self.kpis[self.kpis["goal"].isin(goal_ids)])

    @property
    def is_empty(self) -> bool:
        """True when the plan has no goals and no activities yet."""
        return self.goals.empty and self.activities.empty
