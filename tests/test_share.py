"""routekit share: a copy without the names, e-mail addresses and notes of the route's persons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from routekit.cli import main
from routekit.share import MAPPING_FILE, person_names, share_route
from routekit.workspace import Route

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-route"


@pytest.fixture
def route(tmp_path):
    route = Route.copy(SAMPLE, tmp_path / "route")
    person = next(s for s in route.records("stakeholders") if s.kind == "person")
    route.upsert("stakeholders", person.model_copy(update={
        "contact": "g.janssen@example.nl, 06-12345678", "notes": "Belt liever niet na acht uur"}))
    return route


def _secrets(route) -> tuple[list[str], list[str]]:
    """(words that must not appear as a whole word, texts that must not appear at all)."""
    people = [s for s in route.records("stakeholders") if s.kind == "person"]
    names = [s.name for s in people] + [c.name for c in route.records("colleagues")]
    names += [n for s in route.records("stakeholders") for n in person_names(s.contact or "")]
    words = set()
    for name in names:
        for clean in person_names(name) or [name]:
            words.add(clean)
            words |= {w for w in clean.split() if len(w) >= 4 and w[0].isupper()}
    texts = [s.notes for s in route.records("stakeholders") if s.notes]
    texts += [s.binding_note for s in people if s.binding_note]
    texts += [c.note for c in route.records("colleagues") if c.note]
    texts += [r.note for r in route.records("relations") if r.note]
    texts += [c.summary for c in route.records("conversations") if c.summary]
    texts += [s.contact for s in route.records("stakeholders") if s.contact]
    texts += re.findall(r"[\w.]+@[\w.]+", " ".join(texts))
    # a short note such as "Welzijn op recept" also names an activity, which is kept
    return sorted(words), [x for x in texts if len(x) >= 25 or "@" in x]


def _leaks(folder: Path, words, texts) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="ignore")
            found += [f"{path.name}: {w}" for w in words
                      if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
            found += [f"{path.name}: {x[:30]}" for x in texts if x in text]
    return found


def test_the_shared_copy_holds_no_names_emails_or_notes_and_is_a_valid_route(route, tmp_path,
                                                                             capsys):
    words, texts = _secrets(route)
    assert "Gerda Janssen" in words and "g.janssen@example.nl" in texts and len(texts) > 20
    assert main(["share", str(route.path), "-o", str(tmp_path / "gedeeld")]) == 0
    assert "Persoon 1" in capsys.readouterr().out
    shared = tmp_path / "gedeeld"
    assert _leaks(shared, words, texts) == []
    assert not (shared / ".share").exists() and (route.path / MAPPING_FILE).exists()
    assert not (Route.copy(route.path, tmp_path / "kopie").path / ".share").exists()
    assert "Persoon" in (shared / "stakeholders.csv").read_text("utf-8-sig")
    assert main(["check", str(shared)]) == 0  # every reference still fits
    copy = Route.open(shared)
    assert {s.name for s in copy.records("stakeholders") if s.kind == "organisation"} == \
        {s.name for s in route.records("stakeholders") if s.kind == "organisation"}
    assert all(c.summary == "" for c in copy.records("conversations"))
    assert any(c.action_points for c in copy.records("conversations"))


def test_labels_are_stable_across_runs_and_new_persons_get_the_next_number(route, tmp_path):
    first = share_route(route, tmp_path / "een")
    route.upsert("stakeholders", {"id": "nieuw", "name": "Fenna Zwart", "kind": "person",
                                  "sector": "residents"})
    second = share_route(route, tmp_path / "twee")
    one = {s.id: s.name for s in first.records("stakeholders")}
    two = {s.id: s.name for s in second.records("stakeholders")}
    assert all(two[key] == label for key, label in one.items())
    mapping = (route.path / MAPPING_FILE).read_text("utf-8-sig")
    numbers = [int(n) for n in re.findall(r"Persoon (\d+)", mapping)]
    assert "stakeholder:nieuw" in mapping  # the mapping stays with the original route
    assert len(two) == len(one) + 1
    assert f"Persoon {max(numbers)}" == two["persoon-" + str(max(numbers))]  # the newest
    assert "Fenna" not in (second.path / "stakeholders.csv").read_text("utf-8-sig")


def test_the_report_of_the_shared_copy_names_no_person(route, tmp_path):
    words, texts = _secrets(route)
    assert main(["report", str(route.path), "--share", "-o", str(tmp_path / "rapport")]) == 0
    assert (tmp_path / "rapport" / "rapport.html").exists()
    assert _leaks(tmp_path / "rapport", words, texts) == []
