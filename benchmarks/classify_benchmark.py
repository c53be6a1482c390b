"""Open classification at national scale: 14,000 buurten × 40 key-figure columns.

Generates in memory a national key-figure table in routekit's names (the
shape ``read_key_figures`` gives for a national kwb file): about 14,000
buurten in 342 municipalities, drawn around eight made-up neighbourhood
profiles with noise, some small buurten and suppressed cells, and the
columns CBS did not publish for the year left empty. Then times
:func:`routekit.area.classify.classify` (groups 4–15 by silhouette, types
within groups, 10 restarts) and checks it twice gives the same classes.
Target: under 10 s on this machine. Run: ``python -m benchmarks classify``
(``ROUTEKIT_BENCH_BUURTEN`` sets the number of buurten).
"""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd

N_BUURTEN = int(os.environ.get("ROUTEKIT_BENCH_BUURTEN", 14_000))
N_MUNICIPALITIES = 342
TARGET_S = 10.0


def national_frame(n: int = N_BUURTEN, *, seed: int = 0) -> pd.DataFrame:
    """A generated national key-figure table (buurten only), 40 columns."""
    from routekit.area.cbs import VARIABLES

    rng = np.random.default_rng(seed)
    kinds = rng.integers(0, 8, n)
    centre = rng.uniform(0.5, 1.5, (8, 12))
    inhabitants = np.round(rng.lognormal(7, 1.1, n))
    households = np.round(inhabitants / rng.uniform(1.5, 2.9, n))
    ages = centre[kinds, :5] * rng.uniform(0.7, 1.3, (n, 5))
    ages /= ages.sum(axis=1, keepdims=True)
    types = centre[kinds, 5:8] * rng.uniform(0.7, 1.3, (n, 3))
    types /= types.sum(axis=1, keepdims=True)
    codes = [f"BU{i % N_MUNICIPALITIES + 1:04d}{i // N_MUNICIPALITIES:04d}" for i in range(n)]
    frame = pd.DataFrame(index=pd.Index(codes, name="code"))
    frame["name"] = [f"Buurt {i}" for i in range(n)]
    frame["level"] = "buurt"
    frame["municipality"] = [f"Gemeente {c[2:6]}" for c in codes]
    frame["year"] = 2023
    frame["wijk"] = ["WK" + c[2:8] for c in codes]
    columns = {"inhabitants": inhabitants, "households": households}
    for j, name in enumerate(("age_0_14", "age_15_24", "age_25_44", "age_45_64",
                              "age_65_plus")):
        columns[name] = np.round(inhabitants * ages[:, j])
    for j, name in enumerate(("one_person_households", "households_without_children",
                              "households_with_children")):
        columns[name] = np.round(households * types[:, j])
    columns["men"] = np.round(inhabitants * rng.uniform(0.45, 0.55, n))
    columns["women"] = inhabitants - columns["men"]
    columns["household_size"] = np.round(inhabitants / households, 1)
    columns["density"] = np.round(rng.lognormal(7, 1, n) * centre[kinds, 8])
    columns["address_density"] = np.round(columns["density"] / 2)
    columns["owner_occupied_pct"] = np.clip(np.round(50 * centre[kinds, 9]
                                                     + rng.normal(0, 10, n)), 0, 100)
    columns["rented_pct"] = 100 - columns["owner_occupied_pct"]
    columns["woz_value"] = np.round(350 * centre[kinds, 10] * rng.uniform(0.8, 1.2, n))
    columns["dwellings"] = np.round(households * 1.05)
    education = centre[kinds, 8:11] * rng.uniform(0.7, 1.3, (n, 3))
    education /= education.sum(axis=1, keepdims=True)
    for j, name in enumerate(("education_low", "education_middle", "education_high")):
        columns[name] = np.round(inhabitants * 0.7 * education[:, j])
    columns["distance_library_km"] = np.round(rng.lognormal(0, 0.8, n) * centre[kinds, 11], 1)
    columns["distance_gp_km"] = np.round(rng.lognormal(-0.3, 0.6, n), 1)
    columns["distance_school_km"] = np.round(rng.lognormal(-0.4, 0.6, n), 1)
    for name in ("area_ha", "land_ha", "water_ha", "urbanity"):
        columns[name] = np.round(rng.uniform(1, 500, n))
    for name in ("income_per_recipient", "income_per_inhabitant", "low_income_persons_pct",
                 "high_income_persons_pct", "low_income_households_pct",
                 "high_income_households_pct"):
        columns[name] = np.nan  # not yet published in the first release of a year
    for name, values in columns.items():
        frame[name] = np.asarray(values, dtype=float)
    suppressed = rng.random(frame.shape[0]) < 0.02  # a few buurten with secret figures
    frame.loc[suppressed, ["woz_value", "owner_occupied_pct", "rented_pct"]] = np.nan
    known = [v[0] for v in VARIABLES]
    assert set(frame.columns) - {"name", "level", "municipality", "year", "wijk"} <= set(known)
    return frame


def main() -> None:
    from routekit.area.classify import classify

    frame = national_frame()
    print(f"{len(frame):,} buurten × {frame.shape[1]} kolommen (gegenereerd)")
    import sklearn.cluster  # noqa: F401  (import time is not classification time)

    start, cpu = time.perf_counter(), time.process_time()
    result = classify(frame, year=2023)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    again = classify(frame.sample(frac=1.0, random_state=1), year=2023)
    same = result.areas["type"].equals(again.areas["type"])
    left = int(result.unclassified.sum())
    print(f"classify: {seconds:.1f} s ({cpu:.1f} s CPU; more time than CPU = a busy machine) "
          f"for {len(result.groups)} groups and {len(result.types)} types; {left} buurten "
          f"not classified; target < {TARGET_S:.0f} s: "
          f"{'ok' if seconds < TARGET_S else 'TOO SLOW'}")
    print(f"same classes after shuffling the rows: {'yes' if same else 'NO'}")
    print(f"dropped: {', '.join(result.dropped)}")


if __name__ == "__main__":
    main()
