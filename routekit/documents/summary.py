"""The management summary: a few plain Dutch sentences from what the route holds.

Each stage's report section adds its own sentences (``Section.summary``); this
module groups them under the questions a manager asks, and leaves out every
question the route cannot answer yet.

Examples
--------
>>> from routekit.report import route_document
>>> from routekit.workspace import Route
>>> route = Route.create("routes/samenvatting", library="Bibliotheek Voorbeeld",
...                      municipality={"code": "GM0344", "name": "Utrecht"})
>>> [lead for lead, _ in route_document(route).summary]
['De route']
"""

from __future__ import annotations

from routekit.i18n import t

__all__ = ["GROUPS", "management_summary"]

GROUPS: dict[str, tuple[str, ...]] = {
    "area": ("04a",),
    "forces": ("04b",),
    "carriers": ("04c", "08"),
    "plan": ("07",),
}
"""Summary questions and the route steps whose sentences answer them."""


def management_summary(route, parts) -> list[tuple[str, str]]:
    """``(question, answer)`` pairs: the route in one line, then one per question with data.

    Parameters
    ----------
    route : Route
    parts : list of routekit.report.Part
        The document's parts (their sections carry the sentences).
    """
    cfg = route.config
    done = sum(part.filled for part in parts)
    themes = ", ".join(theme.name for theme in cfg.themes)
    first = t("documents.summary.progress" if themes else "documents.summary.no_themes",
              library=cfg.library, municipality=cfg.municipality.name, themes=themes,
              done=done, total=len(parts))
    if done <= 1:
        first += " " + t("documents.summary.empty")
    out = [(t("documents.summary.route"), first)]
    by_step = {part.step: [s for section in part.sections for s in section.summary]
               for part in parts}
    for group, steps in GROUPS.items():
        sentences = [s for step in steps for s in by_step.get(step, [])]
        if sentences:
            out.append((t(f"documents.summary.{group}"), " ".join(sentences)))
    return out
