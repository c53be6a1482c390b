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

__all__ = ["COMMANDS", "add_route_argument", "main", "route_from_args"]


def add_route_argument(parser: argparse.ArgumentParser) -> None:
    """Add the optional ``ROUTE`` positional that every command names its route with.

    Every command takes the route the same way: ``routekit COMMAND [ROUTE] ...``;
    left out, it is the working route (see :func:`route_from_args`).
    """
    parser.add_argument("route", nargs="?", type=Path, metavar="ROUTE", help=t("cli.route"))


def route_from_args(args: argparse.Namespace, *, writes: bool = False) -> Path:
    """The route folder a command works on: ``ROUTE``, else ``ROUTEKIT_ROUTE``, else the sample copy.

    When the route is the working copy of the fictional sample, a command that
    *writes* says so on stderr, so a user's own data never land there unnoticed.
    """
    from routekit.notebook import WORKING_ROUTE, ensure_working_route, resolve_route

    route_dir = resolve_route(getattr(args, "route", None))
    if route_dir == WORKING_ROUTE:
        ensure_working_route(route_dir)
        if writes:
            print(t("cli.sample_route", path=route_dir), file=sys.stderr)
    return route_dir


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

    route = Route.open(route_from_args(args))
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

    route = start(route_from_args(args), quiet=True)
    path = render(route, args.output or route.path / "rapport")
    print(t("cli.report.done", path=path))
    return 0


def _cmd_lab(args: argparse.Namespace) -> int:
    from routekit.notebook import ENV_VAR, PROJECT_ROOT

    route_dir = route_from_args(args)
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
    add_route_argument(p)
    p.set_defaults(run=_cmd_check)


def _add_report(sub) -> None:
    p = sub.add_parser("report", help=t("cli.report.help"))
    add_route_argument(p)
    p.add_argument("-o", "--output", type=Path)
    p.set_defaults(run=_cmd_report)


def _add_lab(sub) -> None:
    p = sub.add_parser("lab", help=t("cli.lab.help"))
    add_route_argument(p)
    p.add_argument("--no-browser", action="store_true",
                   default=bool(os.environ.get("NO_BROWSER")))
    p.add_argument("jupyter_args", nargs=argparse.REMAINDER)
    p.set_defaults(run=_cmd_lab)


def _cmd_import(args: argparse.Namespace) -> int:
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    route = Route.open(route_from_args(args, writes=True))
    rename = dict(item.split("=", 1) for item in args.map or [])
    result = import_file(route, args.kind, args.file, year=args.year, rename=rename)
    print("\n".join(result.lines))
    return 0


def _add_import(sub) -> None:
    from routekit.area.importer import KINDS

    p = sub.add_parser("import", help=t("area.cli.help"))
    add_route_argument(p)
    p.add_argument("file", type=Path, metavar="FILE", help=t("area.cli.file"))
    p.add_argument("--kind", default="auto", choices=["auto", *KINDS], help=t("area.cli.kind"))
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
    from routekit.workspace import Route

    notebook = args.notebook
    if notebook is None and args.route and not args.route.is_dir() and notebook_name(args.route):
        args.route, notebook = None, str(args.route)  # `routekit app 03_kennismaken`
    if notebook_name(notebook) is None:
        print(t("app.unknown_notebook", name=notebook), file=sys.stderr)
        return 2
    route_dir = Route.open(route_from_args(args)).path
    port = args.port or (DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port())
    server = AppServer.start(route_dir, port=port)
    for stop_signal in (signal.SIGTERM, signal.SIGHUP):  # closing the terminal stops the app too
        signal.signal(stop_signal, _interrupt)
    try:
        server.wait_until_ready()
        print(t("app.start", path=route_dir, url=server.url(notebook)), flush=True)
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
    add_route_argument(p)
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
