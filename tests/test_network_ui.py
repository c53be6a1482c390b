"""Notebook 04c forms, tested without a browser: set values, click, check the workspace."""

from __future__ import annotations

import pytest

from routekit.network.stored import saved_layout
from routekit.ui.network import NetworkBoard, RelationForm


@pytest.fixture
def board(sample_route, tmp_path):
    return NetworkBoard(sample_route, export_dir=tmp_path / "export")


def _relation(route, source, target, kind):
    return next((r for r in route.records("relations")
                 if (r.source, r.target, r.kind) == (source, target, kind)), None)


def test_adding_a_relation_saves_it_at_once(sample_route):
    form = RelationForm(sample_route)
    form.source.value, form.target.value = "moskee", "bibliotheek"
    form.kind.value, form.strength.value = "information", 2
    form.theme.value, form.note.value = "laaggeletterdheid", "Taalcafé aankondigen"
    form.add.click()
    saved = _relation(sample_route, "moskee", "bibliotheek", "information")
    assert (saved.strength, saved.theme, saved.note, saved.directed) == (
        2, "laaggeletterdheid", "Taalcafé aankondigen", False)
    assert "opgeslagen" in form.message.value
    form.remove.click()
    assert _relation(sample_route, "moskee", "bibliotheek", "information") is None


def test_self_loops_and_duplicates_are_refused_with_a_message(sample_route):
    before = len(sample_route.records("relations"))
    form = RelationForm(sample_route)
    form.source.value = form.target.value = "sascha"
    form.add.click()
    assert "met zichzelf" in form.message.value
    # bibliotheek – sascha collaboration (undirected) exists; the other way round is a duplicate
    form.source.value, form.target.value, form.kind.value = "sascha", "bibliotheek", \
        "collaboration"
    form.add.click()
    assert "staat al in rij" in form.message.value
    assert len(sample_route.records("relations")) == before


def _drawn(ax):
    return sum(len(c.get_offsets()) for c in ax.collections
               if (c.get_gid() or "").startswith("nodes-"))


def _edges(ax):
    """The gid of every tie drawn (an ``edge-<kind>`` collection has a path per tie)."""
    return [c.get_gid() for c in ax.collections if (c.get_gid() or "").startswith("edge-")
            for _ in c.get_paths()]


def test_board_draws_and_lists_key_players(board):
    assert _drawn(board.picture) == 36
    assert board.key_players.columns[0] == "Stakeholder" and len(board.key_players) == 10
    assert "Anneke Bos" in board.brokers["Stakeholder"].tolist()
    assert set(saved_layout(board.route)) == {s.id for s in board.route.records("stakeholders")}
    assert board.selected_kinds == ["collaboration", "funding", "information", "influence",
                                    "conflict"]
    assert len(_edges(board.picture)) == 80
    board.kinds["funding"].value = False
    assert "funding" not in board.selected_kinds
    funding = sum(r.kind == "funding" for r in board.route.records("relations"))
    assert len(_edges(board.picture)) == 80 - funding and "edge-funding" not in _edges(
        board.picture)


def test_ego_and_theme_pickers_redraw(board):
    board.ego.value = "anneke-bos"
    assert _drawn(board.picture) == 11  # Anneke Bos and her 10 contacts
    board.radius.value = 2
    assert _drawn(board.picture) > 11
    board.ego.value = ""
    board.theme.value = "leefbaarheid-heidebroek"
    assert "anneke-bos" in board.graph() and "taal-telt" not in board.graph()
    assert _drawn(board.picture) == board.graph().number_of_nodes()


def test_pinning_moves_one_stakeholder_and_keeps_it(board):
    tables = board.key_players
    board.pins.who.value = "sascha"
    board.pins.x.value, board.pins.y.value = 1.2, -0.4
    board.pins.pin.click()
    assert saved_layout(board.route)["sascha"] == (1.2, -0.4, True)
    drawn = {tuple(float(v) for v in xy) for c in board.picture.collections
             if (c.get_gid() or "").startswith("nodes-") for xy in c.get_offsets()}
    assert (1.2, -0.4) in drawn
    assert board.key_players is tables  # the same network: its analysis is not redone
    form = board.relations
    form.source.value, form.target.value, form.kind.value = "sascha", "moskee", "information"
    form.add.click()
    assert _relation(board.route, "sascha", "moskee", "information") is not None
    assert board.key_players is not tables  # a new tie: analysed again


def test_export_writes_gephi_files_and_a_page(board, tmp_path):
    board.export.click()
    names = sorted(p.name for p in (tmp_path / "export").iterdir())
    assert names == ["netwerk.gexf", "netwerk.graphml", "netwerk.html"]
    assert "Geschreven" in board.status.value
