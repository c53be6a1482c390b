"""Test-wide set-up: scratch copies of the sample route and a clean home folder.

Notebooks (run by nbval) and tests read the route named by ``ROUTEKIT_ROUTE``;
each notebook gets its own fresh copy of ``data/sample-route`` (set just before
its kernel starts), so notebooks never change the committed sample nor each
other's results. Jupyter, IPython and matplotlib write settings into a
temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT / "data" / "sample-route"
_state: dict = {}
# routekit/data/ holds symlinks to data/ and notebooks/ (package data): collect them only once
collect_ignore = ["routekit/data"]


def _fresh_route(name: str, folder: str = "routes") -> Path:
    target = _state["scratch"] / folder / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns(".backup"))
    return target


def pytest_configure(config):
    scratch = Path(tempfile.mkdtemp(prefix="routekit-test-"))
    _state["scratch"] = scratch
    for var in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
                "IPYTHONDIR", "MPLCONFIGDIR"):
        os.environ[var] = str(scratch / var.lower())
    os.environ["ROUTEKIT_ROUTE"] = str(_fresh_route("shared"))
    os.environ.setdefault("ROUTEKIT_FIGURES", str(ROOT / "test-output"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    notebook = item.parent
    if str(getattr(notebook, "path", "")).endswith(".ipynb") and \
            _state.get("notebook") is not notebook:
        _state["notebook"] = notebook
        os.environ["ROUTEKIT_ROUTE"] = str(_fresh_route(Path(notebook.path).stem))


@pytest.fixture(autouse=True)
def _doctest_folder(request, monkeypatch):
    """Run a doctest in its module's scratch folder (with ``data/sample-route``), on Agg."""
    item = request.node
    if not isinstance(item, pytest.DoctestItem):
        yield
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    module = item.parent
    name = module.nodeid.removesuffix(".py").replace("/", ".")
    folder = _state["scratch"] / "doctests" / name
    if _state.get("doctest_module") is not module:
        _state["doctest_module"] = module
        shutil.rmtree(folder, ignore_errors=True)
        _fresh_route("sample-route", f"doctests/{name}/data")
    monkeypatch.chdir(folder)
    _output_widgets_keep_output(monkeypatch)
    yield
    plt.close("all")
    from routekit.i18n import set_language
    from routekit.style import set_style

    set_language("nl")  # notebook.start() applies the route's language and style
    set_style()


def _output_widgets_keep_output(monkeypatch):
    """What a form shows in an ``ipywidgets.Output`` stays in the widget, as in Jupyter.

    Without a kernel, ipywidgets prints it (and clearing prints escape codes) to
    stdout, where a doctest would compare it with the example's output.
    """
    import ipywidgets

    redirects = []

    def enter(self):
        redirects.append(contextlib.redirect_stdout(io.StringIO()))
        redirects[-1].__enter__()
        return self

    def leave(self, *exc):
        redirects.pop().__exit__(*exc)

    monkeypatch.setattr(ipywidgets.Output, "__enter__", enter)
    monkeypatch.setattr(ipywidgets.Output, "__exit__", leave)
    monkeypatch.setattr(ipywidgets.Output, "clear_output", lambda self, *args, **kw: None)


def pytest_unconfigure(config):
    shutil.rmtree(_state.get("scratch", ""), ignore_errors=True)
