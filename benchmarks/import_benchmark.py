"""Importing a national CBS kwb workbook: the python-calamine reader vs the old openpyxl one.

Generates (once, into ``benchmarks/data/import/``, git-ignored) a workbook the
size of the national "Kerncijfers wijken en buurten" download: about 18,000
regions (Nederland, 342 gemeenten, 3,300 wijken, 14,400 buurten) × 120 columns,
with the kwb short codes, whole and decimal numbers, and ``.`` for secret
figures. Then times, on the same file:

* old reader -- the reader before this change: every cell through openpyxl and
  routekit's generic ``read_table``, then each figure column through ``to_number``;
* parse -- python-calamine's own parse of the sheet (the floor for any reader);
* read -- :func:`routekit.area.read_key_figures` (calamine, vectorised numbers);
* import -- ``routekit import`` into a new route for one municipality: read,
  cut to the municipality, store ``area/cbs/kerncijfers-2023.csv``, learn the
  route's wijken and buurten.

Prints the times and the ratio old/new. Target: the import under 5 s. Run:
``python -m benchmarks import`` (``ROUTEKIT_BENCH_REGIONS`` sets the number of
regions; ``ROUTEKIT_BENCH_SKIP_OLD=1`` skips the slow old reader).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from unittest import mock

import numpy as np

DATA = Path(__file__).parent / "data" / "import"
N_REGIONS = int(os.environ.get("ROUTEKIT_BENCH_REGIONS", 18_000))
N_COLUMNS = 120
TARGET_S = 5.0


def _layout(n_regions: int) -> list[tuple[str, str, str]]:
    """(code, name, level) rows: Nederland, then per gemeente its wijken and buurten."""
    n_gemeenten = 342
    per_gemeente = max(1, (n_regions - 1) // n_gemeenten - 1)
    rows = [("NL00", "Nederland", "Land")]
    for g in range(1, n_gemeenten + 1):
        rows.append((f"GM{g:04d}", f"Gemeente {g}", "Gemeente"))
        wijken = max(1, per_gemeente // 5)
        for b in range(per_gemeente):
            w = b % wijken
            if b < wijken:
                rows.append((f"WK{g:04d}{w:02d}", f"Wijk {w:02d}", "Wijk"))
            else:
                rows.append((f"BU{g:04d}{w:02d}{b % 100:02d}", f"Buurt {b}", "Buurt"))
    return rows[:n_regions]


def generate(n_regions: int = N_REGIONS) -> Path:
    """Write the national-size workbook once (openpyxl, write-only) and return its path."""
    from openpyxl import Workbook

    from routekit.area.cbs import VARIABLES

    path = DATA / f"kwb-2023-national-{n_regions}.xlsx"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    codes = [v[1] for v in VARIABLES if v[1]]
    header = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs", "gwb_code", "ind_wbi",
              *codes]
    header += [f"x_{i:03d}" for i in range(N_COLUMNS - len(header))]
    n_values = len(header) - 7
    rng = np.random.default_rng(1)
    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("kwb-2023")
    sheet.append(header)
    for code, name, level in _layout(n_regions):
        values = rng.integers(0, 5000, n_values).tolist()
        values[9] = round(float(rng.uniform(1, 3)), 1)  # a decimal figure (household size)
        for i in rng.choice(n_values, 6, replace=False):
            values[i] = "."  # secret / not available
        sheet.append([code, code[2:], name, "Gemeente", level, code, 1, *values])
    partial = path.with_suffix(".tmp")
    book.save(partial)
    partial.rename(path)
    print(f"generated {path.name} in {time.perf_counter() - started:.0f} s")
    return path


def old_reader(path: Path):
    """The CBS Excel reader before python-calamine: openpyxl + read_table + to_number."""
    import routekit.io
    from routekit.io import MISSING_MARKERS, SUPPRESSED_AT_OR_BELOW, read_table, to_number

    with mock.patch.object(routekit.io, "EXCEL_ENGINE", "openpyxl"):
        raw = read_table(path)
    return {column: to_number(raw[column].tolist(), column=column, file=path.name,
                              missing_markers=MISSING_MARKERS,
                              suppressed_at_or_below=SUPPRESSED_AT_OR_BELOW)
            for column in raw.columns[7:]}


def _timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run(n_regions: int = N_REGIONS) -> dict[str, float]:
    """Time the old reader, the new reader and a whole import (seconds)."""
    from python_calamine import CalamineWorkbook

    from routekit.area import read_key_figures
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    path = generate(n_regions)
    times = {}
    times["parse"], _ = _timed(lambda: CalamineWorkbook.from_path(str(path))
                               .get_sheet_by_index(0))
    times["read"], figures = _timed(lambda: read_key_figures(path))
    with tempfile.TemporaryDirectory() as folder:
        route = Route.create(Path(folder) / "route", library="Bibliotheek Benchmark",
                             municipality={"code": "GM0100"})
        times["import"], result = _timed(lambda: import_file(route, "cbs", path))
        learned = len(Route.open(route.path).config.areas)
    if not os.environ.get("ROUTEKIT_BENCH_SKIP_OLD"):
        times["old"], _ = _timed(lambda: old_reader(path))
    times["regions"], times["columns"] = len(figures.table), N_COLUMNS
    times["learned"] = learned
    return times


def main() -> None:
    times = run()
    print(f"national kwb workbook: {times['regions']:,} regions × {times['columns']} columns")
    print(f"  calamine's parse alone:       {times['parse']:6.2f} s (the floor)")
    print(f"  new reader (calamine):        {times['read']:6.2f} s")
    print(f"  import into a route:          {times['import']:6.2f} s "
          f"(route learned {times['learned']} areas)")
    if "old" in times:
        print(f"  old reader (openpyxl):        {times['old']:6.2f} s")
        print(f"  ratio old/new reader:         {times['old'] / times['read']:6.1f}×")
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    print(f"  machine load: {load:.1f} per core (times grow with it)")
    verdict = "OK" if times["import"] < TARGET_S else "TOO SLOW"
    print(f"import: {times['import']:.2f} s (target < {TARGET_S:.0f} s): {verdict}")


if __name__ == "__main__":
    main()
