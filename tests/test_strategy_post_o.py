"""POST-O canvas: prefill from personas, channels in Technology, warnings, one-page figure."""

from __future__ import annotations

import pytest

from routekit.personas.stored import save_persona
from routekit.records.personas import Persona
from routekit.records.strategy import PostOCanvas
from routekit.strategy.channels import channel_kind, suggest_channels
from routekit.strategy.plot import plot_canvas
from routekit.strategy.post_o import canvas_warnings, prefill_canvas
from routekit.strategy.stored import prefill_route_canvas, theme_canvas

RIET = Persona(id="riet", name="Riet", theme="eenzaamheid", digital_skills="low",
               participation="offline", channels=["Facebook", "huis-aan-huisblad", "kerk"])
JAN = Persona(id="jan", name="Jan", theme="eenzaamheid", digital_skills="high",
              participation="both", channels=["Facebook", "nieuwsbrief"])


def test_channel_kinds():
    assert channel_kind("huis-aan-huisblad") == "offline"
    assert channel_kind("WhatsApp") == "online"
    assert channel_kind("posters in de bibliotheek") == "offline"


def test_offline_channels_come_first_for_a_low_digital_skills_group():
    table = suggest_channels([RIET, JAN])
    assert table["channel"].tolist() == ["huis-aan-huisblad", "kerk", "Facebook", "nieuwsbrief"]
    assert table.loc[table["channel"] == "Facebook", "count"].item() == 2
    assert suggest_channels([JAN])["channel"].tolist() == ["Facebook", "nieuwsbrief"]


def test_a_personas_channels_show_up_in_technology_through_the_api(empty_route):
    save_persona(empty_route, RIET)
    canvas = prefill_route_canvas(empty_route, "eenzaamheid")
    saved = empty_route.get("post_o", "eenzaamheid")
    assert saved.technology.channels == ["huis-aan-huisblad", "kerk", "Facebook"]
    assert saved.people.personas == ["riet"] and saved.people.participation == "Riet: offline"
    assert saved.people.digital_skills == "Riet: laag"
    assert canvas == saved
    # a persona added later brings its new channel; what the user wrote stays
    empty_route.upsert("post_o", saved.model_copy(update={
        "technology": saved.technology.model_copy(update={"channels": ["lokale radio"]})}))
    save_persona(empty_route, JAN)
    again = prefill_route_canvas(empty_route, "eenzaamheid")
    assert again.technology.channels[0] == "lokale radio"
    assert "nieuwsbrief" in again.technology.channels
    assert again.people.personas == ["riet", "jan"]


def test_prefill_keeps_what_the_user_wrote():
    canvas = PostOCanvas(theme="eenzaamheid", people={"participation": "Vooral offline"})
    filled = prefill_canvas(canvas, "eenzaamheid", [RIET])
    assert filled.people.participation == "Vooral offline"
    assert canvas.people.channels == []  # the input is not changed


@pytest.mark.parametrize(("objectives", "code"), [
    ({"library": "Meer bezoekers"}, "one_sided_library"),
    ({"community": "Ergens bij horen"}, "one_sided_community"),
    ({"library": "Meer bezoekers", "community": "Ergens bij horen"}, "no_shared"),
    ({"library": "a", "community": "b", "shared": "c"}, "no_roles"),
])
def test_one_sided_objectives_are_warned(objectives, code):
    codes = [w.code for w in canvas_warnings(PostOCanvas(theme="x", objectives=objectives))]
    assert codes[0] == code


def test_online_only_technology_is_warned_for_low_digital_skills():
    canvas = PostOCanvas(theme="x", technology={"channels": ["Facebook", "website"]})
    warnings = canvas_warnings(canvas, [RIET])
    online = [w for w in warnings if w.code == "online_only"]
    assert online and "Riet" in online[0].message
    assert not [w for w in canvas_warnings(canvas, [JAN]) if w.code == "online_only"]


def test_sample_canvases(sample_route):
    full = [w.code for w in canvas_warnings(sample_route.get("post_o", "eenzaamheid"),
                                            sample_route.records("personas"))]
    assert "empty" not in full and "one_sided_library" not in full
    partial = canvas_warnings(sample_route.get("post_o", "laaggeletterdheid"))
    assert {(w.section, w.code) for w in partial} >= {("strategy", "empty"),
                                                      ("technology", "empty")}


@pytest.mark.parametrize("size", ["a4", "slide"])
def test_canvas_renders_on_one_page(sample_route, figure_dir, size):
    from routekit.labels import labels_overlap

    for theme in ("eenzaamheid", "laaggeletterdheid"):
        fig = plot_canvas(theme_canvas(sample_route, theme), size=size).get_figure(root=True)
        texts = [t for t in fig.axes[0].texts if t.get_text()]
        joined = " ".join(t.get_text().replace("\n", " ") for t in texts)
        assert "People" in joined and "Organization" in joined
        assert labels_overlap(texts) == []
        renderer = fig.canvas.get_renderer()
        assert all(fig.bbox.contains(*t.get_window_extent(renderer).p1) for t in texts)
        fig.savefig(figure_dir / f"post_o_{theme}_{size}.png", dpi=110)
    assert "Riet van Dijk" in " ".join(t.get_text() for t in plot_canvas(
        theme_canvas(sample_route, "eenzaamheid")).texts)
