"""The documents of the sample route: where the time of ``routekit report`` and ``slides`` goes.

Times (wall clock and this process's CPU, so a busy machine shows up as the
difference) each phase once on a scratch copy of the sample route: drawing every
stage's charts (the section functions), rendering them per target, the HTML page,
the PDF and the slide deck. The ratio that matters is what the documents add on top
of drawing the charts: drawing is the charts' own cost (the plotting code), the rest
is this package's. The goal is under 10 s for the whole HTML report of the sample.
Run: ``python -m benchmarks documents``.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


class _Clock:
    def __init__(self):
        self.rows: list[tuple[str, float, float]] = []

    def __call__(self, name: str, function, *args, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args, **kwargs)
        self.rows.append((name, time.perf_counter() - wall, time.process_time() - cpu))
        return result


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from routekit.documents.figures import chart_image
    from routekit.documents.pdf import write_pdf
    from routekit.documents.slides import write_slides
    from routekit.notebook import start
    from routekit.report import SECTIONS, document_html, route_document

    with tempfile.TemporaryDirectory() as folder:
        route_dir = Path(folder) / "de-sleutel"
        shutil.copytree(ROOT / "data" / "sample-route", route_dir)
        clock = _Clock()
        route = clock("open the route", start, route_dir, quiet=True)
        sections = {}

        def progress(name):
            sections[name] = time.perf_counter()

        began = time.perf_counter()
        document = clock("draw the charts (section functions)", route_document, route,
                         progress=progress)
        charts = [chart for _, chart in document.charts()]
        for target in ("html", "pdf", "slides"):
            clock(f"render {len(charts)} charts for {target}",
                  lambda t=target: [chart_image(c, t) for c in charts])
        page = clock("HTML page", document_html, document)
        clock("PDF (weasyprint)", write_pdf, document_html(document, target="pdf"),
              Path(folder) / "rapport.pdf")
        clock("slide deck", write_slides, document, Path(folder) / "dia.pptx")
        document.close()
    print(f"{'phase':45s} {'wall s':>8s} {'cpu s':>8s}")
    for name, wall, cpu in clock.rows:
        print(f"{name:45s} {wall:8.2f} {cpu:8.2f}")
    previous = began
    print("sections (wall s):")
    for name in SECTIONS:
        if name in sections:
            print(f"  {name:55s} {sections[name] - previous:6.2f}")
            previous = sections[name]
    rows = {name: wall for name, wall, _ in clock.rows}
    parts = ("open the route", "draw the charts (section functions)",
             f"render {len(charts)} charts for html", "HTML page")
    html_report = sum(rows[name] for name in parts)
    drawing = rows["draw the charts (section functions)"]
    print(f"HTML report: {html_report:.1f} s wall (goal < 10 s); drawing is "
          f"{drawing / html_report:.0%} of it; page {len(page) // 1000} kB")
