"""Undo: list and put back earlier versions of a route's files (``routekit restore``).

Every write keeps the replaced version in a ``.backup/`` folder beside the file
(see :mod:`routekit.storage`). Restoring puts one back; the version it replaces
is backed up first, so a restore can itself be undone.

Examples
--------
>>> from routekit.storage import atomic_write_text
>>> route = "data/sample-route"
>>> atomic_write_text(f"{route}/plan_goals.csv", "id;text\\r\\ng1;Per ongeluk leeg\\r\\n")
>>> [v.number for v in versions(route, "plan_goals.csv")][:1]
[1]
>>> made = restore(route, "plan_goals.csv")
>>> "Per ongeluk" in open(f"{route}/plan_goals.csv", encoding="utf-8-sig").read()
False
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.storage import BACKUP_DIR, backup_time, backups, restore_backup

__all__ = ["Version", "add_command", "backed_up", "restore", "versions"]


@dataclass(frozen=True)
class Version:
    """One earlier version of a route file: ``number`` 1 is the newest backup."""

    number: int
    path: Path
    time: datetime | None
    size: int


def _original_name(backup: Path) -> str:
    parts = backup.name.split(".")
    return ".".join(parts[:-2]) + (f".{parts[-1]}" if len(parts) > 2 else "")


def backed_up(route_dir: str | Path) -> dict[str, int]:
    """Files of the route with earlier versions: ``{relative path: number of versions}``."""
    route_dir = Path(route_dir)
    found: dict[str, int] = {}
    for folder in sorted(route_dir.rglob(BACKUP_DIR)):
        if not folder.is_dir():
            continue
        parent = folder.parent.relative_to(route_dir)
        names = {_original_name(b) for b in folder.iterdir() if b.is_file()}
        for name in sorted(names):
            count = len(backups(route_dir / parent / name))
            if count:
                found[(parent / name).as_posix()] = count
    return found


def _route_file(route_dir: Path, file: str | Path) -> Path:
    """The route file *file* names: a path in the route, a name under ``area/``, or a backup."""
    file = Path(file)
    if file.parent.name == BACKUP_DIR:
        file = file.parent.parent / _original_name(file)
    candidates = [file, route_dir / file, route_dir / "area" / file.name]
    for candidate in candidates:
        if candidate.exists() or backups(candidate):
            return candidate
    known = ", ".join(backed_up(route_dir)) or t("safety.restore.none")
    raise RouteError(Problem(file=str(file), message=t("safety.restore.unknown_file",
                                                         known=known)))


def versions(route_dir: str | Path, file: str | Path) -> list[Version]:
    """Earlier versions of *file* in the route, newest first (number 1)."""
    path = _route_file(Path(route_dir), file)
    found = list(reversed(backups(path)))
    return [Version(number, backup, backup_time(backup), backup.stat().st_size)
            for number, backup in enumerate(found, start=1) if backup.exists()]


def restore(route_dir: str | Path, file: str | Path, version: int = 1) -> Path:
    """Put back version *version* (1 = newest backup) of *file*; returns the backup of
    the version that was replaced (restore that one to undo).

    Raises
    ------
    RouteError
        When the file has no such version.
    """
    route_dir = Path(route_dir)
    path = _route_file(route_dir, file)
    if Path(file).parent.name == BACKUP_DIR:
        chosen = [v for v in versions(route_dir, path) if v.path.name == Path(file).name]
    else:
        chosen = [v for v in versions(route_dir, path) if v.number == version]
    if not chosen:
        raise RouteError(Problem(file=path.name, message=t("safety.restore.no_version",
                                                            version=version)))
    return restore_backup(path, chosen[0].path)


def _when(version: Version) -> str:
    return version.time.strftime("%d-%m-%Y %H:%M:%S") if version.time else "?"


def _size(size: int) -> str:
    return f"{size / 1024:.1f} kB".replace(".", ",")


def _run(args) -> int:
    from routekit.cli import route_from_args

    if args.file is None and args.route is not None and not args.route.is_dir():
        args.route, args.file = None, args.route  # `routekit restore stakeholders.csv`
    route_dir = route_from_args(args, writes=not args.list)
    if args.file is None:
        files = backed_up(route_dir)
        if not files:
            print(t("safety.restore.none_in", path=route_dir))
            return 0
        print(t("safety.restore.files", path=route_dir))
        for name, count in files.items():
            print(f"  {name}  ({t('safety.restore.count', count=count)})")
        print(t("safety.restore.hint_file", route=route_dir))
        return 0
    found = versions(route_dir, args.file)
    if args.list:
        if not found:
            print(t("safety.restore.no_versions", file=args.file))
            return 0
        print(t("safety.restore.versions", file=args.file))
        for version in found:
            print(f"  {version.number:>2}. {_when(version)}  ({_size(version.size)})")
        print(t("safety.restore.hint_version", file=args.file, route=route_dir))
        return 0
    chosen = next((v for v in found if v.number == args.version), None)
    made = restore(route_dir, args.file, args.version)
    print(t("safety.restore.done", file=args.file,
            when=_when(chosen) if chosen else args.file))
    if made.parent.name == BACKUP_DIR:
        print(t("safety.restore.undo", file=args.file, route=route_dir))
    return 0


def add_command(sub) -> None:
    """Add ``routekit restore [ROUTE] [FILE] [--list] [--version N]`` to the CLI."""
    from routekit.cli import add_route_argument

    p = sub.add_parser("restore", help=t("safety.restore.help"))
    add_route_argument(p)
    p.add_argument("file", nargs="?", metavar="FILE", help=t("safety.restore.file"))
    p.add_argument("--list", action="store_true", help=t("safety.restore.list"))
    p.add_argument("--version", type=int, default=1, metavar="N",
                   help=t("safety.restore.version"))
    p.set_defaults(run=_run)
