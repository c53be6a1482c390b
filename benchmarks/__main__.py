"""Run all benchmarks: ``python -m benchmarks`` (or ``python -m benchmarks area``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name.endswith("_benchmark"))
    wanted = [n for n in names if not argv or any(n.startswith(a) for a in argv)]
    for name in wanted:
        print(f"== {name}")
        importlib.import_module(f"benchmarks.{name}").main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
