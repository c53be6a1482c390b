"""Regenerate the fictional sample route "De Sleutel" in data/sample-route/.

Everything here is invented: the library "Bibliotheek De Sleutel" comes from the
Cubiss Routekaart's story, the municipality "Sleutelwaard", its areas, people,
organisations and figures do not exist. The output is deterministic (seeded), so
running this again gives the same files.

Usage::

    python data/make_sample.py [--out data/sample-route] [--seed 20261125]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "generate"))

import sample_area  # noqa: E402
import sample_records  # noqa: E402

from routekit.workspace import Route  # noqa: E402

SEED = 20261125

ROUTE = {
    "library": "Bibliotheek De Sleutel",
    "municipality": {"code": "GM9901", "name": "Sleutelwaard"},
    "areas": [
        {"code": "WK990101", "name": "Sleutelstad Centrum", "kind": "stad",
         "branch": "Hoofdvestiging Sleutelstad"},
        {"code": "WK990102", "name": "Sleutelstad Oost", "kind": "stad"},
        {"code": "WK990103", "name": "Sleutelstad West", "kind": "stad"},
        {"code": "WK990104", "name": "Sleutelstad Zuid", "kind": "stad"},
        {"code": "WK990105", "name": "Ambachtsveen", "kind": "dorp",
         "branch": "Vestiging Ambachtsveen"},
        {"code": "WK990106", "name": "Heidebroek", "kind": "dorp",
         "branch": "Vestiging Heidebroek"},
        {"code": "WK990107", "name": "Lindewaard", "kind": "dorp",
         "branch": "Vestiging Lindewaard"},
    ],
    "themes": [
        {"id": "eenzaamheid", "name": "Eenzaamheid onder ouderen",
         "goal": "Minder eenzaamheid onder ouderen in Sleutelwaard door ontmoeting in en "
                 "rond de bibliotheek"},
        {"id": "laaggeletterdheid", "name": "Laaggeletterdheid en digitale inclusie",
         "goal": "Meer inwoners die mee kunnen doen: taal- en digitale vaardigheden "
                 "dichtbij huis"},
        {"id": "leefbaarheid-heidebroek", "name": "Leefbaarheid in Heidebroek",
         "goal": "Een levendig Heidebroek waar inwoners samen plannen maken en uitvoeren"},
    ],
    "language": "nl",
    "style": {"name": "Bibliotheek De Sleutel", "primary": "#1f4e79", "accent": "#e07b00"},
    "fictional": True,
    "notice": "Fictief voorbeeld: Bibliotheek De Sleutel, de gemeente Sleutelwaard en alle "
              "personen, organisaties en cijfers in deze route zijn verzonnen.",
}


def build(out: Path, seed: int = SEED) -> Route:
    """Write the whole sample route into *out* (emptied first) and return it."""
    if out.exists():
        shutil.rmtree(out)
    Route.create(out, **ROUTE)
    sample_area.build(out, seed)
    sample_records.build(out, seed)
    return Route.open(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "sample-route")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    route = build(args.out, args.seed)
    problems = route.check()
    for problem in problems:
        print(problem)
    print(f"sample route written to {args.out} ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
