"""Every chart a route shows reads well at slide and at A4 size: no text on text, none cut off.

The charts are the documents' own list (:func:`routekit.report.route_document`),
drawn once per size with :func:`routekit.style.charts_at` and checked with
:func:`routekit.plotcheck.text_problems`. The PNGs go to ``test-output/readability/``
for a person to look at.
"""

from __future__ import annotations

import pytest
from route_builders import cbs_route

from routekit.plotcheck import text_problems
from routekit.report import route_document
from routekit.style import charts_at, new_figure

SIZES = ("slide", "a4")

#: Charts (document chart name, size) left out of the check, each with its reason.
#: Empty: every chart of the sample and the CBS-only route passes at both sizes.
KNOWN: dict[tuple[str, str], str] = {}


def _problems(route, size: str, figure_dir) -> list[str]:
    out = figure_dir / "readability"
    out.mkdir(parents=True, exist_ok=True)
    with charts_at(size):
        document = route_document(route)
    found = []
    try:
        for part, chart in document.charts():
            problems = text_problems(chart.figure)
            chart.figure.savefig(out / f"{route.path.name}-{chart.name}-{size}.png", dpi=60)
            if problems and (chart.name, size) not in KNOWN:
                found.append(f"{part.step} {chart.name} ({size}): " + "; ".join(problems))
        assert any(True for _ in document.charts()), "the route shows no chart at all"
    finally:
        document.close()
    return found


@pytest.mark.parametrize("size", SIZES)
def test_sample_route_charts_read_well(sample_route, size, figure_dir):
    problems = _problems(sample_route, size, figure_dir)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("size", SIZES)
def test_cbs_only_route_charts_read_well(tmp_path, size, figure_dir):
    route = cbs_route(tmp_path / "utrecht")
    problems = _problems(route, size, figure_dir)
    assert problems == [], "\n".join(problems)


def test_checker_finds_a_title_on_a_legend():
    fig, ax = new_figure("screen")
    ax.plot([0, 1], [0, 1], label="Wijk 06 Heidebroek")
    ax.legend(loc="upper left", bbox_to_anchor=(0, 1.08))
    ax.set_title("Leeftijdsopbouw van Wijk 06 Heidebroek", loc="left")
    assert any("overlaps 'Wijk 06 Heidebroek'" in p for p in text_problems(fig))


def test_checker_reads_slanted_tick_labels_as_slanted():
    fig, ax = new_figure("slide")
    names = ["A Ruim Wonen", "B Stad en Studie", "C Startblok", "D Midden in het Gezin"] * 3
    ax.bar(range(12), range(12))
    ax.set_xticks(range(12), names, rotation=35, ha="right", rotation_mode="anchor")
    assert text_problems(fig) == []
    ax.set_xticks(range(12), names, rotation=0)  # flat, they run into each other
    assert any("overlaps" in p for p in text_problems(fig))


def test_checker_finds_text_off_the_figure_and_clipped():
    fig, ax = new_figure("screen")
    fig.text(0.95, 0.5, "Gemeente Sleutelwaard – team Financiën en Subsidies")
    label = ax.text(0.9, 0.5, "Bibliotheek De Sleutel", transform=ax.transAxes,
                    clip_on=True, in_layout=False)
    label.set_clip_box(ax.bbox)
    problems = text_problems(fig)
    assert "'Gemeente Sleutelwaard – team Financiën en Subsidies' runs past the right edge " \
           "of the figure" in problems
    assert "'Bibliotheek De Sleutel' is clipped by its axes" in problems

