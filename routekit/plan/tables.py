"""The plan's tables as people read them: names instead of ids, totals, progress, scores.

Every function takes a :class:`~routekit.plan.model.Plan` and returns a new
DataFrame with English column codes; :func:`display` turns those codes into the
column headers of the user's language for documents and notebooks.

Examples
--------
>>> from routekit.plan.model import Plan
>>> plan = Plan.from_records(budget=[
...     {"id": "b1", "description": "Koffie", "cost": 1200, "subsidy": 500},
...     {"id": "b2", "description": "Vrijwilligers", "in_kind": 800}])
>>> budget_totals(plan)
{'cost': 1200.0, 'in_kind': 800.0, 'subsidy': 500.0, 'own': 700.0, 'value': 2000.0}
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from routekit.i18n import t

__all__ = ["RECURRENCE_RULES", "activity_table", "budget_by_activity", "budget_table",
           "budget_totals", "contact_table", "display", "goal_table", "goal_texts", "kpi_table",
           "occurrences", "risk_level", "risk_matrix", "risk_table"]

RECURRENCE_RULES = {"weekly": ("WEEKLY", 1), "monthly": ("MONTHLY", 1),
                    "quarterly": ("MONTHLY", 3)}
"""Recurrence code → (iCalendar FREQ, INTERVAL); ``once`` has no rule."""


def display(frame: pd.DataFrame, *, lang: str | None = None) -> pd.DataFrame:
    """Return *frame* with column headers in the user's language (``plan.col.<code>``)."""
    return frame.rename(columns={column: t(f"plan.col.{column}", lang=lang)
                                 for column in frame.columns})


def goal_table(plan, *, lang: str | None = None) -> pd.DataFrame:
    """Goals with theme and owner names, deadline and the SMART verdict.

    Columns: ``id``, ``theme``, ``text``, ``measure``, ``deadline``, ``owners``,
    ``smart`` (missing letters, or "SMART"), ``advice``.
    """
    from routekit.plan.smart import smart_table

    checks = smart_table(plan, lang=lang).set_index("id")
    goals = plan.goals
    return pd.DataFrame({
        "id": goals["id"],
        "theme": [plan.themes.get(theme, theme or "") for theme in goals["theme"]],
        "text": goals["text"],
        "measure": goals["measure"].fillna(""),
        "deadline": goals["deadline"],
        "owners": [plan.names_of(owners) for owners in goals["owners"]],
        "smart": [checks.loc[goal, "missing"] or "SMART" for goal in goals["id"]],
        "advice": [checks.loc[goal, "advice"] for goal in goals["id"]],
    }).reset_index(drop=True)


def goal_texts(plan) -> dict[str, str]:
    """Goal id → text, for the legend of the timeline (:func:`routekit.plan.plot.plot_gantt`).

    Examples
    --------
    >>> from routekit.plan.model import Plan
    >>> goal_texts(Plan.from_records(goals=[{"id": "g1", "text": "Meer lezen"}]))
    {'g1': 'Meer lezen'}
    """
    return dict(zip(plan.goals["id"], plan.goals["text"], strict=True))


def activity_table(plan, *, lang: str | None = None) -> pd.DataFrame:
    """Activities with goal, dates, owner and contributor names and status, by start date.

    Columns: ``id``, ``goal``, ``name``, ``start``, ``end``, ``owners``,
    ``contributors``, ``status`` (in the user's language), ``status_code``,
    ``owner_ids`` (list) and ``library_led`` (True when the library is an owner).

    Examples
    --------
    >>> from routekit.plan.model import Plan
    >>> plan = Plan.from_records(activities=[{"id": "a1", "name": "Taalcafé",
    ...     "start": "2026-01-05", "end": "2026-03-30", "owners": "buurthuis|ria"}])
    >>> activity_table(plan).loc[0, "owners"]
    'Buurthuis, Ria'
    """
    acts = plan.activities
    table = pd.DataFrame({
        "id": acts["id"], "goal": acts["goal"].fillna(""), "name": acts["name"],
        "start": acts["start"], "end": acts["end"],
        "owners": [plan.names_of(owners) for owners in acts["owners"]],
        "contributors": [plan.names_of(people) for people in acts["contributors"]],
        "status": [t(f"plan.status.{code}", lang=lang) for code in acts["status"]],
        "status_code": acts["status"],
        "owner_ids": [list(owners) for owners in acts["owners"]],
        "library_led": [any(plan.is_library(o) for o in owners) for owners in acts["owners"]],
    })
    return table.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def budget_table(plan) -> pd.DataFrame:
    """Budget lines with activity and funder names and the own contribution.

    ``own`` = cost − subsidy (what the partners pay themselves, at least 0);
    contributions in kind are not money spent, so they are not part of ``cost``.

    Columns: ``id``, ``activity``, ``description``, ``cost``, ``in_kind``,
    ``subsidy``, ``own``, ``funder``.
    """
    budget = plan.budget
    activity_names = dict(zip(plan.activities["id"], plan.activities["name"], strict=True))
    general = t("plan.budget.general")
    money = budget[["cost", "in_kind", "subsidy"]].astype(float)
    return pd.DataFrame({
        "id": budget["id"],
        "activity": [activity_names.get(a, a) if a else general
                     for a in budget["activity"].fillna("")],
        "description": budget["description"],
        "cost": money["cost"], "in_kind": money["in_kind"], "subsidy": money["subsidy"],
        "own": (money["cost"] - money["subsidy"]).clip(lower=0),
        "funder": [plan.name(f) for f in budget["funder"].fillna("")],
    }).reset_index(drop=True)


def budget_totals(plan) -> dict[str, float]:
    """Totals: ``cost``, ``in_kind``, ``subsidy``, ``own`` and ``value`` (cost + in kind)."""
    table = budget_table(plan)
    totals = {column: float(table[column].sum()) for column in
              ("cost", "in_kind", "subsidy", "own")}
    totals["value"] = totals["cost"] + totals["in_kind"]
    return totals


def budget_by_activity(plan) -> pd.DataFrame:
    """Own contribution, subsidy and in kind per activity (largest total value first).

    Index: activity name; columns ``own``, ``subsidy``, ``in_kind``, ``value``.
    """
    table = budget_table(plan)
    grouped = table.groupby("activity", sort=False)[["own", "subsidy", "in_kind"]].sum()
    grouped = grouped.assign(value=grouped.sum(axis=1))
    return grouped.sort_values("value", ascending=False, kind="stable")


def kpi_table(plan) -> pd.DataFrame:
    """KPIs with progress toward their target and the segment and area they are about.

    Columns: ``id``, ``goal``, ``name``, ``unit``, ``target``, ``actual``,
    ``progress`` (actual ÷ target, NaN when not measured), ``segment``
    (code and name) and ``area`` (name).
    """
    kpis = plan.kpis
    target = kpis["target"].astype(float)
    actual = kpis["actual"].astype(float)
    segments = [f"{code} {plan.segments[code]}" if code in plan.segments else (code or "")
                for code in kpis["segment"].fillna("")]
    return pd.DataFrame({
        "id": kpis["id"], "goal": kpis["goal"].fillna(""), "name": kpis["name"],
        "unit": kpis["unit"].fillna(""), "target": target, "actual": actual,
        "progress": (actual / target.where(target != 0)),
        "segment": segments,
        "area": [plan.areas.get(code, code) for code in kpis["area"].fillna("")],
    }).reset_index(drop=True)


def risk_level(score: float) -> str:
    """Level of a risk score (likelihood × impact): ``"high"`` from 15, ``"middle"``
    from 8, else ``"low"``; ``""`` when unknown."""
    if pd.isna(score):
        return ""
    return "high" if score >= 15 else "middle" if score >= 8 else "low"


def risk_table(plan, *, lang: str | None = None) -> pd.DataFrame:
    """Risks with score (likelihood × impact, 1–25) and level, highest first.

    Level: high from 15, middle from 8, else low. Columns: ``id``,
    ``description``, ``likelihood``, ``impact``, ``score``, ``level``,
    ``mitigation``, ``owner`` (name).
    """
    risks = plan.risks
    likelihood = pd.to_numeric(risks["likelihood"], errors="coerce")
    impact = pd.to_numeric(risks["impact"], errors="coerce")
    score = likelihood * impact
    table = pd.DataFrame({
        "id": risks["id"], "description": risks["description"],
        "likelihood": likelihood, "impact": impact, "score": score,
        "level": [t(f"plan.risk.{risk_level(s)}", lang=lang) if risk_level(s) else ""
                  for s in score],
        "mitigation": risks["mitigation"].fillna(""),
        "owner": [plan.name(o) for o in risks["owner"].fillna("")],
    })
    return table.sort_values("score", ascending=False, kind="stable",
                             na_position="last").reset_index(drop=True)


def risk_matrix(plan) -> pd.DataFrame:
    """Number of risks per impact (rows 5 → 1) and likelihood (columns 1 → 5)."""
    risks = risk_table(plan).dropna(subset=["likelihood", "impact"])
    matrix = pd.crosstab(risks["impact"].astype(int), risks["likelihood"].astype(int))
    return matrix.reindex(index=range(5, 0, -1), columns=range(1, 6), fill_value=0)


def occurrences(moment) -> list[dt.datetime]:
    """Start times of every occurrence of a contact moment (as the ``.ics`` RRULE gives).

    As in iCalendar, a monthly moment on the 31st skips months without a 31st.

    Parameters
    ----------
    moment : ContactMoment or mapping
        Uses ``start``, ``recurrence`` and ``count``.

    Examples
    --------
    >>> import datetime as dt
    >>> [d.month for d in occurrences({"start": dt.datetime(2026, 1, 15, 14),
    ...                                "recurrence": "quarterly", "count": 3})]
    [1, 4, 7]
    """
    from dateutil.rrule import MONTHLY, WEEKLY, rrule

    get = moment.get if isinstance(moment, dict) else lambda name: getattr(moment, name)
    start, recurrence, count = get("start"), get("recurrence"), int(get("count"))
    if isinstance(start, pd.Timestamp):
        start = start.to_pydatetime()
    if recurrence == "once":
        return [start]
    freq, interval = RECURRENCE_RULES[recurrence]
    rule = rrule({"WEEKLY": WEEKLY, "MONTHLY": MONTHLY}[freq], interval=interval,
                 count=count, dtstart=start)
    return list(rule)


def contact_table(plan, *, lang: str | None = None) -> pd.DataFrame:
    """Contact moments with participants' names, recurrence in words and the dates.

    Columns: ``id``, ``title``, ``start``, ``duration_minutes``, ``recurrence``
    (in words), ``count``, ``last`` (start of the last occurrence),
    ``location``, ``participants`` (names).
    """
    moments = plan.contact_moments
    rows = []
    for moment in moments.to_dict("records"):
        dates = occurrences(moment)
        rows.append({
            "id": moment["id"], "title": moment["title"], "start": moment["start"],
            "duration_minutes": moment["duration_minutes"],
            "recurrence": t(f"plan.recurrence.{moment['recurrence']}", lang=lang),
            "count": len(dates), "last": dates[-1], "location": moment["location"] or "",
            "participants": plan.names_of(moment["participants"])})
    columns = ["id", "title", "start", "duration_minutes", "recurrence", "count", "last",
               "location", "participants"]
    return pd.DataFrame(rows, columns=columns)
