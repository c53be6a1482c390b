"""The route workspace: round trips, safe writes, clear problems, migrations."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routekit.errors import RecordConflict, RouteError
from routekit.records import KINDS
from routekit.storage import backups
from routekit.workspace import MIGRATIONS, Route

EXAMPLES = {
    "colleagues": {"id": "anouk", "name": "Anouk Smit", "role": "collectiespecialist",
                   "stance": "tegenstander", "spoke_on": "2026-02-10", "pioneer": True},
    "impact_plan": {"id": "plan", "role_description": "Verbinden", "answers": {"org.vision": "x"},
                    "impact": [{"subject": "Leesclub", "kind": "group", "influence": "direct",
                                "value": "ontmoeting"}]},
    "stakeholders": {"id": "buurthuis", "name": "Buurthuis De Linde", "kind": "organisation",
                     "sector": "welfare", "contact": "Ans de Vries", "binding": "necessity"},
    "positions": {"stakeholder": "buurthuis", "theme": "eenzaamheid", "influence": 4,
                  "attitude": 2, "interest": 5, "trust": 4},
    "forces": {"theme": "eenzaamheid", "direction": "driving", "description": "Subsidie",
               "strength": 4, "action": "Aanvraag indienen"},
    "relations": {"source": "buurthuis", "target": "bibliotheek", "kind": "collaboration",
                  "directed": False, "strength": 3},
    "network_layout": {"stakeholder": "buurthuis", "x": -0.25, "y": 0.5, "pinned": True},
    "conversations": {"id": "g1", "date": "2026-03-02", "theme": "eenzaamheid",
                      "participants": ["buurthuis"], "format": "group",
                      "summary": "Kennismaking", "action_points": ["terugkoppelen"]},
    "segment_selections": {"theme": "eenzaamheid", "segment": "E", "area": "WK990105",
                           "reason": "veel alleenstaande ouderen"},
    "personas": {"id": "ria", "name": "Ria", "theme": "eenzaamheid", "segment": "E02",
                 "channels": ["huis-aan-huisblad", "kerk"], "digital_skills": "low",
                 "quote": "Ik kom graag onder de mensen."},
    "post_o": {"theme": "eenzaamheid", "objectives": {"library": "Ontmoeting",
                                                      "community": "Minder alleen",
                                                      "shared": "Wekelijkse koffie"}},
    "knowledge": {"theme": "eenzaamheid", "access": {"score": 3, "note": "ruimte"},
                  "stage": "shared_activity"},
    "goals": {"id": "d1", "theme": "eenzaamheid", "text": "50 ouderen ontmoeten elkaar",
              "deadline": "2026-12-31"},
    "activities": {"id": "a1", "goal": "d1", "name": "Koffieochtend", "start": "2026-01-05",
                   "end": "2026-06-30", "owners": ["buurthuis"]},
    "budget": {"id": "b1", "activity": "a1", "description": "Koffie en thee", "cost": 450.5,
               "in_kind": 100.0, "subsidy": 200.0},
    "kpis": {"id": "k1", "goal": "d1", "name": "Deelnemers", "target": 50, "actual": 12.5},
    "risks": {"id": "r1", "description": "Te weinig vrijwilligers", "likelihood": 3,
              "impact": 4},
    "contact_moments": {"id": "c1", "title": "Stamtafel", "start": "2026-02-03T19:30:00",
                        "recurrence": "monthly", "count": 6},
}

TEXT = st.one_of(
    st.sampled_from(["café; terras", 'zei "ja"', "regel 1\nregel 2", "ë é € ß", "1.234,5",
                     "=SOM(A1)", "x", "."]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
            max_size=30).map(str.strip).filter(bool),
)


def test_every_kind_has_an_example():
    assert set(EXAMPLES) == set(KINDS)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_round_trip_of_every_kind(empty_route, kind):
    saved = empty_route.save(kind, [EXAMPLES[kind]])
    assert empty_route.records(kind) == saved
    assert Route.open(empty_route.path).records(kind) == saved


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT, notes=TEXT, contact=TEXT)
def test_round_trip_keeps_any_text(empty_route, name, notes, contact):
    record = dict(EXAMPLES["stakeholders"], name=name, notes=notes, contact=contact)
    saved = empty_route.save("stakeholders", [record])
    assert empty_route.records("stakeholders") == saved


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cost=st.floats(0, 1e7, allow_nan=False).map(lambda v: round(v, 2)),
       description=TEXT)
def test_round_trip_keeps_numbers(empty_route, cost, description):
    saved = empty_route.save("budget", [dict(EXAMPLES["budget"], cost=cost,
                                             description=description)])
    assert empty_route.records("budget")[0].cost == pytest.approx(saved[0].cost)


def test_dutch_labels_are_accepted(empty_route):
    saved = empty_route.save("stakeholders", [dict(EXAMPLES["stakeholders"], kind="Organisatie",
                                                   sector="welzijn", binding="noodzaak")])
    assert (saved[0].kind, saved[0].sector, saved[0].binding) == (
        "organisation", "welfare", "necessity")


def test_saving_twice_leaves_a_readable_file_and_a_backup(empty_route):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    empty_route.upsert("stakeholders", dict(EXAMPLES["stakeholders"], name="Buurthuis Nieuw"))
    path = empty_route.file("stakeholders")
    assert [r.name for r in empty_route.records("stakeholders")] == ["Buurthuis Nieuw"]
    (backup,) = backups(path)
    assert "Buurthuis De Linde" in backup.read_text("utf-8-sig")


def test_upsert_keeps_columns_the_user_added(empty_route):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    path = empty_route.file("stakeholders")
    lines = path.read_text("utf-8-sig").splitlines()
    lines[0] += ";telefoon"
    lines[1] += ";0612345678"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    empty_route.upsert("stakeholders", dict(EXAMPLES["stakeholders"], id="school",
                                            name="Basisschool De Klimop", sector="education"))
    table = empty_route.table("stakeholders")
    assert table.loc[table["id"] == "buurthuis", "telefoon"].item() == "0612345678"


def test_bad_row_names_file_row_and_field(empty_route):
    empty_route.save("positions", [EXAMPLES["positions"]])
    path = empty_route.file("positions")
    path.write_text(path.read_text("utf-8-sig").replace(";4;2;5;", ";7;2;5;"),
                    encoding="utf-8-sig")
    with pytest.raises(RouteError) as info:
        empty_route.records("positions")
    (problem,) = info.value.problems
    assert (problem.file, problem.row, problem.field) == ("positions.csv", 2, "influence")
    assert "maximaal 5" in str(problem)


def test_unreadable_file_is_never_overwritten(empty_route):
    empty_route.save("positions", [EXAMPLES["positions"]])
    path = empty_route.file("positions")
    broken = path.read_text("utf-8-sig").replace(";4;2;5;", ";veel;2;5;")
    path.write_text(broken, encoding="utf-8-sig")
    with pytest.raises(RouteError):
        empty_route.upsert("positions", dict(EXAMPLES["positions"], theme="taal"))
    with pytest.raises(RouteError):
        empty_route.save("positions", [])
    assert path.read_text("utf-8-sig") == broken


def test_duplicate_keys_are_reported(empty_route):
    with pytest.raises(RouteError) as info:
        empty_route.save("stakeholders", [EXAMPLES["stakeholders"]] * 2)
    assert "rij 2" in str(info.value) and info.value.problems[0].row == 3


def test_check_reports_unknown_references(empty_route):
    empty_route.save("positions", [dict(EXAMPLES["positions"], theme="onbekend")])
    messages = [str(p) for p in empty_route.check()]
    assert any("onbekende belanghebbende 'buurthuis'" in m for m in messages)
    assert any("onbekend thema 'onbekend'" in m and "rij 2" in m for m in messages)


def test_killed_mid_save_leaves_old_file_intact(empty_route):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    path = empty_route.file("stakeholders")
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import os, signal
        from routekit.workspace import Route
        os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)
        route = Route.open({str(empty_route.path)!r})
        route.upsert("stakeholders", {{"id": "x", "name": "Nieuw", "kind": "group",
                                       "sector": "residents"}})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -9
    assert path.read_bytes() == before
    assert [r.id for r in empty_route.records("stakeholders")] == ["buurthuis"]


def test_migration_hook_upgrades_old_routes(empty_route, monkeypatch):
    import routekit.workspace as workspace

    raw = yaml.safe_load(empty_route.file("stakeholders").parent.joinpath(
        "route.yaml").read_text("utf-8"))
    raw["schema_version"] = 0
    raw["bibliotheek"] = raw.pop("library")  # what a (pretend) version 0 called it
    (empty_route.path / "route.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")

    def upgrade(path, config):
        config["library"] = config.pop("bibliotheek")
        return config

    monkeypatch.setitem(MIGRATIONS, 0, upgrade)
    monkeypatch.setattr(workspace, "SCHEMA_VERSION", 1)
    route = Route.open(empty_route.path)
    assert route.config.library == "Bibliotheek Test"
    assert yaml.safe_load((route.path / "route.yaml").read_text())["schema_version"] == 1
    assert backups(route.path / "route.yaml")


def test_newer_schema_is_refused(empty_route):
    path = empty_route.path / "route.yaml"
    path.write_text(path.read_text().replace("schema_version: 1", "schema_version: 99"))
    with pytest.raises(RouteError, match="nieuwere routekit"):
        Route.open(empty_route.path)


def test_missing_route_yaml_is_explained(tmp_path):
    with pytest.raises(RouteError, match="route.yaml ontbreekt"):
        Route.open(tmp_path)


def test_progress_counts_records(empty_route):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    progress = empty_route.progress().set_index("step")
    assert progress.loc["04b", "records"] == 1 and progress.loc["04b", "started"]
    assert not progress.loc["07", "started"]
    assert progress.loc["01", "records"] == len(empty_route.config.themes)


def test_check_looks_inside_lists_and_at_areas(empty_route):
    empty_route.save("stakeholders", [dict(EXAMPLES["stakeholders"], area="WK000000")])
    empty_route.save("goals", [EXAMPLES["goals"]])
    empty_route.save("activities", [dict(EXAMPLES["activities"],
                                         owners=["buurthuis", "onbekende-trekker"])])
    problems = {(p.file, p.field): str(p) for p in empty_route.check()}
    assert "onbekende-trekker" in problems[("plan_activities.csv", "owners")]
    assert "onbekend gebied 'WK000000'" in problems[("stakeholders.csv", "area")]
    assert len(problems) == 2


def test_optional_whole_numbers_with_blanks_stay_whole(empty_route):
    rows = [EXAMPLES["positions"], dict(EXAMPLES["positions"], theme="taal", trust=None)]
    empty_route.save("positions", rows)
    text = empty_route.file("positions").read_text("utf-8-sig")
    assert ";5;4;" in text and ",0" not in text
    assert [p.trust for p in empty_route.records("positions")] == [4, None]


# -- reading an unchanged file again ---------------------------------------------------


@pytest.fixture
def parses(monkeypatch):
    """The files the workspace parsed (CSV and YAML), one name per parse."""
    import routekit.workspace as workspace

    names, parse = [], workspace._read_rows
    monkeypatch.setattr(workspace, "_read_rows",
                        lambda spec, path: names.append(path.name) or parse(spec, path))
    return names


def _frozen_stat(monkeypatch, path: Path) -> None:
    """Make *path* look unchanged from now on (a coarse clock, a reused inode)."""
    frozen, stat = path.stat(), Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: frozen if self == path
                        else stat(self, **kw))


@pytest.mark.parametrize("kind", ["stakeholders", "personas"])
def test_an_unchanged_file_is_parsed_once(empty_route, parses, kind):
    empty_route.save(kind, [EXAMPLES[kind]])
    first = empty_route.records(kind)
    assert empty_route.records(kind) == first
    assert Route.open(empty_route.path).records(kind) == first  # kept per file, not per Route
    assert parses == [empty_route.file(kind).name]


def test_a_file_changed_behind_the_routes_back_is_read_again(empty_route, parses):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    path = empty_route.file("stakeholders")
    assert empty_route.records("stakeholders")[0].name == "Buurthuis De Linde"
    before = path.stat()
    path.write_bytes(path.read_bytes().replace(b"De Linde", b"De Lindo"))  # in place
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    while path.stat().st_ctime_ns == before.st_ctime_ns:  # a coarse clock: wait for its tick
        time.sleep(0.005)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()  # the same time, size and inode: only the status-change time tells
    assert (after.st_mtime_ns, after.st_size, after.st_ino) == (
        before.st_mtime_ns, before.st_size, before.st_ino)
    assert empty_route.records("stakeholders")[0].name == "Buurthuis De Lindo"
    replaced = path.with_suffix(".new")  # Excel's way: a new file renamed over the old one
    replaced.write_bytes(path.read_bytes().replace(b"De Lindo", b"De Linda"))
    os.utime(replaced, ns=(after.st_atime_ns, after.st_mtime_ns))
    os.replace(replaced, path)
    assert path.stat().st_ino != after.st_ino
    assert empty_route.records("stakeholders")[0].name == "Buurthuis De Linda"
    assert len(parses) == 3


def test_a_write_by_routekit_is_read_even_when_the_file_looks_unchanged(empty_route,
                                                                         monkeypatch):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    empty_route.records("stakeholders")
    _frozen_stat(monkeypatch, empty_route.file("stakeholders"))
    other_page = Route.open(empty_route.path)
    other_page.upsert("stakeholders", dict(EXAMPLES["stakeholders"], name="Buurthuis Nieuw"))
    assert empty_route.records("stakeholders")[0].name == "Buurthuis Nieuw"


def test_upsert_merges_a_change_the_files_stat_does_not_show(empty_route, monkeypatch):
    empty_route.save("stakeholders", [EXAMPLES["stakeholders"]])
    path = empty_route.file("stakeholders")
    base = empty_route.get("stakeholders", "buurthuis")
    _frozen_stat(monkeypatch, path)
    path.write_bytes(path.read_bytes().replace(b"Ans de Vries", b"Ans de Vrij"))  # Excel
    assert empty_route.records("stakeholders")[0].contact == "Ans de Vries"  # kept outside
    with empty_route.locked():  # ... but read from disk inside the lock
        assert empty_route.records("stakeholders")[0].contact == "Ans de Vrij"
    saved = empty_route.upsert("stakeholders", {"notes": "gebeld"}, base=base)
    assert (saved.contact, saved.notes) == ("Ans de Vrij", "gebeld")
    with pytest.raises(RecordConflict):
        empty_route.upsert("stakeholders", {"contact": "Piet"}, base=base)


def test_changing_what_was_read_changes_nothing_kept(empty_route):
    empty_route.save("personas", [EXAMPLES["personas"]])
    for _ in range(2):  # what was read from disk, then a copy of what was kept
        got = empty_route.records("personas")
        got[0].name = "Anders"
        got[0].channels.append("radio")
        got.append(got[0].model_copy(update={"id": "kees"}))
    assert [(p.id, p.name, p.channels) for p in empty_route.records("personas")] == [
        ("ria", "Ria", ["huis-aan-huisblad", "kerk"])]
    with pytest.raises(ValueError):  # a kept copy still validates what is assigned
        empty_route.records("personas")[0].digital_skills = "veel"


def test_a_bad_file_raises_on_every_read(empty_route, parses):
    empty_route.save("positions", [EXAMPLES["positions"]])
    path = empty_route.file("positions")
    good = path.read_text("utf-8-sig")
    path.write_text(good.replace(";4;2;5;", ";7;2;5;"), encoding="utf-8-sig")
    for _ in range(2):
        with pytest.raises(RouteError, match="maximaal 5"):
            empty_route.records("positions")
    path.write_text(good, encoding="utf-8-sig")
    assert empty_route.records("positions")[0].influence == 4
    assert parses == ["positions.csv"] * 3


def test_plan_reads_the_segment_names_again_only_after_a_change(sample_route, monkeypatch):
    import routekit.io
    from routekit.plan.stored import plan_of

    read, names = routekit.io.read_table, []
    monkeypatch.setattr(routekit.io, "read_table",
                        lambda path, **kw: names.append(Path(path).name) or read(path, **kw))
    assert plan_of(sample_route).segments == plan_of(sample_route).segments
    assert names.count("segment_scheme.csv") == 1
    path = sample_route.area_file("segment_scheme")
    scheme = read(path)
    scheme.loc[scheme["code"] == "A", "name"] = "Ruim en Groen"
    routekit.io.write_table(scheme, path)
    assert plan_of(sample_route).segments["A"] == "Ruim en Groen"
    assert names.count("segment_scheme.csv") == 2
