"""Bring a user's file into a route's ``area/`` folder: ``routekit import`` and the notebook picker.

The file is read and validated completely first; only then is the route's
file written (atomically, the previous version kept in ``.backup/``), so a
failed import never replaces a good one. The source file is never changed.
The result says, in plain Dutch, what was recognised and what changed.

Kinds (``--kind``) and where they are stored:

``cbs``
    CBS figures (kwb Excel/CSV, StatLine CSV, OData): one file per CBS table
    and year in ``area/cbs/`` (see :mod:`routekit.area.cbs_tables`), cut to the
    route's municipality; the route learns its wijken and buurten from them.
``boundaries``
    GeoJSON or GeoPackage, WGS84 or RD New → ``area/boundaries.geojson``.
``segments``, ``members``, ``scheme``
    Segment counts, member counts, the segment scheme.
``areas``
    The list of areas (``code``, ``name``, ``level``, ``parent``) → ``area/areas.csv``.
``persons``
    Inhabitants (and members) by sex and age band → ``area/persons_by_sex_age.csv``.

``auto`` recognises the kind from the contents and asks for ``--kind`` when it
cannot decide.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> result = import_file(route, "auto", "data/sample-route/area/members.csv")  # its own file
>>> print("\\n".join(result.lines))
Inlezen als leden per gebied en segment: members.csv
900 regels, 18 gebieden (buurt 18), 50 segmenten, totaal 6877
Opgeslagen in data/sample-route/area/members.csv
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from routekit.area.files import load_scheme, read_areas, read_counts
from routekit.area.segments import area_level
from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.io import read_table, write_table

__all__ = ["KINDS", "ImportResult", "guess_kind", "import_file"]

#: Kinds of file and the route file each is stored in (``cbs``: a folder, one file per table).
KINDS = {"cbs": ("cbs", ""), "segments": ("segments", ".csv"),
         "members": ("members", ".csv"), "boundaries": ("boundaries", ".geojson"),
         "scheme": ("segment_scheme", ".csv"), "areas": ("areas", ".csv"),
         "persons": ("persons_by_sex_age", ".csv")}

#: File types read as boundaries.
MAP_SUFFIXES = (".geojson", ".gpkg", ".shp", ".fgb")


@dataclass
class ImportResult:
    """What an import recognised and where it was stored."""

    kind: str
    target: Path
    lines: list[str] = field(default_factory=list)


def _ask_kind(path: Path, reason: str) -> TableError:
    kinds = ", ".join(f"{kind} ({t(f'import.kind.{kind}')})" for kind in KINDS)
    return TableError(Problem(display_name(path), t("import.ask_kind", reason=reason,
                                                    kinds=kinds)))


def guess_kind(path: str | Path, rename: Mapping[str, str] | None = None) -> str:
    """Recognise the kind of a file from its contents (``"cbs"``, ``"areas"`` ...).

    Raises
    ------
    TableError
        When the contents fit no kind, or more than one; the message asks for
        ``--kind`` and lists the kinds.
    """
    from routekit.area.cbs import detect_format
    from routekit.area.files.cbs import read_grid

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in MAP_SUFFIXES:
        return "boundaries"
    if suffix == ".json":
        try:
            data = json.loads(path.read_text("utf-8-sig"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            return "boundaries"
        return "cbs"
    frame = read_grid(path, head=50)  # the first rows are enough, also for a national file
    if detect_format(list(frame.columns)):
        return "cbs"
    renamed = {k.casefold(): v for k, v in (rename or {}).items()}
    frame = frame.rename(columns=lambda c: renamed.get(str(c).casefold(), c))
    columns = {str(c).casefold() for c in frame.columns}
    if {"area_code", "sex", "age_band"} <= columns:
        return "persons"
    if "member_households" in columns or "members" in columns:
        return "members"
    if "segment_code" in columns or "area_code" in columns:
        return "segments"
    if {"code", "name"} <= columns:
        return _scheme_or_areas(path, frame)
    raise _ask_kind(path, t("import.reason.columns", columns=", ".join(frame.columns[:8])))


def _scheme_or_areas(path: Path, frame: pd.DataFrame) -> str:
    """A table with code and name: a segment scheme (levels group/type) or a list of areas."""
    by_key = {c.casefold(): c for c in frame.columns}
    levels = (frame[by_key["level"]].dropna().astype(str).str.strip().str.casefold()
              if "level" in by_key else pd.Series(dtype="str"))
    codes = frame[by_key["code"]].dropna().astype(str)
    if len(levels) and levels.isin(["group", "type"]).all():
        return "scheme"
    area_levels = ("gemeente", "wijk", "buurt", "pc4", "pc6", "dorp", "kern")
    if (len(levels) and levels.isin(area_levels).all()) or \
            (len(codes) and codes.map(area_level).notna().mean() > 0.5):
        return "areas"
    raise _ask_kind(path, t("import.reason.code_name"))


def _counts_lines(frame: pd.DataFrame, value: str) -> list[str]:
    levels = frame["area_code"].drop_duplicates().map(area_level).fillna("?").value_counts()
    return [t("area.import.counts", rows=len(frame), areas=frame["area_code"].nunique(),
              segments=frame["segment_code"].nunique(), total=int(frame[value].sum()),
              levels=", ".join(f"{k} {v}" for k, v in levels.items()))]


def _cbs(route, path: Path, year: int | None, table: str | None) -> tuple[Path, list[str]]:
    from routekit.area.cbs_tables import table_of
    from routekit.area.files import read_key_figures
    from routekit.area.route_areas import cut_to_municipality
    from routekit.area.stored import learn_areas, store_key_figures

    municipality = route.config.municipality
    figures = read_key_figures(path, year=year)
    found = len(figures.table)
    figures = cut_to_municipality(figures, municipality.code, name=municipality.name)
    table = table or table_of(figures, path)
    stored = store_key_figures(route, figures, table)
    had_name = bool(municipality.name)
    learned = learn_areas(route, figures.table)
    lines = _cbs_summary(figures, stored.title, route.config.municipality.name
                         or municipality.code)
    if found > len(figures.table):
        lines.append(t("import.cbs.national", dropped=found - len(figures.table)))
    lines.append(t("import.cbs.replaced" if stored.replaced else "import.cbs.added",
                   title=stored.title))
    if stored.kept:
        lines.append(t("import.cbs.kept", titles="; ".join(stored.kept)))
    if not had_name and route.config.municipality.name:
        lines.append(t("import.areas.named", name=route.config.municipality.name))
    lines.append(t("import.areas.learned", wijken=t("import.wijken", count=learned["wijk"]),
                   buurten=t("import.buurten", count=learned["buurt"]),
                   added=learned["added"]))
    return stored.path, lines


def _topics(variables: list[str]) -> list[str]:
    from routekit.area.cbs import TOPICS

    topics = []
    for name in variables:
        topic = t(f"import.topic.{TOPICS[name]}")
        if topic not in topics:
            topics.append(topic)
    return topics


class _Count(int):
    """A count that prints with the Dutch thousands separator (``1.354``)."""

    def __format__(self, spec: str) -> str:
        return f"{int(self):,}".replace(",", ".")


def _cbs_summary(figures, title: str, municipality: str) -> list[str]:
    """The plain-language summary of one CBS import (no variable codes)."""
    levels = figures.table["level"].value_counts()
    areas = ", ".join([t("import.wijken", count=int(levels.get("wijk", 0))),
                       t("import.buurten", count=int(levels.get("buurt", 0)))])
    topics = ", ".join(_topics(figures.variables)) or t("import.cbs.no_variables")
    line = t("import.cbs.summary", title=title, municipality=municipality, areas=areas,
             topics=topics)
    secret = int(figures.missing().sum())
    if secret:
        line += "; " + t("import.cbs.secret", count=_Count(secret))
    lines = [line]
    if figures.derived:
        lines.append(t("import.cbs.derived", topics=", ".join(_topics(figures.derived))))
    return lines


def _boundaries(route, path: Path, target: Path) -> list[str]:
    from routekit.area.files import read_boundaries, write_boundaries
    from routekit.area.route_areas import keep_municipality

    municipality = route.config.municipality
    shapes = keep_municipality(read_boundaries(path, municipality=municipality.code),
                               municipality.code, name=municipality.name,
                               source=display_name(path))
    write_boundaries(shapes, target)
    return [t("import.boundaries.summary", levels=_levels_text(shapes["level"]))]


def _levels_text(levels: pd.Series) -> str:
    """``"1 gemeente, 10 wijken, 111 buurten"``: areas counted per level, coarse to fine."""
    counts = levels.fillna("?").value_counts()
    order = ["gemeente", "wijk", "buurt"]
    words = {"gemeente": "import.gemeenten", "wijk": "import.wijken", "buurt": "import.buurten"}
    parts = [t(words[level], count=int(counts[level])) for level in order if level in counts]
    parts += [f"{count} {level}" for level, count in counts.items() if level not in order]
    return ", ".join(parts)


def _areas(route, path: Path, target: Path) -> list[str]:
    from routekit.area.route_areas import keep_municipality
    from routekit.area.stored import learn_areas

    municipality = route.config.municipality
    areas = keep_municipality(read_areas(path), municipality.code, name=municipality.name,
                              source=display_name(path))
    write_table(areas.reset_index(), target)
    learned = learn_areas(route, areas)
    return [t("import.areas.summary", levels=_levels_text(areas["level"])),
            t("import.areas.learned", wijken=t("import.wijken", count=learned["wijk"]),
              buurten=t("import.buurten", count=learned["buurt"]), added=learned["added"])]


_SEXES = {"man": "man", "mannen": "man", "m": "man", "vrouw": "vrouw", "vrouwen": "vrouw",
          "v": "vrouw"}


def _persons(path: Path, target: Path, rename) -> list[str]:
    file = display_name(path)
    frame = read_table(path, required=["area_code", "sex", "age_band", "inhabitants"],
                       optional=["members"], numeric=["inhabitants", "members"], rename=rename)
    problems = []
    for row, (code, sex) in enumerate(zip(frame["area_code"], frame["sex"], strict=True), 2):
        if code is None or code != code:
            problems.append(Problem(file, t("import.persons.no_area"), row=row,
                                    field="area_code"))
        if str(sex).strip().casefold() not in _SEXES:
            problems.append(Problem(file, t("import.persons.bad_sex", value=sex), row=row,
                                    field="sex"))
    for column in ("inhabitants", "members"):
        for row in frame.index[frame[column].fillna(0) < 0]:
            problems.append(Problem(file, t("import.persons.negative",
                                            value=frame.at[row, column]), row=int(row) + 2,
                                    field=column))
    if problems:
        raise TableError(sorted(problems, key=lambda p: p.row or 0))
    from routekit.area.segments import clean_code

    frame = frame.assign(area_code=frame["area_code"].map(clean_code),
                         sex=frame["sex"].str.strip().str.casefold().map(_SEXES))
    write_table(frame, target)
    bands = ", ".join(pd.unique(frame["age_band"].dropna()))
    return [t("import.persons.summary", rows=len(frame), areas=frame["area_code"].nunique(),
              bands=bands)]


def import_file(route, kind: str, path: str | Path, *, year: int | None = None,
                rename: Mapping[str, str] | None = None,
                table: str | None = None) -> ImportResult:
    """Read, validate and store one file in the route's ``area/`` folder.

    Parameters
    ----------
    route : Route
    kind : {"auto", "cbs", "segments", "members", "boundaries", "scheme", "areas", "persons"}
        ``"auto"`` recognises it (see :func:`guess_kind`).
    path : str or Path
        The user's file; never changed.
    year : int, optional
        Year of CBS figures when the file does not say.
    rename : mapping, optional
        Column mapping for exports, e.g. ``{"Postcode": "area_code"}``.
    table : str, optional
        Short name of the CBS table (``kerncijfers``, ``nabijheid`` ...) when
        the file's name does not say; see :func:`routekit.area.cbs_tables.table_of`.

    Returns
    -------
    ImportResult

    Raises
    ------
    TableError
        Every problem with file, row and field, a file of another
        municipality, or a kind that cannot be recognised; the route is left
        unchanged.
    """
    path = Path(path)
    if not path.is_file():
        raise TableError(Problem(display_name(path), t("io.not_found")))
    kind = guess_kind(path, rename) if kind == "auto" else kind
    if kind not in KINDS:
        raise ValueError(t("area.import.unknown_kind", kinds=", ".join(KINDS)))
    name, suffix = KINDS[kind]
    target = route.area_file(name, suffix)
    lines = [t("import.importing", kind=t(f"import.kind.{kind}"), file=display_name(path))]
    if kind == "cbs":
        target, found = _cbs(route, path, year, table)
        lines += found
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "boundaries":
        lines += _boundaries(route, path, target)
    elif kind == "areas":
        lines += _areas(route, path, target)
    elif kind == "persons":
        lines += _persons(path, target, rename)
    elif kind == "scheme":
        scheme = load_scheme(path, rename=rename)
        lines.append(t("area.import.scheme", groups=len(scheme.groups), types=len(scheme.types)))
        write_table(scheme.table.reset_index(), target)
    elif kind in ("segments", "members"):
        scheme = load_scheme(route.area_file("segment_scheme"))
        value = "households" if kind == "segments" else "member_households"
        frame = read_counts(path, value=value, scheme=scheme, rename=rename)
        lines += _counts_lines(frame, value)
        whole = frame[value].dropna().mod(1).eq(0).all()
        write_table(frame.astype({value: "Int64"}) if whole else frame, target)
    lines.append(t("area.import.stored", target=target))
    return ImportResult(kind, target, lines)
