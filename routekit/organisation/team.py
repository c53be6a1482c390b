"""The pioneer team of route step 2: colleagues and the balance of their stances.

The Routekaart: talk informally with supporters and sceptics alike, so a pioneer
team grows that is not made of supporters only.

Examples
--------
>>> from routekit.records.organisation import Colleague
>>> team = team_of([Colleague(id="an", name="An", stance="supporter", pioneer=True)])
>>> team.counts["supporter"], len(team.warnings)
(1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from routekit.i18n import t
from routekit.records.organisation import STANCES, Colleague

__all__ = ["PioneerTeam", "colleague_in", "team_of", "team_table"]


@dataclass
class PioneerTeam:
    """The colleagues, a one-line summary and warnings about the mix of stances.

    Attributes
    ----------
    table : DataFrame
        Columns ``id, name, role, stance, spoke_on, pioneer, note``; stance and
        pioneer in words of the current language; pioneers first.
    counts : dict
        Colleagues per stance code (``supporter``, ``neutral``, ``sceptic``).
    summary : str
    warnings : list of str
        Empty when supporters and sceptics (or doubters) are both involved.
    """

    table: pd.DataFrame
    counts: dict[str, int]
    summary: str
    warnings: list[str] = field(default_factory=list)


def team_of(colleagues: Iterable[Colleague]) -> PioneerTeam:
    """The colleagues with a balance check (Routekaart: invite supporters and sceptics alike).

    Warnings: only supporters on the list; no sceptic on the list; a pioneer
    team of supporters only while others were on the list.
    """
    colleagues = sorted(colleagues,
                        key=lambda c: (not c.pioneer, STANCES.index(c.stance), c.name))
    counts = {stance: sum(c.stance == stance for c in colleagues) for stance in STANCES}
    pioneers = [c for c in colleagues if c.pioneer]
    rows = [{"id": c.id, "name": c.name, "role": c.role or "",
             "stance": t(f"organisation.stance.{c.stance}"), "spoke_on": c.spoke_on,
             "pioneer": t("organisation.answer.yes" if c.pioneer else "organisation.answer.no"),
             "note": c.note or ""} for c in colleagues]
    table = pd.DataFrame(rows, columns=["id", "name", "role", "stance", "spoke_on", "pioneer",
                                        "note"])
    if not colleagues:
        return PioneerTeam(table, counts, t("organisation.team.empty"))
    summary = t("organisation.team.summary", total=len(colleagues), spoken=sum(
        c.spoke_on is not None for c in colleagues), pioneers=len(pioneers), **counts)
    warnings = []
    if counts["supporter"] == len(colleagues):
        warnings.append(t("organisation.team.only_supporters"))
    elif counts["sceptic"] == 0:
        warnings.append(t("organisation.team.no_sceptics"))
    if pioneers and counts["supporter"] < len(colleagues) and all(
            c.stance == "supporter" for c in pioneers):
        warnings.append(t("organisation.team.pioneers_one_sided"))
    return PioneerTeam(table, counts, summary, warnings)


def colleague_in(colleagues: Iterable[Colleague], name: str) -> Colleague | None:
    """The colleague called *name* (case and surrounding spaces ignored), or None.

    Examples
    --------
    >>> colleague_in([Colleague(id="an", name="An de Vries")], " an de vries").id
    'an'
    """
    key = name.strip().casefold()
    return next((c for c in colleagues if c.name.casefold() == key), None)


def team_table(team: PioneerTeam) -> pd.DataFrame:
    """The pioneer-team table with column headings in the current language (for display)."""
    columns = ["name", "role", "stance", "spoke_on", "pioneer", "note"]
    return team.table[columns].rename(columns={c: t(f"organisation.col.{c}") for c in columns})
