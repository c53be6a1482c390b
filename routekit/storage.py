"""Safe writes: one writer at a time per route, atomic replace, a backup of every version.

A write goes to a temporary file in the same folder, is flushed to disk and
then renamed over the target, so a crash mid-save leaves the old file intact.
The version being replaced is first copied into a ``.backup`` folder beside it
under a name no other writer can pick (time stamp, process id, counter); see
:func:`prune_backups` for how many are kept.

A file inside a route folder (one holding ``route.yaml``, or its ``area/``
and other sub-folders) is only written while this process holds the route's
lock file ``.routekit.lock`` (:func:`route_lock`). So two app pages, a notebook
and ``routekit import`` never write one route at the same moment; a writer
that has to wait longer than :data:`LOCK_TIMEOUT` seconds gets a
:class:`~routekit.errors.RouteError` saying who holds the lock.

Reading a file again that did not change is cheap: :func:`cached_read` keeps
what was made of it (validated records, a table) until the file changes.

Examples
--------
>>> atomic_write_text("notes.txt", "eerste versie")
>>> atomic_write_text("notes.txt", "tweede versie")
>>> [p.name.split(".")[0] for p in backups("notes.txt")]
['notes']
>>> restore_backup("notes.txt", backups("notes.txt")[-1])  # doctest: +ELLIPSIS
PosixPath('...notes...txt')
>>> Path("notes.txt").read_text()
'eerste versie'
"""

from __future__ import annotations

import contextlib
import itertools
import json
import copy
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

__all__ = ["BACKUP_DIR", "KEEP_BACKUPS", "KEEP_DAYS", "LOCK_FILE", "LOCK_TIMEOUT",
           "atomic_save", "atomic_write_bytes", "atomic_write_text", "backup_time", "backups",
           "cached_read", "holds_route_lock", "prune_backups", "restore_backup",
           "route_folder", "route_lock"]

KEEP_BACKUPS = 10
"""The newest versions of a file kept in ``.backup/``, whatever their age."""
KEEP_DAYS = 14
"""Beyond those, the last version of each of this many earlier days is kept too."""
BACKUP_DIR = ".backup"
LOCK_FILE = ".routekit.lock"
HOLDER_FILE = ".routekit.lock.holder"
LOCK_TIMEOUT = float(os.environ.get("ROUTEKIT_LOCK_TIMEOUT", "20"))
"""Seconds a writer waits for another one to finish before giving up with a message."""

_ROUTE_FILE = "route.yaml"
_STAMP = re.compile(r"^(?P<stamp>\d{8}T\d{6}\d{0,6})(?:-\d+-\d+)?$")
_counter = itertools.count(1)
_locks: dict[tuple[int, Path], object] = {}
_locks_guard = threading.Lock()
_KEEP_READS = 128
"""How many files (per reader) :func:`cached_read` keeps: those read from disk last."""
_reads: dict[tuple, tuple[tuple[int, ...], object]] = {}
_reads_guard = threading.Lock()
T = TypeVar("T")


# --------------------------------------------------------------------------- locking


def route_folder(path: str | Path) -> Path | None:
    """The route folder *path* lies in (the nearest folder holding ``route.yaml``), or None.

    ``route.yaml`` itself counts as lying in its folder, even before it exists.
    """
    path = Path(path).absolute()
    if path.name == _ROUTE_FILE:
        return path.parent
    for folder in list(path.parents)[:4]:
        if (folder / _ROUTE_FILE).is_file():
            return folder
    return None


def _lock_for(folder: Path):
    from filelock import FileLock

    key = (os.getpid(), folder)
    with _locks_guard:
        if key not in _locks:
            _locks[key] = FileLock(folder / LOCK_FILE, timeout=LOCK_TIMEOUT)
        return _locks[key]


def _who() -> dict:
    """Who this writer is, for the message another writer gets while waiting."""
    page = (os.environ.get("ROUTEKIT_PAGE") or os.environ.get("JPY_SESSION_NAME")
            or " ".join(Path(a).name for a in sys.argv[:2]) or "python")
    return {"pid": os.getpid(), "host": socket.gethostname(), "page": page,
            "since": datetime.now().strftime("%H:%M:%S")}


@contextlib.contextmanager
def route_lock(folder: str | Path, *, timeout: float | None = None) -> Iterator[None]:
    """Hold the write lock of the route in *folder* (re-entrant within one thread).

    Parameters
    ----------
    folder : str or Path
        The route folder.
    timeout : float, optional
        Seconds to wait; :data:`LOCK_TIMEOUT` by default.

    Raises
    ------
    RouteError
        When another writer holds the lock longer than *timeout*; the message
        names its process, computer and page and what to do.

    Examples
    --------
    >>> with route_lock("data/sample-route"):
    ...     atomic_write_text("data/sample-route/notities.txt", "binnen het slot")
    """
    from filelock import Timeout

    folder = Path(folder).absolute()
    lock = _lock_for(folder)
    holder = folder / HOLDER_FILE
    try:
        lock.acquire(timeout=LOCK_TIMEOUT if timeout is None else timeout)
    except Timeout:
        raise _busy_error(folder, holder) from None
    outermost = lock.lock_counter == 1
    try:
        if outermost:
            with contextlib.suppress(OSError):
                holder.write_text(json.dumps(_who()), "utf-8")
        yield
    finally:
        if outermost:
            with contextlib.suppress(OSError):
                holder.unlink()
        lock.release()


def holds_route_lock(folder: str | Path) -> bool:
    """True while this thread holds the write lock of the route in *folder* (:func:`route_lock`)."""
    lock = _locks.get((os.getpid(), Path(folder).absolute()))
    return lock is not None and lock.is_locked


def _busy_error(folder: Path, holder: Path):
    from routekit.errors import Problem, RouteError
    from routekit.i18n import t

    try:
        who = json.loads(holder.read_text("utf-8"))
        message = t("safety.lock.busy", **{k: who.get(k, "?") for k in
                                          ("pid", "host", "page", "since")})
    except (OSError, ValueError, AttributeError):
        message = t("safety.lock.busy_unknown")
    return RouteError(Problem(file=folder.name, message=message))


@contextlib.contextmanager
def _maybe_locked(path: Path) -> Iterator[None]:
    folder = route_folder(path)
    if folder is None:
        yield
    else:
        with route_lock(folder):
            yield


# --------------------------------------------------------------------------- backups


def backup_time(backup: Path) -> datetime | None:
    """When *backup* was made (from its name), or None for a name routekit did not give."""
    stamp = backup.name.split(".")[-2] if backup.name.count(".") >= 2 else ""
    match = _STAMP.match(stamp)
    if not match:
        return None
    digits = match["stamp"]
    return datetime.strptime(digits[:15], "%Y%m%dT%H%M%S") + timedelta(
        microseconds=int(digits[15:].ljust(6, "0") or 0))


def backups(path: str | Path) -> list[Path]:
    """Return the backups of *path*, oldest first."""
    path = Path(path)
    folder = path.parent / BACKUP_DIR
    if not folder.is_dir():
        return []
    found = []
    for candidate in folder.glob(f"{glob_escape(path.stem)}.*{glob_escape(path.suffix)}"):
        middle = candidate.name[len(path.stem) + 1:len(candidate.name) - len(path.suffix)]
        if _STAMP.match(middle):
            found.append((middle, candidate))
    return [candidate for _, candidate in sorted(found, key=lambda item: _sort_key(item[0]))]


def glob_escape(text: str) -> str:
    """*text* with glob wildcards escaped."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def _sort_key(middle: str) -> tuple:
    stamp, *rest = middle.split("-")
    return (stamp.ljust(21, "0"), *(int(part) for part in rest))


def _keep_backup(path: Path) -> Path | None:
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{path.stem}.{stamp}-{os.getpid()}-{next(_counter)}{path.suffix}"
    try:
        shutil.copy2(path, target)
    except FileNotFoundError:  # another writer (outside a route) replaced it first
        return None
    prune_backups(path)
    return target


def prune_backups(path: str | Path, *, keep: int = KEEP_BACKUPS, days: int = KEEP_DAYS) -> None:
    """Remove older backups of *path*: keep the newest *keep*, and of the *days*
    calendar days before those the last version of each day.

    A backup another writer removed already is no error.
    """
    versions = backups(path)
    newest = versions[-keep:] if keep else []
    kept = set(newest)
    covered = {when.date() for when in map(backup_time, newest) if when is not None}
    by_day: dict = {}
    for backup in versions[:len(versions) - len(newest)]:
        when = backup_time(backup)
        if when is not None and when.date() not in covered:
            by_day[when.date()] = backup  # oldest first, so the day's last one stays
    for day in sorted(by_day)[-days:] if days else []:
        kept.add(by_day[day])
    for backup in versions:
        if backup not in kept:
            backup.unlink(missing_ok=True)


def restore_backup(path: str | Path, backup: str | Path) -> Path:
    """Put *backup* back as *path*; the current version is backed up first.

    Returns the backup made of the version that was replaced (restore that one
    to undo the restore), or *path* when there was no current version.
    """
    path, backup = Path(path), Path(backup)
    data = backup.read_bytes()
    with _maybe_locked(path):
        before = set(backups(path))
        atomic_write_bytes(path, data)
        made = [b for b in backups(path) if b not in before]
    return made[-1] if made else path


# --------------------------------------------------------------------------- writing


def _default_mode() -> int:
    """Permissions of a new file under the current umask (temp files are private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = True) -> None:
    """Write *data* to *path* atomically, keeping the previous version.

    Inside a route folder the route's lock is held while writing (see
    :func:`route_lock`).

    Parameters
    ----------
    path : str or Path
        Target file; its folder must exist.
    data : bytes
        New content.
    backup : bool, default True
        Copy the current file (if any) into ``.backup/`` first.
    """
    path = Path(path)
    with _maybe_locked(path):
        _replace(path, data, backup=backup)


def _replace(path: Path, data: bytes, *, backup: bool) -> None:
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    if backup and path.exists():
        _keep_backup(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _forget_reads(path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8",
                      backup: bool = True) -> None:
    """Write *text* atomically; see :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode(encoding), backup=backup)


def atomic_save(document, path: str | Path) -> Path:
    """Save anything with a ``save(file)`` method (an Excel workbook, a Word document, a
    filled template) to *path* atomically; folders are created and the previous file is
    kept as a backup (see :func:`atomic_write_bytes`). Returns the path.
    """
    import io

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return path


# --------------------------------------------------------------------------- reading


def cached_read(path: str | Path, read: Callable[..., T], *args: Hashable,
                fresh: bool = False) -> T:
    """``read(path, *args)``, kept while the file stays the same; each call gets its own copy.

    What *read* made of a file is kept (in this process) with the file's
    ``os.stat`` identity: modification and status-change time, size and inode.
    A change by another writer (a page, a notebook, Excel) changes at least the
    status-change time, so the next call reads the file again. A rewrite of the
    same size within one tick of the file system's clock may keep all four, so
    every write through this module (:func:`atomic_write_bytes`) also forgets
    what was kept of that file. When *read* raises, nothing is kept: the error
    comes again on every call.

    Parameters
    ----------
    path : str or Path
        An existing file.
    read : callable
        ``read(path, *args)`` returns what to keep (validated records, a table);
        a module-level function depending on nothing but the file and *args*
        (with *args* it is part of the key).
    *args : hashable
        Further arguments of *read*.
    fresh : bool, default False
        Read the file even when it looks unchanged (and keep the result): for
        reads that decide what is written, inside the route's lock.

    Returns
    -------
    object
        What *read* returned, or a deep copy of it: changing it changes
        nothing kept.

    Examples
    --------
    >>> from routekit.io import read_table
    >>> table = cached_read("data/sample-route/stakeholders.csv", read_table)
    >>> table.loc[0, "name"] = "Anders"
    >>> cached_read("data/sample-route/stakeholders.csv", read_table).loc[0, "name"]
    'Bibliotheek De Sleutel'
    """
    path = Path(path)
    stat = path.stat()  # before reading: a change made while reading is seen next time
    identity = (stat.st_mtime_ns, stat.st_size, stat.st_ino, stat.st_ctime_ns)
    key = (path.resolve(), read, args)
    kept = _reads.get(key)
    if not fresh and kept is not None and kept[0] == identity:
        return copy.deepcopy(kept[1])  # the caller's own: changing it changes nothing kept
    value = read(path, *args)
    with _reads_guard:
        _reads.pop(key, None)  # to the end: the longest kept goes first
        _reads[key] = (identity, copy.deepcopy(value))
        while len(_reads) > _KEEP_READS:
            del _reads[next(iter(_reads))]
    return value


def _forget_reads(path: Path) -> None:
    """Drop what :func:`cached_read` kept of *path* (it was just written)."""
    path = path.resolve()
    with _reads_guard:
        for key in [key for key in _reads if key[0] == path]:
            del _reads[key]
