"""The one chart export of the documents: resolution per target, logo, atomic write.

A chart is drawn once (at slide size, 13.33 x 7.5 in) and rendered once per
target: the HTML page, the PDF, the slides and the separate PNG/SVG files all
go through :func:`routekit.style.figure_bytes`.

Examples
--------
>>> from routekit.report import Chart
>>> from routekit.style import new_figure
>>> fig, ax = new_figure("slide")
>>> chart = Chart(fig, point="Leden per wijk", notes=["West: 12 %"])
>>> chart_image(chart, "html")[:4]
b'\\x89PNG'
>>> [p.name for p in export_chart(chart, "out/grafieken")]
['leden-per-wijk.png', 'leden-per-wijk.svg']
"""

from __future__ import annotations

from pathlib import Path

from routekit.style import DPI

__all__ = ["MIME", "TARGETS", "chart_image", "close", "document_png", "export_chart",
           "route_colours", "route_logo"]

TARGETS: dict[str, tuple[int, str]] = {
    "html": (DPI["screen"], "png"), "pdf": (DPI["document"], "jpeg"),
    "slides": (DPI["document"], "png"), "files": (DPI["file"], "png")}
"""Resolution (dpi, one of :data:`routekit.style.DPI`) and image format of a chart per
document target. A slide-size chart is 13.33 in wide: "screen" (100 dpi) gives 1333 px;
"document" (150 dpi) is about 290 dpi on an A4 page (17 cm wide) and 2000 px on a
projector. The PDF takes JPEG at quality 95 without chroma subsampling (sharp text):
weasyprint embeds JPEG as it is, but re-compresses every PNG, which made the PDF take
several times longer."""
MIME = {"png": "image/png", "jpeg": "image/jpeg", "svg": "image/svg+xml"}


def chart_image(chart, target: str = "html") -> bytes:
    """The chart rendered for *target* (a key of :data:`TARGETS`), made once and cached.

    Targets with the same resolution and format share one rendering. The route's
    logo is not drawn into charts of the documents (the page and the slide carry it).
    """
    from routekit.style import figure_bytes

    key = TARGETS[target]
    cache = chart.__dict__.setdefault("_images", {})
    if key not in cache and chart.figure is None:
        raise ValueError(f"chart {chart.name!r} was not rendered for {target!r}")
    if key not in cache:
        dpi, fmt = key
        options = {"quality": 95, "subsampling": 0} if fmt == "jpeg" else None
        cache[key] = figure_bytes(chart.figure, (fmt,), dpi=dpi, logo=False,
                                  pil_kwargs=options)[fmt]
    return cache[key]


def export_chart(chart, folder: str | Path, *, formats: tuple[str, ...] = ("png", "svg"),
                 logo: Path | None = None) -> list[Path]:
    """Write *chart* as ``folder/<chart.name>.png`` and ``.svg`` (atomically).

    *logo* (a PNG, e.g. :func:`route_logo`) goes in the bottom-right corner.
    """
    from routekit.style import export_figure, get_style

    style = get_style().model_copy(update={"logo": logo})
    return export_figure(chart.figure, Path(folder) / chart.name, formats=formats,
                         dpi=TARGETS["files"][0], logo=logo is not None, style=style)


def document_png(figure) -> bytes:
    """*figure* (a Figure or an Axes) as a PNG for a document page (Word, a template):
    resolution ``DPI["document"]``, no logo; the figure is closed afterwards.

    Examples
    --------
    >>> from routekit.style import new_figure
    >>> document_png(new_figure("a4")[1])[:4]
    b'\\x89PNG'
    """
    from routekit.style import figure_bytes

    fig = figure.get_figure(root=True)
    png = figure_bytes(fig, target="document", logo=False)["png"]
    close(fig)
    return png


def close(figure) -> None:
    """Close *figure* in pyplot (when pyplot knows it); never switches the backend."""
    import sys

    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None and figure is not None:
        plt.close(figure)


def route_logo(route) -> Path | None:
    """The logo PNG of the route's ``style:`` in ``route.yaml`` (relative to the route), or None."""
    logo = (route.config.style or {}).get("logo")
    if not logo:
        return None
    path = Path(logo)
    if not path.is_absolute():
        path = route.path / path
    return path if path.is_file() else None


def route_colours(route) -> dict[str, str]:
    """``primary``, ``accent``, ``text`` colours of the route's house style (``#rrggbb``)."""
    from routekit.style import HouseStyle, StyleError, resolve_style

    custom = {k: v for k, v in (route.config.style or {}).items() if k != "logo"}
    try:
        style = resolve_style(custom)
    except (StyleError, TypeError):  # `routekit check` names the problem; use the default
        style = HouseStyle()
    return {"primary": style.primary, "accent": style.accent, "text": style.text,
            "secondary": style.secondary}
