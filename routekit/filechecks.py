"""Checks of every file a route holds, whatever reads it (``routekit check``).

:func:`check_route` finds every problem of a route in one run, grouped per file
by :func:`format_problems`; it never changes a file. Per file:

* every file: unreadable bytes (not text, not UTF-8 for YAML/JSON), empty;
* tables (CSV/Excel): a quote left open (a cut-off file), a last line cut off,
  rows longer than the header, nameless or repeated columns; for the area
  files (:data:`AREA_FILES`) missing columns, repeated keys, text in number
  columns, unknown area and segment codes; for other tables repeated rows and
  text in columns that otherwise hold numbers;
* YAML: invalid YAML (with its line), repeated keys;
* GeoJSON: invalid JSON, no feature collection, features without geometry or
  code, repeated codes.

Record files (``stakeholders.csv``, ``personas.yaml`` ...) are then validated
by :meth:`routekit.workspace.Route.check` (fields, keys, references).

Examples
--------
>>> check_route("data/sample-route")
[]
>>> from pathlib import Path
>>> _ = Path("data/sample-route/personas.yaml").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\xff")
>>> print("\\n".join(format_problems(check_route("data/sample-route"))))  # doctest: +ELLIPSIS
personas.yaml
  - rij 1: dit bestand is geen leesbare tekst (UTF-8)...
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["AREA_FILES", "AreaFile", "check_files", "check_route", "format_problems",
           "route_files"]

_TABLES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
_YAML = (".yaml", ".yml")
_JSON = (".json", ".geojson")
_SKIP = {"export", "rapport"}
_CBS_CODE = re.compile(r"^(GM|WK|BU)\d{4}")
_CODE_PROPERTIES = ("code", "buurtcode", "wijkcode", "gemeentecode", "statcode", "gwb_code",
                    "bu_code", "wk_code", "gm_code", "postcode", "pc6", "pc4")


@dataclass(frozen=True)
class AreaFile:
    """What an ``area/`` table must hold.

    ``numeric=None`` means every column not in ``text`` holds numbers (with
    ``text`` empty: columns whose cells are nearly all numbers); ``area_refs``
    and ``segment_refs`` are columns holding area codes (of ``areas.csv``) and
    segment codes (of ``segment_scheme.csv``); ``parent`` names a column that
    refers to this file's own ``key``.
    """

    required: tuple[str, ...]
    key: tuple[str, ...]
    numeric: tuple[str, ...] | None = ()
    area_refs: tuple[str, ...] = ()
    segment_refs: tuple[str, ...] = ()
    parent: str | None = None
    optional: tuple[str, ...] = field(default=())
    text: tuple[str, ...] = ()


AREA_FILES: dict[str, AreaFile] = {
    "segments": AreaFile(("area_code", "segment_code", "households"),
                         ("area_code", "segment_code"), ("households",),
                         area_refs=("area_code",), segment_refs=("segment_code",)),
    "members": AreaFile(("area_code", "segment_code", "member_households"),
                        ("area_code", "segment_code"), ("member_households",),
                        area_refs=("area_code",), segment_refs=("segment_code",)),
    "segment_scheme": AreaFile(("level", "code", "name"), ("code",), parent="parent",
                               optional=("parent",)),
    "areas": AreaFile(("code", "name"), ("code",), parent="parent", optional=("parent",)),
    "persons_by_sex_age": AreaFile(("area_code", "sex", "age_band", "inhabitants"),
                                   ("area_code", "sex", "age_band"), ("inhabitants", "members"),
                                   area_refs=("area_code",)),
    "behaviour": AreaFile(("segment_code", "category", "count"), ("segment_code", "category"),
                          ("count",), segment_refs=("segment_code",)),
    "national_reference": AreaFile(("segment_code", "households"), ("segment_code",),
                                   ("households",), segment_refs=("segment_code",)),
    "kerncijfers_kwb": AreaFile(("gwb_code_10",), ("gwb_code_10",), None, text=(
        "gwb_code_10", "gwb_code", "regio", "gm_naam", "wk_naam", "bu_naam", "recs",
        "pst_mvp", "pst_dekp", "gm_code", "wk_code", "bu_code")),
}
"""The area tables routekit reads, by name (``route.area_file(name)``)."""


# --------------------------------------------------------------------------- the route


def check_route(route) -> list[Problem]:
    """Every problem of the route (a :class:`~routekit.workspace.Route` or its folder).

    When ``route.yaml`` cannot be opened, its problems are listed together with
    those the other files have on their own.
    """
    from routekit.workspace import Route

    if isinstance(route, Route):
        return route.check()
    try:
        return Route.open(route).check()
    except RouteError as error:
        if not (Path(route) / "route.yaml").is_file():
            raise  # not a route at all: nothing else to check
        problems = list(error.problems)
    found, _ = check_files(Path(route))
    return _tidy(Path(route), problems + [p for p in found if p.file != "route.yaml"])


def route_files(route_dir: str | Path) -> list[Path]:
    """The files a route holds that routekit reads (not backups, exports or hidden files)."""
    route_dir = Path(route_dir)
    found = []
    for path in sorted(route_dir.rglob("*")):
        parts = path.relative_to(route_dir).parts
        if any(p.startswith(".") for p in parts) or parts[0] in _SKIP or not path.is_file():
            continue
        if path.suffix.lower() in _TABLES + _YAML + _JSON:
            found.append(path)
    return found


def check_files(route) -> tuple[list[Problem], set[str]]:
    """Problems of each file on its own (see the module text) and the files unreadable.

    Parameters
    ----------
    route : Route or Path
        With a :class:`Route`, its area files are also checked for columns,
        keys, numbers and codes.

    Returns
    -------
    (problems, unreadable)
        ``unreadable`` holds the paths (relative to the route, ``/``-separated)
        of files that cannot be read at all; their contents are not checked further.
    """
    from routekit.records import KINDS

    route_dir = Path(getattr(route, "path", route))
    later = {spec.filename for spec in KINDS.values()}  # read by Route.check
    if hasattr(route, "area_file"):
        later |= {_name(route, kind) for kind in AREA_FILES}  # read by _area_problems
    problems: list[Problem] = []
    unreadable: set[str] = set()
    for path in route_files(route_dir):
        name = path.relative_to(route_dir).as_posix()
        found, readable = _check_file(path, name, read=name not in later)
        problems += found
        if not readable:
            unreadable.add(name)
    if hasattr(route, "area_file"):
        problems += _area_problems(route, unreadable)
    return problems, unreadable


def _name(route, kind: str) -> str:
    path = route.area_file(kind)
    route_dir = Path(route.path)
    return path.relative_to(route_dir).as_posix() if path.is_relative_to(route_dir) \
        else path.name


def _check_file(path: Path, name: str, *, read: bool) -> tuple[list[Problem], bool]:
    data = path.read_bytes()
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return [Problem(name, t("safety.check.empty"))], False
    suffix = path.suffix.lower()
    if suffix in _YAML:
        return _yaml_problems(data, name)
    if suffix in _JSON:
        return _json_problems(data, name)
    if not read and data.endswith((b"\n", b"\r")):
        return [], True  # read and checked later
    frame, problems = _read(path, name)
    if frame is None:
        return problems, False
    problems += _cut_off(path, data, frame, name)
    if read:
        problems += _repeated_rows(frame, name) + _numbers_in_text(frame, name, frame.columns)
    return problems, True


# --------------------------------------------------------------------------- tables


def _read(path: Path, name: str, **options):
    """``read_table`` with problems named after the route-relative file; (frame, problems)."""
    from routekit.io import read_table

    try:
        return read_table(path, **options), []
    except RouteError as error:
        return None, [_renamed(p, name) for p in error.problems]


def _renamed(problem: Problem, name: str) -> Problem:
    return Problem(file=name, message=problem.message, row=problem.row, field=problem.field)


def _cut_off(path: Path, data: bytes, frame, name: str) -> list[Problem]:
    """The last line is shorter than the header and the file ends within it."""
    if path.suffix.lower() not in (".csv", ".txt", ".tsv") or data.endswith((b"\n", b"\r")) \
            or frame.empty:
        return []
    last = frame.iloc[-1]
    if last.isna().any() and last.notna().any():
        return [Problem(name, t("safety.check.cut_off"), row=len(frame) + 1)]
    return []


def _repeated_rows(frame, name: str, key=None) -> list[Problem]:
    columns = list(key) if key else list(frame.columns)
    rows = frame[columns].dropna(how="all")
    repeated = rows.duplicated(keep=False)
    first: dict[tuple, int] = {}
    problems = []
    for index in rows.index[repeated]:
        values = tuple(rows.loc[index].fillna(""))
        if values in first:
            text = " / ".join(str(v) for v in values) if key else ""
            message = (t("safety.check.repeated_key", key=text, first=first[values]) if key
                       else t("safety.check.repeated_row", first=first[values]))
            problems.append(Problem(name, message, row=index + 2,
                                    field=columns[0] if key else None))
        else:
            first[values] = index + 2
    return problems


def _numbers_in_text(frame, name: str, columns) -> list[Problem]:
    """Cells with text in a column whose other cells (at least 3, 90 %) are numbers."""
    from routekit.io import MISSING_MARKERS, parse_number

    problems = []
    for column in columns:
        values = frame[column].dropna()
        values = values[~values.isin(MISSING_MARKERS)]
        if len(values) < 3:
            continue
        numbers = values.map(lambda v: parse_number(v, ",") is not None
                             or parse_number(v, ".") is not None)
        if numbers.all() or numbers.mean() < 0.9:
            continue
        problems += [Problem(name, t("safety.check.text_in_numbers", value=frame.at[i, column]),
                             row=i + 2, field=str(column)) for i in values.index[~numbers]]
    return problems


def _area_problems(route, unreadable: set[str]) -> list[Problem]:
    """Columns, keys, numbers and codes of the area tables of :data:`AREA_FILES`."""
    frames, problems = {}, []
    for kind, spec in AREA_FILES.items():
        path, name = route.area_file(kind), _name(route, kind)
        if not path.is_file() or name in unreadable:
            continue
        frame, found = _read_area(path, name, spec)
        if frame is None and "segment_code" in spec.required and not any(
                p.row for p in found) and _without("segment_code", path, name):
            spec = AreaFile(("area_code",), ("area_code",), None, area_refs=("area_code",))
            frame, found = _read_area(path, name, spec)  # wide: one column per segment
        problems += found
        if frame is None:
            unreadable.add(name)
            continue
        frames[kind] = frame
        problems += _repeated_rows(frame, name, spec.key)
        if spec.numeric is None and not spec.text:
            problems += _numbers_in_text(frame, name, frame.columns)
    problems += _code_problems(route, frames)
    return problems


def _read_area(path: Path, name: str, spec: AreaFile):
    numeric = list(spec.numeric or ())
    if spec.numeric is None and spec.text:
        frame, problems = _read(path, name)
        if frame is None:
            return frame, problems
        numeric = [c for c in frame.columns if c.casefold() not in spec.text]
    return _read(path, name, required=list(spec.required), optional=list(spec.optional),
                 numeric=numeric)


def _without(column: str, path: Path, name: str) -> bool:
    """True when the table in *path* is readable and has no *column*."""
    frame, _ = _read(path, name)
    return frame is not None and column not in frame.columns


def _code_problems(route, frames: dict) -> list[Problem]:
    areas = frames.get("areas")
    scheme = frames.get("segment_scheme")
    area_codes = None
    if areas is not None:
        area_codes = set(areas["code"].dropna().str.strip()) | {route.config.municipality.code} \
            | {a.code for a in route.config.areas}
    segment_codes = set(scheme["code"].dropna().str.strip()) if scheme is not None else None
    problems = []
    for kind, frame in frames.items():
        spec, name = AREA_FILES[kind], _name(route, kind)
        if spec.area_refs and "segment_code" not in frame.columns:
            spec = AreaFile(spec.required[:1], spec.key[:1], area_refs=spec.area_refs)
        checks = [(c, area_codes, "safety.check.unknown_area") for c in spec.area_refs]
        checks += [(c, segment_codes, "safety.check.unknown_segment") for c in spec.segment_refs]
        if spec.parent and spec.parent in frame.columns:
            known = set(frame[spec.key[0]].dropna().str.strip())
            if kind == "areas":
                known |= area_codes or set()
            checks.append((spec.parent, known, "safety.check.unknown_parent"))
        for column, known, key in checks:
            if known is None or column not in frame.columns:
                continue
            for index, code in frame[column].dropna().str.strip().items():
                if code in known or (key == "safety.check.unknown_area"
                                     and not _CBS_CODE.match(code)):
                    continue
                problems.append(Problem(name, t(key, code=code), row=index + 2, field=column))
    return problems


# --------------------------------------------------------------------------- YAML, JSON


def _text(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return None, [Problem(name, t("safety.file.not_utf8"), row=line)]


def _yaml_problems(data: bytes, name: str) -> tuple[list[Problem], bool]:
    import yaml

    text, problems = _text(data, name)
    if text is None:
        return problems, False
    try:
        loaded, repeated = _load_noting_repeats(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(name, t("safety.check.yaml", error=getattr(error, "problem", "") or ""),
                        row=mark.line + 1 if mark else None)], False
    if loaded is None:
        return [Problem(name, t("safety.check.empty"))], False
    return [Problem(name, t("safety.check.repeated_yaml_key", key=key), row=line)
            for key, line in repeated], True


def _load_noting_repeats(text: str):
    """``yaml.safe_load`` that also returns the keys repeated within a mapping, with lines."""
    import yaml

    repeated: list[tuple[str, int]] = []

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        repeated.append((key_node.value, key_node.start_mark.line + 1))
                    seen.add(key_node.value)
            return super().construct_mapping(node, deep=deep)

    return yaml.load(text, Loader=Loader), repeated  # noqa: S506 - a SafeLoader


def _json_problems(data: bytes, name: str) -> tuple[list[Problem], bool]:
    text, problems = _text(data, name)
    if text is None:
        return problems, False
    try:
        loaded = json.loads(text)
    except ValueError as error:
        return [Problem(name, t("safety.check.json", error=getattr(error, "msg", error)),
                        row=getattr(error, "lineno", None))], False
    if not name.endswith(".geojson"):
        return [], True
    if not isinstance(loaded, dict) or loaded.get("type") != "FeatureCollection" \
            or not isinstance(loaded.get("features"), list):
        return [Problem(name, t("safety.check.not_features"))], False
    seen: dict[str, int] = {}
    for number, feature in enumerate(loaded["features"], start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict) or not feature.get("geometry"):
            problems.append(Problem(name, t("safety.check.feature"), row=number))
            continue
        keys = {k.casefold(): k for k in properties}
        column = next((keys[c] for c in _CODE_PROPERTIES if c in keys), None)
        code = str(properties.get(column) or "").strip() if column else ""
        if not code:
            problems.append(Problem(name, t("safety.check.feature_code"), row=number))
        elif code in seen:
            problems.append(Problem(name, t("safety.check.repeated_key", key=code,
                                            first=seen[code]), row=number, field=column))
        else:
            seen[code] = number
    return problems, True


# --------------------------------------------------------------------------- output


def _tidy(route_dir: Path, problems: list[Problem]) -> list[Problem]:
    """Problems once each, files named relative to the route, grouped per file."""
    names: dict[str, list[str]] = {}
    for path in route_files(route_dir):
        names.setdefault(path.name, []).append(path.relative_to(route_dir).as_posix())
    unique, seen = [], set()
    for problem in problems:
        file = str(problem.file)
        options = names.get(file, [])
        if file not in options and len(options) == 1:
            problem = _renamed(problem, options[0])
        # one problem per cell: the first found (the file check's, which says what to do)
        key = (problem.file, problem.row, problem.field) if problem.row is not None \
            else (problem.file, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    order = {name: i for i, name in enumerate(dict.fromkeys(p.file for p in unique))}
    return sorted(unique, key=lambda p: order[p.file])


def format_problems(problems: list[Problem]) -> list[str]:
    """Lines listing *problems* per file: the file name, then one indented line each.

    Examples
    --------
    >>> format_problems([Problem("a.csv", "kapot", row=3), Problem("a.csv", "leeg")])
    ['a.csv', '  - rij 3: kapot', '  - leeg']
    """
    lines: list[str] = []
    current = None
    for problem in problems:
        if problem.file != current:
            current = problem.file
            lines.append(str(current))
        where = str(Problem("", problem.message, problem.row, problem.field))
        lines.append(f"  - {where[2:] if where.startswith(': ') else where.lstrip(', ')}")
    return lines
