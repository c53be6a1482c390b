"""Route step 2 (De organisatie en ik): reflection, pioneer team and personal impact plan.

The Routekaart's advice for this step: write down how you see your role and
where you really have impact (a Persoonlijk Impact Plan) to discuss with your
manager; talk informally with both supporters and sceptics among your
colleagues, so a pioneer team grows; and answer the questions Manon Kromhout
asked herself about the organisation, yourself, the municipality, the visitors
and what a community is. These functions turn the ``colleagues`` and
``impact_plan`` records into the overviews for that conversation.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> pioneer_team(route).warnings
[]
>>> impact_overview(route)["count"].tolist()
[3, 3, 2]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from routekit.i18n import t
from routekit.records.organisation import INFLUENCE, STANCES, ImpactPlan
from routekit.workspace import ABSENT, Route

__all__ = ["GROUPS", "QUESTIONS", "PioneerTeam", "add_impact_item", "answered",
           "colleague_named", "impact_items", "impact_overview", "pioneer_team", "plan_of",
           "reflection_questions", "report_section", "save_colleague", "team_table",
           "update_plan"]

QUESTIONS: dict[str, tuple[str, ...]] = {
    "organisation": ("vision", "goals", "colleagues", "room", "know_how"),
    "professional": ("interest", "meaning", "own_groups"),
    "municipality": ("themes", "assignment"),
    "visitors": ("visitors", "deepen", "missing"),
    "community": ("when", "requirements", "without_library", "role"),
}
"""Reflection question ids per group, in the order of the Routekaart."""
GROUPS = tuple(QUESTIONS)
PLAN_ID = "plan"


def reflection_questions() -> pd.DataFrame:
    """All reflection questions in the current language.

    Returns
    -------
    DataFrame
        Columns ``group`` (code), ``group_name``, ``id``, ``question``.

    Examples
    --------
    >>> reflection_questions().iloc[0]["question"]
    'Wat is de missie en visie van de bibliotheek?'
    """
    rows = [{"group": group, "group_name": t(f"organisation.group.{group}"), "id": qid,
             "question": t(f"organisation.q.{qid}")}
            for group, ids in QUESTIONS.items() for qid in ids]
    return pd.DataFrame(rows, columns=["group", "group_name", "id", "question"])


def plan_of(route: Route) -> ImpactPlan:
    """The route's saved impact plan, or an empty one."""
    return route.get("impact_plan", PLAN_ID) or ImpactPlan(id=PLAN_ID)


def update_plan(route: Route, **changes) -> ImpactPlan:
    """Save the impact plan with *changes* (``role_description``, ``answers``, ``impact``).

    Answers are merged into the saved ones; a blank answer removes the saved one.

    Examples
    --------
    >>> route = Route.open("data/sample-route")
    >>> update_plan(route, answers={"vision": "Iedereen doet mee"}).answers["vision"]
    'Iedereen doet mee'
    """
    stored = route.get("impact_plan", PLAN_ID)
    current = (stored or ImpactPlan(id=PLAN_ID)).model_dump()
    if "answers" in changes:
        new = {key: (text or "").strip() for key, text in changes.pop("answers").items()}
        merged = current["answers"] | new
        current["answers"] = {k: v for k, v in merged.items() if v}
    # base: another page's changes to other answers since this read are kept
    return route.upsert("impact_plan", current | changes, base=stored or ABSENT)


def answered(route: Route) -> pd.DataFrame:
    """How many reflection questions are answered, per group.

    Returns
    -------
    DataFrame
        Columns ``group``, ``group_name``, ``questions``, ``answered``, ``open``
        (the open questions' texts, joined with " / "), in Routekaart order.
    """
    answers = plan_of(route).answers
    questions = reflection_questions()
    done = questions["id"].map(lambda qid: bool(answers.get(qid, "").strip()))
    rows = []
    for group, part in questions.groupby("group", sort=False):
        mask = done[part.index]
        rows.append({"group": group, "group_name": part["group_name"].iloc[0],
                     "questions": len(part), "answered": int(mask.sum()),
                     "open": " / ".join(part.loc[~mask, "question"])})
    return pd.DataFrame(rows, columns=["group", "group_name", "questions", "answered", "open"])


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


def pioneer_team(route: Route) -> PioneerTeam:
    """The colleagues with a balance check (Routekaart: invite supporters and sceptics alike).

    Warnings: only supporters on the list; no sceptic on the list; a pioneer
    team of supporters only while others were on the list.
    """
    colleagues = sorted(route.records("colleagues"),
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


def colleague_named(route: Route, name: str):
    """The colleague called *name* (case and surrounding spaces ignored), or None."""
    key = name.strip().casefold()
    return next((c for c in route.records("colleagues") if c.name.casefold() == key), None)


def save_colleague(route: Route, name: str, **fields):
    """Save a colleague; a name already on the list updates that colleague.

    A new colleague gets an id made from *name*. Returns the saved record.

    Examples
    --------
    >>> route = Route.open("data/sample-route")
    >>> save_colleague(route, "Karin de Boer", stance="tegenstander").stance
    'sceptic'
    >>> save_colleague(route, "karin de boer", pioneer=True).id
    'karin-de-boer'
    """
    from routekit.records.base import make_id

    same = colleague_named(route, name)
    if same is not None:
        return route.upsert("colleagues", same.model_dump() | fields, base=same)
    new_id = make_id(name, {c.id for c in route.records("colleagues")}, fallback="collega")
    record = {"id": new_id, "name": name} | fields
    return route.upsert("colleagues", record)


def add_impact_item(route: Route, subject: str, *, kind: str, influence: str,
                    value: str = "") -> ImpactPlan:
    """Add (or, for the same subject, replace) one item of the impact plan."""
    item = {"subject": subject, "kind": kind, "influence": influence, "value": value}
    items = [i.model_dump() for i in plan_of(route).impact
             if i.subject.casefold() != subject.strip().casefold()]
    return update_plan(route, impact=items + [item])


def impact_items(route: Route) -> pd.DataFrame:
    """The impact plan's items, with kind and influence in words.

    Returns
    -------
    DataFrame
        Columns ``subject, kind, influence, value, kind_name, influence_name``
        (codes in ``kind``/``influence``), ordered direct → indirect → none.
    """
    rows = [item.model_dump(include={"subject", "kind", "influence", "value"})
            for item in plan_of(route).impact]
    frame = pd.DataFrame(rows, columns=["subject", "kind", "influence", "value"])
    frame = frame.assign(kind_name=[t(f"organisation.kind.{k}") for k in frame["kind"]],
                         influence_name=[t(f"organisation.influence.{i}")
                                         for i in frame["influence"]])
    order = frame["influence"].map(INFLUENCE.index)
    return frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def impact_overview(route: Route) -> pd.DataFrame:
    """Impact items counted per influence level (direct, indirect, none).

    Returns
    -------
    DataFrame
        One row per level: ``influence``, ``influence_name``, ``count``,
        ``situation``, ``person``, ``group`` (counts per kind) and ``subjects``.
    """
    items = impact_items(route)
    rows = []
    for level in INFLUENCE:
        part = items[items["influence"] == level]
        rows.append({"influence": level, "influence_name": t(f"organisation.influence.{level}"),
                     "count": len(part)}
                    | {kind: int((part["kind"] == kind).sum())
                       for kind in ("situation", "person", "group")}
                    | {"subjects": ", ".join(part["subject"])})
    return pd.DataFrame(rows)


def report_section(route: Route):
    """Report section: role, answered questions, pioneer team and impact chart (None when empty)."""
    from routekit.organisation_chart import impact_chart
    from routekit.report import Section
    from routekit.style import chart_size

    plan = plan_of(route)
    team = pioneer_team(route)
    if team.table.empty and not (plan.role_description or plan.answers or plan.impact):
        return None
    paragraphs = [t("organisation.report.role", text=plan.role_description)] \
        if plan.role_description else []
    progress = answered(route)
    paragraphs.append(t("organisation.answered.summary", answered=int(progress["answered"].sum()),
                        total=int(progress["questions"].sum())))
    tables = [progress[["group_name", "questions", "answered", "open"]].rename(columns={
        "group_name": t("organisation.col.group"), "questions": t("organisation.col.questions"),
        "answered": t("organisation.col.answered"), "open": t("organisation.col.open")})]
    if not team.table.empty:
        paragraphs += [team.summary, *team.warnings]
        tables.append(team_table(team))
    figures = []
    if plan.impact:
        overview = impact_overview(route).set_index("influence")["count"]
        paragraphs.append(t("organisation.report.impact", total=int(overview.sum()),
                            **overview.to_dict()))
        from routekit.report import Chart

        counts = {key: int(overview.get(key, 0)) for key in ("direct", "indirect", "none")}
        chart = impact_chart(impact_items(route), size=chart_size())
        figures.append(Chart(chart.get_figure(root=True),
                             point=t("documents.organisation.impact_point",
                                     total=int(overview.sum()), **counts),
                             notes=[paragraphs[-1]], name="invloed"))
    return Section(title=t("organisation.report.title"), paragraphs=paragraphs, tables=tables,
                   figures=figures)


def team_table(team: PioneerTeam) -> pd.DataFrame:
    """The pioneer-team table with column headings in the current language (for display)."""
    columns = ["name", "role", "stance", "spoke_on", "pioneer", "note"]
    return team.table[columns].rename(columns={c: t(f"organisation.col.{c}") for c in columns})

