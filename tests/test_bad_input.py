"""Bad input never gives a traceback or a changed file; `routekit check` names every broken file.

* every file of the bad-input corpus (tests/data/bad/expected.yaml) gets its expected message;
* each broken variant of every file the sample route holds makes `routekit check` exit 1 and
  name that file; benign variants (the other CSV convention, cp1252, BOM, CRLF, reordered
  columns) exit 0;
* property-based: no bytes make the readers raise anything but routekit's own errors.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routekit.cli import main
from routekit.errors import RouteError, TableError
from routekit.filechecks import check_files
from routekit.io import parse_number, read_table
from routekit.stakeholders.actormap import read_actor_map
from routekit.workspace import Route

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample-route"
BAD = ROOT / "tests" / "data" / "bad"
CORPUS = yaml.safe_load((BAD / "expected.yaml").read_text("utf-8"))
FILES = sorted(p.relative_to(SAMPLE).as_posix() for p in SAMPLE.rglob("*")
               if p.is_file() and p.suffix in (".csv", ".yaml", ".geojson"))


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file() and ".routekit.lock" not in p.name}


def _run(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def route_dir(tmp_path) -> Path:
    target = tmp_path / "route"
    shutil.copytree(SAMPLE, target)
    return target


# --------------------------------------------------------------------------- the corpus


def test_the_corpus_covers_every_kind_of_file():
    placed = {entry["as"] for entry in CORPUS if "as" in entry}
    assert set(FILES) - placed <= {"colleagues.csv", "contact_moments.csv", "forces.csv",
                                   "impact_plan.yaml", "plan_activities.csv", "plan_goals.csv",
                                   "plan_kpis.csv", "relations.csv"}  # same readers as others
    assert {entry["import"] for entry in CORPUS if "import" in entry} >= \
        {"cbs", "segments", "members", "boundaries", "scheme"}
    assert {entry["file"] for entry in CORPUS} == {p.name for p in BAD.iterdir()} - \
        {"expected.yaml"}


@pytest.mark.parametrize("entry", CORPUS, ids=[entry["file"] for entry in CORPUS])
def test_every_corpus_file_gets_its_expected_message(entry, route_dir, capsys):
    source = BAD / entry["file"]
    if "as" in entry:
        (route_dir / entry["as"]).write_bytes(source.read_bytes())
        before = _snapshot(route_dir)
        code, text = _run(["check", str(route_dir)], capsys)
    elif "import" in entry:
        before = _snapshot(route_dir)
        code, text = _run(["import", str(route_dir), str(source), "--kind", entry["import"]],
                          capsys)
    else:
        before = _snapshot(route_dir)
        with pytest.raises(RouteError) as info:
            read_actor_map(Route.open(route_dir), source)
        code, text = 1, str(info.value)
    assert code == 1
    assert "Traceback" not in text
    for expected in entry["expect"]:
        assert expected in text, f"{expected!r} not in:\n{text}"
    assert _snapshot(route_dir) == before  # nothing is ever changed by a check or failed import


# --------------------------------------------------------------------------- variants


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _csv(rows, separator=";", newline="\r\n") -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=separator, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def _numeric_column(rows) -> int | None:
    for column in range(len(rows[0])):
        values = [r[column] for r in rows[1:] if column < len(r) and r[column]]
        if len(values) >= 3 and all(parse_number(v) is not None for v in values):
            return column
    return None


def _broken(name: str, data: bytes, variant: str) -> bytes | None:
    """*data* of file *name* broken the way *variant* says, or None when it does not apply."""
    text = data.decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    middle = len(lines) * 2 // 3
    suffix = Path(name).suffix
    if variant == "random":
        return random.Random(name).randbytes(300)
    if variant == "empty":
        return b""
    if variant == "cut_off":  # the file stops in the middle of a line
        if suffix == ".csv":
            line = lines[middle]
            return ("".join(lines[:middle]) + line[:line.index(";") + 1]).encode()
        if suffix == ".geojson":
            return text[:len(text) * 2 // 3].encode()
        return None
    if variant == "open_quote":  # a quoted text that never ends
        if suffix == ".csv":
            line = lines[middle]
            cut = line.index(";") + 1
            return ("".join(lines[:middle]) + line[:cut] + '"Onaf ' + line[cut:].rstrip()
                    ).encode()
        if suffix == ".yaml":
            at = next(i for i in range(middle, len(lines)) if ": " in lines[i]
                      and lines[i].split(": ", 1)[1].strip() not in ("", "|", ">"))
            key, value = lines[at].split(": ", 1)
            return ("".join(lines[:at]) + f'{key}: "{value.rstrip()}').encode()
        return None
    rows = _rows(text) if suffix == ".csv" else None
    if variant == "duplicate" and rows:
        return _csv([*rows[:3], rows[2], *rows[3:]]).encode("utf-8-sig")
    if variant == "text_in_number" and rows:
        column = _numeric_column(rows)
        if column is None:
            return None
        rows[2][column] = "veel"
        return _csv(rows).encode("utf-8-sig")
    return None


BROKEN = ("random", "empty", "cut_off", "open_quote", "duplicate", "text_in_number")


@pytest.mark.parametrize("variant", BROKEN)
def test_each_broken_variant_of_every_sample_file_is_named(variant, route_dir, capsys):
    broken = []
    for name in FILES:
        if name == "route.yaml":
            continue  # below: without a readable route.yaml the other checks lose context
        data = _broken(name, (route_dir / name).read_bytes(), variant)
        if data is not None:
            (route_dir / name).write_bytes(data)
            broken.append(name)
    assert broken
    before = _snapshot(route_dir)
    code, text = _run(["check", str(route_dir)], capsys)
    assert code == 1 and "Traceback" not in text
    headers = set(text.splitlines())
    assert [name for name in broken if name not in headers] == []
    assert _snapshot(route_dir) == before


@pytest.mark.parametrize("variant", ("random", "empty", "open_quote"))
def test_a_broken_route_yaml_is_named_with_the_other_problems(variant, route_dir, capsys):
    route_yaml = route_dir / "route.yaml"
    route_yaml.write_bytes(_broken("route.yaml", route_yaml.read_bytes(), variant))
    (route_dir / "personas.yaml").write_bytes(b"")
    code, text = _run(["check", str(route_dir)], capsys)
    assert code == 1 and "Traceback" not in text
    assert {"route.yaml", "personas.yaml"} <= set(text.splitlines())


def _benign(name: str, data: bytes, variant: str) -> bytes:
    text = data.decode("utf-8-sig")
    suffix = Path(name).suffix
    if variant == "crlf":
        lf = text.replace("\r\n", "\n")
        return (lf.replace("\n", "\r\n") if lf == text else lf).encode("utf-8-sig")
    if variant == "bom":
        return text.encode("utf-8" if data.startswith(b"\xef\xbb\xbf") else "utf-8-sig")
    if suffix != ".csv":
        return data
    rows = _rows(text)
    if variant == "cp1252":
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            return data
    if variant == "comma":  # the English convention: , between fields, . for decimals
        numbers = [[cell.replace(",", ".") if parse_number(cell) is not None else cell
                    for cell in row] for row in rows]
        return _csv(numbers, ",").encode("utf-8")
    if variant == "reordered":
        return _csv([row[::-1] for row in rows]).encode("utf-8-sig")
    raise ValueError(variant)


@pytest.mark.parametrize("variant", ("comma", "cp1252", "bom", "crlf", "reordered"))
def test_benign_variants_of_every_sample_file_pass(variant, route_dir, capsys):
    changed = 0
    for name in FILES:
        data = (route_dir / name).read_bytes()
        new = _benign(name, data, variant)
        changed += new != data
        (route_dir / name).write_bytes(new)
    assert changed >= 10
    code, text = _run(["check", str(route_dir)], capsys)
    assert code == 0, text


# --------------------------------------------------------------------------- properties

_SETTINGS = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
_BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda s: s.encode("utf-8")),
    st.lists(st.sampled_from(["a", "b;c", '"', "\r\n", "\n", ";", ",", "1,5", "é", "\x00",
                              "\ufeff", "- x", ": ", "[", "{"]), max_size=40)
    .map(lambda parts: "".join(parts).encode("utf-8")),
)


@_SETTINGS
@given(data=_BYTES)
def test_read_table_raises_only_table_errors_and_never_changes_the_file(tmp_path, data):
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    try:
        frame = read_table(path, required=[], numeric=["b"])
        assert frame.index.equals(frame.reset_index(drop=True).index)
    except TableError as error:
        assert error.problems and all(p.file == "t.csv" for p in error.problems)
    assert path.read_bytes() == data


@_SETTINGS
@given(data=_BYTES, name=st.sampled_from(["personas.yaml", "post_o.yaml", "route.yaml",
                                          "stakeholders.csv", "area/segments.csv",
                                          "area/boundaries.geojson"]))
def test_no_bytes_in_a_route_file_give_a_traceback_or_a_change(tmp_path_factory, data, name):
    folder = tmp_path_factory.mktemp("route") / "r"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("segments.csv", "members.csv",
                                                                  "behaviour.csv"))
    (folder / name).write_bytes(data)
    before = _snapshot(folder)
    try:
        route = Route.open(folder)
    except RouteError:
        route = None
    if route is not None:
        for kind in ("personas", "post_o", "stakeholders"):
            try:
                route.records(kind)
            except RouteError:
                pass
    problems, _ = check_files(route if route is not None else folder)
    assert all(p.message for p in problems)
    assert _snapshot(folder) == before
