"""How long a form takes to save a change and redraw, as a librarian makes it.

Times each form's typical change on a scratch copy of the sample route, from
the widget change to the redrawn chart and tables, figures rendered to PNG the
way Jupyter shows them (a Figure given to ``display`` is rendered as the inline
backend does; what the kit already rendered is not rendered again):

- krachtenveld: a slider (influence) of a stakeholder in the 04b board;
- network: a relation added in the 04c board;
- area: another area chosen in the 04a form;
- plan: an activity's name changed and saved in the 07 editor.

Prints median and max wall time and CPU time per change (the machine is shared:
CPU time is the steadier number). Target: every median under 300 ms.
``ROUTEKIT_BENCH_BASELINE=<git revision>`` also runs the same changes on that
revision's code (exported with ``git archive``) and prints the ratio of CPU times
(old / new): both codes run in fresh interpreters, taking turns twice, and the
times of both turns are pooled.
Run: ``python -m benchmarks interaction`` (``ROUTEKIT_BENCH_REPEAT`` changes the count,
``ROUTEKIT_BENCH_CASES=krachtenveld,plan`` runs some cases only).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEAT = int(os.environ.get("ROUTEKIT_BENCH_REPEAT", 7))
TARGET_MS = 300.0


def _jupyter_display(*objects, **_kw) -> None:
    """``IPython.display.display`` as a notebook page costs it: figures become PNG."""
    from matplotlib.figure import Figure

    for item in objects:
        if isinstance(item, Figure):  # what matplotlib-inline does with a figure
            item.canvas.print_figure(io.BytesIO(), format="png", bbox_inches="tight")
        elif hasattr(item, "to_html"):
            item.to_html()


def _scratch(folder: Path):
    from routekit.workspace import Route

    target = folder / "de-sleutel"
    shutil.copytree(ROOT / "data" / "sample-route", target,
                    ignore=shutil.ignore_patterns(".backup"))
    return Route.open(target)


def _krachtenveld(route):
    from routekit.ui.stakeholders import KrachtenveldBoard

    board = KrachtenveldBoard(route, "eenzaamheid", export_dir=route.path / "export")
    board.people.pick.value = "welzijn"
    values = iter([2, 4] * REPEAT)

    def change():
        board.people.influence.value = next(values)
    return change


def _network(route):
    from routekit.ui.network import NetworkBoard

    board = NetworkBoard(route, export_dir=route.path / "export")
    form = board.relations
    people = [value for _, value in form.source.options]
    existing = {(r.source, r.target) for r in route.records("relations")}
    pairs = iter([(a, b) for a in people for b in people
                  if a < b and (a, b) not in existing and (b, a) not in existing])

    def change():
        form.source.value, form.target.value = next(pairs)
        form.kind.value = "information"
        form.add.click()
    return change


def _area(route):
    from routekit.ui.area import AreaForm

    form = AreaForm(route)
    codes = []
    for _, code in form.areas.options:  # areas the code at hand can show
        try:
            form.areas.value = (code,)
        except ValueError:
            continue
        codes.append(code)
    choices = iter([(codes[i % len(codes)],) for i in range(2 * REPEAT + 2)])

    def change():
        form.areas.value = next(choices)
    return change


def _plan(route):
    from routekit.ui.plan import PlanEditor

    editor = PlanEditor(route)
    form = editor.activities
    form.pick.value = "a09"
    names = iter([f"Buurtkamer open, ronde {i}" for i in range(2 * REPEAT + 2)])
    saves_at_once = hasattr(form, "_on_edit")  # the kit's policy; older code had a button

    def change():
        form.name.value = next(names)
        if not saves_at_once:
            form.save.click()
    return change


CASES = {"krachtenveld slider": _krachtenveld, "network relation added": _network,
         "area selection": _area, "plan activity saved": _plan}


def measure() -> dict[str, dict[str, list[float]]]:
    """Wall and CPU milliseconds of every change, per case."""
    import IPython.display
    import matplotlib

    matplotlib.use("Agg")
    IPython.display.display = _jupyter_display
    wanted = os.environ.get("ROUTEKIT_BENCH_CASES", "")  # e.g. "krachtenveld,plan"
    results = {}
    for name, setup in CASES.items():
        if wanted and not any(name.startswith(w.strip()) for w in wanted.split(",")):
            continue
        with tempfile.TemporaryDirectory() as folder, \
                contextlib.redirect_stdout(io.StringIO()):
            change = setup(_scratch(Path(folder)))
            change()  # warm: imports and caches
            wall, cpu = [], []
            for _ in range(REPEAT):
                start, start_cpu = time.perf_counter(), time.process_time()
                change()
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
        results[name] = {"wall": wall, "cpu": cpu}
    return results


def _in_fresh_process(root: Path) -> dict | None:
    """:func:`measure` on the code in *root*, in a fresh interpreter."""
    env = os.environ | {"PYTHONPATH": str(root)}
    env.pop("ROUTEKIT_BENCH_BASELINE", None)
    run = subprocess.run([sys.executable, str(root / "benchmarks" / "interaction_benchmark.py"),
                          "--json"], capture_output=True, text=True, env=env, cwd=root,
                         check=False)
    if run.returncode:
        print(f"{root} failed:\n{run.stderr[-2000:]}")
        return None
    return json.loads(run.stdout.strip().splitlines()[-1])


def _compared(revision: str, rounds: int = 2) -> tuple[dict, dict] | None:
    """The changes timed on this code and on *revision*'s, each in fresh interpreters taking
    turns (*rounds* each), so a busy spell on the shared machine falls on both."""
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "routekit",
                                  "data"], capture_output=True, check=False)
        if archive.returncode:
            print(f"baseline {revision}: {archive.stderr.decode().strip()}")
            return None
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        script = Path(folder) / "benchmarks" / "interaction_benchmark.py"
        script.parent.mkdir()
        shutil.copy(__file__, script)
        pooled: tuple[dict, dict] = ({}, {})
        for _ in range(rounds):
            for root, into in ((ROOT, pooled[0]), (Path(folder), pooled[1])):
                found = _in_fresh_process(root)
                if found is None:
                    return None
                for name, times in found.items():
                    for key, values in times.items():
                        into.setdefault(name, {}).setdefault(key, []).extend(values)
        return pooled


def main() -> None:
    revision = os.environ.get("ROUTEKIT_BENCH_BASELINE")
    compared = _compared(revision) if revision else None
    results, old = compared if compared else (measure(), None)
    print(f"{'change':<24} {'median':>8} {'max':>8} {'cpu med':>8} {'cpu max':>8}"
          + (f" {'old med':>8} {'old cpu':>8} {'ratio':>6}" if old else "") + "   (ms)")
    for name, times in results.items():
        median = statistics.median(times["wall"])
        cpu = statistics.median(times["cpu"])
        line = (f"{name:<24} {median:8.0f} {max(times['wall']):8.0f} "
                f"{cpu:8.0f} {max(times['cpu']):8.0f}")
        if old and name in old:  # the ratio of CPU times: steadier on a shared machine
            before, before_cpu = (statistics.median(old[name][k]) for k in ("wall", "cpu"))
            line += f" {before:8.0f} {before_cpu:8.0f} {before_cpu / cpu:5.1f}x"
        mark = "ok" if median < TARGET_MS else f"over {TARGET_MS:.0f} ms"
        print(f"{line}   {mark}")


if __name__ == "__main__":
    if "--json" in sys.argv:
        print(json.dumps(measure()))
    else:
        main()
