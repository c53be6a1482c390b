"""Data-driven candidate personas: non-negative matrix factorisation of segments × behaviours.

As in automatic persona generation (Jansen, Salminen et al.), a matrix of
aggregate use per segment (loans per collection, visits per activity) is
factorised into a few behaviour profiles; each segment belongs to the profile
that explains most of its use, and each profile becomes a skeleton persona
with its dominant segment and its size in households. Only aggregate figures
are used, never individual records, and cells under a minimum size are left
out. A segment is a starting point, not a verdict about people: the librarian
enriches, checks and rejects candidates in conversations.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> model = route_candidates(route, n=3)
>>> model.personas[["segment", "households"]]  # doctest: +NORMALIZE_WHITESPACE
        segment  households
persona
1           E04      4366.0
2           J01     17778.0
3           G04      5266.0
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.area import load_route_data, profile
from routekit.i18n import t
from routekit.io import read_table
from routekit.personas.prefill import scheme_fields
from routekit.records.personas import Persona
from routekit.workspace import Route

__all__ = ["PersonaModel", "behaviour_matrix", "candidate_personas", "plot_profiles",
           "read_behaviour", "route_candidates", "to_personas"]


@dataclass
class PersonaModel:
    """Candidate personas and the factorisation behind them.

    Attributes
    ----------
    personas : DataFrame
        One row per candidate (index 1…n): ``segment`` (dominant), ``segment_name``,
        ``segments`` (list of all segments it stands for), ``households``,
        ``share`` (of all households analysed), ``behaviours`` (top categories).
    profiles : DataFrame
        Candidates × categories; each row sums to 1 (the mix of use of the profile).
    weights : DataFrame
        Segments × candidates; each row sums to 1 (how far a segment follows a profile).
    suppressed : int
        Cells with a count below the minimum cell size, left out (set to 0).
    excluded : list of str
        Segments left out because they have fewer households than the minimum.
    basis : {"behaviour", "scheme"}
        ``"scheme"`` when the candidates are segments of the scheme itself
        (:func:`routekit.personas.scheme_candidates.scheme_candidates`, no usage
        figures; profiles and weights are then empty).
    """

    personas: pd.DataFrame
    profiles: pd.DataFrame
    weights: pd.DataFrame
    suppressed: int = 0
    excluded: list[str] = field(default_factory=list)
    basis: str = "behaviour"


def read_behaviour(route: Route) -> pd.DataFrame:
    """Aggregate use per segment and category (``segment_code``, ``category``, ``count``).

    Read from the route's ``area/behaviour.csv``; empty when the route has none.
    """
    path = route.area_file("behaviour")
    if not path.exists():
        return pd.DataFrame({"segment_code": pd.Series(dtype="str"),
                             "category": pd.Series(dtype="str"),
                             "count": pd.Series(dtype="float")})
    frame = read_table(path, required=["segment_code", "category"], numeric=["count"])
    return frame.dropna(subset=["segment_code", "category"])


def behaviour_matrix(behaviour: pd.DataFrame, households: pd.Series, *,
                     min_cell: int = 10) -> tuple[pd.DataFrame, int, list[str]]:
    """Use per 100 households, segments × categories, with small cells left out.

    Parameters
    ----------
    behaviour : DataFrame
        ``segment_code``, ``category``, ``count`` (aggregate per segment).
    households : Series
        Households per segment code.
    min_cell : int, default 10
        Counts below this are left out (0), and so are segments with fewer
        households.

    Returns
    -------
    (DataFrame, int, list of str)
        The rates, the number of cells left out and the segments left out.

    Examples
    --------
    >>> b = pd.DataFrame({"segment_code": ["A", "A", "B", "B"], "category": ["x", "y", "x", "y"],
    ...                   "count": [50, 5, 20, 40]})
    >>> rates, cells, gone = behaviour_matrix(b, pd.Series({"A": 100, "B": 200}))
    >>> rates.loc["A"].tolist(), cells, gone
    ([50.0, 0.0], 1, [])
    """
    counts = behaviour.pivot_table(index="segment_code", columns="category", values="count",
                                   aggfunc="sum", fill_value=0).astype(float)
    small = counts < min_cell
    suppressed = int((small & (counts > 0)).to_numpy().sum())
    counts = counts.mask(small, 0.0)
    size = households.reindex(counts.index).fillna(0)
    keep = (size >= min_cell) & (counts.sum(axis=1) > 0)
    excluded = sorted(counts.index[~keep])
    rates = counts[keep].div(size[keep], axis=0) * 100
    rates.columns.name = None
    return rates, suppressed, excluded


def _factorise(matrix: np.ndarray, n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.decomposition import NMF

    model = NMF(n_components=n, init="nndsvda", random_state=seed, max_iter=2000, tol=1e-6)
    weights = model.fit_transform(matrix)
    return weights, model.components_


def candidate_personas(behaviour: pd.DataFrame, households: pd.Series,
                       scheme: pd.DataFrame | None = None, *, n: int = 3, min_cell: int = 10,
                       top: int = 3, seed: int = 0) -> PersonaModel:
    """Derive *n* candidate personas from aggregate behaviour per segment.

    Each category is first divided by its average rate, so a profile shows
    what a group does *more than others*, not just what everybody does most.

    Parameters
    ----------
    behaviour : DataFrame
        ``segment_code``, ``category``, ``count``.
    households : Series
        Households per segment code (the segment sizes).
    scheme : DataFrame, optional
        Segment scheme indexed by code, for segment names.
    n : int, default 3
        Number of personas (at most the number of segments).
    min_cell : int, default 10
        Minimum cell size, see :func:`behaviour_matrix`.
    top : int, default 3
        Behaviours listed per persona.
    seed : int, default 0

    Returns
    -------
    PersonaModel
    """
    rates, suppressed, excluded = behaviour_matrix(behaviour, households, min_cell=min_cell)
    if len(rates) < 2 or rates.shape[1] < 2:
        raise ValueError(t("personas.generate.too_little"))
    n = max(1, min(int(n), len(rates) - 1, rates.shape[1]))
    scaled = rates / rates.mean(axis=0).replace(0, 1)
    w, h = _factorise(scaled.to_numpy(), n, seed)
    mass = h.sum(axis=1, keepdims=True)
    mass[mass == 0] = 1
    h, w = h / mass, w * mass.T
    labels = pd.RangeIndex(1, n + 1, name="persona")
    profiles = pd.DataFrame(h, index=labels, columns=rates.columns)
    weights = pd.DataFrame(w, index=rates.index, columns=labels)
    weights = weights.div(weights.sum(axis=1).replace(0, 1), axis=0)
    owner = weights.idxmax(axis=1)
    sizes = households.reindex(rates.index).fillna(0)
    names = scheme["name"] if scheme is not None and "name" in scheme else pd.Series(dtype=str)
    rows = []
    for k in labels:
        members = owner.index[owner == k].tolist()
        pool = weights.loc[members, k] if members else weights[k]
        dominant = str(pool.idxmax())
        rows.append({"segment": dominant, "segment_name": names.get(dominant, ""),
                     "segments": members, "households": float(sizes[members].sum()),
                     "behaviours": profiles.loc[k].nlargest(top).index.tolist()})
    personas = pd.DataFrame(rows, index=labels)
    personas["share"] = personas["households"] / max(sizes.sum(), 1)
    return PersonaModel(personas=personas, profiles=profiles, weights=weights,
                        suppressed=suppressed, excluded=excluded)


def route_candidates(route: Route, *, n: int = 3, min_cell: int = 10, top: int = 3,
                     seed: int = 0) -> PersonaModel:
    """:func:`candidate_personas` on the behaviour and segment files of *route*.

    Without usage figures (no ``area/behaviour.csv``, e.g. a route with only the
    open segments) the candidates come from the scheme itself:
    :func:`routekit.personas.scheme_candidates.scheme_candidates` (*min_cell*
    and *top* play no part then).
    """
    data = load_route_data(route)
    behaviour = read_behaviour(route)
    if behaviour.empty:
        from routekit.personas.scheme_candidates import scheme_candidates

        return scheme_candidates(data, n=n)
    households = profile(data, reference="all")["count"]
    return candidate_personas(behaviour, households, data.scheme.table,
                              n=n, min_cell=min_cell, top=top, seed=seed)


def to_personas(model: PersonaModel, scheme: pd.DataFrame, *, theme: str | None = None,
                taken: set[str] | list[str] = ()) -> list[Persona]:
    """Skeleton personas (``source="data"``) for the candidates, to enrich in conversations."""
    from routekit.records.base import make_id

    out, taken = [], set(taken)
    for k, row in model.personas.iterrows():
        traits = scheme.loc[row["segment"]] if row["segment"] in scheme.index else pd.Series()
        fields = {k: v for k, v in scheme_fields(traits).items() if v is not None}
        name = t("personas.generate.name", number=k, segment=row["segment_name"] or row["segment"])
        pid = make_id(f"kandidaat-{k}-{row['segment']}", taken, fallback="persona")
        taken.add(pid)
        if model.basis == "scheme":
            bio = t("candidates.bio", segment=row["segment_name"] or row["segment"],
                    description=row.get("description") or "")
        else:
            bio = t("personas.generate.bio", behaviours=", ".join(row["behaviours"]),
                    segments=", ".join(row["segments"]))
        out.append(Persona(
            id=pid, name=name, theme=theme, segment=row["segment"], segments=row["segments"],
            segment_size=row["households"], source="data", bio=bio, **fields))
    return out


def plot_profiles(model: PersonaModel, *, ax=None):
    """Heatmap of the candidates' behaviour profiles, with their sizes and the reminder.

    Returns
    -------
    Axes
    """
    from routekit.style import finish, new_figure, sequential_cmap

    if ax is None:
        _, ax = new_figure("screen")
    data = model.profiles.T
    ax.imshow(data.to_numpy(), aspect="auto", cmap=sequential_cmap(), vmin=0)
    ax.grid(False)
    ax.set_yticks(range(len(data.index)), data.index)
    labels = [t("personas.generate.column", number=k,
                segment=textwrap.fill(row["segment_name"] or row["segment"], 16),
                households=f"{row['households']:,.0f}".replace(",", "."))
              for k, row in model.personas.iterrows()]
    ax.set_xticks(range(len(labels)), labels)
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    peak = float(np.nanmax(data.to_numpy())) or 1.0
    for (i, j), value in np.ndenumerate(data.to_numpy()):
        ax.text(j, i, f"{value * 100:.0f}%", ha="center", va="center", fontsize="small",
                color="white" if value > peak * 0.55 else "#222222")
    return finish(ax, title=t("personas.generate.title"), subtitle=t("personas.reminder_short"),
                  source=t("personas.generate.source", cells=model.suppressed))
