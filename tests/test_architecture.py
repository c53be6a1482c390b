"""The import rules of docs/architecture.md, checked on the source with ``ast``.

An import edge is what an import statement names: ``import a.b`` → ``a.b``;
``from a.b import c`` → ``a.b`` and, when ``c`` is a module, ``a.b.c``. The
implicit import of a parent package (``routekit.area`` before
``routekit.area.cbs``) is not an edge. "Module level" means statements of the
module body (also inside top-level ``if``/``try``), not inside functions and not
under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "routekit"
HEAVY = ("matplotlib", "geopandas", "ipywidgets")
STAGES = ("organisation", "conversations", "area", "stakeholders", "network", "personas",
          "strategy", "plan", "community")
"""The route's stages, each a package ``routekit/<stage>/`` (docs/architecture.md)."""
FILE_LAYERS = ("files", "importer", "report", "word", "excel", "ics", "template", "export",
               "actormap")
"""Names of a stage's modules that read the user's files or write documents: they may touch
disk (a route only through ``stored``)."""
PLOT_KIT = ("routekit.house", "routekit.style", "routekit.labels", "routekit.plotcheck")
LIGHT_IMPORTS = ("routekit", "routekit.workspace", "routekit.cli", "routekit.records",
                 *(f"routekit.{stage}" for stage in STAGES))
"""Modules a command or notebook imports first: they must not pay for drawing or widgets."""
NOT_IN_COMPUTE = ("routekit.workspace", "routekit.storage", "routekit.ui",
                  "routekit.report", "routekit.documents", *PLOT_KIT, "matplotlib",
                  "ipywidgets")
"""What a compute module may not import, not even inside a function."""
DISK = ("read_table", "write_table")
"""routekit.io functions that touch disk (its parsers such as to_number are compute)."""


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every routekit module (not the package data under routekit/data/)."""
    return {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))
            if not path.relative_to(PACKAGE).parts[0] == "data"}


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return getattr(test, "id", None) == "TYPE_CHECKING" or getattr(test, "attr", None) == \
        "TYPE_CHECKING"


def _statements(tree: ast.Module, *, module_level: bool):
    if not module_level:
        yield from (node for node in ast.walk(tree)
                    if isinstance(node, ast.Import | ast.ImportFrom))
        return
    todo = list(tree.body)
    while todo:
        node = todo.pop(0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and not _type_checking(node):
            todo += node.body + node.orelse
        elif isinstance(node, ast.Try):
            todo += node.body + node.orelse + node.finalbody
            todo += [child for handler in node.handlers for child in handler.body]


@cache
def imports(module: str, *, module_level: bool) -> frozenset[str]:
    """The modules *module* names in its import statements (absolute names)."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    named = set()
    for node in _statements(ast.parse(path.read_text(encoding="utf-8")), module_level=module_level):
        if isinstance(node, ast.Import):
            named.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            parent = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join(parent + ([node.module] if node.module else []))
        named.add(base)
        named.update(f"{base}.{alias.name}" for alias in node.names
                     if f"{base}.{alias.name}" in modules())
    return frozenset(named)


def _imports_library(module: str, library: str, *, module_level: bool) -> bool:
    return any(name == library or name.startswith(f"{library}.")
               for name in imports(module, module_level=module_level))


def _relative(module: str) -> str:
    return str(modules()[module].relative_to(ROOT))


def stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def _layer_part(module: str) -> str | None:
    """The module's name inside its stage package (``plot`` for ``area.plot.reach``)."""
    parts = module.split(".")
    return parts[2] if stage_of(module) and len(parts) > 2 else None


def is_ui(module: str) -> bool:
    return module.startswith("routekit.ui.") or module == "routekit.ui"


def is_plot(module: str) -> bool:
    """A stage's ``plot`` module or ``plot/`` package, and the plot kit."""
    return module in PLOT_KIT or _layer_part(module) == "plot"


def is_stored(module: str) -> bool:
    """The one module per stage that reads and writes the route workspace."""
    return _layer_part(module) == "stored"


def is_files(module: str) -> bool:
    return _layer_part(module) in FILE_LAYERS


def is_compute(module: str) -> bool:
    """A module of a stage package that is no plot, stored, files module or package face."""
    return (_layer_part(module) is not None
            and not (is_plot(module) or is_stored(module) or is_files(module)))


def _offenders(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {file: names for file, names in found.items() if names}


def test_the_rules_see_the_whole_package():
    assert len(modules()) > 100
    assert is_plot("routekit.area.plot.pyramid") and is_plot("routekit.stakeholders.plot.lewin")
    assert is_plot("routekit.network.plot") and is_plot("routekit.style")
    assert is_stored("routekit.plan.stored") and is_files("routekit.area.files.cbs")
    assert is_compute("routekit.area.cbs") and is_compute("routekit.community.sharing")
    assert not is_compute("routekit.area") and not is_compute("routekit.personas.report")
    assert is_ui("routekit.ui.kit")
    assert "routekit.records" in imports("routekit.workspace", module_level=True)
    assert "routekit.area.plot" in imports("routekit.ui.area", module_level=True)


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_its_package_records_and_form(stage):
    """The layout reads as the route: a stage's compute, route access, records and form are
    found from the folder names alone."""
    assert f"routekit.{stage}" in modules()
    assert f"routekit.{stage}.stored" in modules(), f"routekit/{stage}/stored.py"
    assert f"routekit.records.{stage}" in modules(), f"routekit/records/{stage}.py"
    assert f"routekit.ui.{stage}" in modules(), f"routekit/ui/{stage}.py"
    assert any(is_compute(module) and stage_of(module) == stage for module in modules())


def test_nothing_outside_the_stage_packages_is_a_stage_module():
    loose = [name for name in modules() if name.count(".") == 1
             and modules()[name].name != "__init__.py"
             and name.split(".")[1].startswith(("organisation", "conversation", "ownership",
                                                "community"))]
    assert not loose, f"stage modules outside their package: {loose}"


def test_compute_modules_take_no_route_read_no_files_and_draw_nothing():
    offenders = {_relative(module): sorted(
        name for name in imports(module, module_level=False)
        if name.startswith(NOT_IN_COMPUTE) or is_plot(name) or is_stored(name)
        or is_files(name)) for module in modules() if is_compute(module)}
    assert not _offenders(offenders), "compute modules must take plain data (docs/architecture.md)"


def test_compute_functions_take_no_route_and_touch_no_disk():
    offenders = []
    for module in filter(is_compute, modules()):
        tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
        offenders += [f"{_relative(module)}: {node.name}(route)" for node in tree.body
                      if isinstance(node, ast.FunctionDef) and node.args.args
                      and node.args.args[0].arg == "route"]
        offenders += [f"{_relative(module)}: {alias.name}" for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) for alias in node.names
                      if alias.name in DISK]
    assert not offenders, f"compute functions taking the route (belong in stored.py): {offenders}"


def test_plot_modules_draw_what_they_are_given():
    """Stage plot modules read no route, file or form; their charts are ``plot_*(…, *, ax=None,
    size=…)`` returning the Axes, or ``*_figure`` returning a Figure."""
    forbidden = ("routekit.workspace", "routekit.storage", "routekit.io", "routekit.ui",
                 "ipywidgets")
    misnamed, offenders = [], {}
    for module in modules():
        if not is_plot(module) or module in PLOT_KIT:
            continue
        offenders[_relative(module)] = sorted(
            name for name in imports(module, module_level=False)
            if name.startswith(forbidden) or is_stored(name) or is_files(name))
        tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
        public = [node for node in tree.body if isinstance(node, ast.FunctionDef)
                  and not node.name.startswith("_")]
        misnamed += [f"{module}.{node.name}" for node in public
                     if node.name.startswith(("draw_", "chart_")) or node.name.endswith("_chart")]
        misnamed += [f"{module}.{node.name}: *, ax=None" for node in public
                     if node.name.startswith("plot_")
                     and "ax" not in [arg.arg for arg in node.args.kwonlyargs]]
    assert not _offenders(offenders)
    assert not misnamed, misnamed


def test_no_side_channels_on_axes_or_frames():
    """Results are return values: no ``DataFrame.attrs``, no ``routekit_*`` attributes on Axes."""
    offenders = []
    for module, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and (
                    node.attr == "attrs" or node.attr.startswith("routekit_")):
                offenders.append(f"{_relative(module)}:{node.lineno} .{node.attr}")
    assert not offenders, offenders


def test_no_import_cycle_among_routekit_modules_at_module_level():
    graph = nx.DiGraph()
    for module in modules():
        graph.add_node(module)
        graph.add_edges_from((module, other) for other in imports(module, module_level=True)
                             if other in modules() and other != module)
    cycles = [" → ".join(cycle + cycle[:1]) for cycle in nx.simple_cycles(graph)]
    assert not cycles, "import cycles at module level:\n" + "\n".join(cycles)


def test_no_import_cycle_in_the_plot_kit_even_inside_functions():
    graph = nx.DiGraph((module, other) for module in PLOT_KIT
                       for other in imports(module, module_level=False) if other in PLOT_KIT
                       and other != module)
    assert not list(nx.simple_cycles(graph))


def test_only_forms_import_ipywidgets():
    offenders = [_relative(module) for module in modules() if not is_ui(module)
                 and _imports_library(module, "ipywidgets", module_level=False)]
    assert not offenders, f"modules outside routekit/ui/ importing ipywidgets: {offenders}"


def test_only_plot_modules_import_matplotlib_at_module_level():
    offenders = [_relative(module) for module in modules()
                 if not is_plot(module)
                 and _imports_library(module, "matplotlib", module_level=True)]
    assert not offenders, f"import matplotlib inside the functions that draw: {offenders}"


def test_nothing_but_the_forms_imports_the_forms():
    offenders = [_relative(module) for module in modules() if not is_ui(module)
                 and any(is_ui(name) for name in imports(module, module_level=False))]
    assert not offenders, f"modules outside routekit/ui/ importing routekit.ui: {offenders}"


def test_records_import_only_records_errors_and_texts():
    allowed = ("routekit.records", "routekit.errors", "routekit.i18n")
    offenders = {_relative(module): sorted(name for name in found if name.startswith("routekit")
                                           and not name.startswith(allowed))
                 for module in modules() if module.startswith("routekit.records")
                 for found in [imports(module, module_level=False)]}
    assert not _offenders(offenders)


def test_importing_routekit_stays_light():
    script = ("import sys\n"
              f"for name in {LIGHT_IMPORTS!r}:\n"
              "    __import__(name)\n"
              f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"importing {LIGHT_IMPORTS} pulls in {result.stdout}"
