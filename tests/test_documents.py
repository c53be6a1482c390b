"""The documents of a route: report (HTML, A4 PDF), slides and the documents panel.

Checked on the sample route and on a fresh route with only real CBS figures (the
Utrecht kwb-2023 extract): every route step present or marked "nog niet ingevuld",
plausible page count, no chart or table row split over pages, one slide per chart
with a title, an image that is not empty and speaker notes.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from routekit.cli import main
from routekit.workspace import STEPS

ROOT = Path(__file__).resolve().parents[1]
CBS_FILE = ROOT / "tests" / "data" / "cbs" / "kwb-2023-utrecht.xlsx"


@pytest.fixture(scope="module")
def sample_documents(tmp_path_factory):
    """The sample's document, made once, written as PDF and slides (what the commands call)."""
    import shutil

    from routekit.documents.slides import write_slides
    from routekit.i18n import set_language
    from routekit.notebook import start
    from routekit.report import render, route_document

    set_language("nl")
    folder = tmp_path_factory.mktemp("sample")
    shutil.copytree(ROOT / "data" / "sample-route", folder / "de-sleutel",
                    ignore=shutil.ignore_patterns(".backup"))
    route = start(folder / "de-sleutel", quiet=True)
    document = route_document(route)
    pdf = render(route, folder / "out", format="pdf", document=document)
    slides = write_slides(document, folder / "out" / "presentatie.pptx")
    yield document, pdf, slides
    document.close()


@pytest.fixture
def cbs_route(tmp_path):
    """A fresh route for Utrecht holding nothing but the CBS key figures."""
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    route = Route.create(tmp_path / "utrecht", library="Bibliotheek Utrecht",
                         municipality={"code": "GM0344", "name": "Utrecht"})
    import_file(route, "cbs", CBS_FILE)
    return route


def _pdf_layout(document):
    """Pages of the PDF as weasyprint lays them out (the same HTML write_pdf uses)."""
    import weasyprint

    from routekit.report import document_html

    return weasyprint.HTML(string=document_html(document, target="pdf")).render().pages


def _boxes(box, kind):
    if isinstance(box, kind):
        yield box
    for child in getattr(box, "children", []):
        yield from _boxes(child, kind)


def _assert_nothing_split(pages, charts: int) -> None:
    from weasyprint.formatting_structure.boxes import ReplacedBox, TableRowBox

    images = 0
    for page in pages:
        box = page._page_box
        bottom = box.content_box_y() + box.height
        for image in _boxes(box, ReplacedBox):
            images += 1
            assert image.position_y >= box.content_box_y() - 1
            assert image.position_y + image.margin_height() <= bottom + 1, "chart cut off"
        for row in _boxes(box, TableRowBox):
            assert row.position_y + row.margin_height() <= bottom + 1, "table row cut off"
    assert images == charts


def _pdf_pages(path: Path) -> int:
    """Pages of the written PDF; each page's text is read too (the file is a real PDF)."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    assert "Route van" in reader.pages[0].extract_text()
    return len(reader.pages)


def _check_slides(path: Path, charts: list) -> None:
    from PIL import Image
    from pptx import Presentation

    slides = list(Presentation(path).slides)
    pictures = [s for s in slides if any(sh.shape_type == 13 for sh in s.shapes)]
    assert len(pictures) == len(charts)
    for slide, chart in zip(pictures, charts, strict=True):
        titles = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        assert titles[0] == chart.point and chart.point
        picture = next(sh for sh in slide.shapes if sh.shape_type == 13)
        image = Image.open(io.BytesIO(picture.image.blob)).convert("L")
        low, high = image.getextrema()
        assert high - low > 100, f"empty chart on slide '{chart.point}'"
        notes = slide.notes_slide.notes_text_frame.text
        assert notes.strip() and notes != chart.point
    assert "Samenvatting voor het management" in slides[1].shapes[0].text_frame.text


def test_sample_report_has_every_step_with_its_charts(sample_documents):
    document, pdf, _ = sample_documents
    assert [part.step for part in document.parts] == list(STEPS)
    assert all(part.filled for part in document.parts)
    charts = [chart for _, chart in document.charts()]
    assert len(charts) >= 20 and len({chart.name for chart in charts}) == len(charts)
    assert all(chart.point and chart.notes for chart in charts)
    leads = [lead for lead, _ in document.summary]
    assert leads == ["De route", "Wie woont hier, wie mist de bibliotheek?",
                     "Het krachtenveld per thema", "Wie draagt de community?",
                     "Het plan: doelen, begroting en trekkers"]
    text = " ".join(answer for _, answer in document.summary)
    assert "De bibliotheek mist vooral" in text and "€" in text and "Trekkers" in text
    assert "None" not in text and "nan" not in text
    pages = _pdf_pages(pdf)
    assert 15 <= pages <= 60
    _assert_nothing_split(_pdf_layout(document), len(charts))


def test_sample_slides(sample_documents):
    document, _, slides = sample_documents
    _check_slides(slides, [chart for _, chart in document.charts()])
    from pptx import Presentation

    deck = Presentation(slides)
    titles = [s.shapes[0].text_frame.text for s in deck.slides]
    assert any(title.startswith("Gesprekskoppels") for title in titles)
    assert any(title.startswith("Begroting per activiteit") for title in titles)
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_cbs_only_route_through_the_commands(cbs_route, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["report", str(cbs_route.path), "-o", str(out), "--format", "pdf"]) == 0
    assert main(["report", str(cbs_route.path), "-o", str(out)]) == 0
    assert main(["slides", str(cbs_route.path), "-o", str(out / "dia.pptx"),
                 "--figures", str(out / "grafieken")]) == 0
    printed = capsys.readouterr().out
    assert "rapport.pdf" in printed and "dia.pptx" in printed
    page = (out / "rapport.html").read_text("utf-8")
    assert page.count("Nog niet ingevuld.") == len(STEPS) - 2  # only start and area are filled
    assert "Kerncijfers van het CBS (2023)" in page and "Utrecht" in page
    assert "<script" not in page and 'src="http' not in page
    assert 3 <= _pdf_pages(out / "rapport.pdf") <= 12
    import matplotlib.pyplot as plt

    from routekit.notebook import start
    from routekit.report import route_document

    document = route_document(start(cbs_route.path, quiet=True))
    assert not plt.get_fignums()  # out of pyplot: a notebook cell would not show them
    charts = [chart for _, chart in document.charts()]
    assert len(charts) == 1 and "65 jaar of ouder" in charts[0].point
    _assert_nothing_split(_pdf_layout(document), 1)
    _check_slides(out / "dia.pptx", charts)
    files = sorted(p.name for p in (out / "grafieken").iterdir())
    assert files == [f"{charts[0].name}.png", f"{charts[0].name}.svg"]
    document.close()


def test_a_new_empty_route_says_what_to_fill_in(empty_route, tmp_path):
    from pptx import Presentation

    from routekit.documents.slides import write_slides
    from routekit.report import render, route_document

    document = route_document(empty_route)
    assert [part.filled for part in document.parts] == [True] + [False] * (len(STEPS) - 1)
    assert all(part.how_to for part in document.parts[1:])
    path = render(empty_route, tmp_path, document=document)
    page = path.read_text("utf-8")
    assert "Samenvatting voor het management" in page and "net begonnen" in page
    assert "Importeer in stap 4a de CBS-download" in page
    deck = Presentation(write_slides(document, tmp_path / "leeg.pptx"))
    assert len(deck.slides) == 3  # title, summary, the steps still to do


def test_route_colours_and_logo_come_from_route_yaml(empty_route, tmp_path):
    import yaml
    from PIL import Image

    from routekit.documents.figures import route_colours, route_logo
    from routekit.report import render

    Image.new("RGB", (120, 40), "#7a1f5c").save(empty_route.path / "logo.png")
    config = yaml.safe_load((empty_route.path / "route.yaml").read_text("utf-8"))
    config["style"] = {"primary": "#7A1F5C", "logo": "logo.png"}
    (empty_route.path / "route.yaml").write_text(yaml.safe_dump(config), "utf-8")
    from routekit.workspace import Route

    route = Route.open(empty_route.path)
    assert route_colours(route)["primary"] == "#7a1f5c"
    assert route_logo(route) == route.path / "logo.png"
    page = render(route, tmp_path).read_text("utf-8")
    assert "#7a1f5c" in page and 'class="logo"' in page


def test_pdf_says_in_dutch_when_weasyprint_cannot_load(monkeypatch, tmp_path):
    import builtins

    from routekit.documents.pdf import PdfUnavailable, write_pdf

    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(PdfUnavailable) as caught:
        write_pdf("<p>x</p>", tmp_path / "x.pdf")
    message = str(caught.value.problems[0])
    assert "Een PDF maken lukt niet" in message and "libpango" in message


def test_documents_panel_makes_all_three(empty_route):
    from routekit.ui.documents import DocumentsPanel

    panel = DocumentsPanel(empty_route)
    panel.buttons["all"].click()
    assert sorted(p.name for p in panel.paths.values()) == ["presentatie.pptx", "rapport.html",
                                                            "rapport.pdf"]
    assert all(p.stat().st_size for p in panel.paths.values())
    shown = panel.message.value
    assert "Opgeslagen in de map 'rapport' van je route 'leeg'" in shown
    assert shown.count("download=") == 3 and str(empty_route.path) not in shown
    first = panel.document()
    assert panel.document() is first  # nothing changed: not made again
    (empty_route.path / "notitie.txt").write_text("iets nieuws", "utf-8")
    assert panel.document() is not first


def test_one_figure_export_for_files_and_documents(tmp_path):
    from routekit.documents.figures import TARGETS, chart_image, export_chart
    from routekit.report import Chart
    from routekit.style import new_figure

    fig, ax = new_figure("slide")
    ax.bar(["a", "b"], [1, 2])
    chart = Chart(fig, point="Twee staven", notes=["a: 1", "b: 2"])
    assert chart.name == "twee-staven"
    assert chart_image(chart, "html") is chart_image(chart, "html")  # rendered once
    assert chart_image(chart, "pdf")[:2] == b"\xff\xd8"  # JPEG for weasyprint
    paths = export_chart(chart, tmp_path)
    assert [p.name for p in paths] == ["twee-staven.png", "twee-staven.svg"]
    from PIL import Image

    width, height = Image.open(paths[0]).size
    assert (width, height) == (int(13.333 * TARGETS["files"][0]), int(7.5 * TARGETS["files"][0]))


def test_the_handleiding_commands_work_on_a_fresh_route(tmp_path, monkeypatch, capsys):
    """Every ``routekit`` line in the handleiding's ```bash blocks runs, as written."""
    import shlex
    import shutil

    text = (ROOT / "docs" / "handleiding.md").read_text("utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    lines = [line for block in blocks for line in block.splitlines()
             if line.startswith("routekit ")]
    assert [shlex.split(line)[1] for line in lines] == ["new", "check", "import", "report",
                                                       "slides"]
    monkeypatch.chdir(tmp_path)
    shutil.copy(CBS_FILE, tmp_path / "kwb-2023.xlsx")  # the download, as the handleiding names it
    for line in lines:
        assert main(shlex.split(line)[1:]) == 0, line
    route = tmp_path / "routes" / "mijn-route"
    assert list((route / "area" / "cbs").glob("kerncijfers-*.csv"))
    assert (route / "rapport" / "rapport.pdf").stat().st_size
    assert (route / "rapport" / "presentatie.pptx").stat().st_size
    assert len(list((route / "grafieken").glob("*.svg"))) == 1
    assert "Geen fouten gevonden" in capsys.readouterr().out  # `check` comes before the import


def test_the_panel_draws_no_chart_into_a_notebook(cbs_route, tmp_path, monkeypatch):
    """Making the documents in a kernel (inline backend) shows no chart below any cell."""
    import nbformat
    from nbclient import NotebookClient

    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR",
                 "MPLCONFIGDIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "%matplotlib inline\nfrom routekit.notebook import start\n"
        "from routekit.ui.documents import DocumentsPanel\n"
        f"panel = DocumentsPanel(start({str(cbs_route.path)!r}, quiet=True))\n"
        "panel.buttons['html'].click()\nprint(sorted(p.name for p in panel.paths.values()))"),
        nbformat.v4.new_code_cell("print('volgende cel')")]
    NotebookClient(notebook, timeout=600, kernel_name="python3").execute()
    outputs = [output for cell in notebook.cells for output in cell.outputs]
    assert [output.get("text") for output in outputs] == ["['rapport.html']\n",
                                                          "volgende cel\n"]
