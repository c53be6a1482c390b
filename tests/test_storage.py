"""Atomic writes keep permissions and backups."""

from __future__ import annotations

import os
import stat

from routekit.storage import KEEP_BACKUPS, atomic_write_text, backups


def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path):
    path = tmp_path / "a.csv"
    old = os.umask(0o022)
    try:
        atomic_write_text(path, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    path.chmod(0o660)
    atomic_write_text(path, "y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o660


def test_only_the_newest_backups_are_kept(tmp_path):
    path = tmp_path / "b.csv"
    for number in range(KEEP_BACKUPS + 3):
        atomic_write_text(path, str(number))
    kept = backups(path)
    assert len(kept) == KEEP_BACKUPS
    assert kept[-1].read_text() == str(KEEP_BACKUPS + 1)
    assert not list(tmp_path.glob(".*.tmp"))
