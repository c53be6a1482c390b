"""An open two-level geodemographic classification of buurten from CBS key figures.

Made the way the UK Output Area Classification (OAC) is made, from figures a
library can download for free:

1. **Variables** describing people and places (:data:`CLASSIFY_VARIABLES`):
   age groups, household types, household size, density and address density,
   ownership and house value, income, education and distances to services
   where CBS publishes them. Counts become percentages of their base
   (inhabitants, households, or the three education levels together).
2. **Areas**: buurten with fewer than :data:`MIN_INHABITANTS` inhabitants or
   more than half of the variables suppressed are *not classified* (counted,
   never guessed). Variables missing in every buurt (not published for that
   year), in more than :data:`MAX_MISSING_SHARE` of them, or without spread
   are dropped and listed.
3. **Transform and standardise**: inverse hyperbolic sine, then range
   standardisation to 0–1 (as in the 2011 OAC).
4. **k-means** (scikit-learn, seeded, ``n_init`` restarts) on the buurten with
   all variables; the number of groups is the one with the highest
   **silhouette** score in :data:`GROUP_RANGE` (4–15); types within each group
   the same way in :data:`TYPE_RANGE` (a group of fewer than
   :data:`MIN_SPLIT` buurten keeps one type). For large inputs (the whole
   country) the search runs on a seeded sample of :data:`SEARCH_SAMPLE`
   buurten and the best solution is refined on all of them. Buurten with a few missing
   figures go to the nearest centre on the variables they have.
5. **Names**: each group and type is named and described after the variables
   where it stands out most (in standard deviations of the buurten) against
   the reference -- the municipality, or the country for a national file.

Rows are sorted by code first, so the result does not depend on row order;
the same input and seed give the same classes. Compute only: a DataFrame in,
a :class:`Classification` out, nothing written.

Examples
--------
>>> import numpy as np
>>> rng = np.random.default_rng(1)
>>> frame = example_frame(60, seed=1)
>>> result = classify(frame, n_init=3)
>>> 4 <= len(result.groups) <= 15, int(result.unclassified.sum())
(True, 0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["CLASSIFY_VARIABLES", "GROUP_RANGE", "MAX_MISSING_SHARE", "MIN_INHABITANTS",
           "MIN_SPLIT", "TYPE_RANGE", "Classification", "classify", "example_frame",
           "match_names", "prepare"]

#: (routekit variable, base, kind). ``base``: the count a variable is a percentage of
#: (``""`` = used as published: a mean, percentage, distance or density); ``kind``:
#: ``people`` or ``place`` (names combine one of each: "Gezinnen in koopwoningen").
CLASSIFY_VARIABLES: tuple[tuple[str, str, str], ...] = (
    ("age_0_14", "inhabitants", "people"),
    ("age_15_24", "inhabitants", "people"),
    ("age_25_44", "inhabitants", "people"),
    ("age_45_64", "inhabitants", "people"),
    ("age_65_plus", "inhabitants", "people"),
    ("one_person_households", "households", "people"),
    ("households_without_children", "households", "people"),
    ("households_with_children", "households", "people"),
    ("household_size", "", "people"),
    ("education_low", "education", "people"),
    ("education_middle", "education", "people"),
    ("education_high", "education", "people"),
    ("income_per_recipient", "", "people"),
    ("income_per_inhabitant", "", "people"),
    ("low_income_households_pct", "", "people"),
    ("high_income_households_pct", "", "people"),
    ("density", "", "place"),
    ("address_density", "", "place"),
    ("owner_occupied_pct", "", "place"),
    ("woz_value", "", "place"),
    ("distance_library_km", "", "place"),
    ("distance_school_km", "", "place"),
    ("distance_gp_km", "", "place"),
)

#: Buurten with fewer inhabitants are not classified.
MIN_INHABITANTS = 50
#: Buurten missing more than this share of the variables are not classified; variables
#: missing in more than this share of the buurten are dropped.
MAX_MISSING_SHARE = 0.5
#: Range of the number of groups, and of types within a group.
GROUP_RANGE = (4, 15)
TYPE_RANGE = (2, 5)
#: A group with fewer buurten is not split into types.
MIN_SPLIT = 10
#: The number of clusters is searched on at most this many buurten (seeded sample).
SEARCH_SAMPLE = 2000

_EDUCATION = ("education_low", "education_middle", "education_high")
_AGE_BANDS = {"age_0_14": "0-14", "age_15_24": "15-24", "age_25_44": "25-44",
              "age_45_64": "45-64", "age_65_plus": "65+"}
_HOUSEHOLDS = ("one_person_households", "households_without_children",
               "households_with_children")
_INCOME = ("income_per_recipient", "income_per_inhabitant", "high_income_households_pct")
_LOW_INCOME = ("low_income_households_pct",)
#: CBS urbanity classes by address density (addresses per km²), from high to low.
_URBANITY = ((2500, 1), (1500, 2), (1000, 3), (500, 4), (-math.inf, 5))


@dataclass
class Classification:
    """An open classification of buurten: groups, types, names and the figures behind them.

    Attributes
    ----------
    areas : pandas.DataFrame
        One row per buurt (indexed by code, sorted): ``name``, ``inhabitants``,
        ``households``, ``group``, ``type`` (empty when not classified),
        ``status`` (``classified``, ``partial`` = placed on the variables it
        has, ``too_few_inhabitants``, ``too_many_missing``), ``missing``
        (variables without a figure).
    scheme : pandas.DataFrame
        One row per group and type, indexed by ``code``: ``level``, ``parent``,
        ``name``, ``description``, persona traits (``life_stage``, ``age_band``,
        ``household``, ``income_level``, ``education_level``, ``urbanity``),
        ``buurten``, ``households``.
    figures : pandas.DataFrame
        Long: ``segment``, ``variable``, ``value``, ``reference``, ``score``
        (difference in standard deviations of the buurten), ``rank``.
    variables : list of str
        Variables used.
    dropped : dict
        Variable → reason (``not_published``, ``sparse``, ``constant``, ``absent``).
    centroids : pandas.DataFrame
        Group and type centres in the standardised space (rows = codes).
    scores : dict
        Silhouette per number of groups (``groups``) and per group (``types``).
    settings : dict
        ``seed``, ``n_init``, ranges, thresholds, ``reference`` (name), ``year``.
    regions : pandas.DataFrame
        Names of the other areas in the input (gemeente, wijk): ``name``, ``level``.
    """

    areas: pd.DataFrame
    scheme: pd.DataFrame
    figures: pd.DataFrame
    variables: list[str]
    dropped: dict[str, str]
    centroids: pd.DataFrame
    scores: dict
    settings: dict = field(default_factory=dict)
    regions: pd.DataFrame | None = None

    @property
    def groups(self) -> pd.Index:
        """Group codes."""
        return self.scheme.index[self.scheme["level"] == "group"]

    @property
    def types(self) -> pd.Index:
        """Type codes."""
        return self.scheme.index[self.scheme["level"] == "type"]

    @property
    def unclassified(self) -> pd.Series:
        """Number of buurten not classified, per reason."""
        status = self.areas["status"]
        reasons = ("too_few_inhabitants", "too_many_missing")
        return pd.Series({r: int((status == r).sum()) for r in reasons}, dtype="int64")

    def households(self) -> pd.DataFrame:
        """Households per buurt and type (long: ``area_code``, ``segment_code``, ``households``)."""
        done = self.areas[self.areas["type"].fillna("") != ""]
        return pd.DataFrame({"area_code": done.index.to_numpy(),
                             "segment_code": done["type"].to_numpy(),
                             "households": done["households"].fillna(0).to_numpy(float)})

    def summary(self) -> list[str]:
        """What was built, as lines of text in the user's language."""
        status = self.areas["status"]
        lines = [t("classify.summary.built", groups=len(self.groups), types=len(self.types),
                   buurten=int(status.isin(["classified", "partial"]).sum()),
                   reference=self.settings.get("reference", ""),
                   year=self.settings.get("year") or "?"),
                 t("classify.summary.variables", count=len(self.variables),
                   names=", ".join(t(f"classify.var.{v}") for v in self.variables))]
        if self.dropped:
            lines.append(t("classify.summary.dropped", count=len(self.dropped), names="; ".join(
                f"{t(f'classify.var.{v}')} ({t(f'classify.dropped.{r}')})"
                for v, r in self.dropped.items())))
        left = self.unclassified
        lines.append(t("classify.summary.unclassified", count=int(left.sum()),
                       few=int(left["too_few_inhabitants"]), missing=int(left["too_many_missing"]),
                       minimum=self.settings.get("min_inhabitants", MIN_INHABITANTS))
                     if left.sum() else t("classify.summary.all_classified"))
        partial = int((status == "partial").sum())
        if partial:
            lines.append(t("classify.summary.partial", count=partial))
        for code in self.groups:
            row = self.scheme.loc[code]
            lines.append(t("classify.summary.group", code=code, name=row["name"],
                           count=int(row["buurten"]), households=_dutch_int(row["households"])))
        return lines


# --------------------------------------------------------------------------- preparing


def _base(frame: pd.DataFrame, base: str) -> pd.Series | None:
    if base == "education":
        if not all(c in frame for c in _EDUCATION):
            return None
        return frame[list(_EDUCATION)].sum(axis=1, min_count=3)
    return frame[base] if base in frame else None


def prepare(frame: pd.DataFrame, *, min_inhabitants: float = MIN_INHABITANTS,
            max_missing: float = MAX_MISSING_SHARE) -> tuple[pd.DataFrame, dict, pd.DataFrame]:
    """The classification variables per buurt, the dropped variables and each buurt's status.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows = areas (indexed by code), columns in routekit's key-figure names
        (see :data:`routekit.area.cbs.VARIABLES`); a ``level`` column, when
        present, selects the ``buurt`` rows. Not modified.

    Returns
    -------
    (values, dropped, areas)
        *values*: buurten × used variables, percentages (0–100) of the base for
        counts, as published otherwise (NaN = suppressed or not available);
        *dropped*: variable → reason; *areas*: ``name``, ``inhabitants``,
        ``households``, ``status``, ``missing``.

    Examples
    --------
    Counts become percentages of their base; a buurt under the minimum is
    left out; a variable without any figure is dropped:

    >>> frame = pd.DataFrame({"inhabitants": [200, 400, 30], "households": [100, 100, 10],
    ...                       "age_0_14": [50, 120, 6], "woz_value": [np.nan] * 3},
    ...                      index=["BU2", "BU1", "BU3"])
    >>> values, dropped, areas = prepare(frame)
    >>> values["age_0_14"].tolist(), dropped["woz_value"]
    ([30.0, 25.0, 20.0], 'not_published')
    >>> areas["status"].tolist()
    ['classified', 'classified', 'too_few_inhabitants']
    """
    frame = frame.sort_index()
    if "level" in frame:
        frame = frame[frame["level"].astype("object") == "buurt"]
    inhabitants = pd.to_numeric(frame.get("inhabitants", pd.Series(np.nan, index=frame.index)),
                                errors="coerce").astype(float)
    households = pd.to_numeric(frame.get("households", pd.Series(np.nan, index=frame.index)),
                               errors="coerce").astype(float)
    numbers = frame.apply(pd.to_numeric, errors="coerce") if len(frame.columns) else frame
    values, dropped = {}, {}
    for name, base, _kind in CLASSIFY_VARIABLES:
        if name not in numbers:
            dropped[name] = "absent"
            continue
        column = numbers[name].astype(float)
        if base:
            total = _base(numbers, base)
            if total is None:
                dropped[name] = "absent"
                continue
            with np.errstate(invalid="ignore", divide="ignore"):
                column = (100 * column / total.astype(float)).where(total > 0)
        values[name] = column
    values = pd.DataFrame(values, index=frame.index)
    big = inhabitants.fillna(0) >= min_inhabitants
    for name in list(values.columns):
        column = values[name]
        if column.isna().all():
            dropped[name] = "not_published"
        elif column[big].isna().mean() > max_missing:
            dropped[name] = "sparse"
        elif column[big].dropna().nunique() < 2:
            dropped[name] = "constant"
    values = values.drop(columns=[c for c in values.columns if c in dropped])
    missing = values.isna().sum(axis=1)
    status = pd.Series("classified", index=frame.index, dtype="object")
    status = status.mask(missing > max_missing * max(len(values.columns), 1), "too_many_missing")
    status = status.mask(~big, "too_few_inhabitants")
    names = frame["name"] if "name" in frame else pd.Series(frame.index, index=frame.index)
    areas = pd.DataFrame({"name": names.astype("object"), "inhabitants": inhabitants,
                          "households": households, "status": status, "missing": missing})
    areas.index.name = "code"
    dropped = {name: dropped[name] for name, _b, _k in CLASSIFY_VARIABLES if name in dropped}
    return values, dropped, areas


def _standardise(values: pd.DataFrame) -> pd.DataFrame:
    """Inverse hyperbolic sine, then range standardisation to 0–1 (NaN stays NaN)."""
    shifted = values - values.min().clip(upper=0)  # IHS of non-negative values
    transformed = np.arcsinh(shifted)
    low, high = transformed.min(), transformed.max()
    return (transformed - low) / (high - low).replace(0, 1)


# --------------------------------------------------------------------------- clustering


def _kmeans(matrix: np.ndarray, k: int, seed: int, n_init: int):
    from sklearn.cluster import KMeans

    model = KMeans(n_clusters=k, n_init=n_init, random_state=seed, algorithm="lloyd")
    return model.fit(matrix)


def _best_k(matrix: np.ndarray, k_range: tuple[int, int], seed: int, n_init: int
            ) -> tuple[np.ndarray, np.ndarray, dict[int, float]]:
    """Labels and centres of the k in *k_range* with the highest silhouette score.

    The search (every k, *n_init* restarts each) runs on a seeded sample of at
    most :data:`SEARCH_SAMPLE` rows; the best solution is then refined on all
    rows from the sample's centres -- seconds for all buurten of the country.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    rows = np.arange(len(matrix))
    if len(matrix) > SEARCH_SAMPLE:
        rows = np.sort(np.random.default_rng(seed).choice(len(matrix), SEARCH_SAMPLE,
                                                          replace=False))
    sample = matrix[rows]
    low, high = k_range
    high = max(low, min(high, len(sample) // 4))  # at least about four buurten per cluster
    scores, best = {}, None
    for k in range(low, min(high, len(sample) - 1) + 1):
        model = _kmeans(sample, k, seed, n_init)
        if len(np.unique(model.labels_)) < 2:
            continue
        score = float(silhouette_score(sample, model.labels_))
        scores[k] = round(score, 6)
        if best is None or score > best[0] + 1e-12:
            best = (score, model)
    if best is None:
        return np.zeros(len(matrix), dtype=int), matrix.mean(axis=0, keepdims=True), scores
    model = best[1]
    if len(sample) < len(matrix):
        model = KMeans(n_clusters=model.n_clusters, init=model.cluster_centers_, n_init=1,
                       random_state=seed).fit(matrix)
    return model.labels_.copy(), model.cluster_centers_.copy(), scores


def _ordered(labels: np.ndarray, centres: np.ndarray, codes: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """Relabel clusters largest first (ties: first buurt code), so codes are stable."""
    found = np.unique(labels)
    key = sorted(found, key=lambda c: (-int((labels == c).sum()), str(codes[labels == c][0])))
    mapping = {old: new for new, old in enumerate(key)}
    return np.array([mapping[x] for x in labels]), centres[key]


def _nearest(rows: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Nearest centre of each row on the variables the row has (mean squared distance)."""
    present = ~np.isnan(rows)
    filled = np.where(present, rows, 0.0)
    distance = ((filled[:, None, :] - centres[None, :, :]) ** 2 * present[:, None, :]).sum(axis=2)
    distance = distance / np.maximum(present.sum(axis=1, keepdims=True), 1)
    return distance.argmin(axis=1)


def _group_code(i: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[i] if i < len(letters) else f"G{i + 1}"


def classify(frame: pd.DataFrame, **options) -> Classification:
    """Classify the buurten of *frame* into groups and, within them, types.

    Parameters
    ----------
    frame : pandas.DataFrame
        Key figures per area, indexed by code, in routekit's names (as
        ``read_key_figures(...).table``). Not modified.
    seed, n_init : int
        k-means seed (default 0) and number of restarts (default 10).
    groups : int or (int, int), default (4, 15)
        A fixed number of groups, or the range searched by silhouette score.
    types : (int, int), default (2, 5)
        Range of types per group.
    min_inhabitants, max_missing : float
        See :func:`prepare`.
    reference : str, optional
        Name of what the buurten are compared with in names and descriptions
        (default: the municipality's name, or "Nederland" when the buurten lie
        in more than one municipality).
    year : int, optional
        The figures' year (kept in :attr:`Classification.settings`).

    Raises
    ------
    RouteError
        When fewer buurten than twice the smallest number of groups can be
        classified, or no variable is usable (Dutch message says why).

    Notes
    -----
    k-means runs on one thread: on a busy machine, OpenMP threads waiting for
    each other made it twenty times slower, and the result is the same.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        return _classify(frame, **options)


def _classify(frame: pd.DataFrame, *, seed: int = 0, n_init: int = 10,
              groups: int | tuple[int, int] = GROUP_RANGE, types: tuple[int, int] = TYPE_RANGE,
              min_inhabitants: float = MIN_INHABITANTS, max_missing: float = MAX_MISSING_SHARE,
              reference: str | None = None, year: int | None = None) -> Classification:
    values, dropped, areas = prepare(frame, min_inhabitants=min_inhabitants,
                                     max_missing=max_missing)
    k_range = (groups, groups) if isinstance(groups, int) else tuple(groups)
    usable = areas["status"] == "classified"
    complete = usable & values.notna().all(axis=1)
    if values.shape[1] < 2 or complete.sum() < 2 * k_range[0]:
        raise RouteError(Problem("", t("classify.too_few", buurten=int(complete.sum()),
                                       variables=values.shape[1], needed=2 * k_range[0],
                                       minimum=min_inhabitants)))
    scaled = _standardise(values[usable])
    codes = scaled.index.to_numpy()
    full = scaled[complete[usable]].to_numpy()
    labels, centres, group_scores = _best_k(full, k_range, seed, n_init)
    labels, centres = _ordered(labels, centres, codes[complete[usable].to_numpy()])
    group_of = pd.Series(_nearest(scaled.to_numpy(), centres), index=scaled.index)
    group_of[complete[usable]] = labels
    areas = areas.assign(group="", type="")
    areas.loc[usable & ~complete, "status"] = "partial"
    group_codes = [_group_code(i) for i in range(len(centres))]
    areas.loc[scaled.index, "group"] = [group_codes[i] for i in group_of]
    centre_rows = {code: centres[i] for i, code in enumerate(group_codes)}
    type_scores = {}
    for i, gcode in enumerate(group_codes):
        inside = group_of.index[group_of == i]
        sub = scaled.loc[inside]
        sub_complete = sub.notna().all(axis=1)
        if sub_complete.sum() >= MIN_SPLIT:
            sub_labels, sub_centres, type_scores[gcode] = _best_k(
                sub[sub_complete].to_numpy(), types, seed, n_init)
            sub_labels, sub_centres = _ordered(sub_labels, sub_centres,
                                               sub.index[sub_complete].to_numpy())
        else:
            sub_labels, sub_centres = np.zeros(int(sub_complete.sum()), int), centres[[i]]
        type_of = pd.Series(_nearest(sub.to_numpy(), sub_centres), index=sub.index)
        type_of[sub_complete] = sub_labels
        areas.loc[sub.index, "type"] = [f"{gcode}{j + 1}" for j in type_of]
        for j, centre in enumerate(sub_centres):
            centre_rows[f"{gcode}{j + 1}"] = centre
    centroids = pd.DataFrame(centre_rows, index=values.columns).T
    if reference is None:
        municipalities = frame.get("municipality")
        names = municipalities.dropna().unique() if municipalities is not None else []
        reference = str(names[0]) if len(names) == 1 else t("classify.country")
    from routekit.area.describe import describe

    scheme, figures = describe(values, areas, reference=reference)
    settings = {"seed": seed, "n_init": n_init, "groups": list(k_range), "types": list(types),
                "min_inhabitants": min_inhabitants, "max_missing": max_missing,
                "min_split": MIN_SPLIT, "criterion": "silhouette", "reference": reference,
                "year": year, "transform": "ihs+range"}
    regions = pd.DataFrame(columns=["name", "level"])
    if "level" in frame and "name" in frame:
        regions = frame.loc[frame["level"].isin(["gemeente", "wijk"]), ["name", "level"]]
    return Classification(areas=areas, scheme=scheme, figures=figures,
                          variables=list(values.columns), dropped=dropped, centroids=centroids,
                          scores={"groups": group_scores, "types": type_scores},
                          settings=settings, regions=regions.sort_index())


def match_names(new: Classification, old_members: dict[str, list[str]],
                old_names: dict[str, str], *, threshold: float = 0.8) -> dict[str, str]:
    """Names the user gave to earlier groups, for the new groups that are the same.

    A new group is "the same" as an old one when their buurten overlap by at
    least *threshold* (Jaccard: shared ÷ together).

    Parameters
    ----------
    old_members : dict
        Old group code → its buurt codes.
    old_names : dict
        Old group code → the user's name (only renamed groups).

    Returns
    -------
    dict
        New group code → name to keep.

    Examples
    --------
    >>> result = classify(example_frame(60, seed=1), n_init=2, groups=4)
    >>> members = {g: list(result.areas.index[result.areas["group"] == g]) for g in result.groups}
    >>> match_names(result, {"X": members["A"]}, {"X": "Mijn buurten"})
    {'A': 'Mijn buurten'}
    """
    out = {}
    for code in new.groups:
        members = set(new.areas.index[new.areas["group"] == code])
        best, overlap = None, 0.0
        for old, old_list in old_members.items():
            if old not in old_names:
                continue
            union = members | set(old_list)
            score = len(members & set(old_list)) / len(union) if union else 0.0
            if score > overlap:
                best, overlap = old, score
        if best is not None and overlap >= threshold:
            out[code] = old_names[best]
    return out


def _dutch_int(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:,.0f}".replace(",", ".")


def example_frame(n: int = 60, *, seed: int = 0, municipality: str = "Voorbeeld"
                  ) -> pd.DataFrame:
    """A generated key-figure table of *n* buurten in four kinds of neighbourhood (for examples).

    Not real data: counts are drawn around four made-up profiles (young
    families, students, elderly, rural), so a classification finds structure.
    """
    rng = np.random.default_rng(seed)
    profiles = np.array([  # shares of 5 age groups, 3 household types, owner %, density
        [.24, .08, .34, .22, .12, .20, .25, .55, 75, 3000],
        [.06, .40, .35, .12, .07, .70, .20, .10, 15, 9000],
        [.08, .06, .16, .30, .40, .45, .45, .10, 55, 4000],
        [.17, .11, .21, .31, .20, .22, .40, .38, 80, 300]])
    kind = np.arange(n) % len(profiles)
    inhabitants = rng.integers(300, 5000, n).astype(float)
    rows = {}
    ages = profiles[kind, :5] * rng.uniform(0.8, 1.2, (n, 5))
    ages = ages / ages.sum(axis=1, keepdims=True)
    for j, name in enumerate(_AGE_BANDS):
        rows[name] = np.round(inhabitants * ages[:, j])
    households = np.round(inhabitants / rng.uniform(1.6, 2.6, n))
    types = profiles[kind, 5:8] * rng.uniform(0.8, 1.2, (n, 3))
    types = types / types.sum(axis=1, keepdims=True)
    for j, name in enumerate(_HOUSEHOLDS):
        rows[name] = np.round(households * types[:, j])
    frame = pd.DataFrame({"name": [f"Buurt {i + 1}" for i in range(n)], "level": "buurt",
                          "municipality": municipality, "inhabitants": inhabitants,
                          "households": households, **rows,
                          "household_size": np.round(inhabitants / households, 1),
                          "owner_occupied_pct": np.clip(np.round(
                              profiles[kind, 8] + rng.normal(0, 6, n)), 0, 100),
                          "density": np.round(profiles[kind, 9] * rng.uniform(0.7, 1.3, n)),
                          "income_per_recipient": np.nan},
                         index=pd.Index([f"BU9999{i:04d}" for i in range(n)], name="code"))
    return frame
