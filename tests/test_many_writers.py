"""Many writers on one route: nothing lost, conflicts refused with a message, no crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from routekit.errors import RecordConflict, RouteError
from routekit.storage import KEEP_BACKUPS, KEEP_DAYS, LOCK_FILE, backups, route_lock
from routekit.workspace import ABSENT, Route

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample-route"


@pytest.fixture
def route(tmp_path):
    return Route.copy(SAMPLE, tmp_path / "route")


def test_two_processes_each_add_50_records_and_edit_shared_ones(route, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    writers = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "concurrent_writer.py"),
                                 str(route.path), tag, str(tmp_path / f"{tag}.json")], env=env)
               for tag in ("a", "b")]
    for writer in writers:
        assert writer.wait(timeout=240) == 0
    logs = {tag: json.loads((tmp_path / f"{tag}.json").read_text()) for tag in ("a", "b")}
    for log in logs.values():
        assert log["crash"] is None, log["crash"]
        assert len(log["added"]) == 50
        assert len(log["saved"]) + len(log["refused"]) == 17  # every edit saved or refused
    stored = {s.id: s for s in Route.open(route.path).records("stakeholders")}
    added = [sid for log in logs.values() for sid in log["added"]]
    assert len(added) == 100 and all(sid in stored for sid in added)
    assert len(stored) == 100 + len(Route.open(SAMPLE).records("stakeholders"))
    # the shared field holds a value one writer saved, never one that was refused
    assert stored["bibliotheek"].notes in logs["a"]["saved"] + logs["b"]["saved"]
    # each writer changed its own field of the other shared record: both survive (merged)
    assert stored["wethouder"].notes == logs["a"]["own"][-1]
    assert stored["wethouder"].contact == logs["b"]["own"][-1]
    assert len(backups(route.file("stakeholders"))) <= KEEP_BACKUPS + KEEP_DAYS
    assert not list(route.path.glob(".*.tmp"))


def test_changes_to_other_fields_merge_and_the_same_field_conflicts(route):
    seen = route.get("stakeholders", "bibliotheek")
    route.upsert("stakeholders", seen.model_copy(update={"area": "WK990102"}))  # another page
    saved = route.upsert("stakeholders", {"notes": "bellen in mei"}, base=seen)
    assert (saved.area, saved.notes) == ("WK990102", "bellen in mei")
    assert route.get("stakeholders", "bibliotheek") == saved
    with pytest.raises(RecordConflict) as info:
        route.upsert("stakeholders", {"area": "WK990103"}, base=seen)
    assert info.value.fields == ["area"]
    assert info.value.current == saved
    assert "intussen door iemand anders gewijzigd" in str(info.value)
    assert route.get("stakeholders", "bibliotheek") == saved  # nothing written


def test_a_record_removed_or_added_meanwhile_is_a_conflict(route):
    seen = route.get("stakeholders", "bibliotheek")
    route.remove("stakeholders", "bibliotheek")
    with pytest.raises(RecordConflict, match="verwijderd") as info:
        route.upsert("stakeholders", {"notes": "x"}, base=seen)
    assert info.value.current is None
    new = {"id": "nieuw", "name": "Nieuw", "kind": "group", "sector": "residents"}
    route.upsert("stakeholders", new, base=ABSENT)
    with pytest.raises(RecordConflict, match="toegevoegd"):
        route.upsert("stakeholders", new | {"name": "Ander"}, base=ABSENT)
    assert route.get("stakeholders", "nieuw").name == "Nieuw"


def test_remove_with_base_refuses_when_changed_meanwhile(route):
    seen = route.get("stakeholders", "sascha")
    route.upsert("stakeholders", seen.model_copy(update={"notes": "blijft"}))
    with pytest.raises(RecordConflict):
        route.remove("stakeholders", "sascha", base=seen)
    assert route.get("stakeholders", "sascha").notes == "blijft"
    assert route.remove("stakeholders", "sascha", base=route.get("stakeholders", "sascha"))


def test_a_new_key_with_base_renames_in_one_write(route):
    force = route.records("forces")[0]
    renamed = force.model_copy(update={"description": "Nieuwe omschrijving"})
    before = len(route.records("forces"))
    route.upsert("forces", renamed, base=force)
    keys = [(f.theme, f.description) for f in route.records("forces")]
    assert len(keys) == before and (force.theme, "Nieuwe omschrijving") in keys
    assert (force.theme, force.description) not in keys


def test_route_yaml_changes_of_two_writers_merge(route):
    one, two = Route.open(route.path), Route.open(route.path)
    one.config.language = "en"
    one.save_config()
    two.config.library = "Bibliotheek Elders"
    two.save_config()
    raw = yaml.safe_load((route.path / "route.yaml").read_text("utf-8"))
    assert (raw["language"], raw["library"]) == ("en", "Bibliotheek Elders")
    one.config.library = "Nog een naam"
    with pytest.raises(RecordConflict, match="route.yaml"):
        one.save_config()


def test_a_held_lock_gives_a_dutch_message_naming_the_holder(route):
    code = textwrap.dedent(f"""
        import time
        from routekit.storage import route_lock
        with route_lock({str(route.path)!r}):
            print("held", flush=True)
            time.sleep(30)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), ROUTEKIT_PAGE="03_kennismaken")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env=env)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(RouteError) as info, route_lock(route.path, timeout=0.3):
            pass
        assert time.monotonic() - started < 5
        message = str(info.value)
        assert "bezet" in message and str(holder.pid) in message
        assert "03_kennismaken" in message
    finally:
        holder.kill()
        holder.wait()
    with route_lock(route.path, timeout=5):  # released when its holder died
        pass
    assert (route.path / LOCK_FILE).exists()


def test_the_lock_is_reentrant_and_writes_inside_a_route_take_it(route):
    with route.locked(), route.locked():
        route.upsert("stakeholders", {"id": "x1", "name": "X", "kind": "group",
                                      "sector": "residents"})
    assert route.get("stakeholders", "x1") is not None


def test_a_binary_route_yaml_is_a_route_error(route):
    (route.path / "route.yaml").write_bytes(bytes(range(256)))
    with pytest.raises(RouteError, match="geen leesbare tekst"):
        Route.open(route.path)
    (route.path / "route.yaml").write_text("- een\n- lijst\n", "utf-8")
    with pytest.raises(RouteError, match="instellingen"):
        Route.open(route.path)


def test_a_hand_written_route_yaml_without_defaults_merges_without_false_conflicts(route):
    (route.path / "route.yaml").write_text(
        "library: Bibliotheek Klein\nmunicipality: {code: GM0001, name: Voorbeeld}\n", "utf-8")
    one, two = Route.open(route.path), Route.open(route.path)
    one.config.style = {"primary": "#123456"}
    one.save_config()
    two.config.language = "en"
    two.save_config()
    saved = Route.open(route.path).config
    assert (saved.style, saved.language) == ({"primary": "#123456"}, "en")


def test_nested_yaml_records_merge_per_field(route):
    seen = route.records("post_o")[0]
    other = seen.model_copy(deep=True)
    other.people.notes = "van de andere pagina"
    route.upsert("post_o", other)
    mine = seen.model_copy(deep=True)
    mine.strategy.programme = "mijn programma"
    saved = route.upsert("post_o", mine, base=seen)
    assert (saved.people.notes, saved.strategy.programme) == ("van de andere pagina",
                                                              "mijn programma")
    mine.people.notes = "ook van mij"
    with pytest.raises(RecordConflict) as info:
        route.upsert("post_o", mine, base=seen)
    assert info.value.fields == ["people.notes"]
