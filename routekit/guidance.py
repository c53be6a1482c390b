"""What a route has for each stage, and a Dutch "this is missing, here is how to add it".

Every notebook page asks :func:`missing` (or :func:`guidance`) for the inputs its
sections need; what is absent gets one short message each: what is missing and
exactly how to add it (the form, the ``routekit import`` line, the file to fill).
The page then shows what it can with what is there.

Examples
--------
>>> from routekit.workspace import Route
>>> sample = Route.open("data/sample-route")
>>> missing(sample, ["cbs", "segments", "relations", "personas"])
[]
>>> empty = Route.create("routes/leeg", library="Bibliotheek Leeg",
...     municipality={"code": "GM0001", "name": "Leegdorp"},
...     themes=[{"id": "lezen", "name": "Lezen"}])
>>> missing(empty, ["cbs", "themes", "relations"])
['cbs', 'relations']
>>> print(guidance(empty, ["relations"]))  # doctest: +NORMALIZE_WHITESPACE
**Wat ontbreekt er nog?**
<BLANKLINE>
- Er zijn nog geen relaties tussen belanghebbenden, dus er is nog geen netwerk om te tekenen.
  Open in stap 4c *Relaties toevoegen of verwijderen* en leg vast wie wie kent.
<BLANKLINE>
De rest van deze pagina werkt met wat er al is; wat niet kan, wordt overgeslagen.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from routekit.errors import RouteError
from routekit.i18n import t

__all__ = ["NEEDS", "guidance", "guidance_html", "import_line", "missing", "present"]

#: Set by the app's server (see :func:`routekit.app.app_environment`).
APP_ENV_VAR = "ROUTEKIT_APP"

#: Inputs that can be imported with ``routekit import`` (they get an import line).
_IMPORTABLE = ("cbs", "segments", "members", "boundaries")


def _records(kind: str) -> Callable:
    def check(route) -> bool:
        if not route.file(kind).exists():
            return False
        try:
            return bool(route.records(kind))
        except RouteError:
            return True  # there is something; its problems are reported by the stage itself
    return check


def _area(name: str) -> Callable:
    return lambda route: route.area_file(name).exists()


def _cbs(route) -> bool:
    from routekit.area.stored import route_figures

    try:
        return route_figures(route) is not None
    except RouteError:
        return True  # present but faulty: the area analysis names the problem


def _library(route) -> bool:
    try:
        return any(getattr(s, "sector", None) == "library"
                   for s in route.records("stakeholders"))
    except RouteError:
        return True


def _segments(route) -> bool:
    from routekit.area.stored import has_segment_data

    return has_segment_data(route)  # Mosaic-like data or the open segments


def _members(route) -> bool:
    from routekit.area.stored import segment_files

    try:  # the members of the segment source the stages use (Mosaic or the open one)
        return segment_files(route)["members"].exists()
    except RouteError:
        return route.area_file("members").exists()


def _boundaries(route) -> bool:
    from routekit.area.stored import boundaries_file

    return boundaries_file(route) is not None


#: Every input a stage can need, and how to tell whether a route has it.
NEEDS: dict[str, Callable] = {
    "themes": lambda route: bool(route.config.themes),
    "cbs": _cbs,
    "segments": _segments,
    "members": _members,
    "boundaries": _boundaries,
    "behaviour": _area("behaviour"),
    "stakeholders": _records("stakeholders"),
    "positions": _records("positions"),
    "relations": _records("relations"),
    "library": _library,
    "selections": _records("segment_selections"),
    "personas": _records("personas"),
    "conversations": _records("conversations"),
    "colleagues": _records("colleagues"),
    "goals": _records("goals"),
    "activities": _records("activities"),
    "budget": _records("budget"),
    "kpis": _records("kpis"),
    "contact_moments": _records("contact_moments"),
}


def _check(needs: Iterable[str]) -> list[str]:
    needs = [needs] if isinstance(needs, str) else list(needs)
    for need in needs:
        if need not in NEEDS:
            raise ValueError(t("guide.unknown_need", need=need, needs=", ".join(NEEDS)))
    return needs


def present(route, needs: Iterable[str] | None = None) -> dict[str, bool]:
    """Which of *needs* (default: all of :data:`NEEDS`) the route has.

    Returns
    -------
    dict
        Need → True when the route has it.
    """
    return {need: bool(NEEDS[need](route)) for need in _check(needs or NEEDS)}


def missing(route, needs: Iterable[str]) -> list[str]:
    """The *needs* the route lacks, in the order given."""
    return [need for need, there in present(route, needs).items() if not there]


def _route_argument(route) -> str:
    from routekit.notebook import PROJECT_ROOT

    path = Path(route.path).resolve()
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return path.name


def import_line(route, need: str) -> str:
    """The ``routekit import`` line for an importable *need*, in the user's language."""
    return t("guide.import_line", route=_route_argument(route), file=t(f"guide.need.{need}.file"))


def in_app() -> bool:
    """True in a page of ``routekit app`` (its server sets ``ROUTEKIT_APP``): no command lines
    or file names there, only the forms and words a librarian uses."""
    return bool(os.environ.get(APP_ENV_VAR))


def _how(need: str, app: bool) -> str:
    if app:
        try:
            return t(f"guide.need.{need}.how_app")
        except KeyError:
            pass
    return t(f"guide.need.{need}.how")


def guidance(route, needs: Iterable[str], *, rest: bool = True, short: bool = False) -> str:
    """A Markdown text naming each missing need and how to add it; "" when nothing is missing.

    Parameters
    ----------
    route : Route
    needs : iterable of str
        Keys of :data:`NEEDS` the page (or section) uses.
    rest : bool, default True
        End with the sentence that the rest of the page still works.
    short : bool, default False
        Only what is missing, in one italic line that points to the full text above
        (for a section further down a page that explained it already).
    """
    absent = missing(route, needs)
    if not absent:
        return ""
    if short:
        return "*" + " ".join([*(t(f"guide.need.{need}.what") for need in absent),
                               t("guide.see_above")]) + "*"
    items = []
    app = in_app()
    for need in absent:
        how = _how(need, app)
        if need in _IMPORTABLE and not app:
            how += " " + import_line(route, need)
        items.append(f"- {t(f'guide.need.{need}.what')}\n  {how}")
    text = f"**{t('guide.title')}**\n\n" + "\n".join(items)
    return text + (f"\n\n{t('guide.rest_runs')}" if rest else "")


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def guidance_html(route, needs: Iterable[str], *, rest: bool = True, short: bool = False) -> str:
    """:func:`guidance` as HTML (for widgets); "" when nothing is missing.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> guidance_html(Route.open("data/sample-route"), ["stakeholders"])
    ''
    """
    text = guidance(route, needs, rest=rest, short=short)
    if not text:
        return ""
    if short:
        return f'<p style="color:#555">{_inline(text)}</p>'
    parts, items = [], []
    for block in text.split("\n\n"):
        if block.startswith("- "):
            items = [" ".join(line.strip() for line in item.splitlines())
                     for item in block[2:].split("\n- ")]
            parts.append("<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in items) + "</ul>")
        else:
            parts.append(f"<p>{_inline(block)}</p>")
    return ('<div style="border-left:4px solid #e07b00;background:#fff7ec;'
            'padding:4px 10px;margin:4px 0">' + "".join(parts) + "</div>")
