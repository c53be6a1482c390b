"""A normal (non-editable) install works: sample route, templates and notebooks are in the wheel.

Builds the wheel from a copy of the project, installs it into a fresh venv in a
temporary folder, and from a folder outside the project runs ``routekit new
--sample`` and the plan export with the built-in Word template there. The
venv reuses the test environment's dependencies through a ``.pth`` line added
after the install, so nothing is downloaded but the build backend; routekit
itself comes from the wheel (checked through ``routekit.__file__``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("routekit/data/sample-route/route.yaml",
           "routekit/data/sample-route/area/segments.csv",
           "routekit/data/templates/projectplan-sjabloon.docx",
           "routekit/data/notebooks/00_start.ipynb",
           "routekit/locales/core.yaml")


def _run(command, *, cwd, env, timeout=120) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(python, routekit script, work folder, clean environment) of a venv holding the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # building writes build/ and *.egg-info: never into the checkout
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".backup",
                                  "export", ".routekit.lock*")
    for name in ("routekit", "data", "notebooks"):
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=junk)
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "ROUTEKIT_ROUTE", "ROUTEKIT_HOME", "VIRTUAL_ENV")}
    wheels = base / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", str(source),
          "-w", str(wheels)], cwd=base, env=env, timeout=300)
    (wheel,) = wheels.glob("routekit-*.whl")
    venv = base / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=base, env=env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
          "--no-deps", "--ignore-installed", str(wheel)], cwd=base, env=env, timeout=300)
    purelib = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                   cwd=base, env=env).stdout.strip()
    # the test environment's dependencies (pandas, docxtpl, ...), behind the venv's own packages
    Path(purelib, "zz-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = base / "work"
    work.mkdir()
    return {"python": python, "routekit": venv / "bin" / "routekit", "work": work, "env": env,
            "wheel": wheel, "venv": venv}


def test_wheel_holds_the_package_data(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    assert not [name for name in SHIPPED if name not in names]
    assert not [name for name in names if name.endswith("make_template.py")]


def test_installed_routekit_makes_a_sample_route_and_fills_the_template(installed):
    work, env = installed["work"], installed["env"]
    result = _run([str(installed["routekit"]), "new", "routes/oefen", "--sample"], cwd=work,
                  env=env)
    assert (work / "routes" / "oefen" / "route.yaml").is_file(), result.stdout
    script = """
import json, routekit, routekit.app, routekit.notebook as nb
from routekit.plan.export import export_document
from routekit.plan.template import EXAMPLE_TEMPLATE
from routekit.workspace import Route
path = export_document(Route.open("routes/oefen"), "template")
print(json.dumps({"routekit": routekit.__file__, "template": str(EXAMPLE_TEMPLATE),
                  "sample": str(nb.SAMPLE_ROUTE), "home": str(nb.PROJECT_ROOT),
                  "working": str(nb.WORKING_ROUTE), "document": str(path.resolve()),
                  "notebooks": str(nb.notebooks_folder()),
                  "served": routekit.app.voila_command(8866)[3]}))
"""
    found = json.loads(_run([str(installed["python"]), "-c", script], cwd=work,
                            env=env).stdout.splitlines()[-1])
    venv = str(installed["venv"].resolve())
    assert found["routekit"].startswith(venv)
    assert found["template"].startswith(venv) and found["sample"].startswith(venv)
    assert Path(found["home"]) == work  # routes/ live in the current folder, not site-packages
    assert Path(found["working"]) == work / "routes" / "de-sleutel"
    document = Path(found["document"])
    assert document.is_relative_to(work / "routes" / "oefen" / "export") and document.is_file()
    import docx

    text = "\n".join(p.text for p in docx.Document(str(document)).paragraphs)
    assert "Bibliotheek De Sleutel" in text and "{{" not in text
    assert Path(found["notebooks"]) == Path(found["served"]) == work / "notebooks"
    assert (work / "notebooks" / "00_start.ipynb").is_file()
