"""Area analysis at national scale: routekit vs plain pandas groupby vs DuckDB.

Generates (once, into ``benchmarks/data/``, git-ignored) a synthetic national
data set: about 460,000 postcode-6 areas × 50 segment types with households
and member households, postcode-4 areas grouped into 342 municipalities. Then
times, in one run, on the same data:

* load -- CSV to an analysable structure;
* profile -- counts, shares and index of an arbitrary area set (40 postcode-4
  areas, and 5,000 scattered postcode-6 areas) against all areas;
* index table -- index of every postcode-4 area × type;
* reach ranking -- penetration and the under-reached ranking over all areas.

routekit keeps a dense float matrix (areas × types) with integer area
positions and cached level indexes, so a profile is one row selection and a
column sum. The plain pandas version uses a long table and ``groupby``; DuckDB
a long table and SQL. Run: ``python -m benchmarks area`` (``ROUTEKIT_BENCH_AREAS``
sets the number of postcode-6 areas).
"""

from __future__ import annotations

import os
import string
import time
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).parent / "data" / "area"
N_AREAS = int(os.environ.get("ROUTEKIT_BENCH_AREAS", 460_000))
N_GROUPS, N_TYPES, N_MUNICIPALITIES = 10, 50, 342
TARGET_MS = 100.0


def _scheme() -> pd.DataFrame:
    rows = []
    for g in range(N_GROUPS):
        group = string.ascii_uppercase[g]
        rows.append({"level": "group", "code": group, "parent": "", "name": f"Groep {group}"})
        rows += [{"level": "type", "code": f"{group}{i:02d}", "parent": group,
                  "name": f"Type {group}{i:02d}"} for i in range(1, N_TYPES // N_GROUPS + 1)]
    return pd.DataFrame(rows)


def generate(n_areas: int = N_AREAS, seed: int = 7) -> Path:
    """Write the synthetic national files into ``benchmarks/data/area/<n>/`` (once)."""
    folder = DATA / str(n_areas)
    if (folder / "members.csv").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    n_pc4 = max(1, n_areas // 115)
    pc4 = np.arange(1000, 1000 + n_pc4)
    letters = np.array([a + b for a in string.ascii_uppercase for b in string.ascii_uppercase])
    per_pc4 = np.full(n_pc4, n_areas // n_pc4)
    per_pc4[: n_areas - per_pc4.sum()] += 1
    codes = np.concatenate([[f"{p}{s}" for s in letters[:k]] for p, k in zip(pc4, per_pc4,
                                                                            strict=True)])
    scheme = _scheme()
    types = scheme.loc[scheme.level == "type", "code"].to_numpy()
    base = rng.dirichlet(np.full(N_TYPES, 0.8))
    local = rng.gamma(0.6, 1 / 0.6, (n_areas, N_TYPES)) * base
    size = rng.gamma(2.0, 8.0, n_areas)[:, None]
    households = rng.poisson(local / local.sum(axis=1, keepdims=True) * size)
    rate = np.clip(rng.beta(2, 6, N_TYPES)[None, :] * rng.lognormal(0, 0.3, (n_areas, 1)), 0, 1)
    members = rng.binomial(households, rate)
    municipality = np.sort(rng.integers(0, N_MUNICIPALITIES, n_pc4))
    areas = pd.concat([
        pd.DataFrame({"code": [f"GM{m:04d}" for m in range(N_MUNICIPALITIES)],
                      "name": [f"Gemeente {m}" for m in range(N_MUNICIPALITIES)],
                      "level": "gemeente", "parent": ""}),
        pd.DataFrame({"code": pc4.astype(str), "name": pc4.astype(str), "level": "pc4",
                      "parent": [f"GM{m:04d}" for m in municipality]})])
    for name, matrix in (("segments", households), ("members", members)):
        frame = pd.DataFrame(matrix, columns=types)
        frame.insert(0, "area_code", codes)
        frame.to_csv(folder / f"{name}.csv", sep=";", index=False)
    scheme.to_csv(folder / "segment_scheme.csv", sep=";", index=False)
    areas.to_csv(folder / "areas.csv", sep=";", index=False)
    return folder


def _timed(function, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in ms over *repeat* runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times)), result


def _timed_sets(function, sets: list) -> float:
    """Median ms of *function* over different area sets (a new set per run, like a widget)."""
    cycle = iter(sets)
    return _timed(lambda: function(next(cycle)), repeat=len(sets))[0]


# --------------------------------------------------------------------------- routekit


def routekit_load(folder: Path):
    from routekit.area.files import load_scheme, read_areas
    from routekit.area.segments import SegmentData

    scheme = load_scheme(folder / "segment_scheme.csv")
    read = {"sep": ";", "index_col": "area_code", "dtype": {"area_code": str}}
    data = SegmentData.from_wide(scheme, pd.read_csv(folder / "segments.csv", **read),
                                 pd.read_csv(folder / "members.csv", **read),
                                 areas=read_areas(folder / "areas.csv"))
    for level in ("pc6", "pc4", "gemeente"):
        data.level_index(level)
    return data


# --------------------------------------------------------------------------- pandas


def pandas_load(folder: Path) -> pd.DataFrame:
    read = {"sep": ";", "dtype": {"area_code": str}}
    wide = pd.read_csv(folder / "segments.csv", **read)
    members = pd.read_csv(folder / "members.csv", **read)
    long = wide.melt(id_vars="area_code", var_name="segment", value_name="households")
    long["members"] = members.melt(id_vars="area_code")["value"].to_numpy()
    long["pc4"] = long["area_code"].str[:4].astype("category")
    long["area_code"] = long["area_code"].astype("category")
    long["segment"] = long["segment"].astype("category")
    return long


def pandas_profile(long: pd.DataFrame, column: str, codes, reference: pd.Series):
    counts = long[long[column].isin(codes)].groupby("segment", observed=True)["households"].sum()
    share = counts / counts.sum()
    return pd.DataFrame({"count": counts, "share": share,
                         "index": 100 * share / (reference / reference.sum())})


def pandas_index_table(long: pd.DataFrame) -> pd.DataFrame:
    table = long.groupby(["pc4", "segment"], observed=True)["households"].sum().unstack()
    shares = table.div(table.sum(axis=1), axis=0)
    total = table.sum()
    return 100 * shares / (total / total.sum())


def pandas_reach(long: pd.DataFrame) -> pd.DataFrame:
    sums = long.groupby("segment", observed=True)[["households", "members"]].sum()
    overall = sums["members"].sum() / sums["households"].sum()
    sums["penetration"] = sums["members"] / sums["households"]
    sums["missed"] = sums["households"] * overall - sums["members"]
    return sums[sums["missed"] > 0].sort_values("missed", ascending=False)


# --------------------------------------------------------------------------- DuckDB


def duckdb_load(folder: Path):
    import duckdb

    con = duckdb.connect()
    for name in ("segments", "members"):
        con.execute(f"CREATE TABLE {name}_wide AS SELECT * FROM read_csv('{folder / name}.csv', "
                    "delim=';', header=true, types={'area_code': 'VARCHAR'})")
        con.execute(f"CREATE TABLE {name} AS UNPIVOT {name}_wide ON COLUMNS(* EXCLUDE area_code)"
                    " INTO NAME segment VALUE n")
    con.execute("CREATE TABLE long AS SELECT s.area_code, substr(s.area_code, 1, 4) AS pc4, "
                "s.segment, s.n AS households, m.n AS members FROM segments s JOIN members m "
                "USING (area_code, segment)")
    con.execute("CREATE TABLE reference AS SELECT segment, sum(households) AS ref "
                "FROM long GROUP BY segment")
    return con


def duckdb_profile(con, column: str, codes):
    con.execute("CREATE OR REPLACE TEMP TABLE chosen AS SELECT unnest(?) AS code", [list(codes)])
    return con.execute(f"""
        WITH c AS (SELECT segment, sum(households) AS n FROM long
                   WHERE {column} IN (SELECT code FROM chosen) GROUP BY segment)
        SELECT c.segment, c.n, c.n / sum(c.n) OVER () AS share,
               100 * (c.n / sum(c.n) OVER ()) / (r.ref / sum(r.ref) OVER ()) AS idx
        FROM c JOIN reference r USING (segment)""").df()


def duckdb_index_table(con):
    return con.execute("""
        WITH t AS (SELECT pc4, segment, sum(households) AS n FROM long GROUP BY pc4, segment),
             s AS (SELECT pc4, segment, n / sum(n) OVER (PARTITION BY pc4) AS share FROM t),
             r AS (SELECT segment, ref / sum(ref) OVER () AS ref_share FROM reference)
        SELECT pc4, segment, 100 * share / ref_share AS idx FROM s JOIN r USING (segment)
        """).df()


def duckdb_reach(con):
    return con.execute("""
        WITH s AS (SELECT segment, sum(households) AS h, sum(members) AS m FROM long
                   GROUP BY segment),
             o AS (SELECT sum(m) / sum(h) AS overall FROM s)
        SELECT segment, h, m, m / h AS penetration, h * overall - m AS missed FROM s, o
        WHERE h * overall - m > 0 ORDER BY missed DESC""").df()


# --------------------------------------------------------------------------- run


def run(n_areas: int = N_AREAS) -> tuple[pd.DataFrame, int]:
    """Time every task with the three engines; returns the result table (ms) and the
    number of postcode-6 areas timed."""
    from routekit.area.profile import index_table, profile
    from routekit.area.reach import under_reached

    folder = generate(n_areas)
    rng = np.random.default_rng(1)
    rows = []
    t_rk, data = _timed(lambda: routekit_load(folder), repeat=1)
    t_pd, long = _timed(lambda: pandas_load(folder), repeat=1)
    t_db, con = _timed(lambda: duckdb_load(folder), repeat=1)
    rows.append(("load (CSV → structure)", t_rk, t_pd, t_db))

    pc4_sets = [list(rng.choice(data.area_codes("pc4"), 40, replace=False)) for _ in range(5)]
    pc6_sets = [list(rng.choice(np.asarray(data.codes), 5000, replace=False)) for _ in range(5)]
    reference = long.groupby("segment", observed=True)["households"].sum()
    for label, column, sets in (("profile: 40 postcode-4 areas", "pc4", pc4_sets),
                                ("profile: 5,000 postcode-6 areas", "area_code", pc6_sets)):
        t_rk = _timed_sets(lambda codes: profile(data, codes, reference="all"), sets)
        t_pd = _timed_sets(lambda codes, c=column: pandas_profile(long, c, codes, reference),
                           sets)
        t_db = _timed_sets(lambda codes, c=column: duckdb_profile(con, c, codes), sets)
        rows.append((label, t_rk, t_pd, t_db))

    def cold_index():
        data._cache.pop(("level", "pc4", "households"), None)
        return index_table(data, "pc4", level="type")

    t_rk, _ = _timed(cold_index, repeat=3)
    t_pd, _ = _timed(lambda: pandas_index_table(long), repeat=3)
    t_db, _ = _timed(lambda: duckdb_index_table(con), repeat=3)
    rows.append(("index table: all postcode-4 × 50 types", t_rk, t_pd, t_db))
    t_rk, _ = _timed(lambda: under_reached(data))
    t_pd, _ = _timed(lambda: pandas_reach(long))
    t_db, _ = _timed(lambda: duckdb_reach(con))
    rows.append(("reach ranking (all areas)", t_rk, t_pd, t_db))
    table = pd.DataFrame(rows, columns=["task", "routekit_ms", "pandas_ms", "duckdb_ms"])
    table["pandas/routekit"] = table["pandas_ms"] / table["routekit_ms"]
    table["duckdb/routekit"] = table["duckdb_ms"] / table["routekit_ms"]
    return table, len(data.codes)


def main() -> None:
    table, areas = run()
    print(f"{areas:,} postcode-6 areas × {N_TYPES} types "
          "(median ms; ratio > 1 = routekit faster)")
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.1f}"))
    worst = table.loc[table["task"].str.startswith("profile"), "routekit_ms"].max()
    verdict = "OK" if worst < TARGET_MS else "TOO SLOW"
    print(f"profile recompute: {worst:.1f} ms (target < {TARGET_MS:.0f} ms): {verdict}")


if __name__ == "__main__":
    main()
