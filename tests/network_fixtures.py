"""A small hand-computable stakeholder network shared by the network tests.

Two triangles joined by one tie (ans → cor), a tail (eva – gert), an isolate
(fenna) and one conflict (bob – cor) that does not count as a connection::

    bieb ── ans ──► cor ── dirk
      \\    /         \\    /
       bob            eva ── gert          fenna
"""

from __future__ import annotations

PEOPLE = [
    {"id": "bieb", "name": "Bieb", "kind": "organisation", "sector": "library"},
    {"id": "ans", "name": "Ans", "kind": "person", "sector": "residents"},
    {"id": "bob", "name": "Bob", "kind": "person", "sector": "residents"},
    {"id": "cor", "name": "Cor", "kind": "organisation", "sector": "welfare"},
    {"id": "dirk", "name": "Dirk", "kind": "group", "sector": "residents"},
    {"id": "eva", "name": "Eva", "kind": "person", "sector": "care"},
    {"id": "gert", "name": "Gert", "kind": "person", "sector": "residents"},
    {"id": "fenna", "name": "Fenna", "kind": "person", "sector": "culture"},
]

TIES = [
    {"source": "bieb", "target": "ans", "kind": "collaboration", "directed": False,
     "strength": 4, "theme": "taal"},
    {"source": "bieb", "target": "bob", "kind": "funding", "directed": True, "strength": 2},
    {"source": "ans", "target": "bob", "kind": "information", "directed": False, "strength": 3},
    {"source": "ans", "target": "cor", "kind": "influence", "directed": True, "strength": 5,
     "theme": "taal"},
    {"source": "cor", "target": "dirk", "kind": "collaboration", "directed": False,
     "strength": 2},
    {"source": "dirk", "target": "eva", "kind": "collaboration", "directed": False,
     "strength": 1, "theme": "eenzaamheid"},
    {"source": "cor", "target": "eva", "kind": "information", "directed": False, "strength": 2},
    {"source": "eva", "target": "gert", "kind": "collaboration", "directed": False,
     "strength": 3, "theme": "eenzaamheid"},
    {"source": "bob", "target": "cor", "kind": "conflict", "directed": False, "strength": 3},
]

POSITIONS = [
    {"stakeholder": "bieb", "theme": "taal", "influence": 3, "attitude": 2, "interest": 5},
    {"stakeholder": "ans", "theme": "taal", "influence": 2, "attitude": 1, "interest": 4},
    {"stakeholder": "ans", "theme": "eenzaamheid", "influence": 4, "attitude": -1,
     "interest": 2},
    {"stakeholder": "cor", "theme": "taal", "influence": 5, "attitude": -2, "interest": 3},
    {"stakeholder": "eva", "theme": "eenzaamheid", "influence": 3, "attitude": 0,
     "interest": 3},
]


def fixture_graph(**kwargs):
    """The fixture network as built by :func:`routekit.network.graph.build_graph`."""
    from routekit.network.graph import build_graph

    return build_graph(PEOPLE, TIES, POSITIONS, **kwargs)
