"""One writer of the many-writers test (run as a separate process by tests/test_many_writers.py).

Usage: ``python tests/concurrent_writer.py ROUTE TAG OUT.json``. Adds 50
stakeholders ``TAG-0`` ... ``TAG-49`` one by one and, between additions, edits
two shared records the way a form does (read, wait, save with ``base=``):
``notes`` of ``bibliotheek`` (both writers change it: merge impossible, a
conflict is expected now and then) and one field of ``wethouder`` of its own
(``TAG`` a: ``notes``, b: ``contact``; always mergeable). Writes what happened
to OUT.json; any exception other than RecordConflict is recorded as a crash.
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback

from routekit.errors import RecordConflict
from routekit.workspace import Route


def main(route_dir: str, tag: str, out: str) -> None:
    rng = random.Random(tag)
    route = Route.open(route_dir)
    log = {"added": [], "saved": [], "refused": [], "own": [], "crash": None}
    own_field = "notes" if tag == "a" else "contact"
    try:
        for number in range(50):
            sid = f"{tag}-{number}"
            route.upsert("stakeholders", {"id": sid, "name": f"Nieuw {tag} {number}",
                                          "kind": "person", "sector": "residents"})
            log["added"].append(sid)
            if number % 3 == 0:
                base = route.get("stakeholders", "bibliotheek")
                time.sleep(rng.uniform(0, 0.02))
                value = f"{tag} {number}"
                try:
                    route.upsert("stakeholders", {"notes": value}, base=base)
                    log["saved"].append(value)
                except RecordConflict as conflict:
                    assert conflict.current is not None and conflict.fields == ["notes"]
                    log["refused"].append(value)
            if number % 5 == 0:
                base = route.get("stakeholders", "wethouder")
                time.sleep(rng.uniform(0, 0.02))
                value = f"{tag} {number}"
                route.upsert("stakeholders", {own_field: value}, base=base)
                log["own"].append(value)
    except Exception:  # noqa: BLE001 - recorded for the test to show
        log["crash"] = traceback.format_exc()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(log, handle)


if __name__ == "__main__":
    main(*sys.argv[1:4])
