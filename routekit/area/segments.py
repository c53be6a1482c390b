"""Counts per area and segment, the area hierarchy, and the matrix they live in.

Segment exports come long (one row per area and segment) or wide (one row per
area, one column per segment), at postcode-6, postcode-4, buurt or wijk level;
:func:`routekit.area.files.read_counts` reads them. :class:`SegmentData` keeps the counts as one
dense matrix (areas × types) with integer area positions, plus the hierarchy
(postcode-6 → postcode-4, buurt → wijk → gemeente), so any set of areas at any
level is profiled by summing matrix rows: milliseconds even for 460,000
postcodes.

Examples
--------
>>> from routekit.area.stored import load_route_data
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> data.positions(["WK990106"]).size  # the buurten of Heidebroek
2
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.area.scheme import Scheme
from routekit.errors import Problem, RouteError, TableError
from routekit.i18n import t

__all__ = ["LEVELS", "PATTERNS", "AreaDataError", "SegmentData", "area_level", "clean_code",
           "implied_parent"]

#: Area levels from fine to coarse.
LEVELS = ("pc6", "pc4", "buurt", "wijk", "gemeente")

#: The pattern of an area code at each level.
PATTERNS = {
    "pc6": re.compile(r"\d{4}[A-Z]{2}"), "pc4": re.compile(r"\d{4}"),
    "buurt": re.compile(r"BU\d{8}"), "wijk": re.compile(r"WK\d{6}"),
    "gemeente": re.compile(r"GM\d{4}"),
}


class AreaDataError(RouteError, KeyError):
    """An area, level or measure the segment data do not have: routekit's own error
    (a :class:`~routekit.errors.RouteError`), also a ``KeyError`` for callers that look
    codes up."""

    __str__ = Exception.__str__

    def __init__(self, message: str, file: str = "segments.csv"):
        super().__init__(Problem(file, message))


def clean_code(code: object) -> str:
    """Area code in routekit's form: trimmed, upper case, postcode without space.

    Examples
    --------
    >>> clean_code(" 1234 ab"), clean_code("bu03440111  ")
    ('1234AB', 'BU03440111')
    """
    return re.sub(r"\s+", "", str(code)).upper()


def area_level(code: str) -> str | None:
    """Level of an area code by its pattern (GM+4, WK+6, BU+8 digits, postcode), else None.

    Examples
    --------
    >>> area_level("WK990106"), area_level("1234AB"), area_level("Dorp")
    ('wijk', 'pc6', None)
    """
    for level, pattern in PATTERNS.items():
        if pattern.fullmatch(code):
            return level
    return None


def _levels_of(codes: pd.Series, areas: pd.DataFrame | None) -> pd.Series:
    """Level of each code: from the hierarchy table, else from the code pattern."""
    levels = pd.Series(None, index=codes.index, dtype="object")
    for level, pattern in PATTERNS.items():
        levels = levels.mask(levels.isna() & codes.str.fullmatch(pattern.pattern).fillna(False),
                             level)
    if areas is not None:
        levels = codes.map(areas["level"]).astype("object").where(
            lambda s: s.notna(), levels)
    return levels


def implied_parent(codes: pd.Series, levels: pd.Series) -> pd.Series:
    """Parent each area code implies by itself, for areas the hierarchy table lacks.

    A postcode-6 area lies in its postcode-4 area (the first four digits); a
    CBS buurt ``BUggggwwbb`` in wijk ``WKggggww`` and a wijk ``WKggggww`` in
    gemeente ``GMgggg``. Other codes imply nothing (None).

    Examples
    --------
    >>> codes = pd.Series(["1234AB", "BU99010301", "WK990103", "Dorp"])
    >>> implied_parent(codes, codes.map(area_level)).tolist()
    ['1234', 'WK990103', 'GM9901', None]
    """
    text = codes.astype("object").where(codes.notna(), "")
    is_cbs = text.str.fullmatch(r"(BU\d{8}|WK\d{6})")
    return (text.str[:4].where(levels == "pc6")
            .fillna(("WK" + text.str[2:8]).where((levels == "buurt") & is_cbs))
            .fillna(("GM" + text.str[2:6]).where((levels == "wijk") & is_cbs))
            .astype("object").where(lambda s: s.notna(), None))


def _ancestors(codes: pd.Index, areas: pd.DataFrame | None) -> pd.DataFrame:
    """Code at every level (columns) for each base code (rows).

    Parents come from the hierarchy table; an area without a parent there
    belongs to the area its code implies (see :func:`implied_parent`).
    """
    parents = areas["parent"] if areas is not None else pd.Series(dtype="str")
    current = pd.Series(codes, index=codes, dtype="object")
    columns: dict[str, pd.Series] = {}
    for _ in range(len(LEVELS) + 1):
        levels = _levels_of(current, areas)
        for level in levels.dropna().unique():
            hit = levels == level
            columns[level] = columns.get(level, pd.Series(None, index=codes, dtype="object")
                                         ).mask(hit, current)
        current = current.map(parents).where(lambda s: s.notna(),
                                             implied_parent(current, levels))
        if current.isna().all():
            break
    order = [level for level in LEVELS if level in columns]
    return pd.DataFrame({level: columns[level] for level in order}, index=codes)


@dataclass
class SegmentData:
    """Counts per base area and segment type as one matrix, with the area hierarchy.

    Build it with :meth:`from_long` (or :func:`routekit.area.stored.load_route_data`
    for a route).

    Attributes
    ----------
    scheme : Scheme
    codes : pandas.Index
        Base area codes (matrix rows), e.g. buurten or postcode-6 areas.
    households : numpy.ndarray
        float64 (areas × types): households (or persons) per area and type.
    members : numpy.ndarray or None
        Same shape: member households, when known.
    areas : pandas.DataFrame or None
        Hierarchy table indexed by code (``name``, ``level``, ``parent``).
    national : pandas.Series or None
        National reference counts per type (any scale: only shares are used).
    """

    scheme: Scheme
    codes: pd.Index
    households: np.ndarray
    members: np.ndarray | None = None
    areas: pd.DataFrame | None = None
    national: pd.Series | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_long(cls, scheme: Scheme, households: pd.DataFrame,
                  members: pd.DataFrame | None = None, *, areas: pd.DataFrame | None = None,
                  national: pd.Series | None = None) -> SegmentData:
        """Build from long tables (``area_code``, ``segment_code``, count column).

        Group-level counts (a segment code that is a group) are not allowed in
        a type-level matrix; counts are always kept per type.
        """
        types = scheme.types
        codes = pd.Index(pd.unique(households["area_code"]), name="area_code")
        matrix = _to_matrix(households, codes, types, "households")
        member_matrix = None
        if members is not None:
            member_matrix = _to_matrix(members, codes, types, "member_households")
        return cls(scheme, codes, matrix, member_matrix, areas, national)

    @classmethod
    def from_wide(cls, scheme: Scheme, households: pd.DataFrame,
                  members: pd.DataFrame | None = None, *, areas: pd.DataFrame | None = None,
                  national: pd.Series | None = None) -> SegmentData:
        """Build from wide tables: indexed by area code, one column per type code.

        The fast path for national files (read them with ``pandas.read_csv``).

        Raises
        ------
        TableError
            When a column is not a type of the scheme (the column is named).
        """
        unknown = [c for c in households.columns if c not in scheme.types]
        if unknown:
            raise TableError([Problem("", t("area.counts.unknown_segment", code=c), row=1,
                                      field=str(c)) for c in unknown])
        codes = pd.Index(households.index.astype(str), name="area_code")
        matrix = households.reindex(columns=scheme.types).fillna(0).to_numpy(dtype=float)
        member_matrix = None
        if members is not None:
            member_matrix = (members.reindex(index=households.index, columns=scheme.types)
                             .fillna(0).to_numpy(dtype=float))
        return cls(scheme, codes, matrix, member_matrix, areas, national)

    # -- areas ------------------------------------------------------------------

    @property
    def types(self) -> pd.Index:
        """Type codes (matrix columns)."""
        return self.scheme.types

    @property
    def ancestors(self) -> pd.DataFrame:
        """Code at every level (columns) for each base area (rows)."""
        if "ancestors" not in self._cache:
            self._cache["ancestors"] = _ancestors(self.codes, self.areas)
        return self._cache["ancestors"]

    @property
    def levels(self) -> list[str]:
        """Levels the data can be shown at, fine to coarse."""
        return [level for level in LEVELS if level in self.ancestors.columns]

    def level_index(self, level: str) -> dict[str, np.ndarray]:
        """For one level: area code → integer positions of its base areas (cached)."""
        key = ("index", level)
        if key not in self._cache:
            if level not in self.ancestors.columns:
                raise AreaDataError(t("area.level.absent", level=level,
                                      levels=", ".join(self.levels)))
            column = self.ancestors[level].fillna("").to_numpy(dtype=str)
            codes, inverse = np.unique(column, return_inverse=True)
            order = np.argsort(inverse, kind="stable")
            bounds = np.searchsorted(inverse[order], np.arange(len(codes) + 1))
            self._cache[key] = {code: order[bounds[i]:bounds[i + 1]]
                                for i, code in enumerate(codes) if code}
        return self._cache[key]

    def positions(self, areas: Iterable[str] | str | None) -> np.ndarray:
        """Integer positions of the base areas inside *areas* (codes at any level).

        None means all areas. Unknown codes raise :class:`AreaDataError` naming them.
        """
        if areas is None:
            return np.arange(len(self.codes))
        if isinstance(areas, str):
            areas = [areas]
        codes = [clean_code(code) for code in areas]
        base = self.codes.get_indexer(codes)
        parts, unknown = [base[base >= 0]], []
        for code in (c for c, found in zip(codes, base, strict=True) if found < 0):
            level = self._level_of(code)
            found = self.level_index(level).get(code) if level else None
            if found is None:
                unknown.append(code)
            else:
                parts.append(found)
        if unknown:
            raise AreaDataError(t("area.areas.unknown", codes=", ".join(unknown)))
        return np.unique(np.concatenate(parts)) if len(parts) > 1 else np.sort(parts[0])

    def _level_of(self, code: str) -> str | None:
        if self.areas is not None and code in self.areas.index:
            return self.areas.at[code, "level"]
        level = area_level(code)
        return level if level in self.ancestors.columns else None

    def area_names(self, codes: Iterable[str]) -> list[str]:
        """Display names of area codes (the code itself when the hierarchy has no name)."""
        names = self.areas["name"] if self.areas is not None else pd.Series(dtype="str")
        return [str(names.get(c, c)) for c in codes]

    def area_codes(self, level: str) -> list[str]:
        """All area codes at *level*, sorted."""
        return sorted(self.level_index(level))

    # -- sums ---------------------------------------------------------------------

    def totals(self, positions: np.ndarray | None = None, *, measure: str = "households"
               ) -> np.ndarray:
        """Counts per type summed over base areas (all when *positions* is None)."""
        matrix = self.matrix(measure)
        if positions is None:
            key = ("total", measure)
            if key not in self._cache:
                self._cache[key] = matrix.sum(axis=0)
            return self._cache[key]
        return matrix[positions].sum(axis=0)

    def matrix(self, measure: str = "households") -> np.ndarray:
        """The base matrix of ``"households"`` or ``"members"``."""
        if measure == "members":
            if self.members is None:
                raise AreaDataError(t("area.members.none"), "members.csv")
            return self.members
        return self.households

    def by_level(self, level: str, *, measure: str = "households") -> pd.DataFrame:
        """Counts per area at *level* (rows) and type (columns), summed from the base (cached)."""
        key = ("level", level, measure)
        if key not in self._cache:
            codes = self.area_codes(level)
            summed = _group_sum(self.matrix(measure), self.ancestors[level], codes)
            self._cache[key] = pd.DataFrame(summed, index=pd.Index(codes, name=level),
                                            columns=self.types)
        return self._cache[key]


def _group_sum(matrix: np.ndarray, labels: pd.Series, codes: list[str]) -> np.ndarray:
    """Row sums of *matrix* per label in *codes* order (one sort, one ``reduceat``)."""
    position = pd.Index(codes).get_indexer(labels.astype(str))
    keep = position >= 0
    order = np.argsort(position[keep], kind="stable")
    rows = np.flatnonzero(keep)[order]
    starts = np.searchsorted(position[keep][order], np.arange(len(codes)))
    return np.add.reduceat(matrix[rows], starts, axis=0)


def _to_matrix(long: pd.DataFrame, codes: pd.Index, types: pd.Index, value: str) -> np.ndarray:
    matrix = np.zeros((len(codes), len(types)))
    rows = codes.get_indexer(long["area_code"])
    cols = types.get_indexer(long["segment_code"])
    keep = (rows >= 0) & (cols >= 0)
    np.add.at(matrix, (rows[keep], cols[keep]), long[value].fillna(0).to_numpy()[keep])
    return matrix
