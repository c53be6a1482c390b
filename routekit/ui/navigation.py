"""The step header on top of every notebook page: which route, which step, where to go next.

Links are relative (``04a_gebiedsanalyse.ipynb``), so they work in JupyterLab
(``/lab/tree/notebooks/…``) and in the app (Voilà's ``/voila/render/…``) alike.

Examples
--------
>>> from routekit.workspace import Route
>>> header = route_header(Route.open("data/sample-route"), "04b")
>>> 'href="04c_netwerk.ipynb"' in header.value and 'href="00_start.ipynb"' in header.value
True
>>> step_links("04b")["previous"], step_links("04b")["next"]
('04a_gebiedsanalyse.ipynb', '04c_netwerk.ipynb')
"""

from __future__ import annotations

import html

from routekit.i18n import t
from routekit.workspace import STEPS

__all__ = ["START_PAGE", "STEP_NOTEBOOKS", "route_header", "step_links"]

START_PAGE = "00_start.ipynb"

#: The notebook of each route step (step 1, choosing the route and its themes, is the start page).
STEP_NOTEBOOKS: dict[str, str] = {
    "01": START_PAGE,
    "02": "02_organisatie_en_ik.ipynb",
    "03": "03_kennismaken.ipynb",
    "04a": "04a_gebiedsanalyse.ipynb",
    "04b": "04b_krachtenveld.ipynb",
    "04c": "04c_netwerk.ipynb",
    "04d": "04d_persona.ipynb",
    "05": "05_post_o.ipynb",
    "06": "06_kenniscreatie.ipynb",
    "07": "07_projectplan.ipynb",
    "08": "08_vasthouden.ipynb",
}


def _step(step: str) -> str:
    step = str(step).removesuffix(".ipynb").split("_")[0]
    if step in ("00", "0", "1"):
        step = "01"
    if step not in STEPS:
        raise ValueError(t("guide.nav.unknown_step", step=step, steps=", ".join(STEPS)))
    return step


def step_links(step: str) -> dict[str, str | None]:
    """The notebooks of the previous and next step and of the start page.

    Parameters
    ----------
    step : str
        A step of :data:`routekit.workspace.STEPS` (``"04a"``) or a notebook name.

    Returns
    -------
    dict
        ``previous``, ``next`` (None at either end) and ``start``.
    """
    position = STEPS.index(_step(step))
    previous = STEP_NOTEBOOKS[STEPS[position - 1]] if position > 0 else None
    following = STEP_NOTEBOOKS[STEPS[position + 1]] if position + 1 < len(STEPS) else None
    return {"previous": previous, "next": following, "start": START_PAGE}


def _link(href: str, text: str) -> str:
    return (f'<a href="{html.escape(href)}" target="_self" '
            f'style="text-decoration:none">{html.escape(text)}</a>')


def header_html(route, step: str) -> str:
    """The header of :func:`route_header` as HTML (for pages that are not widgets)."""
    step = _step(step)
    links = step_links(step)
    config = route.config
    where = t("guide.nav.route", library=config.library, municipality=config.municipality.name)
    steps = []
    for other in STEPS:
        title = t(f"core.step.{other}")
        number = title.split(".")[0]
        if other == step:
            steps.append(f'<b style="background:#1f4e79;color:white;padding:1px 6px;'
                         f'border-radius:3px" title="{html.escape(title)}">'
                         f'{html.escape(number)}</b>')
        else:
            steps.append(f'<a href="{STEP_NOTEBOOKS[other]}" target="_self" '
                         f'title="{html.escape(title)}" style="text-decoration:none;'
                         f'padding:1px 6px">{html.escape(number)}</a>')
    moves = [_link(links["start"], "⌂ " + t("guide.nav.start"))]
    if links["previous"]:
        moves.append(_link(links["previous"], "← " + t("guide.nav.previous")))
    if links["next"]:
        moves.append(_link(links["next"], t("guide.nav.next") + " →"))
    return (
        '<div style="border-bottom:1px solid #ccc;padding:4px 0 6px 0;margin-bottom:6px;'
        'line-height:1.7">'
        f'<div><b>{html.escape(where)}</b> · {html.escape(t("guide.nav.you_are_at"))} '
        f'<b>{html.escape(t(f"core.step.{step}"))}</b></div>'
        f'<div>{html.escape(t("guide.nav.steps"))} {" ".join(steps)}</div>'
        f'<div>{" &nbsp;·&nbsp; ".join(moves)}</div></div>')


def route_header(route, step: str):
    """A small header widget: the route's library and municipality, the route's steps with
    the current one marked, links to the previous and next step and back to the start page.

    Parameters
    ----------
    route : Route
    step : str
        The page's step (``"02"``, ``"04a"`` …; ``"01"`` or ``"00"`` for the start page).

    Returns
    -------
    ipywidgets.HTML
    """
    import ipywidgets as w

    return w.HTML(header_html(route, step))
