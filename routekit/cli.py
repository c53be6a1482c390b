"""The ``routekit`` command: create, check and report on a route, or open the notebooks.

Examples
--------
Shell::

    routekit new routes/mijn-route --library "Bibliotheek Voorbeeld" \\
        --municipality GM0001 --theme laaggeletterdheid "Laaggeletterdheid"
    routekit import routes/mijn-route kwb-2023.xlsx
    routekit new routes/oefen --sample
    routekit check routes/mijn-route
    routekit report routes/mijn-route -o out/ --format pdf
    routekit slides routes/mijn-route -o out/presentatie.pptx --figures out/grafieken
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
    """The route folder of a command: ``ROUTE``, else ``ROUTEKIT_ROUTE``, else the sample copy.

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
            print(t("import.cli.new_needs"), file=sys.stderr)
            return 2
        given, *name = args.municipality
        code = given.strip().upper()
        code = f"GM{code}" if code.isdigit() and len(code) == 4 else code  # 0344 → GM0344
        if not (code.startswith("GM") and code[2:].isdigit() and len(code) == 6):
            print(t("import.cli.bad_code", code=given), file=sys.stderr)
            return 2
        route = Route.create(args.path, library=args.library,
                             municipality={"code": code, "name": " ".join(name)},
                             themes=[{"id": i, "name": n} for i, n in args.theme or []],
                             language=args.new_lang or args.lang or "nl")
    print(t("cli.new.done", path=route.path))
    if not args.sample:
        print(t("import.cli.next_steps", path=route.path))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from routekit.area.stored import advice
    from routekit.filechecks import check_route, format_problems
    from routekit.workspace import Route

    route_dir = route_from_args(args)
    problems = check_route(route_dir)  # every file, even when route.yaml is broken
    try:
        hints = advice(Route.open(route_dir))
    except RouteError:
        hints = []  # route.yaml itself is broken: the problems say so
    if not problems:
        print(t("cli.check.ok", path=route_dir) if not hints
              else t("import.cli.check_ok_but", path=route_dir))
    else:
        print(t("cli.check.problems", count=len(problems), path=route_dir))
        print("\n".join(format_problems(problems)))
    if hints:
        print(t("import.cli.advice"))
        for hint in hints:
            print(f"  - {hint}")
    return 1 if problems else 0


def _cmd_lab(args: argparse.Namespace) -> int:
    from routekit.notebook import ENV_VAR, HOME_VAR, PROJECT_ROOT, notebooks_folder

    route_dir = route_from_args(args)
    env = dict(os.environ, **{ENV_VAR: str(route_dir.resolve()), HOME_VAR: str(PROJECT_ROOT)})
    command = [sys.executable, "-m", "jupyter", "lab", str(notebooks_folder()),
               "--LabApp.news_url=None"]
    if args.no_browser:
        command += ["--no-browser", "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    print(t("cli.lab.start", path=route_dir))
    return subprocess.call(command + args.jupyter_args, env=env)


def _add_new(sub) -> None:
    p = sub.add_parser("new", help=t("cli.new.help"))
    p.add_argument("path", type=Path, metavar="ROUTE", help=t("import.cli.new_path"))
    p.add_argument("--sample", action="store_true", help=t("cli.new.sample"))
    p.add_argument("--library", metavar="NAAM", help=t("import.cli.library"))
    p.add_argument("--municipality", nargs="+", metavar=("CODE", "NAAM"),
                   help=t("import.cli.municipality"))
    p.add_argument("--theme", nargs=2, action="append", metavar=("ID", "NAAM"),
                   help=t("import.cli.theme"))
    p.add_argument("--lang", dest="new_lang", choices=["nl", "en"], help=t("import.cli.lang"))
    p.set_defaults(run=_cmd_new)


def _add_check(sub) -> None:
    p = sub.add_parser("check", help=t("cli.check.help"))
    add_route_argument(p)
    p.set_defaults(run=_cmd_check)


def _add_report(sub) -> None:
    from routekit.documents.commands import add_report

    add_report(sub)


def _add_lab(sub) -> None:
    p = sub.add_parser("lab", help=t("cli.lab.help"))
    add_route_argument(p)
    p.add_argument("--no-browser", action="store_true", help=t("app.no_browser"),
                   default=bool(os.environ.get("NO_BROWSER")))
    p.add_argument("jupyter_args", nargs=argparse.REMAINDER, help=t("import.cli.jupyter_args"))
    p.set_defaults(run=_cmd_lab)


def _cmd_import(args: argparse.Namespace) -> int:
    from routekit.area.importer import import_file
    from routekit.workspace import Route

    route = Route.open(route_from_args(args, writes=True))
    rename = dict(item.split("=", 1) for item in args.map or [])
    result = import_file(route, args.kind, args.file, year=args.year, rename=rename,
                         table=args.table)
    print("\n".join(result.lines))
    return 0


def _add_import(sub) -> None:
    from routekit.area.importer import KINDS

    p = sub.add_parser("import", help=t("area.cli.help"))
    add_route_argument(p)
    p.add_argument("file", type=Path, metavar="FILE", help=t("area.cli.file"))
    kinds = "; ".join(f"{kind} = {t(f'import.kind.{kind}')}" for kind in KINDS)
    p.add_argument("--kind", default="auto", choices=["auto", *KINDS],
                   help=t("import.cli.kind", kinds=kinds))
    p.add_argument("--year", type=int, metavar="JAAR", help=t("area.cli.year"))
    p.add_argument("--table", metavar="TABEL", help=t("import.cli.table"))
    p.add_argument("--map", action="append", metavar="KOLOM=NAAM", help=t("area.cli.map"))
    p.set_defaults(run=_cmd_import)


COMMANDS: list[Callable] = [_add_new, _add_check, _add_report, _add_lab, _add_import]
"""Functions that add one sub-command each; stage modules may add theirs."""


def _interrupt(_signum, _frame) -> None:
    raise KeyboardInterrupt


def _cmd_app(args: argparse.Namespace) -> int:
    import signal
    import webbrowser

    from routekit.app import DEFAULT_PORT, AppServer, free_port, notebook_name, port_is_free
    from routekit.notebook import notebooks_folder
    from routekit.workspace import Route

    notebooks_folder()  # after a normal install: copies the shipped notebooks here first

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


def _add_safety(sub) -> None:
    from routekit.restore import add_command as add_restore
    from routekit.share import add_command as add_share

    add_restore(sub)
    add_share(sub)


COMMANDS.append(_add_safety)


def _cmd_classify(args: argparse.Namespace) -> int:
    from routekit.area.stored import rename_group, run_classify
    from routekit.workspace import Route

    route = Route.open(route_from_args(args, writes=True))
    lines = run_classify(route, national=args.national, members=args.members,
                         postcodes=args.postcodes, use=args.use, seed=args.seed)
    for code, name in (item.split("=", 1) for item in args.rename or []):
        rename_group(route, code.strip(), name)
        lines.append(t("classify.ui.renamed", code=code.strip(), name=" ".join(name.split())))
    print("\n".join(lines))
    return 0


def _add_classify(sub) -> None:
    p = sub.add_parser("classify", help=t("classify.cli.help"))
    add_route_argument(p)
    p.add_argument("--national", type=Path, metavar="FILE", help=t("classify.cli.national"))
    p.add_argument("--members", type=Path, metavar="FILE", help=t("classify.cli.members"))
    p.add_argument("--postcodes", type=Path, metavar="FILE", help=t("classify.cli.postcodes"))
    p.add_argument("--use", choices=["open", "mosaic"], help=t("classify.cli.use"))
    p.add_argument("--rename", action="append", metavar="CODE=NAAM", help=t("classify.cli.rename"))
    p.add_argument("--seed", type=int, default=0, help=t("classify.cli.seed"))
    p.set_defaults(run=_cmd_classify)


COMMANDS.append(_add_classify)


def _add_slides(sub) -> None:
    from routekit.documents.commands import add_slides

    add_slides(sub)


COMMANDS.append(_add_slides)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with all sub-commands."""
    parser = argparse.ArgumentParser(prog="routekit", description=t("cli.description"))
    parser.add_argument("--lang", choices=["nl", "en"], help=t("cli.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    for add in COMMANDS:
        add(sub)
    for each in (parser, *sub.choices.values()):
        _translate_help(each)
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=t("import.cli.usage") + " ")


def _translate_help(parser: argparse.ArgumentParser) -> None:
    """argparse's own texts (usage, headings, -h) in the user's language."""
    parser.formatter_class = _HelpFormatter
    parser._positionals.title = t("import.cli.positionals")
    parser._optionals.title = t("import.cli.optionals")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = t("import.cli.help")


def main(argv: list[str] | None = None) -> int:
    """Run the ``routekit`` command; returns the exit code (1 on problems in the input)."""
    argv = sys.argv[1:] if argv is None else argv
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    try:
        try:
            args = build_parser().parse_args(argv)
            return args.run(args)
        finally:
            sys.stdout.flush()  # a closed pipe shows here, not at exit
    except BrokenPipeError:  # output piped into `head`, which stopped reading
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
        return 0
    except RouteError as error:
        print(t("cli.error"), file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
