"""``routekit report`` and ``routekit slides``: the documents from the command line.

Both show a progress bar on stderr while they work and print where the file is.

Examples
--------
Shell::

    routekit report routes/mijn-route --format pdf
    routekit slides routes/mijn-route -o presentatie.pptx --figures grafieken/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from routekit.i18n import t

__all__ = ["add_report", "add_slides", "progress_bar"]


class progress_bar:  # noqa: N801  (used like a function: ``with progress_bar(...) as step``)
    """A tqdm bar on stderr (silent when stderr is not a terminal and in tests)."""

    def __init__(self, total: int, description: str):
        from tqdm import tqdm

        self._bar = tqdm(total=total, desc=description, unit="", file=sys.stderr, leave=False,
                         disable=None, bar_format="{desc}: {bar} {n_fmt}/{total_fmt}")

    def __enter__(self):
        return self.step

    def step(self, _name: str = "") -> None:
        self._bar.update(1)

    def __exit__(self, *exc) -> None:
        self._bar.close()


def _document(route):
    from routekit.report import SECTIONS, route_document

    with progress_bar(len(SECTIONS), t("documents.progress.sections")) as step:
        return route_document(route, progress=step)


def _render_charts(document, target: str) -> None:
    """Render every chart for *target* once, with a progress bar (then the writers reuse it)."""
    from routekit.documents.figures import chart_image

    charts = [chart for _, chart in document.charts()]
    with progress_bar(len(charts), t("documents.progress.charts")) as step:
        for chart in charts:
            chart_image(chart, target)
            step()


def _open(args: argparse.Namespace):
    import os

    from routekit.cli import route_from_args
    from routekit.notebook import start

    os.environ.setdefault("MPLBACKEND", "Agg")  # this process only: no windows, no GUI toolkit

    return start(route_from_args(args), quiet=True)


def _cmd_report(args: argparse.Namespace) -> int:
    from routekit.report import render

    route = _open(args)
    document = _document(route)
    try:
        _render_charts(document, args.format)
        path = render(route, args.output or route.path / "rapport", format=args.format,
                      document=document)
    finally:
        document.close()
    print(t("cli.report.done", path=path))
    return 0


def _cmd_slides(args: argparse.Namespace) -> int:
    from routekit.documents.figures import export_chart, route_logo
    from routekit.documents.slides import write_slides

    route = _open(args)
    document = _document(route)
    try:
        _render_charts(document, "slides")
        path = args.output or route.path / "rapport" / t("documents.slides.filename")
        path = write_slides(document, path)
        print(t("documents.cli.slides.done", path=path))
        if args.figures:
            charts = [chart for _, chart in document.charts()]
            with progress_bar(len(charts), t("documents.progress.charts")) as step:
                for chart in charts:
                    export_chart(chart, args.figures, logo=route_logo(route))
                    step()
            print(t("documents.cli.figures.done", count=len(charts), path=args.figures))
    finally:
        document.close()
    return 0


def add_report(sub) -> None:
    """Add ``routekit report [ROUTE] [-o DIR] [--format html|pdf]``."""
    from routekit.cli import add_route_argument
    from routekit.report import FORMATS

    p = sub.add_parser("report", help=t("documents.cli.report.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path, metavar="DIR",
                   help=t("documents.cli.report.output"))
    p.add_argument("--format", choices=FORMATS, default="html",
                   help=t("documents.cli.report.format"))
    p.set_defaults(run=_cmd_report)


def add_slides(sub) -> None:
    """Add ``routekit slides [ROUTE] [-o FILE] [--figures DIR]``."""
    from routekit.cli import add_route_argument

    p = sub.add_parser("slides", help=t("documents.cli.slides.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=t("documents.cli.slides.output"))
    p.add_argument("--figures", type=Path, metavar="DIR", help=t("documents.cli.slides.figures"))
    p.set_defaults(run=_cmd_slides)
