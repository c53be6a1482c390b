"""A two-level segment scheme (groups → types) read from a file the user supplies.

Segment schemes differ per vendor and version (11 groups/59 types, 14 groups,
50 types ...), so routekit keeps no segment list in code: the scheme is a
table with one row per group and per type.

Required columns: ``code``, ``name`` and either ``level`` (``group``/``type``;
Dutch ``groep``/``hoofdsegment`` and ``type``/``subsegment`` are accepted too)
or ``parent`` (empty for a group). Optional: ``parent`` (the group of a type),
``description`` and any trait columns (life stage, income level, digital
skills, media use, channels ...), which are kept as text.

Examples
--------
>>> from routekit.area.files import load_scheme
>>> scheme = load_scheme("data/sample-route/area/segment_scheme.csv")
>>> scheme.group_of("E02"), scheme.name("E")
('E', 'Jonge Nesten')
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.errors import Problem, TableError
from routekit.i18n import t

__all__ = ["LEVEL_WORDS", "Scheme", "scheme_from_table"]

#: Words accepted in the ``level`` column, mapped to routekit's two levels.
LEVEL_WORDS = {"group": "group", "groep": "group", "hoofdgroep": "group",
               "hoofdsegment": "group", "segment": "group",
               "type": "type", "subsegment": "type", "subtype": "type", "subgroep": "type"}


@dataclass(frozen=True)
class Scheme:
    """A segment scheme: groups and their types, with names and traits.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per segment, indexed by ``code``; columns ``level``
        (``"group"``/``"type"``), ``parent``, ``name``, ``description`` and traits.
    """

    table: pd.DataFrame
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def groups(self) -> pd.Index:
        """Group codes, in file order."""
        return self.table.index[self.table["level"] == "group"]

    @property
    def types(self) -> pd.Index:
        """Type codes, in file order."""
        return self.table.index[self.table["level"] == "type"]

    @property
    def traits(self) -> list[str]:
        """Names of the trait columns (everything but code, level, parent, name, description)."""
        return [c for c in self.table.columns
                if c not in ("level", "parent", "name", "description")]

    def codes(self, level: str) -> pd.Index:
        """Codes of one level: ``"group"`` or ``"type"``."""
        if level not in ("group", "type"):
            raise ValueError(t("area.level.unknown", level=level))
        return self.groups if level == "group" else self.types

    def group_of(self, code: str) -> str:
        """Group code of a type (a group code is returned unchanged)."""
        row = self.table.loc[code]
        return code if row["level"] == "group" else row["parent"]

    def name(self, code: str) -> str:
        """Name of a segment."""
        return str(self.table.at[code, "name"])

    def label(self, code: str) -> str:
        """``"E02 Opvang en Carrière"``: code and name, for charts and tables."""
        return f"{code} {self.name(code)}"

    def membership(self) -> np.ndarray:
        """Matrix (types × groups) of 0/1: which group each type belongs to."""
        if "membership" not in self._cache:
            parents = self.table.loc[self.types, "parent"].to_numpy()
            self._cache["membership"] = (parents[:, None]
                                         == self.groups.to_numpy()[None, :]).astype(float)
        return self._cache["membership"]


def _level(row: pd.Series) -> str | None:
    if isinstance(row.get("level"), str):
        return LEVEL_WORDS.get(row["level"].strip().casefold())
    return "type" if isinstance(row.get("parent"), str) else "group"


def scheme_from_table(frame: pd.DataFrame, file: str = "") -> Scheme:
    """A scheme from its table as read (``code``, ``name`` and ``level`` and/or ``parent``,
    optional ``description`` and traits); *file* is named in the messages.

    Raises
    ------
    TableError
        Naming file, row and field: unknown levels, repeated codes, types whose
        group is not in the file, groups without types.
    """
    frame = frame.dropna(how="all")
    levels = frame.apply(_level, axis=1)
    problems = [Problem(file, t("area.scheme.bad_level", value=frame.at[i, "level"],
                                choices=", ".join(sorted(LEVEL_WORDS))), row=i + 2,
                        field="level")
                for i in frame.index[levels.isna()]]
    frame = frame.assign(level=levels, code=frame["code"].str.strip())
    repeated = frame["code"].duplicated()
    problems += [Problem(file, t("area.scheme.duplicate", code=frame.at[i, "code"]),
                         row=i + 2, field="code") for i in frame.index[repeated]]
    groups = set(frame.loc[frame["level"] == "group", "code"])
    is_type = frame["level"] == "type"
    orphan = is_type & ~frame["parent"].isin(groups)
    problems += [Problem(file, t("area.scheme.no_group", code=frame.at[i, "code"],
                                 parent=frame.at[i, "parent"]), row=i + 2, field="parent")
                 for i in frame.index[orphan]]
    if not is_type.any():
        problems.append(Problem(file, t("area.scheme.no_types")))
    if problems:
        raise TableError(problems)
    return Scheme(frame.set_index("code"))
