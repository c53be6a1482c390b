"""Tests of the house style: rcParams, overrides, colours, finish and export."""

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.image as mimage  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from pydantic import ValidationError  # noqa: E402

from routekit import style  # noqa: E402
from routekit.i18n import set_language  # noqa: E402


@pytest.fixture(autouse=True)
def _clean():
    style.set_style()
    set_language("nl")
    yield
    plt.close("all")
    style.set_style()
    set_language("nl")


def test_style_context_sets_and_restores_rcparams():
    before = dict(matplotlib.rcParams)
    with style.style_context() as s:
        rc = matplotlib.rcParams
        assert rc["axes.spines.top"] is False and rc["axes.spines.right"] is False
        assert rc["axes.grid"] is True
        assert rc["savefig.dpi"] == 300
        assert rc["svg.fonttype"] == "none"
        assert rc["pdf.fonttype"] == 42
        assert rc["font.family"][0] == "DejaVu Sans"
        assert rc["figure.facecolor"] == "white"
        cycle = [c["color"] for c in rc["axes.prop_cycle"]]
        assert cycle == s.palette
    assert matplotlib.rcParams["axes.spines.top"] == before["axes.spines.top"]
    assert matplotlib.rcParams["savefig.dpi"] == before["savefig.dpi"]
    assert matplotlib.rcParams["axes.prop_cycle"] == before["axes.prop_cycle"]


def test_dict_override_merges_with_defaults():
    default = style.HouseStyle()
    s = style.set_style({"primary": "#7A1F5C", "source_note": "Bibliotheek De Sleutel"})
    assert s.primary == "#7a1f5c"
    assert s.source_note == "Bibliotheek De Sleutel"
    assert s.accent == default.accent
    assert s.palette == ["#7a1f5c", *default.palette[1:]]  # brand colour leads the palette
    assert style.get_style() is s
    assert style.set_style().primary == default.primary


def test_short_hex_is_normalised():
    assert style.HouseStyle(accent="#F90").accent == "#ff9900"


def test_bad_colour_names_the_field():
    with pytest.raises(ValidationError) as exc:
        style.HouseStyle(negative="rood")
    assert "negative" in str(exc.value) and "rood" in str(exc.value)

    with pytest.raises(style.StyleError) as exc:
        style.set_style({"primary": "blauw"})
    assert "route.yaml" in str(exc.value)
    assert "style.primary" in str(exc.value)
    assert "blauw" in str(exc.value)
    assert style.get_style().primary == style.HouseStyle().primary  # unchanged


def test_unquoted_yaml_colour_gets_a_hint():
    # `primary: #1F4E79` without quotes is read by YAML as a comment -> None.
    with pytest.raises(style.StyleError) as exc:
        style.set_style({"primary": None})
    assert "aanhalingstekens" in str(exc.value)


def test_bad_palette_entry_and_unknown_field():
    with pytest.raises(style.StyleError) as exc:
        style.set_style({"palette": ["#112233", "nope"], "primry": "#000000"})
    fields = {p.field for p in exc.value.problems}
    assert fields == {"style.palette.1", "style.primry"}


def test_palette_extends_to_distinct_colours():
    base = style.palette()
    assert len(base) >= 8
    colours = style.palette(12)
    assert len(colours) == 12 and len(set(colours)) == 12
    assert colours[: len(base)] == base
    assert len(set(style.palette(40))) == 40
    assert style.palette(3, {"palette": ["#000000", "#ffffff"]})[:2] == ["#000000", "#ffffff"]


def test_index_norm_and_cmaps():
    norm = style.index_norm(40, 180)
    assert float(norm(100)) == pytest.approx(0.5)
    assert float(norm(40)) == pytest.approx(0.0) and float(norm(180)) == pytest.approx(1.0)
    assert float(style.index_norm(110, 150)(100)) == pytest.approx(0.5)  # mirrored
    cmap = style.index_cmap()
    low, mid, high = cmap(0.0), cmap(0.5), cmap(1.0)
    assert matplotlib.colors.to_hex(low) == style.get_style().negative
    assert matplotlib.colors.to_hex(high) == style.get_style().primary
    assert min(mid[:3]) > 0.9  # light centre
    seq = style.sequential_cmap()
    assert matplotlib.colors.to_hex(seq(0.0)) != matplotlib.colors.to_hex(seq(1.0))


def test_new_figure_sizes_and_style():
    fig, ax = style.new_figure("slide")
    assert tuple(fig.get_size_inches()) == pytest.approx(style.SIZES["slide"])
    assert fig.get_layout_engine() is not None
    assert not ax.spines["top"].get_visible()
    with pytest.raises(ValueError, match="slides"):
        style.new_figure("slides")


def test_finish_adds_title_subtitle_and_source():
    fig, ax = style.new_figure()
    ax.plot([1, 2, 3])
    assert style.finish(ax, title="Leden per wijk", subtitle="2024", source="CBS") is ax
    texts = [t.get_text() for t in ax.texts] + [ax.get_title(loc="left")]
    assert "Leden per wijk" in texts and "2024" in texts
    assert fig.get_supxlabel() == "Bron: CBS"
    title = next(t for t in ax.texts if t.get_text() == "Leden per wijk")
    assert title.get_fontweight() == "bold" and title.get_ha() == "left"


def test_finish_uses_source_note_and_language():
    style.set_style({"source_note": "eigen telling"})
    set_language("en")
    fig, ax = style.new_figure()
    style.finish(ax, title="Members")
    assert ax.get_title(loc="left") == "Members"
    assert fig.get_supxlabel() == "Source: eigen telling"


def test_export_writes_all_formats_at_preset_size(tmp_path):
    fig, ax = style.new_figure()
    ax.bar(["a", "b"], [3, 5])
    style.finish(ax, title="Test", source="test")
    paths = style.export_figure(fig, tmp_path / "out" / "chart.png", size="a4")
    assert [p.name for p in paths] == ["chart.png", "chart.svg", "chart.pdf"]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    height, width = mimage.imread(paths[0]).shape[:2]
    assert (width, height) == (2481, 3508)
    svg = paths[1].read_text("utf-8")
    assert "<text" in svg and "Test" in svg  # svg.fonttype none: real text
    assert paths[2].read_bytes().startswith(b"%PDF")


def test_export_social_is_1080_px(tmp_path):
    fig, _ = style.new_figure("social")
    (png,) = style.export_figure(fig, tmp_path / "post", formats=("png",))
    assert mimage.imread(png).shape[:2] == (1080, 1080)


def test_logo_is_placed_when_set(tmp_path):
    logo = tmp_path / "logo.png"
    red = np.zeros((40, 80, 4))
    red[..., 0] = red[..., 3] = 1.0
    mimage.imsave(logo, red)
    fig, ax = style.new_figure()
    lax = style._add_logo(fig, logo)
    assert lax.get_images() and lax in fig.axes
    lax.remove()

    style.set_style({"logo": str(logo)})
    (png,) = style.export_figure(fig, tmp_path / "with", formats=("png",), dpi=100)
    img = mimage.imread(png)
    corner = img[-25:, -50:, :3].reshape(-1, 3)
    assert ((corner[:, 0] > 0.9) & (corner[:, 1] < 0.2)).any()  # red logo pixels
    assert not [a for a in fig.axes if a.get_label() == "routekit-logo"]  # figure unchanged

    (png,) = style.export_figure(fig, tmp_path / "without", formats=("png",), dpi=100, logo=False)
    corner = mimage.imread(png)[-25:, -50:, :3].reshape(-1, 3)
    assert not ((corner[:, 0] > 0.9) & (corner[:, 1] < 0.2)).any()


def test_export_at_another_size_leaves_the_figure_as_it_was(tmp_path):
    from routekit.labels import place_labels

    fig, ax = style.new_figure("slide")
    ax.scatter([1, 1.01, 1.02], [2, 2, 2])
    style.finish(ax, title="Hoeveel partners werken mee aan de leesbevordering in de wijk?")
    texts = place_labels(ax, [1, 1.01, 1.02], [2, 2, 2], ["Gemeente", "School", "Buurthuis"],
                         laid_out=True)
    title = ax.get_title(loc="left")
    before = style.figure_bytes(fig, target="screen", laid_out=True)["png"]
    positions = [text.get_position() for text in texts]
    (png,) = style.export_figure(fig, tmp_path / "post", size="social", formats=("png",))
    assert mimage.imread(png).shape[:2] == (1080, 1080)
    assert tuple(fig.get_size_inches()) == pytest.approx(style.SIZES["slide"])
    assert ax.get_title(loc="left") == title
    assert [text.get_position() for text in texts] == positions
    assert style.figure_bytes(fig, target="screen", laid_out=True)["png"] == before


def test_one_render_path_one_resolution_per_target():
    from matplotlib.backend_bases import FigureCanvasBase

    fig, _ = style.new_figure("screen")
    canvas, engine = fig.canvas, fig.get_layout_engine()
    sizes = {target: mimage.imread(io.BytesIO(style.figure_bytes(fig, target=target)["png"]))
             .shape[1] for target in style.DPI}
    assert sizes == {target: int(9.0 * dpi) for target, dpi in style.DPI.items()}
    assert fig.canvas is canvas and fig.get_layout_engine() is engine and fig.dpi == 100
    jpeg = style.figure_bytes(fig, ("jpeg",), target="document", pil_kwargs={"quality": 90})
    assert jpeg["jpeg"][:2] == b"\xff\xd8"
    FigureCanvasBase(fig)  # a figure the notebook has shown and closed: drawn on a lent canvas
    assert style.figure_bytes(fig, target="screen")["png"][:4] == b"\x89PNG"
    assert type(fig.canvas) is FigureCanvasBase


def test_figures_of_one_size_share_a_renderer_and_still_draw_their_own():
    first, ax1 = style.new_figure("slide")
    second, ax2 = style.new_figure("slide")
    assert first.canvas.get_renderer() is second.canvas.get_renderer()
    assert style.new_figure("a4")[0].canvas.get_renderer() is not first.canvas.get_renderer()
    ax1.bar(["a", "b"], [3, 5])
    ax2.plot([1, 2, 3])
    one = style.figure_bytes(first, target="screen")["png"]
    assert style.figure_bytes(second, target="screen")["png"] != one
    assert style.figure_bytes(first, target="screen")["png"] == one


def test_screen_png_holds_the_drawn_pixels_resolution_and_software():
    from PIL import Image

    fig, ax = style.new_figure("screen")
    ax.plot([1, 3, 2])
    ax.set_title("Bereik per wijk")
    png = style.figure_bytes(fig, target="screen", logo=False)["png"]
    image = Image.open(io.BytesIO(png))
    image.load()
    fig.canvas.draw()
    assert image.mode == "RGB" and image.size == (900, 550)
    assert np.array_equal(np.asarray(image), np.asarray(fig.canvas.buffer_rgba())[..., :3])
    assert image.info["Software"] == "routekit"
    assert round(image.info["dpi"][0]) == style.DPI["screen"]


def test_labels_with_a_halo_draw_the_same_from_kept_outlines():
    from matplotlib import patheffects

    from routekit.house import _text_paths

    def drawn(fontsize):
        fig, ax = style.new_figure("screen")
        ax.text(0.5, 0.5, "Wijkteam Oost", fontsize=fontsize,
                path_effects=[patheffects.withStroke(linewidth=2.5, foreground="white")])
        return style.figure_bytes(fig, target="screen", logo=False)["png"]

    outlines = _text_paths().outlines
    outlines.clear()
    first = drawn(12)
    assert len(outlines) == 1
    assert drawn(12) == first and len(outlines) == 1  # drawn again from the kept outline
    assert drawn(20) != first  # another size: another outline
    assert len(outlines) == 2


def _laid_out_chart(title="Leden per wijk", labels=("Oost", "West"), rotation=0,
                    legend=True, top=False, wide=False):
    fig, ax = style.new_figure("screen")
    ax.bar(labels, [3, 5], label="leden")
    ax.tick_params(axis="x", labelrotation=rotation)
    ax.set_ylabel("Aantal leden\n(x 1000)" if wide else "Leden")
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    if top:
        ax.secondary_xaxis("top").set_xticks([0, 1], ["links", "rechts"])
    style.finish(ax, title=title, subtitle="2026", source="CBS")
    return fig


def _positions(fig):
    return [ax.get_position().bounds for ax in fig.axes]


VARIANTS = [{}, {"title": "Leden per wijk\nin de gemeente"},
            {"labels": ("Oost", "Westelijke tuinsteden"), "rotation": 90}, {"rotation": 45},
            {"legend": False}, {"top": True}, {"wide": True}]


def test_a_layout_worked_out_before_is_reused_only_for_the_same_layout(monkeypatch):
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from routekit import house

    house._LAYOUTS.clear()
    fresh = {}
    for number, variant in enumerate(VARIANTS):  # each worked out once: a new entry
        fresh[number] = _positions(_laid_out_chart(**variant))
        assert len(house._LAYOUTS) == number + 1
    runs = []
    execute = ConstrainedLayoutEngine.execute
    monkeypatch.setattr(ConstrainedLayoutEngine, "execute",
                        lambda self, fig: runs.append(fig) or execute(self, fig))
    for number, variant in reversed(list(enumerate(VARIANTS))):  # again: reused, the same
        assert _positions(_laid_out_chart(**variant)) == fresh[number]
    assert runs == []
    assert len(set(map(tuple, map(tuple, fresh.values())))) == len(VARIANTS)


def test_a_reused_layout_draws_the_same_picture():
    from routekit import house

    house._LAYOUTS.clear()
    first = style.figure_bytes(_laid_out_chart(top=True), target="screen", laid_out=True)
    second = style.figure_bytes(_laid_out_chart(top=True), target="screen", laid_out=True)
    assert first == second and len(house._LAYOUTS) == 1


def test_a_figure_the_key_cannot_describe_is_laid_out_by_the_engine():
    from routekit import house

    fig, ax = style.new_figure("screen")
    ax.plot([0, 1], [0, 1], clip_on=False)  # may stick out of the axes: not in the key
    assert house._layout_key(fig, fig.get_layout_engine()) is None
    fig, ax = style.new_figure("screen")
    unit = "%"
    ax.yaxis.set_major_formatter(lambda value, _pos: f"{value:.0f}{unit}")  # a closure
    assert house._layout_key(fig, fig.get_layout_engine()) is None


def test_figure_scale_is_read_from_the_figure():
    assert style.figure_scale(style.new_figure("slide")[0]) == 1.4
    assert style.figure_scale(style.new_figure((13.333, 7.5))[0]) == 1.4
    assert style.figure_scale(style.new_figure("a4")[0]) == 1.0
    assert style.figure_preset(style.new_figure((3, 2))[0]) is None


def test_logo_must_be_png():
    with pytest.raises(ValidationError, match="logo"):
        style.HouseStyle(logo="logo.jpg")


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, routekit.style; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_chart_shows_below_its_cell_in_a_notebook():
    """The first figure of a kernel switches the inline backend on inside style_context;
    leaving the block must not switch interactive mode (and so later figures) off."""
    import nbformat
    from nbclient import NotebookClient

    draw = "_, ax = new_figure('screen')\nax.plot([1, 2]);"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(f"from routekit.style import new_figure\n{draw}"),
        nbformat.v4.new_code_cell(draw)])
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = ["image/png" in output.get("data", {}) for cell in notebook.cells
             for output in cell.outputs]
    assert shown == [True, True]


def test_plot_kit_imports_point_one_way():
    """house ← labels ← style, also inside functions; no private name crosses modules."""
    import ast
    from pathlib import Path

    root = Path(style.__file__).parent

    def imports(name):
        tree = ast.parse((root / f"{name}.py").read_text("utf-8"))
        found = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("routekit"):
                found.setdefault(node.module, set()).update(a.name for a in node.names)
        return found

    assert not {"routekit.style", "routekit.labels"} & set(imports("house"))
    assert "routekit.style" not in imports("labels")
    for name in ("house", "labels", "style", "plotcheck"):
        private = [n for names in imports(name).values() for n in names if n.startswith("_")]
        assert private == [], name
