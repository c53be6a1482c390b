"""Shared ownership: does the plan rest on one or two people, or on the library itself?

The Routekaart: when a community rests on one or two people from the start, it
collapses when they leave; when the librarian is the "kartrekker", people keep
falling back on her. This module counts who carries the plan and measures it
with :func:`routekit.community.concentration.concentration_of` — the same measure (and the
same levels "ok", "let op", "risico") as the network analysis.

How the plan is counted: the share of activities each owner is involved in, and
the share involving either of the top two; contributors help but do not carry
(they are not counted). By default
the library and its staff (stakeholders of sector ``library``) count as one
party, named after the library, because to the community they are one.

Step 8 looks wider (:func:`load_table`): per person the activities they carry,
the goals they own, the contact moments they attend and their ties in the
network.

Examples
--------
>>> from routekit.plan.model import Plan
>>> plan = Plan.from_records(library="Bibliotheek", activities=[
...     {"id": f"a{i}", "name": f"Activiteit {i}", "start": "2026-01-01",
...      "end": "2026-02-01", "owners": owner}
...     for i, owner in enumerate(["anneke", "anneke", "anneke", "school"])])
>>> check = check_ownership(plan)
>>> check.concentration.level, check.concentration.top
('risk', ('anneke', 'school'))
>>> check.messages()[0][:52]
'Anneke is betrokken bij 75% van de activiteiten; sam'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from routekit.community.concentration import WATCH_TOP1, OwnershipConcentration, concentration_of
from routekit.i18n import t

__all__ = ["LIBRARY", "Carrying", "OwnershipCheck", "carrying", "check_ownership", "load_table",
           "owner_load", "ownership_by_theme", "ownership_summary", "step8_messages"]

LIBRARY = "@library"
"""Key of the library as one party in :func:`owner_load` (``merge_library=True``)."""


def _owner_groups(plan, *, merge_library: bool) -> list[list[str]]:
    return [list(dict.fromkeys(LIBRARY if merge_library and plan.is_library(owner) else owner
                               for owner in owners))
            for owners in plan.activities["owners"]]


def owner_load(plan, *, merge_library: bool = True) -> pd.Series:
    """How many activities each owner (co-)owns.

    Parameters
    ----------
    plan : Plan
    merge_library : bool, default True
        Count the library and its staff as one party, :data:`LIBRARY`.

    Returns
    -------
    Series
        Number of activities per owner id, largest first.
    """
    owners = [party for group in _owner_groups(plan, merge_library=merge_library)
              for party in group]
    series = pd.Series(owners, dtype="str").value_counts().astype(float)
    return series.rename("activities").sort_values(ascending=False, kind="stable")


def _names(plan, ids) -> dict[str, str]:
    return {key: plan.library if key == LIBRARY else plan.name(key) for key in ids}


@dataclass(frozen=True)
class OwnershipCheck:
    """Who carries the activities of a plan (or of one theme).

    Attributes
    ----------
    scope : str
        Theme name, or "" for the whole plan.
    activities : int
        Number of activities.
    load : Series
        Activities per party (see :func:`owner_load`).
    concentration : OwnershipConcentration
        The shared measure of :mod:`routekit.community.concentration`.
    library_activities : int
        Activities the library (co-)owns.
    library_share : float
        Share of the activities the library (co-)owns.
    without_owner : list of str
        Names of activities that nobody owns yet.
    """

    scope: str
    activities: int
    load: pd.Series
    concentration: OwnershipConcentration
    library_activities: int
    library_share: float
    without_owner: list[str]

    @property
    def level(self) -> str:
        """``"ok"``, ``"watch"`` or ``"risk"``; at least "watch" when the library
        carries a third or more, or an activity has no owner."""
        level = self.concentration.level
        if level == "ok" and (self.library_share >= WATCH_TOP1 or self.without_owner):
            return "watch"
        return level

    def messages(self, *, lang: str | None = None) -> list[str]:
        """Plain sentences: who carries how much, the library's part, what to do."""
        if not self.activities:
            return [t("community.sharing.empty", lang=lang)]
        what = t("community.sharing.what", lang=lang)
        out = [self.concentration.describe(what, lang=lang)]
        if self.scope:
            out[0] = t("community.sharing.in_scope", lang=lang, scope=self.scope) + " " + out[0]
        if self.library_share >= WATCH_TOP1:
            out.append(t("community.sharing.library", lang=lang, n=self.library_activities,
                         total=self.activities))
        if self.without_owner:
            out.append(t("community.sharing.no_owner", lang=lang,
                         names=", ".join(self.without_owner)))
        if self.concentration.level == "risk":
            out.append(t("community.sharing.advice", lang=lang, name=self.concentration.names[0]))
        return out


def check_ownership(plan, *, theme: str | None = None,
                    merge_library: bool = True) -> OwnershipCheck:
    """Check how the activities of *plan* (or of one *theme*) are carried.

    Parameters
    ----------
    plan : Plan
    theme : str, optional
        Theme id; the whole plan when None.
    merge_library : bool, default True
        See :func:`owner_load`.

    Returns
    -------
    OwnershipCheck
    """
    part = plan.for_theme(theme)
    load = owner_load(part, merge_library=merge_library)
    acts = part.activities
    library_rows = sum(any(plan.is_library(o) for o in owners) for owners in acts["owners"])
    return OwnershipCheck(
        scope=plan.themes.get(theme, theme or "") if theme else "",
        activities=len(acts), load=load,
        concentration=concentration_of(_owner_groups(part, merge_library=merge_library),
                                       names=_names(plan, load.index)),
        library_activities=int(library_rows),
        library_share=library_rows / len(acts) if len(acts) else 0.0,
        without_owner=list(acts.loc[[not owners for owners in acts["owners"]], "name"]))


def ownership_by_theme(plan, *, merge_library: bool = True) -> list[OwnershipCheck]:
    """The whole plan first, then every theme that has activities."""
    goal_theme = dict(zip(plan.goals["id"], plan.goals["theme"], strict=True))
    themes = [theme for theme in dict.fromkeys(goal_theme.get(g) for g in
                                               plan.activities["goal"]) if theme]
    return [check_ownership(plan, merge_library=merge_library),
            *(check_ownership(plan, theme=theme, merge_library=merge_library)
              for theme in themes)]


def ownership_summary(plan, *, lang: str | None = None) -> pd.DataFrame:
    """One row per check of :func:`ownership_by_theme`, for a table in a document.

    Columns: ``scope``, ``activities``, ``top`` (names), ``top1_share``,
    ``top2_share``, ``level`` (in words) and ``advice`` (the sentences).
    """
    rows = []
    for check in ownership_by_theme(plan):
        c = check.concentration
        rows.append({"scope": check.scope or t("community.sharing.whole", lang=lang),
                     "activities": check.activities, "top": ", ".join(c.names),
                     "top1_share": c.top1_share, "top2_share": c.top2_share,
                     "level": t(f"community.level.{check.level}", lang=lang),
                     "advice": " ".join(check.messages(lang=lang))})
    return pd.DataFrame(rows, columns=["scope", "activities", "top", "top1_share",
                                       "top2_share", "level", "advice"])


def load_table(plan, relations: pd.DataFrame | None = None) -> pd.DataFrame:
    """What each person or partner carries across plan and network (route step 8).

    Parameters
    ----------
    plan : Plan
    relations : DataFrame, optional
        The route's relations (``source``, ``target``); ties are counted per end.

    Returns
    -------
    DataFrame
        Index: stakeholder id. Columns ``name``, ``activities`` (activities
        (co-)owned, library staff counted separately), ``contributes``
        (activities helped), ``goals`` (goals owned), ``contact_moments``
        (attended), ``ties`` (relations in the network), sorted by
        ``activities`` then ``ties``.
    """
    columns = ["activities", "contributes", "goals", "contact_moments", "ties"]
    counts = {
        "activities": owner_load(plan, merge_library=False),
        "contributes": plan.activities["contributors"].explode().value_counts(),
        "goals": plan.goals["owners"].explode().value_counts(),
        "contact_moments": plan.contact_moments["participants"].explode().value_counts(),
        "ties": (pd.concat([relations["source"], relations["target"]]).value_counts()
                 if relations is not None and len(relations) else pd.Series(dtype=float)),
    }
    table = pd.DataFrame({name: series.astype(float) for name, series in counts.items()})
    table = table.reindex(columns=columns).fillna(0.0)
    table = table.drop(index=[i for i in table.index if not isinstance(i, str) or not i])
    table.insert(0, "name", [plan.name(key) for key in table.index])
    return table.sort_values(["activities", "ties"], ascending=False, kind="stable")


def step8_messages(plan, relations: pd.DataFrame | None = None, *,
                   lang: str | None = None) -> list[str]:
    """Plain warnings about people who carry too much, across plan and network.

    Uses :func:`routekit.community.concentration.concentration_of` on the owners of every
    activity (per person, library staff separately), per theme, and on the two
    ends of every tie in the network. Returns one sentence per finding, or one
    reassuring sentence.
    """
    table = load_table(plan, relations)
    names = table["name"].to_dict()
    out = []
    people = concentration_of(_owner_groups(plan, merge_library=False), names=names)
    if people.level != "ok":
        out.append(people.describe(t("community.sharing.what", lang=lang), lang=lang))
    for check in ownership_by_theme(plan, merge_library=False)[1:]:
        if check.concentration.level == "risk":
            out.append(" ".join(check.messages(lang=lang)[:1] + check.messages(lang=lang)[-1:]))
    ends = [] if relations is None else zip(relations["source"], relations["target"],
                                            strict=True)
    ties = concentration_of(ends, names=names)
    if ties.level != "ok":
        out.append(ties.describe(t("community.sharing.ties", lang=lang), lang=lang))
    moments = len(plan.contact_moments)
    if moments >= 2:
        always = table.index[table["contact_moments"] >= moments]
        out += [t("community.sharing.every_moment", lang=lang, name=table.loc[key, "name"],
                  n=moments) for key in always]
    return out or [t("community.sharing.all_ok", lang=lang)]


class Carrying(NamedTuple):
    """What :func:`carrying` finds: the sentences, their level and the load per person."""

    messages: list[str]
    """:func:`step8_messages`."""
    level: str
    """``"ok"`` when nobody carries too much, else ``"watch"``."""
    load: pd.DataFrame
    """:func:`load_table`, the people who carry most first."""


def carrying(plan, relations: pd.DataFrame | None = None) -> Carrying:
    """Route step 8 at a glance: who carries too much across plan and network, and how much
    each person carries.

    Examples
    --------
    >>> from routekit.plan.model import Plan
    >>> carrying(Plan.from_records()).level
    'ok'
    """
    messages = step8_messages(plan, relations)
    level = "ok" if messages == [t("community.sharing.all_ok")] else "watch"
    return Carrying(messages, level, load_table(plan, relations))
