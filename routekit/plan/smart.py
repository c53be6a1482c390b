"""SMART check of a goal: which letter is missing, and a tip to fix it.

A goal set with the community should be Specifiek, Meetbaar, Acceptabel,
Realistisch and Tijdgebonden (Specific, Measurable, Acceptable, Realistic,
Time-bound). Software cannot judge a goal the way a team can, so each letter is a
documented, deliberately simple heuristic that points at what is likely missing:

=====  ==========================================================================
S      At least :data:`MIN_WORDS` words **and** it says who or where: a group word
       ("ouderen", "inwoners", "jongeren", … — see ``plan.smart.groups`` in the
       catalog, Dutch and English) or the name of one of the route's areas.
       *Heidebroek wordt gezelliger* is too short and names nobody.
M      A number in the text (``120 ouderen``), a filled-in ``measure`` ("gemeten
       met"), or at least one KPI linked to the goal.
A      Acceptabel – carried together: at least one owner who is not the library
       itself (stakeholders of sector ``library``). A goal only the library owns
       is the library's goal, not the community's.
R      At least one activity is planned for the goal, and (with a deadline) the
       first activity starts before the deadline: a goal without a way to get
       there is not realistic yet.
T      A deadline, or a year in the text (``eind 2027``).
=====  ==========================================================================

Examples
--------
>>> result = check_goal({"id": "g3", "text": "Heidebroek wordt gezelliger",
...                      "owners": ["dorpsraad"]}, activities=2)
>>> result.missing
('S', 'M', 'T')
>>> result.describe()[:56]
'Doel g3 is nog niet Specifiek, Meetbaar en Tijdgebonden.'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from routekit.i18n import LANGUAGES, t

__all__ = ["LETTERS", "MIN_WORDS", "SmartResult", "check_goal", "check_plan_goal", "letter_name",
           "smart_table"]

LETTERS = ("S", "M", "A", "R", "T")
MIN_WORDS = 8
"""A specific goal needs at least this many words (who, what, where, how many)."""

_WORD = re.compile(r"\w+", re.UNICODE)
_NUMBER = re.compile(r"\d")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def letter_name(letter: str, *, lang: str | None = None) -> str:
    """The word behind a SMART letter: ``"M"`` → ``"Meetbaar"`` (Dutch)."""
    return t(f"plan.smart.letter.{letter}", lang=lang)


def _group_stems() -> tuple[str, ...]:
    words = ",".join(t("plan.smart.groups", lang=lang) for lang in LANGUAGES)
    return tuple(word.strip().lower() for word in words.split(",") if word.strip())


def _join(items: list[str], lang: str | None) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('plan.smart.and', lang=lang)} {items[-1]}"


@dataclass(frozen=True)
class SmartResult:
    """Outcome of :func:`check_goal`.

    Attributes
    ----------
    goal : str
        Goal id.
    passed : mapping
        Letter → True when the heuristic finds it in place.
    """

    goal: str
    passed: Mapping[str, bool]

    @property
    def missing(self) -> tuple[str, ...]:
        """Letters not in place, in SMART order."""
        return tuple(letter for letter in LETTERS if not self.passed[letter])

    @property
    def is_smart(self) -> bool:
        """True when no letter is missing."""
        return not self.missing

    def tips(self, *, lang: str | None = None) -> list[str]:
        """One plain tip per missing letter."""
        return [t(f"plan.smart.tip.{letter}", lang=lang) for letter in self.missing]

    def describe(self, *, lang: str | None = None) -> str:
        """Say which letters are missing and how to add them, in plain language."""
        if self.is_smart:
            return t("plan.smart.ok", lang=lang, goal=self.goal)
        names = _join([letter_name(letter, lang=lang) for letter in self.missing], lang)
        return " ".join([t("plan.smart.missing", lang=lang, goal=self.goal, letters=names),
                         *self.tips(lang=lang)])


def _value(goal: Any, name: str) -> Any:
    value = goal.get(name) if isinstance(goal, Mapping) else getattr(goal, name, None)
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def check_goal(goal: Any, *, activities: int = 0, first_start: dt.date | None = None,
               kpis: int = 0, library_ids: Iterable[str] = (),
               places: Iterable[str] = ()) -> SmartResult:
    """Check one goal against the SMART heuristics of this module.

    Parameters
    ----------
    goal : Goal or mapping
        Needs ``id`` and ``text``; uses ``measure``, ``deadline`` and ``owners``.
    activities : int
        Number of activities planned for the goal.
    first_start : date, optional
        Start of the earliest of those activities.
    kpis : int
        Number of KPIs linked to the goal.
    library_ids : iterable of str
        Stakeholder ids that are the library itself.
    places : iterable of str
        Names of the route's areas (a place makes a goal specific).

    Returns
    -------
    SmartResult

    Examples
    --------
    >>> check_goal({"id": "g1", "text": "Eind 2027 komen 120 ouderen uit West naar "
    ...             "een ontmoeting", "owners": ["welzijn"]}, activities=3).is_smart
    True
    """
    text = str(_value(goal, "text") or "")
    lowered = text.lower()
    words = _WORD.findall(lowered)
    who = any(re.search(rf"(?<!\w){re.escape(stem)}", lowered) for stem in _group_stems())
    where = any(place and place.lower() in lowered for place in places)
    deadline = _value(goal, "deadline")
    if isinstance(deadline, str):
        deadline = dt.date.fromisoformat(deadline)
    owners = [owner for owner in (_value(goal, "owners") or [])]
    library = set(library_ids)
    passed = {
        "S": len(words) >= MIN_WORDS and (who or where),
        "M": bool(_NUMBER.search(text)) or bool(_value(goal, "measure")) or kpis > 0,
        "A": any(owner not in library for owner in owners),
        "R": activities > 0 and (deadline is None or first_start is None
                                 or first_start <= deadline),
        "T": deadline is not None or bool(_YEAR.search(text)),
    }
    return SmartResult(goal=str(_value(goal, "id")), passed=passed)


def check_plan_goal(plan, goal: Any) -> SmartResult:
    """:func:`check_goal` for *goal* (a Goal or mapping, saved or not) within *plan*:
    its activities, their first start, its KPIs, the library and the route's places.

    Examples
    --------
    >>> from routekit.plan.stored import plan_of
    >>> from routekit.workspace import Route
    >>> plan = plan_of(Route.open("data/sample-route"))
    >>> check_plan_goal(plan, {"id": "g9", "text": "Meer lezen"}).is_smart
    False
    """
    goal_id = _value(goal, "id")
    own = plan.activities[plan.activities["goal"] == goal_id]
    return check_goal(goal, activities=len(own),
                      first_start=min(own["start"]) if len(own) else None,
                      kpis=int((plan.kpis["goal"] == goal_id).sum()),
                      library_ids=plan.library_ids, places=list(plan.areas.values()))


def smart_table(plan, *, lang: str | None = None) -> pd.DataFrame:
    """SMART check of every goal of a :class:`~routekit.plan.model.Plan`.

    Returns
    -------
    DataFrame
        Columns ``id``, ``theme``, ``text``, one boolean column per letter
        (``S`` … ``T``), ``missing`` (e.g. ``"M, T"``; empty when SMART) and
        ``advice`` (a plain sentence with tips).

    Examples
    --------
    >>> from routekit.plan.model import Plan
    >>> plan = Plan.from_records(goals=[{"id": "g1", "text": "Gezelliger dorp"}])
    >>> smart_table(plan).loc[0, "missing"]
    'S, M, A, R, T'
    """
    rows = []
    for goal in plan.goals.to_dict("records"):
        result = check_plan_goal(plan, goal)
        rows.append({"id": goal["id"], "theme": goal["theme"], "text": goal["text"],
                     **result.passed, "missing": ", ".join(result.missing),
                     "advice": result.describe(lang=lang)})
    columns = ["id", "theme", "text", *LETTERS, "missing", "advice"]
    return pd.DataFrame(rows, columns=columns)
