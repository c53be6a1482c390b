"""The problems ``routekit check`` finds in a route's area data, from data in hand.

:func:`foreign_area_problems` (areas of another municipality in ``route.yaml``),
:func:`foreign_figure_problems` (CBS rows of another municipality) and
:func:`member_count_problems` (more member households than households) each
take plain data; :func:`routekit.area.stored.check` runs them on a route.

Examples
--------
>>> import pandas as pd
>>> table = pd.DataFrame({"level": ["gemeente", "wijk"]}, index=["GM9901", "WK030801"])
>>> [p.message[:29] for p in foreign_figure_problems(table, "GM9901", "Sleutelwaard",
...                                                  file="kerncijfers-2023.csv", path="r")]
['1 gebieden in kerncijfers-202']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.area.route_areas import belongs_to
from routekit.errors import Problem
from routekit.i18n import t

__all__ = ["foreign_area_problems", "foreign_figure_problems", "member_count_problems"]


def foreign_area_problems(areas, municipality: str, label: str, *, file: str
                          ) -> list[Problem]:
    """Areas (``route.yaml`` ``areas``: objects with ``code`` and ``name``) with a CBS
    code of another municipality than *municipality* (*label*: its name and code)."""
    codes = [area.code for area in areas]
    cbs = [code[:2] in ("GM", "WK", "BU") for code in codes]
    inside = belongs_to(codes, municipality).tolist() if codes else []
    return [Problem(file, t("import.check.foreign_area", code=area.code, name=area.name,
                            municipality=label), field="areas")
            for area, is_cbs, ok in zip(areas, cbs, inside, strict=True) if is_cbs and not ok]


def foreign_figure_problems(table: pd.DataFrame, municipality: str, label: str, *,
                            file: str, path) -> list[Problem]:
    """One problem when the CBS *table* (of *file*) holds regions of another municipality
    (the national rows are fine); *path* is the route folder the message names."""
    regional = table[table["level"] != "land"]
    foreign = regional.index[~belongs_to(regional.index, municipality).to_numpy()]
    if not len(foreign):
        return []
    return [Problem(file, t("import.check.foreign_figures", count=len(foreign), file=file,
                            municipality=label, codes=", ".join(foreign[:3]), path=path))]


def member_count_problems(data, file: str) -> list[Problem]:
    """Areas and segments of *data* (a :class:`~routekit.area.segments.SegmentData`) with
    more member households than households; none without members."""
    if data.members is None:
        return []
    rows, cols = np.nonzero(data.members > data.households)
    return [Problem(file, t("area.counts.members_above", members=int(data.members[r, c]),
                            households=int(data.households[r, c]), area=data.codes[r],
                            segment=data.types[c]))
            for r, c in zip(rows, cols, strict=True)]
