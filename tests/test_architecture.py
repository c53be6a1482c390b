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
LIGHT_IMPORTS = ("routekit", "routekit.workspace", "routekit.cli", "routekit.records",
                 "routekit.area", "routekit.stakeholders", "routekit.network", "routekit.personas",
                 "routekit.strategy", "routekit.plan", "routekit.organisation",
                 "routekit.conversations", "routekit.community")
"""Modules a command or notebook imports first: they must not pay for drawing or widgets."""


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


def is_ui(module: str) -> bool:
    return module.startswith("routekit.ui.") or module == "routekit.ui"


def is_plot(module: str) -> bool:
    """Plot modules: routekit/**/plot*/**, routekit/**/plots/**, plot.py, *chart*.py, draw*.py,
    gantt.py."""
    parts = _relative(module).split("/")
    return (any(part.startswith("plot") for part in parts[1:-1]) or parts[-1] == "plot.py"
            or "chart" in parts[-1] or parts[-1].startswith("draw") or parts[-1] == "gantt.py")


def is_compute(module: str) -> bool:
    """Everything that is neither a form (routekit/ui/) nor a plot module."""
    return not (is_ui(module) or is_plot(module))


def test_the_rules_see_the_whole_package():
    assert len(modules()) > 100
    assert is_plot("routekit.area.plot.pyramid") and is_plot("routekit.stakeholders.plot.lewin")
    assert is_plot("routekit.organisation_chart") and is_plot("routekit.plan.charts")
    assert is_plot("routekit.area.plot.pyramid") and is_plot("routekit.stakeholders.plots.lewin")
    assert is_plot("routekit.organisation.plot") and is_plot("routekit.plan.plot")
    assert is_compute("routekit.area.cbs") and is_ui("routekit.ui.kit")
    assert "routekit.records" in imports("routekit.workspace", module_level=True)
    assert "routekit.area.plot" in imports("routekit.ui.area", module_level=True)


SHAPED_STAGES = ("routekit.stakeholders", "routekit.network")
"""Stage packages already in the target shape: compute, ``plot``, ``stored``, documents."""
_STAGE_FILES = ("stored", "report", "export", "actormap")
"""Modules of a stage that may take the Route and touch disk (``stored`` and documents)."""


def _stage_compute(module: str) -> bool:
    return (module.startswith(tuple(f"{stage}." for stage in SHAPED_STAGES))
            and not is_plot(module) and module.rpartition(".")[2] not in _STAGE_FILES)


def test_stage_compute_takes_no_route_and_draws_nothing():
    """Compute modules of a shaped stage import neither the workspace, storage, matplotlib,
    ipywidgets nor a plot module, not even inside a function."""
    assert _stage_compute("routekit.network.metrics")
    assert not _stage_compute("routekit.network.stored") and not _stage_compute(
        "routekit.stakeholders.plot.lewin")
    banned = ("routekit.workspace", "routekit.storage", "matplotlib", "ipywidgets")
    offenders = {_relative(module): sorted(
        name for name in imports(module, module_level=False)
        if name.startswith(banned) or (name in modules() and is_plot(name)))
        for module in modules() if _stage_compute(module)}
    assert not {file: names for file, names in offenders.items() if names}


def test_no_import_cycle_among_routekit_modules_at_module_level():
    graph = nx.DiGraph()
    for module in modules():
        graph.add_node(module)
        graph.add_edges_from((module, other) for other in imports(module, module_level=True)
                             if other in modules() and other != module)
    cycles = [" → ".join(cycle + cycle[:1]) for cycle in nx.simple_cycles(graph)]
    assert not cycles, "import cycles at module level:\n" + "\n".join(cycles)


@pytest.mark.parametrize("layer", [is_plot, is_compute], ids=["plot", "compute"])
def test_only_forms_import_ipywidgets(layer):
    offenders = [_relative(module) for module in modules()
                 if layer(module) and _imports_library(module, "ipywidgets", module_level=False)]
    assert not offenders, f"{layer.__name__} modules importing ipywidgets: {offenders}"


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
    assert not {file: names for file, names in offenders.items() if names}


def test_importing_routekit_stays_light():
    script = ("import sys\n"
              f"for name in {LIGHT_IMPORTS!r}:\n"
              "    __import__(name)\n"
              f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"importing {LIGHT_IMPORTS} pulls in {result.stdout}"


AREA_LAYERS = ("routekit.area.plot", "routekit.area.files", "routekit.area.stored",
               "routekit.area.importer", "routekit.area.report")
"""The area stage's plot, files, route and documents modules; every other module of
``routekit/area/`` is compute."""


def _area_compute() -> list[str]:
    return [module for module in modules() if module.startswith("routekit.area.")
            and not any(module == layer or module.startswith(f"{layer}.")
                        for layer in AREA_LAYERS)]


def test_area_compute_modules_touch_no_route_file_or_drawing():
    forbidden = ("routekit.workspace", "routekit.storage", "routekit.area.stored",
                 "routekit.area.files", "routekit.area.plot", "routekit.style", "routekit.ui",
                 "matplotlib", "ipywidgets")
    assert "routekit.area.reach" in _area_compute()
    offenders = {_relative(module): sorted(name for name in imports(module, module_level=False)
                                           if name.startswith(forbidden))
                 for module in _area_compute()}
    assert not {file: names for file, names in offenders.items() if names}


def test_area_compute_modules_read_and_write_no_tables():
    offenders = []
    for module in _area_compute():
        tree = ast.parse(modules()[module].read_text(encoding="utf-8"))
        offenders += [f"{_relative(module)}: {alias.name}" for node in ast.walk(tree)
                      if isinstance(node, ast.ImportFrom) and node.module == "routekit.io"
                      for alias in node.names if alias.name in ("read_table", "write_table")]
    assert not offenders, f"area compute modules reading or writing files: {offenders}"


def test_area_plot_modules_read_no_files_and_use_the_one_axes_helper():
    for module in modules():
        if not module.startswith("routekit.area.plot."):
            continue
        source = modules()[module].read_text(encoding="utf-8")
        names = imports(module, module_level=False)
        assert not any(n.startswith(("routekit.io", "routekit.area.files", "routekit.area.stored",
                                     "routekit.workspace")) for n in names), module
        tree = ast.parse(source)
        plots = [node for node in tree.body if isinstance(node, ast.FunctionDef)
                 and node.name.startswith("plot_")]
        for node in plots:
            keywords = [arg.arg for arg in node.args.kwonlyargs]
            assert keywords[:2] == ["ax", "size"], f"{module}.{node.name}: *, ax=None, size=..."
            assert "figure_axes(ax, size)" in ast.get_source_segment(source, node), node.name
STAGE_FILES = ("plot", "stored", "report", "word", "excel", "ics", "template", "export")
"""Modules of a stage package that may read the route or draw (the others are compute)."""


@pytest.mark.parametrize("stage", ["organisation", "conversations", "plan", "community"])
def test_compute_modules_of_a_stage_take_no_route_and_draw_nothing(stage):
    forbidden = ("routekit.workspace", "routekit.storage", "matplotlib", "ipywidgets")
    compute = [module for module in modules() if module.startswith(f"routekit.{stage}.")
               and module.rpartition(".")[2] not in STAGE_FILES]
    assert compute
    offenders = {_relative(module): sorted(
        name for name in imports(module, module_level=False)
        if name.startswith(forbidden) or (name in modules() and is_plot(name)))
#: Layers of a stage package that are not compute: drawing, the route, documents.
STAGE_LAYERS = ("plot", "stored", "report")
#: What a compute module of a stage may not import, not even inside a function.
NOT_IN_COMPUTE = ("routekit.workspace", "routekit.storage", "routekit.style", "matplotlib",
                  "ipywidgets")


@pytest.mark.parametrize("stage", ["personas", "strategy"])
def test_compute_modules_of_a_stage_take_plain_data(stage):
    compute = [module for module in modules() if module.startswith(f"routekit.{stage}.")
               and module.rsplit(".", 1)[1] not in STAGE_LAYERS]
    assert compute, f"routekit.{stage} has no compute module"
    offenders = {_relative(module): sorted(
        name for name in imports(module, module_level=False)
        if name.startswith(NOT_IN_COMPUTE) or name.rsplit(".", 1)[-1] in STAGE_LAYERS
        or (name in modules() and is_plot(name)))
        for module in compute}
    assert not {file: names for file, names in offenders.items() if names}
