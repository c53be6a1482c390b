"""The one place the area stage (step 4a) reads from and writes to the route workspace.

Every function takes the :class:`~routekit.workspace.Route` first, reads the
route's ``area/`` files, calls the compute modules of :mod:`routekit.area` and
stores what they made. Forms, notebooks, the report and the CLI call these.

* CBS figures: :func:`route_key_figures`, :func:`route_figures`,
  :func:`stored_tables`, :func:`store_key_figures`, :func:`route_trend`;
* segment data: :func:`load_route_data`, :func:`segment_data`, :func:`segment_source`,
  :func:`chosen_source`, :func:`set_segment_source`, :func:`segment_files`,
  :func:`has_segment_data`, :func:`available_sources`;
* what the route has: :func:`area_status`, :func:`boundaries_file`,
  :func:`route_boundaries`, :func:`route_persons`, :func:`check`, :func:`advice`;
  its areas: :func:`learn_areas`;
* open segments: :func:`build_open_segments`, :func:`run_classify`,
  :func:`open_metadata`, :func:`open_areas`, :func:`open_summary`,
  :func:`rename_group`, :func:`add_members`;
* choices: :func:`save_selections`.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> int(route_key_figures(route).table.loc["GM9901", "inhabitants"])
64741
>>> segment_source(route), segment_files(route)["segments"].name
('mosaic', 'segments.csv')
>>> data = load_route_data(route)
>>> data.positions(["WK990106"]).size  # the buurten of Heidebroek
2
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from routekit.area.cbs import KeyFigures
from routekit.area.cbs_tables import merge_key_figures, table_title, trend
from routekit.area.files import read_key_figures
from routekit.errors import Problem, RouteError, TableError
from routekit.i18n import t
from routekit.io import read_table, write_table

__all__ = ["LEGACY_FILE", "SETTING", "SOURCES", "StoreResult", "StoredTable", "add_members",
           "advice", "area_status", "available_sources", "boundaries_file", "build_open_segments",
           "check", "chosen_source", "has_segment_data", "learn_areas", "load_route_data",
           "open_areas", "open_metadata", "open_summary", "rename_group", "route_boundaries",
           "route_figures", "route_key_figures", "route_persons", "route_trend", "run_classify",
           "save_selections", "segment_data", "segment_files", "segment_source",
           "set_segment_source", "store_key_figures", "store_open_segments", "stored_tables"]

# --------------------------------------------------------------------------- CBS figures

#: The single CBS file of routes made before tables were kept side by side.
LEGACY_FILE = "kerncijfers_kwb"
_STORED = re.compile(r"^([a-z0-9_]+)-((?:19|20)\d\d)\.csv$")
_BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg")


@dataclass
class StoredTable:
    """One stored CBS table of a route: its short name, year and file."""

    table: str
    year: int
    path: Path

    @property
    def title(self) -> str:
        """Dutch (or English) title, e.g. ``"Kerncijfers wijken en buurten 2023"``."""
        return table_title(self.table, self.year)

    def figures(self) -> KeyFigures:
        """The table's figures (read from its file)."""
        figures = read_key_figures(self.path, year=self.year)
        figures.tables = [self.title]
        figures.years = dict.fromkeys(figures.variables, self.year)
        return figures


def _cbs_folder(route) -> Path:
    return route.area_file("cbs", "")


def stored_tables(route) -> list[StoredTable]:
    """The route's CBS tables (``area/cbs/<table>-<year>.csv``), sorted by table and year
    (the old single ``area/kerncijfers_kwb.csv`` included)."""
    found = []
    folder = _cbs_folder(route)
    if folder.is_dir():
        for path in folder.iterdir():
            match = _STORED.match(path.name)
            if match:
                found.append(StoredTable(match.group(1), int(match.group(2)), path))
    legacy = route.area_file(LEGACY_FILE)
    if legacy.is_file():
        year = read_key_figures(legacy).year or 0
        if not any(s.table == "kerncijfers" and s.year == year for s in found):
            found.append(StoredTable("kerncijfers", year, legacy))
    return sorted(found, key=lambda s: (s.table, s.year))


def route_key_figures(route) -> KeyFigures:
    """All CBS figures of a route: every stored table and year merged on area code.

    This is the one way to read a route's figures (area overview, personas,
    report, notebooks). Each variable comes from the newest table that has it;
    where the figures come from is in ``tables`` and ``years``. Nothing
    imported yet gives an empty but valid :class:`~routekit.area.cbs.KeyFigures`.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> figures = route_key_figures(Route.open("data/sample-route"))
    >>> "age_65_plus" in figures.variables, figures.tables
    (True, ['Kerncijfers wijken en buurten'])
    """
    return merge_key_figures([stored.figures() for stored in stored_tables(route)])


def route_figures(route) -> KeyFigures | None:
    """The route's CBS key figures (:func:`route_key_figures`), or None when the route
    has none yet: the one call every page uses.

    Raises
    ------
    TableError
        When the stored figures cannot be read (file, row and field named).
    """
    figures = route_key_figures(route)
    return None if figures.table.empty else figures


def _needed_figures(route) -> KeyFigures:
    """:func:`route_key_figures`, refusing a route without figures (says how to add them)."""
    figures = route_key_figures(route)
    if figures.table.empty:
        raise RouteError(Problem("area/cbs", t("classify.no_figures")))
    return figures


def route_trend(route, variable: str, table: str = "kerncijfers") -> pd.DataFrame:
    """:func:`~routekit.area.cbs_tables.trend` of *variable* over the years of one stored
    table of the route."""
    return trend([s.figures() for s in stored_tables(route) if s.table == table], variable)


@dataclass
class StoreResult:
    """What storing a table did: its file, and the titles added, replaced and kept."""

    path: Path
    title: str
    replaced: bool
    kept: list[str] = field(default_factory=list)


def store_key_figures(route, figures: KeyFigures, table: str) -> StoreResult:
    """Store *figures* as the route's *table* of their year, keeping every other table.

    Only the file of the same table and year is replaced (its previous version
    goes to ``.backup/``). An old ``area/kerncijfers_kwb.csv`` is moved into
    ``area/cbs/`` first, so it is kept as its own table.

    Raises
    ------
    TableError
        When the figures have no year (then ``--year`` is needed).
    """
    if not figures.year:
        raise TableError(Problem(figures.source, t("import.no_year")))
    if not re.fullmatch(r"[a-z0-9_]+", table):
        raise TableError(Problem(figures.source, t("import.bad_table", table=table)))
    folder = _cbs_folder(route)
    folder.mkdir(parents=True, exist_ok=True)
    _move_legacy(route, folder)
    target = folder / f"{table}-{figures.year}.csv"
    replaced = target.exists()
    write_table(figures.to_kwb(), target)
    kept = [s.title for s in stored_tables(route) if s.path != target]
    return StoreResult(target, table_title(table, figures.year), replaced, kept)


def _move_legacy(route, folder: Path) -> None:
    legacy = route.area_file(LEGACY_FILE)
    if not legacy.is_file():
        return
    old = read_key_figures(legacy)
    if not old.year:
        return  # read in place until its year is known
    target = folder / f"kerncijfers-{old.year}.csv"
    if not target.exists():
        write_table(old.to_kwb(), target)
    backup = legacy.parent / ".backup"
    backup.mkdir(exist_ok=True)
    shutil.move(str(legacy), backup / legacy.name)


def boundaries_file(route) -> Path | None:
    """The route's boundary file (``area/boundaries.geojson`` or ``.gpkg``), or None."""
    for suffix in _BOUNDARY_SUFFIXES:
        path = route.area_file("boundaries", suffix)
        if path.exists():
            return path
    return None


def route_boundaries(route):
    """The route's boundary shapes (a GeoDataFrame indexed by area code, see
    :func:`routekit.area.files.read_boundaries`), or None without a boundary file."""
    from routekit.area.files import read_boundaries

    path = boundaries_file(route)
    return None if path is None else read_boundaries(path)


def route_persons(route) -> pd.DataFrame | None:
    """Inhabitants (and members) per area, sex and age band (``persons_by_sex_age.csv``,
    see :func:`routekit.area.ages.pyramid_by_sex`), or None when the route has none."""
    path = route.area_file("persons_by_sex_age")
    return read_table(path, numeric=["inhabitants", "members"]) if path.exists() else None


def learn_areas(route, table: pd.DataFrame) -> dict[str, int]:
    """Add the wijken and buurten of *table* to the route (and its municipality's name).

    Areas the route already has keep what the user wrote (name, kind,
    branch); only a missing parent is filled in. Areas not in the table are
    kept. ``route.yaml`` is saved when something changed.

    Returns
    -------
    dict
        ``{"wijk": n, "buurt": n, "added": n}``: the route's wijken and buurten
        now, and how many were new.
    """
    from routekit.area.route_areas import areas_from_table
    from routekit.area.segments import area_level
    from routekit.records.route import Area

    config = route.config
    changed = False
    code = config.municipality.code
    if not config.municipality.name and code in table.index:
        config.municipality.name = str(table.at[code, "name"])
        changed = True
    known = {area.code: area for area in config.areas}
    added = 0
    for item in areas_from_table(table):
        area = known.get(item["code"])
        if area is None:
            config.areas.append(Area(**item))
            added += 1
        elif area.parent is None:
            area.parent = item["parent"]
            changed = True
    if added or changed:
        route.save_config()
    levels = [area_level(area.code) for area in config.areas]
    return {"wijk": levels.count("wijk"), "buurt": levels.count("buurt"), "added": added}


# --------------------------------------------------------------------------- segment data

#: The two kinds of segment data, and their file names (without ``.csv``) in ``area/``:
#: the user's own (Mosaic) files and the open classification of ``routekit classify``.
SOURCES = {
    "mosaic": {"segment_scheme": "segment_scheme", "segments": "segments",
               "members": "members"},
    "open": {"segment_scheme": "open_segment_scheme", "segments": "open_segments",
             "members": "open_members"},
}
#: The ``route.yaml`` key saying which source the stages use (``mosaic`` or ``open``);
#: without it, the Mosaic files when present, else the open ones.
SETTING = "segment_source"


def _unknown_source(source: str) -> RouteError:
    return RouteError(Problem("route.yaml", t("classify.source.unknown", value=source,
                                              choices=", ".join(SOURCES)), field=SETTING))


def available_sources(route) -> list[str]:
    """The sources whose scheme and segment files are both in the route."""
    return [name for name, files in SOURCES.items()
            if route.area_file(files["segment_scheme"]).exists()
            and route.area_file(files["segments"]).exists()]


def chosen_source(route) -> str | None:
    """The ``segment_source`` setting of ``route.yaml`` as written; None when the route
    leaves it to :func:`segment_source` (Mosaic when present, else open)."""
    return (route.config.model_extra or {}).get(SETTING) or None


def segment_source(route) -> str | None:
    """The source the stages use: the ``segment_source`` setting, else Mosaic, else open.

    None when the route has no segment data at all.
    """
    chosen = chosen_source(route)
    if chosen:
        return str(chosen).strip().casefold()
    found = available_sources(route)
    return found[0] if found else None


def has_segment_data(route) -> bool:
    """Whether the stages find segment data in the route (of the chosen source)."""
    return segment_source(route) in available_sources(route)


def segment_files(route, source: str | None = None) -> dict[str, Path]:
    """Paths of ``segment_scheme``, ``segments`` and ``members`` of *source* (default: chosen).

    Raises
    ------
    RouteError
        For an unknown source name (the message names the setting and the choices).
    """
    source = source or segment_source(route) or "mosaic"
    if source not in SOURCES:
        raise _unknown_source(source)
    return {key: route.area_file(name) for key, name in SOURCES[source].items()}


def set_segment_source(route, source: str | None) -> None:
    """Record in ``route.yaml`` which source the stages use (None: the default again)."""
    if source is not None and source not in SOURCES:
        raise _unknown_source(source)
    if source is not None and source not in available_sources(route):
        raise RouteError(Problem("route.yaml", t(f"classify.source.missing_{source}"),
                                 field=SETTING))
    extra = route.config.model_extra or {}
    if source is None:
        extra.pop(SETTING, None)
    else:
        setattr(route.config, SETTING, source)
    route.save_config()


def load_route_data(route, source: str | None = None):
    """Read the segment data of a route: scheme, areas, households, members, national reference.

    Files (in the route's ``area/`` folder): ``segment_scheme.csv``,
    ``segments.csv``, and when present ``members.csv``, ``areas.csv``,
    ``national_reference.csv`` (``segment_code``, ``households``). With the
    open classification (*source* ``"open"``, or ``segment_source: open`` in
    ``route.yaml``, or when the route has no Mosaic files) the ``open_``
    files of ``routekit classify`` instead.

    Returns
    -------
    SegmentData

    Raises
    ------
    TableError
        When a file is missing or has problems (file, row and field named).
    """
    from routekit.area.files import load_scheme, read_areas, read_counts
    from routekit.area.segments import SegmentData

    source = source or segment_source(route)
    files = segment_files(route, source)
    scheme = load_scheme(files["segment_scheme"])
    households = read_counts(files["segments"], scheme=scheme)
    members = None
    if files["members"].exists():
        members = read_counts(files["members"], value="member_households", scheme=scheme)
    areas = read_areas(route.area_file("areas")) if route.area_file("areas").exists() else None
    if areas is None and source == "open" and route.area_file("open_areas").exists():
        areas = read_areas(route.area_file("open_areas"))  # names from the CBS figures
    national = None
    if source != "open" and route.area_file("national_reference").exists():
        table = read_table(route.area_file("national_reference"),
                           required=["segment_code", "households"], numeric=["households"])
        national = table.set_index("segment_code")["households"].astype(float)
    return SegmentData.from_long(scheme, households, members, areas=areas, national=national)


def segment_data(route):
    """The route's segment data (:func:`load_route_data`), or None while it has none.

    Raises
    ------
    TableError
        When its files have problems (file, row and field named).
    """
    return load_route_data(route) if has_segment_data(route) else None


# --------------------------------------------------------------------------- what the route has

def area_status(route, figures=None) -> list[str]:
    """What the route's area data hold, as sentences in the user's language.

    *figures*: the route's figures when already read (:func:`route_figures`).
    """
    from routekit.area.availability import status_lines
    from routekit.guidance import present

    figures = route_figures(route) if figures is None else figures
    have = present(route, ["segments", "members", "boundaries"])
    data = load_route_data(route) if have["segments"] else None
    return status_lines(figures, data, boundaries=have["boundaries"])


def check(route) -> list[Problem]:
    """Problems in the route's area data (registered in ``routekit.workspace.CHECKS``).

    Areas in ``route.yaml`` and CBS figures of another municipality than the
    route's; unknown segment codes, negative counts, unreadable files, and
    more member households than households in an area and segment.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> check(Route.open("data/sample-route"))
    []
    """
    from routekit.area.checks import (
        foreign_area_problems,
        foreign_figure_problems,
        member_count_problems,
    )
    from routekit.workspace import ROUTE_FILE

    municipality = route.config.municipality
    label = f"{municipality.name} ({municipality.code})".strip()
    problems = foreign_area_problems(route.config.areas, municipality.code, label,
                                     file=ROUTE_FILE)
    for stored in stored_tables(route):
        try:
            table = stored.figures().table
        except (TableError, RouteError) as error:
            problems += list(error.problems)
            continue
        problems += foreign_figure_problems(table, municipality.code, label,
                                            file=stored.path.name, path=route.path)
    if not has_segment_data(route):
        return problems
    try:
        data = load_route_data(route)
    except RouteError as error:
        return problems + list(error.problems)
    return problems + member_count_problems(data, segment_files(route)["members"].name)


def advice(route) -> list[str]:
    """What the route still lacks for its stages, each with how to add it (Dutch by default).

    Looks for: the route's areas, CBS figures, segment data (scheme and
    counts) and a boundary map. Empty when the route has them all.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> advice(Route.open("data/sample-route"))
    []
    """
    missing = []
    if not route.config.areas:
        missing.append("areas")
    if not stored_tables(route):
        missing.append("figures")
    if not has_segment_data(route):
        missing.append("segments")
    if not route.area_file("boundaries", ".geojson").exists():
        missing.append("boundaries")
    return [t(f"import.advice.{item}", path=route.path) for item in missing]


# --------------------------------------------------------------------------- open segments

def open_metadata(route) -> dict:
    """The route's ``open_classification.yaml`` as a dict (empty when there is none)."""
    import yaml

    from routekit.area.open_segments import METADATA

    path = route.area_file(METADATA, ".yaml")
    if not path.exists():
        return {}
    try:
        return yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as error:
        raise RouteError(Problem(path.name, t("core.yaml.invalid"))) from error


def _write_metadata(route, meta: dict) -> Path:
    import yaml

    from routekit.area.open_segments import METADATA
    from routekit.storage import atomic_write_text

    path = route.area_file(METADATA, ".yaml")
    atomic_write_text(path, yaml.safe_dump(meta, allow_unicode=True, sort_keys=False,
                                           width=100))
    return path


def build_open_segments(route, *, national=None, seed: int = 0, n_init: int = 10,
                        write: bool = True):
    """Classify the route's buurten and store the result as open segment data.

    Parameters
    ----------
    route : Route
    national : str, Path or KeyFigures, optional
        A national kwb file: all buurten of the country are classified, and
        the route's buurten (of its municipality) placed in it.
    seed, n_init : int
        k-means seed and restarts (see :func:`routekit.area.classify.classify`).
    write : bool, default True
        Store the files (False: only compute).

    Returns
    -------
    Classification
        See :func:`routekit.area.open_segments.classify_figures`; groups the
        user renamed before keep their names.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> route = Route.copy("data/sample-route", "routes/open-voorbeeld")
    >>> result = build_open_segments(route)
    >>> len(result.groups) >= 4, route.area_file("open_segments").exists()
    (True, True)
    """
    from routekit.area.open_segments import (
        SCHEME_FILE,
        apply_user_names,
        classify_figures,
        user_names,
    )

    if national is not None and not hasattr(national, "table"):
        national = read_key_figures(Path(national))
    figures = national if national is not None else _needed_figures(route)
    result = classify_figures(figures, route.config.municipality.code,
                              national=national is not None, seed=seed, n_init=n_init)
    old = open_metadata(route)
    if old:
        path = route.area_file(SCHEME_FILE)
        scheme = read_table(path, required=["code", "name"]) if path.exists() else None
        apply_user_names(result, old, user_names(old, scheme))
    if write:
        store_open_segments(route, result)
    return result


def store_open_segments(route, result) -> list[Path]:
    """Write the open classification (a :class:`~routekit.area.classify.Classification`)
    into the route's ``area/`` folder; returns the files."""
    from routekit.area.open_segments import classification_metadata, open_tables, readme_text
    from routekit.storage import atomic_write_text

    written = []
    for name, frame in open_tables(result).items():
        path = route.area_file(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_table(frame, path)
        written.append(path)
    written.append(_write_metadata(route, classification_metadata(result)))
    readme = route.area_file("open_segments_LEESMIJ", ".md")
    atomic_write_text(readme, readme_text(result))
    written.append(readme)
    return written


def rename_group(route, code: str, name: str) -> None:
    """Give an open group the user's own name (kept when a rebuild finds the same group).

    Raises
    ------
    RouteError
        When the route has no open classification or no group *code* (Dutch message).
    """
    from routekit.area.open_segments import SCHEME_FILE, renamed

    meta = open_metadata(route)
    path = route.area_file(SCHEME_FILE)
    scheme = renamed(meta, read_table(path) if path.exists() else pd.DataFrame(
        columns=["code", "name"]), code, name)
    write_table(scheme, path)
    _write_metadata(route, meta)


def open_areas(route) -> pd.DataFrame:
    """The route's classified buurten (``open_buurten.csv``), indexed by code.

    Raises
    ------
    RouteError
        When the route has no open classification yet (Dutch message says how to make it).
    """
    path = route.area_file("open_buurten")
    if not path.exists():
        raise RouteError(Problem(path.name, t("classify.none_yet")))
    frame = read_table(path, required=["code", "name", "group", "type", "status"],
                       numeric=["inhabitants", "households"])
    frame = frame.assign(inhabitants=frame["inhabitants"].astype(float),
                         households=frame["households"].astype(float),
                         group=frame["group"].astype("object").where(frame["group"].notna(), ""),
                         type=frame["type"].astype("object").where(frame["type"].notna(), ""))
    return frame.set_index("code")


def add_members(route, export, postcodes=None):
    """Link a members export to the route's open classes and store it; returns reach per buurt.

    Writes ``area/leden_per_buurt.csv`` (members per buurt and age group as
    linked -- counts only, never names or addresses) and
    ``area/open_members.csv`` (member households per buurt and open type, see
    :func:`routekit.area.members.open_member_households`).

    Parameters
    ----------
    export : str or Path
        The library system's export (see :func:`routekit.area.files.read_member_export`).
    postcodes : str or Path, optional
        Postcode → buurt table (see :func:`routekit.area.files.read_postcode_table`).

    Returns
    -------
    BuurtReach
        :func:`routekit.area.members.buurt_reach` of the route's buurten, with
        the reach per age band when the export has age groups.
    """
    from routekit.area.files import read_member_export, read_postcode_table
    from routekit.area.members import (
        age_reach,
        buurt_reach,
        members_per_buurt,
        open_member_households,
    )

    areas = open_areas(route)
    members = read_member_export(export)
    table = read_postcode_table(postcodes) if postcodes is not None else None
    linked = members_per_buurt(members, table, households=areas["households"])
    per_buurt = route.area_file("leden_per_buurt")
    per_buurt.parent.mkdir(parents=True, exist_ok=True)
    write_table(linked.table.assign(members=linked.table["members"].round(2), unit=linked.unit),
                per_buurt)
    write_table(open_member_households(linked, areas), route.area_file("open_members"))
    reach = buurt_reach(linked, areas[["name", "group", "type", "inhabitants", "households"]])
    if linked.table["age_group"].notna().any():
        try:
            figures = _needed_figures(route).table
        except RouteError:  # figures since removed: no reach per age, the rest still works
            figures = None
        if figures is not None:
            reach = reach.with_ages(age_reach(linked, figures.loc[figures.index.isin(
                areas.index)]))
    return reach


def run_classify(route, *, national=None, members=None, postcodes=None, use: str | None = None,
                 seed: int = 0) -> list[str]:
    """What ``routekit classify`` does: classify, store, link members, choose the source.

    Returns the lines to show the user (Dutch by default).
    """
    from routekit.area.open_segments import reach_lines

    result = build_open_segments(route, national=national, seed=seed)
    lines = result.summary()
    if members is not None:
        lines += reach_lines(add_members(route, members, postcodes), result.scheme)
    if use is not None:
        set_segment_source(route, use)
    lines.append(t(f"classify.source.now_{segment_source(route)}"))
    lines.append(t("classify.reminder"))
    return lines


def open_summary(route) -> list[str]:
    """What the route's open segments are and what they are made of, as lines (for 04a).

    Without open segments one line says how to make them.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> open_summary(Route.open("data/sample-route"))[0][:32]
    'Deze route heeft nog geen open s'
    """
    from routekit.area.open_segments import SCHEME_FILE, open_summary_lines

    meta = open_metadata(route)
    scheme = read_table(route.area_file(SCHEME_FILE), required=["code", "name"]) if meta \
        else pd.DataFrame()
    return open_summary_lines(meta, scheme, segment_source(route))


# --------------------------------------------------------------------------- choices

def save_selections(route, theme: str, segments, areas, reason: str = "") -> int:
    """Save *segments* (codes) as of interest for *theme* in each of *areas* (codes; None
    for the whole municipality) as ``segment_selections`` records; returns how many.

    A choice saved before is saved over as it is stored now (never over another
    page's newer change without notice).

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> route = Route.copy("data/sample-route", "routes/keuzes")
    >>> save_selections(route, "eenzaamheid", ["E"], ["WK990106"], "veel ouderen")
    1
    """
    from routekit.workspace import ABSENT

    areas = list(areas) or [None]
    for segment in segments:
        for area in areas:
            stored = route.get("segment_selections", theme, segment, area)
            route.upsert("segment_selections", {
                "theme": theme, "segment": segment, "area": area,
                "reason": reason.strip() or None, "added": dt.date.today()},
                base=ABSENT if stored is None else stored)
    return len(segments) * len(areas)
