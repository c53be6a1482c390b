"""The reflection questions of route step 2 and how many of them are answered.

Manon Kromhout's questions about the organisation, yourself, the municipality,
the visitors and what a community is, grouped as in the Routekaart.

Examples
--------
>>> answered_per_group({"vision": "Iedereen doet mee"})["answered"].tolist()
[1, 0, 0, 0, 0]
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from routekit.i18n import t

__all__ = ["GROUPS", "QUESTIONS", "answered_per_group", "merge_answers",
           "reflection_questions"]

QUESTIONS: dict[str, tuple[str, ...]] = {
    "organisation": ("vision", "goals", "colleagues", "room", "know_how"),
    "professional": ("interest", "meaning", "own_groups"),
    "municipality": ("themes", "assignment"),
    "visitors": ("visitors", "deepen", "missing"),
    "community": ("when", "requirements", "without_library", "role"),
}
"""Reflection question ids per group, in the order of the Routekaart."""
GROUPS = tuple(QUESTIONS)


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


def merge_answers(saved: Mapping[str, str], new: Mapping[str, str | None]) -> dict[str, str]:
    """*saved* answers updated with *new* ones (stripped); a blank new answer removes one.

    Examples
    --------
    >>> merge_answers({"vision": "Oud", "goals": "Lezen"}, {"vision": " Nieuw ", "goals": ""})
    {'vision': 'Nieuw'}
    """
    merged = dict(saved) | {key: (text or "").strip() for key, text in new.items()}
    return {key: value for key, value in merged.items() if value}


def answered_per_group(answers: Mapping[str, str]) -> pd.DataFrame:
    """How many reflection questions *answers* (question id → text) answer, per group.

    Returns
    -------
    DataFrame
        Columns ``group``, ``group_name``, ``questions``, ``answered``, ``open``
        (the open questions' texts, joined with " / "), in Routekaart order.
    """
    questions = reflection_questions()
    done = questions["id"].map(lambda qid: bool(answers.get(qid, "").strip()))
    rows = []
    for group, part in questions.groupby("group", sort=False):
        mask = done[part.index]
        rows.append({"group": group, "group_name": part["group_name"].iloc[0],
                     "questions": len(part), "answered": int(mask.sum()),
                     "open": " / ".join(part.loc[~mask, "question"])})
    return pd.DataFrame(rows, columns=["group", "group_name", "questions", "answered", "open"])
