"""Plan charts: Gantt with owners (readable at A4), budget, KPIs, risk matrix."""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from plan_data import small_plan

from routekit.labels import labels_overlap
from routekit.plan import tables
from routekit.plan.plot import plot_budget, plot_gantt, plot_kpi_progress, plot_risk_matrix


def _owner_texts(ax):
    return [text for text in ax.texts if text.get_gid() == "owners"]


def test_gantt_bars_dates_and_owners():
    ax = plot_gantt(tables.activity_table(small_plan()), today=dt.date(2026, 6, 1))
    bars = {p.get_gid(): p for p in ax.patches if (p.get_gid() or "").startswith("activity-")}
    assert set(bars) == {"activity-a1", "activity-a2", "activity-a3"}
    a1 = bars["activity-a1"]
    assert mdates.num2date(a1.get_x()).date() == dt.date(2026, 9, 1)
    assert round(a1.get_width()) == (dt.date(2027, 6, 30) - dt.date(2026, 9, 1)).days + 1
    milestone = [line for line in ax.lines if line.get_gid() == "activity-a4"]
    assert milestone and milestone[0].get_marker() == "D"  # one-day activity
    owners = [text.get_text() for text in _owner_texts(ax)]
    assert "Trekker(s): Basisschool De Regenboog, Ria (bibliothecaris)" in owners
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "Taalcafé", "Repair Café", "Dorpsavond", "Voorleesochtend"]
    assert any(text.get_text() == "vandaag" for text in ax.texts)


def test_sample_gantt_readable_at_a4(sample_route, figure_dir):
    from routekit.plan.stored import plan_of
    from routekit.style import export_figure

    plan = plan_of(sample_route)
    ax = plot_gantt(tables.activity_table(plan), goals=tables.goal_texts(plan))
    figure = ax.get_figure(root=True)
    paths = export_figure(figure, figure_dir / "plan_gantt_a4", size="a4-landscape",
                          formats=("png",))
    assert paths[0].exists()
    owners = _owner_texts(ax)
    assert len(owners) == len(plan.activities) == len(ax.get_yticklabels())
    assert not labels_overlap(owners)
    assert not labels_overlap(list(ax.get_yticklabels()))
    renderer = figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    for text in owners:  # inside the plot, not cut off at the edge
        extent = text.get_window_extent(renderer)
        assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1
    sizes = [t.get_fontsize() for t in owners] + [t.get_fontsize() for t in ax.get_yticklabels()]
    assert min(sizes) >= 7.5  # points at A4: readable on paper


def test_budget_overview_stacks_own_subsidy_in_kind(figure_dir):
    by_activity = tables.budget_by_activity(small_plan())
    ax = plot_budget(by_activity)
    own = [p for p in ax.patches if p.get_gid() == "own"]
    in_kind = [p for p in ax.patches if p.get_gid() == "in_kind"]
    row = list(by_activity.index).index("Voorleesochtend")
    assert own[row].get_width() == 700
    assert in_kind[row].get_x() == 700 + 500 and in_kind[row].get_width() == 300
    assert "€ 1.500" in [text.get_text() for text in ax.texts]
    ax.get_figure(root=True).savefig(figure_dir / "plan_budget.png", dpi=80)


def test_kpi_progress_bars_and_not_measured():
    ax = plot_kpi_progress(tables.kpi_table(small_plan()))
    bar = next(p for p in ax.patches if p.get_gid() == "kpi-k1")
    assert bar.get_width() == 0.25
    texts = [text.get_text() for text in ax.texts]
    assert "10 van 40 personen (25%)" in texts
    assert "nog niet gemeten" in texts


def test_risk_matrix_places_ids():
    ax = plot_risk_matrix(tables.risk_table(small_plan()))
    placed = {text.get_text(): text.get_position() for text in ax.texts}
    assert placed["r1"] == (4, 5) and placed["r2"] == (2, 3)
