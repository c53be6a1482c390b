"""routekit restore: list and put back earlier versions; the current one is kept first."""

from __future__ import annotations

from pathlib import Path

import pytest

from routekit.cli import main
from routekit.restore import backed_up, restore, versions
from routekit.storage import KEEP_BACKUPS, atomic_write_text, backups, prune_backups
from routekit.workspace import Route

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-route"


@pytest.fixture
def route(tmp_path):
    return Route.copy(SAMPLE, tmp_path / "route")


def test_a_lost_record_comes_back_and_the_restore_can_be_undone(route, capsys):
    before = route.file("stakeholders").read_bytes()
    route.remove("stakeholders", "bibliotheek")
    assert main(["restore", str(route.path), "--list"]) == 0
    assert "stakeholders.csv" in capsys.readouterr().out
    assert main(["restore", str(route.path), "stakeholders.csv", "--list"]) == 0
    assert " 1. " in capsys.readouterr().out
    assert main(["restore", str(route.path), "stakeholders.csv"]) == 0
    out = capsys.readouterr().out
    assert "teruggezet" in out and "bewaard" in out
    assert route.file("stakeholders").read_bytes() == before
    assert route.get("stakeholders", "bibliotheek") is not None
    assert main(["restore", str(route.path), "stakeholders.csv"]) == 0  # undo the restore
    assert route.get("stakeholders", "bibliotheek") is None


def test_area_files_and_older_versions(route):
    segments = route.area_file("segments")
    original = segments.read_bytes()
    atomic_write_text(segments, "area_code;segment_code;households\r\n")
    atomic_write_text(segments, "kapot")
    assert backed_up(route.path)["area/segments.csv"] == 2
    assert [v.number for v in versions(route.path, "segments.csv")] == [1, 2]
    restore(route.path, "area/segments.csv", version=2)
    assert segments.read_bytes() == original
    assert len(versions(route.path, "area/segments.csv")) == 3  # "kapot" was kept first


def test_unknown_files_and_versions_get_a_dutch_message(route, capsys):
    assert main(["restore", str(route.path), "bestaat-niet.csv"]) == 1
    assert "hoort niet bij de route" in capsys.readouterr().err
    assert main(["restore", str(route.path), "stakeholders.csv", "--version", "3"]) == 1
    assert "geen eerdere versie 3" in capsys.readouterr().err


def test_pruning_keeps_the_newest_and_one_per_earlier_day(tmp_path):
    path = tmp_path / "a.csv"
    folder = tmp_path / ".backup"
    folder.mkdir()
    for day in range(1, 21):  # one old version on each of 20 days, two on day 20
        for hour in (9, 17):
            (folder / f"a.202611{day:02d}T{hour:02d}0000000000-1-1.csv").write_text("x")
    for number in range(KEEP_BACKUPS + 2):
        atomic_write_text(path, str(number))
    names = [b.name for b in backups(path)]
    assert len(names) == KEEP_BACKUPS + 14
    assert "a.20261120T170000000000-1-1.csv" in names  # the day's last version stays
    assert "a.20261120T090000000000-1-1.csv" not in names
    (folder / names[0]).unlink()  # removed by another writer meanwhile: no error
    prune_backups(path)
