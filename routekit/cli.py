"""The ``routekit`` command: create, check and report on a route, or open the notebooks.

Examples
--------
Shell::

    routekit new routes/mijn-route --library "Bibliotheek Voorbeeld" \\
        --municipality GM0001 "Voorbeeld" --theme laaggeletterdheid "Laaggeletterdheid"
    routekit new routes/oefen --sample
    routekit check routes/mijn-route
    routekit report routes/mijn-route -o out/
    routekit lab routes/mijn-route
    routekit app routes/mijn-route 03_kennismaken
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from routekit.errors import RouteError
from routekit.i18n import set_language, t

__all__ = ["COMMANDS", "main"]


def _cmd_new(args: argparse.Namespace) -> int:
    from routekit.notebook import SAMPLE_ROUTE
    from routekit.workspace import Route

    if args.sample:
        route = Route.copy(SAMPLE_ROUTE, args.path)
    else:
        if not (args.library and args.municipality):
            print(t("cli.new.needs"), file=sys.stderr)
            return 2
        route = Route.create(args.path, library=args.library,
                             municipality={"code": args.municipality[0],
                                           "name": args.municipality[1]},
                             themes=[{"id": i, "name": n} for i, n in args.theme or []],
                             language=args.language)
    print(t("cli.new.done", path=route.path))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from routekit.workspace import Route

    route = Route.open(args.path)
    problems = route.check()
    if not problems:
        print(t("cli.check.ok", path=route.path))
        return 0
    print(t("cli.check.problems", count=len(problems), path=route.path))
    for problem in problems:
        print(f"  - {problem}")
    return 1


def _cmd_report(args: argparse.Namespace) -> int:
    from routekit.notebook import start
    from routekit.report import render

    route = start(args.path, quiet=True)
    path = render(route, args.output or route.path / "rapport")
    print(t("cli.report.done", path=path))
    return 0


def _cmd_lab(args: argparse.Namespace) -> int:
    from routekit.notebook import ENV_VAR, PROJECT_ROOT, ensure_working_route, resolve_route

    route_dir = Path(args.path) if args.path else ensure_working_route(resolve_route())
    env = dict(os.environ, **{ENV_VAR: str(route_dir.resolve())})
    command = [sys.executable, "-m", "jupyter", "lab", str(PROJECT_ROOT / "notebooks"),
               "--LabApp.news_url=None"]
    if args.no_browser:
        command += ["--no-browser", "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    print(t("cli.lab.start", path=route_dir))
    return subprocess.call(command + args.jupyter_args, env=env)


def _add_new(sub) -> None:
    p = sub.add_parser("new", help=t("cli.new.help"))
    p.add_argument("path", type=Path)
    p.add_argument("--sample", action="store_true", help=t("cli.new.sample"))
    p.add_argument("--library")
    p.add_argument("--municipality", nargs=2, metavar=("CODE", "NAME"))
    p.add_argument("--theme", nargs=2, action="append", metavar=("ID", "NAME"))
    p.add_argument("--language", default="nl", choices=["nl", "en"])
    p.set_defaults(run=_cmd_new)


def _add_check(sub) -> None:
    p = sub.add_parser("check", help=t("cli.check.help"))
    p.add_argument("path", type=Path)
    p.set_defaults(run=_cmd_check)


def _add_report(sub) -> None:
    p = sub.add_parser("report", help=t("cli.report.help"))
    p.add_argument("path", type=Path)
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(run=_cmd_report)


def _add_lab(sub) -> None:
    p = sub.add_parser("lab", help=t("cli.lab.help"))
    p.add_argument("path", nargs="?")
    p.add_argument("--no-browser", action="store_true",
                   default=bool(os.environ.get("NO_BROWSER")))
    p.add_argument("jupyter_args", nargs=argparse.REMAINDER)
    p.set_defaults(run=_cmd_lab)


def _cmd_import(args: argparse.Namespace) -> int:
    from routekit.area.importer import import_file
    from routekit.notebook import resolve_route
    from routekit.workspace import Route

    route = Route.open(resolve_route(args.route))
    rename = dict(item.split("=", 1) for item in args.map or [])
    result = import_file(route, args.kind, args.file, year=args.year, rename=rename)
    print("\n".join(result.lines))
    return 0


def _add_import(sub) -> None:
    from routekit.area.importer import KINDS

    p = sub.add_parser("import", help=t("area.cli.help"))
    p.add_argument("kind", choices=["auto", *KINDS], help=t("area.cli.kind"))
    p.add_argument("file", type=Path)
    p.add_argument("--route", type=Path, help=t("area.cli.route"))
    p.add_argument("--year", type=int, help=t("area.cli.year"))
    p.add_argument("--map", action="append", metavar="COLUMN=NAME", help=t("area.cli.map"))
    p.set_defaults(run=_cmd_import)


COMMANDS: list[Callable] = [_add_new, _add_check, _add_report, _add_lab, _add_import]
"""Functions that add one sub-command each; stage modules may add theirs."""


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _cmd_app(args: argparse.Namespace) -> int:
    import signal
    import webbrowser

    from routekit.app import DEFAULT_PORT, AppServer, free_port, notebook_name, port_is_free
    from routekit.notebook import ensure_working_route, resolve_route
    from routekit.workspace import Route

    path, notebook = args.path, args.notebook
    if notebook is None and path and not Path(path).is_dir() and notebook_name(path):
        path, notebook = None, path  # `routekit app 03_kennismaken`
    if notebook_name(notebook) is None:
        print(t("app.unknown_notebook", name=notebook), file=sys.stderr)
        return 2
    route_dir = Route.open(Path(path) if path else ensure_working_route(resolve_route())).path
    port = args.port or (DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port())
    server = AppServer.start(route_dir, port=port)
    for stop_signal in (signal.SIGTERM, signal.SIGHUP):  # closing the terminal stops the app too
        signal.signal(stop_signal, _interrupt)
    try:
        server.wait_until_ready()
        print(t("app.start", path=route_dir, url=server.url(notebook)), flush=True)
        print(t("app.reload_hint"), flush=True)  # Voilà now and then never finishes a page
        if not args.no_browser:
            webbrowser.open(server.url(notebook))
        return server.process.wait()
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(t("app.stop"))
        return 0
    finally:
        server.stop()


def _add_app(sub) -> None:
    p = sub.add_parser("app", help=t("app.help"))
    p.add_argument("path", nargs="?", help=t("app.path"))
    p.add_argument("notebook", nargs="?", help=t("app.notebook"))
    p.add_argument("--port", type=int, help=t("app.port"))
    p.add_argument("--no-browser", action="store_true", help=t("app.no_browser"),
                   default=bool(os.environ.get("NO_BROWSER")))
    p.set_defaults(run=_cmd_app)


COMMANDS.append(_add_app)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with all sub-commands."""
    parser = argparse.ArgumentParser(prog="routekit", description=t("cli.description"))
    parser.add_argument("--lang", choices=["nl", "en"], help=t("cli.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``routekit`` command; returns the exit code (1 on problems in the input)."""
    argv = sys.argv[1:] if argv is None else argv
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except RouteError as error:
        print(t("cli.error"), file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
