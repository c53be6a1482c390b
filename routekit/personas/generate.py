"""Data-driven candidate personas: non-negative matrix factorisation of segments × behaviours.

As in automatic persona generation (Jansen, Salminen et al.), a matrix of
aggregate use per segment (loans per collection, visits per activity) is
factorised into a few behaviour profiles; each segment belongs to the profile
that explains most of its use, and each profile becomes a skeleton persona
with its dominant segment and its size in households. Only aggregate figures
are used, never individual records, and cells under a minimum size are left
out. A segment is a starting point, not a verdict about people: the librarian
enriches, checks and rejects candidates in conversations.

The candidates of a route's own files: :func:`routekit.personas.stored.route_candidates`.

Examples
--------
>>> use = pd.DataFrame({"segment_code": list("AABBCC"), "category": ["romans", "taal"] * 3,
...                     "count": [90, 10, 80, 12, 11, 70]})
>>> model = candidate_personas(use, pd.Series({"A": 100, "B": 100, "C": 100}), n=2)
>>> model.personas[["segment", "behaviours"]]  # doctest: +NORMALIZE_WHITESPACE
        segment        behaviours
persona
1             C     [taal, romans]
2             A     [romans, taal]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from routekit.i18n import t
from routekit.personas.prefill import scheme_fields
from routekit.records.base import make_id
from routekit.records.personas import Persona

__all__ = ["PersonaModel", "behaviour_matrix", "candidate_personas", "to_personas"]


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


def to_personas(model: PersonaModel, scheme: pd.DataFrame, *, theme: str | None = None,
                taken: set[str] | list[str] = ()) -> list[Persona]:
    """Skeleton personas (``source="data"``) for the candidates, to enrich in conversations."""
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
