"""Run notebooks on a scratch copy of the sample route and keep only checked outputs.

Cells whose source starts with ``# NBVAL_CHECK_OUTPUT`` keep their outputs (but images),
which nbval compares in ``make test``; all other outputs are removed so the
notebooks stay small. Run after changing a notebook or what a checked cell prints::

    .venv/bin/python scripts/refresh_notebooks.py [notebooks/04a_gebiedsanalyse.ipynb ...]
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
CHECK = "# NBVAL_CHECK_OUTPUT"


def refresh(path: Path, route: Path) -> None:
    """Execute *path* against *route* and strip all but the checked outputs."""
    notebook = nbformat.read(path, as_version=4)
    os.environ["ROUTEKIT_ROUTE"] = str(route)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)  # run timestamps: noise in every diff
        if cell.source.startswith(CHECK):
            cell.outputs = [out for out in cell.outputs
                            if out.output_type == "stream"
                            or "text/plain" in out.get("data", {})]
            for out in cell.outputs:
                if "data" in out:
                    out["data"] = {kind: value for kind, value in out["data"].items()
                                   if not kind.startswith("image/")}
                    out["metadata"] = {}
        else:
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata.pop("widgets", None)  # saved widget state: large and volatile
    nbformat.write(notebook, path)


def main(paths: list[str]) -> None:
    targets = [Path(p) for p in paths] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as scratch:
        for target in targets:
            route = Path(scratch) / target.stem
            shutil.copytree(ROOT / "data" / "sample-route", route,
                            ignore=shutil.ignore_patterns(".backup"))
            refresh(target.resolve(), route)
            print(f"refreshed {target}")


if __name__ == "__main__":
    main(sys.argv[1:])
