"""The route workspace: one folder of human-readable files per route.

A route (a library and its theme(s)) lives in one folder::

    route.yaml               library, municipality, areas, themes, language, style
    stakeholders.csv         one CSV per kind of record (see routekit.records.KINDS)
    positions.csv ...
    personas.yaml ...        nested records as YAML
    area/                    data the area analysis reads (segments, members, CBS)
    .backup/                 previous versions of every file routekit wrote

Every stage reads and writes through :class:`Route`, so what one stage records,
the next one finds. Files are written atomically with a backup; a file that
cannot be read is never overwritten.

Many writers (app pages, notebooks, ``routekit import``) may work on one route
at once. Every write holds the route's lock (:func:`routekit.storage.route_lock`)
and changes one record at a time (:meth:`Route.upsert`, :meth:`Route.remove`,
:meth:`Route.upsert_many`, :meth:`Route.edit`): the file is read again inside
the lock, so a change to one record never undoes another writer's change to a
different one. A caller that passes ``base=`` (the record as it read it) gets
changes to other fields merged and a :class:`~routekit.errors.RecordConflict`
when the other writer changed the same field.

Examples
--------
>>> route = Route.open("data/sample-route")
>>> route.table("stakeholders").shape[0] > 25
True
>>> route.upsert("positions", {"stakeholder": "buurthuis", "theme": "eenzaamheid",
...               "influence": 4, "attitude": 2, "interest": 5})  # doctest: +ELLIPSIS
Position(stakeholder='buurthuis', theme='eenzaamheid', influence=4, attitude=2, interest=5, ...)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from routekit.errors import Problem, RecordConflict, RouteError
from routekit.i18n import t
from routekit.merge import merge3
from routekit.records import KINDS, Record, RecordKind, RouteConfig
from routekit.records.route import SCHEMA_VERSION
from routekit.storage import LOCK_FILE, atomic_write_text, cached_read, holds_route_lock, route_lock

__all__ = ["ABSENT", "MIGRATIONS", "ROUTE_FILE", "STEPS", "Route", "validation_problems"]


class _Absent:
    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()
"""``Route.upsert(..., base=ABSENT)``: the caller read no record with this key (it adds one)."""

ROUTE_FILE = "route.yaml"

STEPS = ("01", "02", "03", "04a", "04b", "04c", "04d", "05", "06", "07", "08")
"""Route steps with notebooks, in the order of the Routekaart."""

MIGRATIONS: dict[int, Callable[[Path, dict], dict]] = {}
"""Upgrades per schema version: ``MIGRATIONS[n](route_dir, raw_config)`` turns a
version-*n* route into version *n + 1* (it may rewrite files) and returns the new
raw ``route.yaml`` content. Add one whenever a file format changes."""

CHECKS: list[str] = ["routekit.area:check", "routekit.stakeholders.stored:check"]
"""Extra route checks of stage modules, as ``"module:function"``; each takes a
:class:`Route` and returns a list of :class:`Problem` (run by :meth:`Route.check`)."""


def validation_problems(error: ValidationError, file: str, row: int | None) -> list[Problem]:
    """Turn a pydantic error into problems naming file, row and field, in the user's language."""
    problems = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or None
        key = f"core.validation.{item['type']}"
        try:
            message = t(key, **{k: v for k, v in (item.get("ctx") or {}).items()
                                if isinstance(v, str | int | float)},
                        value=item.get("input"))
        except KeyError:
            message = item["msg"]
        problems.append(Problem(file=file, row=row, field=field, message=message))
    return problems


def _fields(model: type[BaseModel], predicate) -> list[str]:
    return [name for name, info in model.model_fields.items() if predicate(info)]


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, list | dict) else False
    except (TypeError, ValueError):
        return False


class Route:
    """A route workspace on disk.

    Use :meth:`open` for an existing folder and :meth:`create` for a new one.

    Parameters
    ----------
    path : Path
        The route folder.
    config : RouteConfig
        Contents of ``route.yaml``.
    """

    def __init__(self, path: Path, config: RouteConfig, *, raw: dict | None = None):
        self.path = Path(path)
        self.config = config
        self._config_base = _normal_config(raw) if raw is not None else self._config_data()

    def __repr__(self) -> str:
        return f"Route({str(self.path)!r}, library={self.config.library!r})"

    # -- opening and creating -------------------------------------------------

    @classmethod
    def open(cls, path: str | Path) -> Route:
        """Open the route in *path*, upgrading an older schema version first.

        Raises
        ------
        RouteError
            When the folder or ``route.yaml`` is missing or invalid; the
            message names the file and field.
        """
        path = Path(path)
        file = path / ROUTE_FILE
        if not file.is_file():
            raise RouteError(Problem(file=str(file), message=t("core.route.missing")))
        raw = _read_config(file)
        raw = cls._migrate(path, raw)
        try:
            config = RouteConfig.model_validate(raw)
        except ValidationError as error:
            raise RouteError(validation_problems(error, ROUTE_FILE, None)) from error
        return cls(path, config, raw=raw)

    @staticmethod
    def _migrate(path: Path, raw: dict) -> dict:
        try:
            version = int(raw.get("schema_version", SCHEMA_VERSION))
        except (TypeError, ValueError):
            raise RouteError(Problem(file=ROUTE_FILE, field="schema_version",
                                     message=t("safety.config.version"))) from None
        if version > SCHEMA_VERSION:
            raise RouteError(Problem(file=ROUTE_FILE, field="schema_version",
                                     message=t("core.route.newer", version=version,
                                               supported=SCHEMA_VERSION)))
        if version == SCHEMA_VERSION:
            return raw
        while version < SCHEMA_VERSION:
            raw = MIGRATIONS[version](path, dict(raw))
            version += 1
            raw["schema_version"] = version
        atomic_write_text(path / ROUTE_FILE, yaml.safe_dump(raw, allow_unicode=True,
                                                            sort_keys=False))
        return raw

    @classmethod
    def create(cls, path: str | Path, *, library: str, municipality: dict | Any,
               themes: Iterable[dict | Any] = (), areas: Iterable[dict | Any] = (),
               language: str = "nl", style: dict | None = None, **extra) -> Route:
        """Create a new, empty route in *path* (which must not hold a route yet).

        Examples
        --------
        >>> route = Route.create("routes/mijn-route",
        ...     library="Bibliotheek Voorbeeld",
        ...     municipality={"code": "GM0001", "name": "Voorbeeld"},
        ...     themes=[{"id": "laaggeletterdheid", "name": "Laaggeletterdheid"}])
        >>> route.config.theme_ids
        ['laaggeletterdheid']
        """
        path = Path(path)
        if (path / ROUTE_FILE).exists():
            raise RouteError(Problem(file=str(path / ROUTE_FILE), message=t("core.route.exists")))
        try:
            config = RouteConfig(library=library, municipality=municipality, themes=list(themes),
                                 areas=list(areas), language=language, style=style or {},
                                 **extra)
        except ValidationError as error:
            raise RouteError(validation_problems(error, ROUTE_FILE, None)) from error
        path.mkdir(parents=True, exist_ok=True)
        route = cls(path, config)
        route.save_config()
        return route

    @classmethod
    def copy(cls, source: str | Path, target: str | Path) -> Route:
        """Copy the route in *source* to *target* (which must not exist) and open it."""
        source, target = Path(source), Path(target)
        cls.open(source)
        if target.exists():
            raise RouteError(Problem(file=str(target), message=t("core.route.exists")))
        shutil.copytree(source, target, ignore=shutil.ignore_patterns(  # .share: see share.py
            ".backup", "*.tmp", f"{LOCK_FILE}*", ".share"))
        return cls.open(target)

    def _config_data(self) -> dict:
        return self.config.model_dump(mode="json", exclude_none=True)

    def save_config(self) -> None:
        """Write ``route.yaml`` (atomically, keeping a backup).

        When another writer changed ``route.yaml`` since this route was opened,
        both changes are merged (per setting, per theme and area).

        Raises
        ------
        RecordConflict
            When both changed the same setting differently; nothing is written
            and :attr:`config` is left as it was.
        """
        file = self.path / ROUTE_FILE
        with self.locked():
            data = self._config_data()
            if file.exists():
                stored = _normal_config(_read_config(file))
                if stored != self._config_base:
                    data, conflicts = merge3(self._config_base, data, stored)
                    if conflicts:
                        raise RecordConflict(Problem(
                            file=ROUTE_FILE, field=conflicts[0],
                            message=t("safety.conflict.config", fields=", ".join(conflicts))),
                            current=stored, fields=conflicts)
                    try:
                        self.config = RouteConfig.model_validate(data)
                    except ValidationError as error:
                        raise RouteError(validation_problems(error, ROUTE_FILE, None)) from error
            atomic_write_text(file, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
            self._config_base = data

    def locked(self):
        """Context manager holding this route's write lock (:func:`routekit.storage.route_lock`).

        Hold it around a read-change-write of your own so no other writer
        comes in between; routekit's writing methods take it themselves.
        """
        return route_lock(self.path)

    # -- files ------------------------------------------------------------------

    @staticmethod
    def kind(name: str) -> RecordKind:
        """Return the :class:`RecordKind` called *name* (message lists the known ones)."""
        try:
            return KINDS[name]
        except KeyError:
            raise KeyError(f"unknown record kind {name!r}; known: {', '.join(KINDS)}") from None

    def file(self, kind: str) -> Path:
        """Path of the file that stores records of *kind*."""
        return self.path / self.kind(kind).filename

    @property
    def export_dir(self) -> Path:
        """The route's ``export/`` folder for documents and figures (created when missing)."""
        folder = self.path / "export"
        folder.mkdir(exist_ok=True)
        return folder

    def area_file(self, name: str, suffix: str = ".csv") -> Path:
        """Path of an area-analysis data file, e.g. ``area_file("segments")``.

        A route may point elsewhere with ``data: {segments: my/export.xlsx}`` in
        ``route.yaml``; paths are relative to the route folder.
        """
        custom = (self.config.model_extra or {}).get("data", {}) or {}
        return self.path / custom.get(name, f"area/{name}{suffix}")

    # -- reading ---------------------------------------------------------------

    def records(self, kind: str) -> list[Record]:
        """Read and validate all records of *kind* (empty list when there is no file).

        An unchanged file is not read again (:func:`routekit.storage.cached_read`);
        while this thread holds :meth:`locked` it always is, so a read-change-write
        sees every other writer's change. Each call returns new records: changing
        them changes nothing stored.

        Raises
        ------
        RouteError
            Listing every bad row, with file, row and field (on every call).
        """
        path = self.file(kind)
        if not path.exists():
            return []
        return cached_read(path, _read_records, kind, fresh=holds_route_lock(self.path))

    def table(self, kind: str) -> Any:
        """Records of a CSV kind as a pandas DataFrame (columns = fields, plus extras)."""
        import pandas as pd

        spec = self.kind(kind)
        records = self.records(kind)
        columns = list(spec.model.model_fields)
        frame = pd.DataFrame([record.model_dump() for record in records])
        extra = [c for c in frame.columns if c not in columns]
        return frame.reindex(columns=columns + extra)

    def get(self, kind: str, *key) -> Record | None:
        """Return the record of *kind* with the given key values, or None."""
        spec = self.kind(kind)
        for record in self.records(kind):
            if spec.key_of(record) == tuple(key):
                return record
        return None

    def get_or_new(self, kind: str, *key) -> Record:
        """Return the saved record of *kind* with these key values, or a new empty one
        with just its key fields set (what a form shows before anything is saved).

        Examples
        --------
        >>> route = Route.open("data/sample-route")
        >>> route.get_or_new("knowledge", "nieuw-thema").theme
        'nieuw-thema'
        """
        spec = self.kind(kind)
        if len(key) != len(spec.key):
            raise ValueError(f"{kind} records have the key {spec.key}, got {key!r}")
        return self.get(kind, *key) or spec.model(**dict(zip(spec.key, key, strict=True)))

    # -- writing ----------------------------------------------------------------

    def _coerce(self, spec: RecordKind, items: Iterable[Record | dict]) -> list[Record]:
        records, problems = [], []
        for number, item in enumerate(items, start=2 if spec.is_table else 1):
            if isinstance(item, spec.model):
                records.append(item)
                continue
            data = item.model_dump() if isinstance(item, BaseModel) else dict(item)
            data = {k: v for k, v in data.items() if not _is_missing(v)}
            try:
                records.append(spec.model.model_validate(data))
            except ValidationError as error:
                problems += validation_problems(error, spec.filename, number)
        problems += _duplicate_problems(
            spec, records, list(range(2 if spec.is_table else 1, len(records) + 2)))
        if problems:
            raise RouteError(problems)
        return records

    def save(self, kind: str, items: Iterable[Record | dict] | Any) -> list[Record]:
        """Replace all records of *kind* with *items* (records, dicts or a DataFrame).

        The current file must still be readable: a file with errors is never
        overwritten (fix it first, or move it away). The previous version is
        kept in ``.backup/``.

        Returns
        -------
        list of Record
            The validated records as saved.
        """
        spec = self.kind(kind)
        if hasattr(items, "to_dict") and hasattr(items, "columns"):
            items = items.to_dict("records")
        records = self._coerce(spec, items)
        with self.locked():
            if self.file(kind).exists():
                self.records(kind)  # raises, leaving the file untouched, when it is unreadable
            self._write(spec, records)
        return records

    def _write(self, spec: RecordKind, records: list[Record]) -> None:
        path = self.path / spec.filename
        if spec.is_table:
            import pandas as pd

            from routekit.io import write_table

            columns = list(spec.model.model_fields)
            # object dtype: a whole-number column with blanks must not become floats ("4,0")
            frame = pd.DataFrame([record.model_dump(mode="json") for record in records],
                                 dtype=object)
            extra = [c for c in frame.columns if c not in columns]
            write_table(frame.reindex(columns=columns + extra), path)
        else:
            data = [record.model_dump(mode="python", exclude_none=True) for record in records]
            atomic_write_text(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                                   width=100))

    def upsert(self, kind: str, item: Record | dict, *, base: Record | dict | None = None
               ) -> Record:
        """Add *item*, or replace the record with the same key; returns the saved record.

        The file is read again inside the route's lock just before writing, so
        other records changed meanwhile (by another page, notebook or in Excel)
        are kept.

        Parameters
        ----------
        kind : str
        item : Record or dict
            The record to save. A dict given with *base* only needs the fields
            it changes; the others come from *base*.
        base : Record, dict or ABSENT, optional
            The record as the caller read it (e.g. when a form was filled), or
            :data:`ABSENT` when the caller adds a record it did not find. When
            the stored record differs from *base*, the other writer's changes
            to other fields are merged in; a field both changed differently
            raises :class:`RecordConflict`. A *base* with another key than
            *item* renames the record (the old one is replaced in one write).
            Without *base* the stored record is replaced as is.

        Raises
        ------
        RecordConflict
            Nothing saved; ``error.current`` is the record as stored now (None
            when it was removed meanwhile), ``error.fields`` the fields in conflict.

        Examples
        --------
        >>> route = Route.open("data/sample-route")
        >>> seen = route.get("stakeholders", "bibliotheek")
        >>> _ = route.upsert("stakeholders", seen.model_copy(update={"notes": "elders"}))
        >>> route.upsert("stakeholders", {"notes": "hier"}, base=seen)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        routekit.errors.RecordConflict: stakeholders.csv, veld notes: ...
        """
        spec = self.kind(kind)
        if base is not None and base is not ABSENT:
            (base,) = self._coerce(spec, [base])
            if not isinstance(item, BaseModel):
                item = base.model_dump() | dict(item)
        (record,) = self._coerce(spec, [item])
        key = spec.key_of(record)
        old_key = spec.key_of(base) if isinstance(base, Record) else key
        with self.locked():
            current = self.records(kind)
            stored = {spec.key_of(r): r for r in current}
            if base is not None:
                record = self._merged(spec, record, base, stored.get(old_key),
                                      stored.get(key) if old_key != key else None)
            merged = [record if spec.key_of(old) in (key, old_key) else old for old in current]
            if old_key not in stored and key not in stored:
                merged.append(record)
            self._write(spec, _unique_keys(spec, merged))
        return record

    def _merged(self, spec: RecordKind, mine: Record, base: Record | _Absent,
                stored: Record | None, taken: Record | None) -> Record:
        """*mine* with the changes other writers made to *stored* since *base*."""
        label = " / ".join(str(k) for k in spec.key_of(mine))
        if taken is not None or (base is ABSENT and stored is not None):
            raise RecordConflict(Problem(file=spec.filename, field=spec.key[0],
                                         message=t("safety.conflict.exists", key=label)),
                                 current=taken or stored)
        if base is ABSENT:
            return mine
        if stored is None:
            raise RecordConflict(Problem(file=spec.filename,
                                         message=t("safety.conflict.removed", key=label)))
        theirs, before = stored.model_dump(), base.model_dump()
        if theirs == before:
            return mine
        data, conflicts = merge3(before, mine.model_dump(), theirs)
        if conflicts:
            raise RecordConflict(Problem(file=spec.filename, field=conflicts[0],
                                         message=t("safety.conflict.changed", key=label,
                                                   fields=", ".join(conflicts))),
                                 current=stored, fields=conflicts)
        return spec.model.model_validate(data)

    def upsert_many(self, kind: str, items: Iterable[Record | dict]) -> list[Record]:
        """Add or replace several records of *kind* in one write (see :meth:`upsert`).

        Records not among *items* stay as they are on disk.
        """
        spec = self.kind(kind)
        records = self._coerce(spec, items)
        if not records:
            return []
        new = {spec.key_of(r): r for r in records}
        with self.locked():
            current = self.records(kind)
            merged = [new.pop(spec.key_of(old), old) for old in current] + list(new.values())
            self._write(spec, merged)
        return records

    def edit(self, kind: str, change: Callable[[list[Record]], Iterable[Record | dict]]
             ) -> list[Record]:
        """Change the records of *kind* with ``change(records) -> records``, inside the lock.

        *change* gets the records as they are on disk now, so use it for
        changes that depend on the current content (remove every position of
        one stakeholder, ...). Nothing is written when nothing changed.

        Examples
        --------
        >>> route = Route.open("data/sample-route")
        >>> kept = route.edit("positions", lambda rows: [p for p in rows
        ...                                             if p.stakeholder != "buurthuis"])
        >>> any(p.stakeholder == "buurthuis" for p in kept)
        False
        """
        spec = self.kind(kind)
        with self.locked():
            current = self.records(kind)
            records = self._coerce(spec, change(list(current)))
            if records != current:
                self._write(spec, records)
        return records

    def remove(self, kind: str, *key, base: Record | dict | None = None) -> bool:
        """Remove the record of *kind* with the given key; True when one was removed.

        Parameters
        ----------
        base : Record or dict, optional
            The record as the caller read it; when someone changed it since,
            :class:`RecordConflict` is raised and nothing is removed.
        """
        spec = self.kind(kind)
        if base is not None:
            (base,) = self._coerce(spec, [base])
        with self.locked():
            current = self.records(kind)
            kept = [record for record in current if spec.key_of(record) != tuple(key)]
            if len(kept) == len(current):
                return False
            stored = next(r for r in current if spec.key_of(r) == tuple(key))
            if base is not None and stored.model_dump() != base.model_dump():
                label = " / ".join(str(k) for k in key)
                raise RecordConflict(Problem(file=spec.filename,
                                             message=t("safety.conflict.remove", key=label)),
                                     current=stored)
            self._write(spec, kept)
        return True

    # -- checking and progress ----------------------------------------------------

    def check(self) -> list[Problem]:
        """Validate every file of the route and the references between them.

        Each file is first checked on its own (:mod:`routekit.filechecks`:
        unreadable bytes, empty, cut off, repeated rows, text in numbers, area
        codes ...); then the records, their keys and references. Nothing is changed.

        Returns
        -------
        list of Problem
            Empty when all is well; grouped per file (route-relative names).
        """
        import importlib

        from routekit.filechecks import _tidy, check_files

        problems, unreadable = check_files(self)
        loaded: dict[str, list[Record]] = {}
        for name, spec in KINDS.items():
            if spec.filename in unreadable:
                continue
            try:
                loaded[name] = self.records(name)
            except RouteError as error:
                problems += error.problems
        known = {name: {spec_key[0] for spec_key in
                        (KINDS[name].key_of(r) for r in records)}
                 for name, records in loaded.items() if len(KINDS[name].key) == 1}
        known["themes"] = set(self.config.theme_ids)
        known["areas"] = self._area_codes()
        for name, records in loaded.items():
            spec = KINDS[name]
            for number, record in enumerate(records, start=2 if spec.is_table else 1):
                for field, target in spec.refs.items():
                    value = getattr(record, field, None)
                    for item in value if isinstance(value, list) else [value]:
                        if item and target in known and item not in known[target]:
                            problems.append(Problem(
                                file=spec.filename, row=number, field=field,
                                message=t(f"core.ref.{target}", value=item)))
        for dotted in CHECKS:
            module, _, function = dotted.partition(":")
            problems += getattr(importlib.import_module(module), function)(self)
        return _tidy(self.path, problems)

    def _area_codes(self) -> set[str]:
        """Codes of the municipality, the route's areas and those in ``area/areas.csv``."""
        codes = {self.config.municipality.code} | {area.code for area in self.config.areas}
        path = self.area_file("areas")
        if path.exists():
            from routekit.io import read_table

            try:
                codes |= set(read_table(path, required=["code"])["code"].dropna())
            except RouteError:
                pass  # reported by the area checks
        return codes

    def progress(self) -> Any:
        """How far the route is along each step: records per step, as a DataFrame.

        Columns: ``step``, ``title``, ``records`` (count), ``started`` (bool).
        Step 1 counts the themes in ``route.yaml``.
        """
        import pandas as pd

        counts = dict.fromkeys(STEPS, 0)
        for name, spec in KINDS.items():
            if spec.step in counts and self.file(name).exists():
                try:
                    counts[spec.step] += len(self.records(name))
                except RouteError:
                    pass
        counts["01"] += len(self.config.themes)  # step 1: the themes the route starts from
        from routekit.area.stored import has_segment_data, stored_tables

        counts["04a"] += int(has_segment_data(self)) + int(bool(stored_tables(self)))
        rows = [{"step": step, "title": t(f"core.step.{step}"), "records": counts[step],
                 "started": counts[step] > 0} for step in STEPS]
        return pd.DataFrame(rows)


def _read_records(path: Path, kind: str) -> list[Record]:
    """The validated records of *kind* in *path* (read by :meth:`Route.records`)."""
    spec = KINDS[kind]
    rows = _read_rows(spec, path)
    records, problems = [], []
    for number, row in rows:
        try:
            records.append(spec.model.model_validate(row))
        except ValidationError as error:
            problems += validation_problems(error, spec.filename, number)
    problems += _duplicate_problems(spec, records, [n for n, _ in rows])
    if problems:
        raise RouteError(problems)
    return records


def _read_rows(spec: RecordKind, path: Path) -> list[tuple[int, dict]]:
    """(row number, raw fields) of every record in *path*, before validation."""
    if spec.is_table:
        from routekit.io import read_table

        model = spec.model
        numeric = _fields(model, lambda info: info.annotation in (float, float | None))
        frame = read_table(path, required=_fields(model, lambda info: info.is_required()),
                           numeric=numeric, missing_markers=(), suppressed_at_or_below=None)
        return [(index + 2, {k: v for k, v in row.items() if not _is_missing(v)})
                for index, row in enumerate(frame.to_dict("records"))]
    data = _load_yaml(path, spec.filename) or []
    if not isinstance(data, list):
        raise RouteError(Problem(file=spec.filename, message=t("core.yaml.not_a_list")))
    return [(index + 1, item) for index, item in enumerate(data)]


def _duplicate_problems(spec: RecordKind, records: list[Record],
                        numbers: list[int]) -> list[Problem]:
    """A problem for every record whose key an earlier one has already."""
    seen: dict[tuple, int] = {}
    problems = []
    for number, record in zip(numbers, records, strict=False):
        key = spec.key_of(record)
        if key in seen:
            problems.append(Problem(file=spec.filename, row=number, field=spec.key[0],
                                    message=t("core.record.duplicate",
                                              key=" / ".join(str(k) for k in key),
                                              first=seen[key])))
        else:
            seen[key] = number
    return problems


def _unique_keys(spec: RecordKind, records: list[Record]) -> list[Record]:
    """*records* with each key once (the first), as a rename may leave two."""
    seen, unique = set(), []
    for record in records:
        key = spec.key_of(record)
        if key not in seen:
            seen.add(key)
            unique.append(record)
    return unique


def _read_text(path: Path, file: str) -> str:
    """A workspace text file as text; a RouteError (not a traceback) when it is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RouteError(Problem(file=file, message=t("io.unreadable", error=error))) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise RouteError(Problem(file=file, row=line,
                                 message=t("safety.file.not_utf8"))) from None


def _load_yaml(path: Path, file: str) -> Any:
    """Parse a YAML file safely (``yaml.safe_load``), naming file and line on errors."""
    text = _read_text(path, file)
    try:  # libyaml's safe loader when available: the same result, much faster
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise RouteError(Problem(file=file, row=mark.line + 1 if mark else None,
                                 message=t("core.yaml.invalid"))) from error


def _normal_config(raw: dict) -> dict:
    """*raw* ``route.yaml`` content as routekit writes it (defaults filled in), to compare."""
    try:
        return RouteConfig.model_validate(raw).model_dump(mode="json", exclude_none=True)
    except ValidationError:
        return raw


def _read_config(file: Path) -> dict:
    raw = _load_yaml(file, ROUTE_FILE) or {}
    if not isinstance(raw, dict):
        raise RouteError(Problem(file=ROUTE_FILE, message=t("safety.config.not_a_mapping")))
    return raw
