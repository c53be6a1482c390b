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
from contextlib import contextmanager
from pathlib import Path

from routekit.i18n import t

__all__ = ["add_report", "add_slides", "jobs", "progress_bar"]


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


def jobs(requested: int | None = None) -> int:
    """Processes to draw the charts in: *requested*, else the machine's cores (at most 4)."""
    import os

    if requested:
        return max(1, requested)
    return max(1, min(4, os.cpu_count() or 1))


def _document(route, args, render: tuple[str, ...], figures=None):
    """The route's document, its charts drawn in parallel and rendered for *render*."""
    from routekit.report import SECTIONS, route_document

    with progress_bar(len(SECTIONS), t("documents.progress.sections")) as step:
        return route_document(route, progress=step, workers=jobs(args.jobs), render=render,
                              figures=figures)


def _open(args: argparse.Namespace):
    import matplotlib

    from routekit.cli import route_from_args
    from routekit.notebook import start

    # no windows, no GUI toolkit, when no backend is chosen yet (a command line run); a
    # notebook's backend stays (charts are closed, never shown); not through MPLBACKEND,
    # which kernels started later inherit
    if matplotlib.get_backend(auto_select=False) is None:
        matplotlib.use("Agg")

    return start(route_from_args(args), quiet=True)


@contextmanager
def _source(route, share: bool):
    """The route the documents are made from: the route itself, or its shared copy."""
    if not share:
        yield route
        return
    from routekit.share import shared_copy

    with shared_copy(route) as copy:
        yield copy


def _cmd_report(args: argparse.Namespace) -> int:
    from routekit.report import render

    route = _open(args)
    output = args.output or route.path / "rapport"
    with _source(route, args.share) as source:
        document = _document(source, args, (args.format,))
        path = render(source, output, format=args.format, document=document)
    print(t("cli.report.done", path=path))
    return 0


def _cmd_slides(args: argparse.Namespace) -> int:
    from routekit.documents.slides import write_slides

    route = _open(args)
    path = args.output or route.path / "rapport" / t("documents.slides.filename")
    with _source(route, args.share) as source:
        document = _document(source, args, ("slides",), figures=args.figures)
        print(t("documents.cli.slides.done", path=write_slides(document, path)))
    if args.figures:
        count = sum(1 for _ in document.charts())
        print(t("documents.cli.figures.done", count=count, path=args.figures))
    return 0


def _add_jobs(p) -> None:
    p.add_argument("-j", "--jobs", type=int, metavar="N", help=t("documents.cli.jobs"))
    p.add_argument("--share", action="store_true", help=t("documents.cli.share"))


def add_report(sub) -> None:
    """Add ``routekit report [ROUTE] [-o DIR] [--format html|pdf] [--share]``."""
    from routekit.cli import add_route_argument
    from routekit.report import FORMATS

    p = sub.add_parser("report", help=t("documents.cli.report.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path, metavar="DIR",
                   help=t("documents.cli.report.output"))
    p.add_argument("--format", choices=FORMATS, default="html",
                   help=t("documents.cli.report.format"))
    _add_jobs(p)
    p.set_defaults(run=_cmd_report)


def add_slides(sub) -> None:
    """Add ``routekit slides [ROUTE] [-o FILE] [--figures DIR] [--share]``."""
    from routekit.cli import add_route_argument

    p = sub.add_parser("slides", help=t("documents.cli.slides.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=t("documents.cli.slides.output"))
    p.add_argument("--figures", type=Path, metavar="DIR", help=t("documents.cli.slides.figures"))
    _add_jobs(p)
    p.set_defaults(run=_cmd_slides)
