"""The commands of a municipality's own route: new (next steps), import, check (advice), pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from routekit.cli import main
from routekit.workspace import Route

CBS = Path(__file__).parent / "data" / "cbs"
ROOT = Path(__file__).resolve().parents[1]


def test_new_without_name_prints_the_next_steps(tmp_path, capsys):
    path = tmp_path / "utrecht"
    assert main(["new", str(path), "--library", "Bibliotheek Utrecht",
                 "--municipality", "GM0344", "--theme", "eenzaamheid",
                 "Eenzaamheid onder ouderen"]) == 0
    out = capsys.readouterr().out
    assert "Volgende stappen" in out and "Kerncijfers wijken en buurten" in out
    assert f"routekit import {path} kwb-2023.xlsx" in out
    assert f"routekit check {path}" in out and f"make app ROUTE={path}" in out
    route = Route.open(path)
    assert route.config.municipality.code == "GM0344" and route.config.municipality.name == ""


def test_new_takes_lang_not_language(tmp_path, capsys):
    assert main(["new", str(tmp_path / "en"), "--library", "Library", "--municipality",
                 "GM0344", "Utrecht", "--lang", "en"]) == 0
    assert "Next steps" in capsys.readouterr().out
    assert Route.open(tmp_path / "en").config.language == "en"
    from routekit.i18n import set_language

    set_language("nl")
    with pytest.raises(SystemExit):
        main(["new", str(tmp_path / "x"), "--library", "L", "--municipality", "GM0344",
              "--language", "en"])
    assert main(["new", str(tmp_path / "y"), "--library", "L"]) == 2
    assert "--municipality CODE [NAAM]" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "y"), "--library", "L", "--municipality", "Utrecht"]) == 2
    assert "'Utrecht' is geen CBS-gemeentecode" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "z"), "--library", "L", "--municipality", "0518",
                 "Den", "Haag"]) == 0
    municipality = Route.open(tmp_path / "z").config.municipality
    assert (municipality.code, municipality.name) == ("GM0518", "Den Haag")


def test_every_argument_has_a_dutch_help_text():
    from routekit.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("new", "check", "import", "report", "lab"):
        for action in sub.choices[name]._actions:
            if action.dest != "help":
                assert action.help, (name, action.dest)


def test_check_says_what_a_new_route_lacks_then_what_is_left(tmp_path, capsys):
    path = tmp_path / "utrecht"
    main(["new", str(path), "--library", "Bibliotheek Utrecht", "--municipality", "GM0344"])
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Alles in orde" not in out and "Nog toe te voegen" in out
    assert "geen wijken en buurten" in out and "geen CBS-cijfers" in out
    assert "geen segmentgegevens" in out and "wijk- en buurtkaart" in out
    assert main(["import", str(path), str(CBS / "kwb-2023-utrecht-gemeente.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "De route kent nu 10 wijken en 111 buurten (121 nieuw)" in out
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "geen CBS-cijfers" not in out and "geen wijken" not in out
    assert "geen segmentgegevens" in out


def test_check_warns_about_areas_of_another_municipality(tmp_path, capsys):
    route = Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"},
                         areas=[{"code": "WK030800", "name": "Baarn-Centrum"},
                                {"code": "Dorp", "name": "Eigen indeling", "kind": "dorp"}])
    assert main(["check", str(route.path)]) == 1
    out = capsys.readouterr().out
    assert "gebied WK030800 (Baarn-Centrum) hoort niet bij je gemeente Utrecht (GM0344)" in out
    assert "Dorp" not in out  # an own area name is not a CBS code of another municipality


def test_check_warns_about_figures_of_another_municipality(tmp_path, capsys):
    from routekit.area import read_key_figures
    from routekit.io import write_table

    route = Route.create(tmp_path / "baarn", library="Bibliotheek Baarn",
                         municipality={"code": "GM0308", "name": "Baarn"})
    folder = route.path / "area" / "cbs"
    folder.mkdir(parents=True)
    write_table(read_key_figures(CBS / "kwb-2022-utrecht.csv").to_kwb(),
                folder / "kerncijfers-2022.csv")  # put there by hand
    assert main(["check", str(route.path)]) == 1
    out = capsys.readouterr().out
    assert "13 gebieden in kerncijfers-2022.csv horen niet bij je gemeente Baarn" in out


def test_import_names_the_cbs_table(tmp_path, capsys):
    path = tmp_path / "utrecht"
    Route.create(path, library="B", municipality={"code": "GM0344"})
    source = tmp_path / "download.csv"
    source.write_bytes((CBS / "statline-nabijheid-2023-utrecht.csv").read_bytes())
    assert main(["import", str(path), str(source), "--table", "nabijheid", "--year", "2023"]) == 0
    assert (path / "area" / "cbs" / "nabijheid-2023.csv").is_file()
    assert "Nabijheid voorzieningen 2023 voor Utrecht" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["check", "data/sample-route"]])
def test_no_traceback_when_the_pipe_closes(argv):
    process = subprocess.Popen([sys.executable, "-m", "routekit.cli", *argv], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # like `| head` that has stopped reading
    error = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in error and "BrokenPipe" not in error
