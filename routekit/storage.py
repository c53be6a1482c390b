"""Safe writes: atomic replace with a backup of the previous version.

A write goes to a temporary file in the same folder, is flushed to disk and
then renamed over the target, so a crash mid-save leaves the old file intact.
The version being replaced is first copied into a ``.backup`` folder beside it
(time-stamped, the newest :data:`KEEP_BACKUPS` kept).

Examples
--------
>>> atomic_write_text("notes.txt", "eerste versie")
>>> atomic_write_text("notes.txt", "tweede versie")
>>> [p.name.split(".")[0] for p in backups("notes.txt")]
['notes']
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

__all__ = ["KEEP_BACKUPS", "atomic_write_bytes", "atomic_write_text", "backups"]

KEEP_BACKUPS = 10
BACKUP_DIR = ".backup"


def backups(path: str | Path) -> list[Path]:
    """Return the backups of *path*, oldest first."""
    path = Path(path)
    folder = path.parent / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}.*{path.suffix}"))


def _keep_backup(path: Path) -> None:
    folder = path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    shutil.copy2(path, folder / f"{path.stem}.{stamp}{path.suffix}")
    for old in backups(path)[:-KEEP_BACKUPS]:
        old.unlink()


def _default_mode() -> int:
    """Permissions of a new file under the current umask (temp files are private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: str | Path, data: bytes, *, backup: bool = True) -> None:
    """Write *data* to *path* atomically, keeping the previous version.

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
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def atomic_write_text(path: str | Path, text: str, *, encoding: str = "utf-8",
                      backup: bool = True) -> None:
    """Write *text* atomically; see :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode(encoding), backup=backup)
