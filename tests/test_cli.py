"""The routekit command: new, check, report."""

from __future__ import annotations

from routekit.cli import main


def test_check_sample_route_passes(capsys):
    from routekit.notebook import SAMPLE_ROUTE

    assert main(["check", str(SAMPLE_ROUTE)]) == 0
    assert "Alles in orde" in capsys.readouterr().out


def test_check_names_file_row_and_field(sample_route, capsys):
    path = sample_route.file("positions")
    lines = path.read_text("utf-8-sig").splitlines()
    header = lines[0].split(";")
    cells = lines[3].split(";")
    cells[header.index("attitude")] = "5"
    lines[3] = ";".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    assert main(["check", str(sample_route.path)]) == 1
    out = capsys.readouterr().out
    assert "positions.csv\n  - rij 4, veld attitude" in out and "maximaal 2" in out  # per file


def test_new_from_scratch_and_from_sample(tmp_path, capsys):
    assert main(["new", str(tmp_path / "eigen"), "--library", "Bibliotheek Test",
                 "--municipality", "GM0001", "Testwaard", "--theme", "taal", "Taal"]) == 0
    assert main(["check", str(tmp_path / "eigen")]) == 0
    assert main(["new", str(tmp_path / "oefen"), "--sample"]) == 0
    assert (tmp_path / "oefen" / "stakeholders.csv").exists()
    assert main(["new", str(tmp_path / "oefen"), "--sample"]) == 1
    assert "al een route" in capsys.readouterr().err


def test_english_messages(tmp_path, capsys):
    assert main(["--lang", "en", "check", str(tmp_path)]) == 1
    assert "route.yaml is missing" in capsys.readouterr().err


def test_report_writes_a_self_contained_page(sample_route, tmp_path):
    assert main(["report", str(sample_route.path), "-o", str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "rapport.html").read_text("utf-8")
    assert "Bibliotheek De Sleutel" in page and "Fictief voorbeeld" in page
    assert "<script" not in page
    assert 'src="http' not in page and "url(http" not in page
