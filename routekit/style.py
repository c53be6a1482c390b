"""The routekit house style: colours, fonts, sizes, titles and export; the plot kit's
public face (the style itself and the figure sizes come from :mod:`routekit.house`,
label placement from :mod:`routekit.labels`).

Every routekit chart is drawn inside :func:`style_context`, ends with
:func:`finish` (title, subtitle, source line) and is saved with
:func:`export_figure`, so charts look the same in a notebook, a printed A4 and
a slide deck. A route changes the style through the ``style:`` section of its
``route.yaml``, which is passed to :func:`set_style` as a dict of overrides.

Importing this module is light: matplotlib is imported by the functions that
need it.

Examples
--------
>>> from routekit import style
>>> style.set_style({"primary": "#7A1F5C"}).palette[0]  # a route's brand colour leads
'#7a1f5c'
>>> fig, ax = style.new_figure("slide")
>>> bars = ax.bar(["a", "b"], [3, 5])
>>> style.finish(ax, title="Leden per wijk", source="CBS 2024")
<Axes: title={'left': 'Leden per wijk'}>
>>> style.export_figure(fig, "out/leden")
[PosixPath('out/leden.png'), PosixPath('out/leden.svg'), PosixPath('out/leden.pdf')]
>>> _ = style.set_style()  # back to the default
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Mapping
from pathlib import Path

from routekit import labels
from routekit.errors import Problem, RouteError
from routekit.house import (
    FONT_SCALE,
    PRESET_DPI,
    SIZES,
    HouseStyle,
    StyleError,
    base_font_size,
    figure_preset,
    figure_renderer,
    figure_scale,
    font_families,
    get_style,
    lay_out,
    mix,
    resolve_style,
    set_style,
    share_renderer,
    size_inches,
    size_preset,
)
from routekit.i18n import t
from routekit.storage import atomic_write_bytes

__all__ = [
    "DPI",
    "FONT_SCALE",
    "FORMATS",
    "PRESET_DPI",
    "SIZES",
    "HouseStyle",
    "StyleError",
    "base_font_size",
    "chart_size",
    "charts_at",
    "export_figure",
    "figure_axes",
    "figure_bytes",
    "figure_preset",
    "figure_scale",
    "finish",
    "get_style",
    "index_cmap",
    "index_norm",
    "mix",
    "new_figure",
    "palette",
    "rc_params",
    "resize_figure",
    "resolve_style",
    "sequential_cmap",
    "set_style",
    "style_context",
    "wrap_to_figure",
]

#: Resolution (dpi) of a rendered figure per target: "screen" for forms and the HTML
#: page, "document" for the PDF, Word and slides, "file" for the charts written beside
#: the documents, "print" for :func:`export_figure` (print-ready files).
DPI: dict[str, int] = {"screen": 100, "document": 150, "file": 200, "print": 300}
FORMATS = ("png", "svg", "pdf")
_LOGO_LABEL = "routekit-logo"
_SAVE_RC = {"svg.fonttype": "none", "pdf.fonttype": 42, "ps.fonttype": 42}


def rc_params(style: HouseStyle | Mapping | None = None, *, scale: float = 1.0) -> dict:
    """Return the matplotlib rcParams of a house style.

    Parameters
    ----------
    style : HouseStyle, dict or None
        Style (None = current, dict = overrides of the default).
    scale : float, default 1.0
        Multiplier for all font sizes (1.4 for slides).

    Examples
    --------
    >>> rc_params()["savefig.dpi"]
    300
    """
    from cycler import cycler

    s = resolve_style(style)
    base = s.font_size * scale
    return {
        "font.family": font_families(s),
        "font.size": base,
        "text.color": s.text,
        "axes.labelcolor": s.text,
        "axes.titlesize": base * 1.3,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlecolor": s.text,
        "axes.labelsize": base,
        "axes.edgecolor": "#9a9a9a",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.axisbelow": True,
        "axes.facecolor": "white",
        "axes.prop_cycle": cycler(color=list(s.palette)),
        "grid.color": "#e4e4e4",
        "grid.linewidth": 0.6,
        "grid.linestyle": "-",
        "xtick.labelsize": base * 0.9,
        "ytick.labelsize": base * 0.9,
        "xtick.color": "#9a9a9a",
        "ytick.color": "#9a9a9a",
        "xtick.labelcolor": s.text,
        "ytick.labelcolor": s.text,
        "legend.fontsize": base * 0.9,
        "legend.title_fontsize": base * 0.9,
        "legend.frameon": False,
        "lines.linewidth": 2.0,
        "patch.edgecolor": "white",
        "figure.facecolor": "white",
        "figure.titlesize": base * 1.4,
        "figure.titleweight": "bold",
        "savefig.facecolor": "white",
        "savefig.dpi": 300,
        "svg.fonttype": "none",
        "pdf.fonttype": 42,
        "ps.fonttype": 42,
    }


@contextlib.contextmanager
def style_context(
    style: HouseStyle | Mapping | None = None, *, scale: float = 1.0
) -> Iterator[HouseStyle]:
    """Apply a house style as matplotlib rcParams inside a ``with`` block.

    The previous rcParams come back when the block ends. Draw the whole chart
    inside the block: text and ticks take the rcParams active when created.

    Parameters
    ----------
    style : HouseStyle, dict or None
        Style (None = current, dict = overrides of the default).
    scale : float, default 1.0
        Multiplier for all font sizes.

    Yields
    ------
    HouseStyle
        The style applied.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> with style_context() as s:
    ...     fig, ax = plt.subplots()
    ...     ax.spines["top"].get_visible()
    False
    """
    import matplotlib as mpl

    s = resolve_style(style)
    with mpl.rc_context(rc_params(s, scale=scale)):
        yield s
        interactive = mpl.is_interactive()
    # rc_context also restores "interactive". When the first figure of a Jupyter session
    # is made inside the block, the inline backend switches interactive mode on there;
    # switching it off again would stop every later figure from showing below its cell.
    mpl.interactive(interactive)


def palette(n: int | None = None, style: HouseStyle | Mapping | None = None) -> list[str]:
    """Return *n* categorical colours of the house style.

    Up to the palette's length the colours are the palette's, in order. Beyond
    it the palette repeats in lighter (second round) and darker (third round)
    tints, so every colour stays distinct and related to the house colours.

    Parameters
    ----------
    n : int, optional
        Number of colours; the whole palette when None.
    style : HouseStyle, dict or None
        Style (None = current).

    Returns
    -------
    list of str
        Hex colours ``#rrggbb``, all different.

    Examples
    --------
    >>> palette(3)
    ['#1f4e79', '#e69f00', '#009e73']
    >>> len(set(palette(12)))
    12
    """
    base = list(resolve_style(style).palette)
    if n is None:
        return base
    if n < 0:
        raise ValueError("n must be 0 or more")
    out: list[str] = []
    seen: set[str] = set()
    round_ = 0
    while len(out) < n:
        for colour in base:
            if len(out) == n:
                break
            if round_ == 0:
                c = colour
            elif round_ % 2 == 1:  # lighter tints: 45 %, then 65 %, ...
                c = mix(colour, "#ffffff", min(0.45 + 0.2 * (round_ // 2), 0.9))
            else:  # darker shades: 35 %, then 55 %, ...
                c = mix(colour, "#000000", min(0.35 + 0.2 * (round_ // 2 - 1), 0.9))
            step = 0
            while c in seen:  # extremely rare: nudge toward grey until unique
                step += 1
                c = mix(c, "#808080", 0.02 * step)
            seen.add(c)
            out.append(c)
        round_ += 1
    return out


def index_cmap(style: HouseStyle | Mapping | None = None):
    """Return a diverging colormap for index values centred on 100.

    Low (under-represented) is the style's ``negative`` colour, 100 is a very
    light grey and high (over-represented) is the ``primary`` colour. Pair it
    with :func:`index_norm` so 100 always sits in the middle.

    Examples
    --------
    >>> cmap = index_cmap()
    >>> cmap.name
    'routekit_index'
    """
    from matplotlib.colors import LinearSegmentedColormap

    s = resolve_style(style)
    colours = [s.negative, mix(s.negative, "#ffffff", 0.55), "#f4f4f4",
               mix(s.primary, "#ffffff", 0.55), s.primary]
    return LinearSegmentedColormap.from_list("routekit_index", colours).with_extremes(
        bad="#d9d9d9"
    )


def index_norm(vmin: float | None = None, vmax: float | None = None, *, vcenter: float = 100.0):
    """Return a ``TwoSlopeNorm`` centred on 100 for index values.

    Parameters
    ----------
    vmin, vmax : float, optional
        Data range; defaults 50 and 150. A range that does not straddle
        ``vcenter`` is mirrored around it so the norm stays valid.
    vcenter : float, default 100

    Examples
    --------
    >>> norm = index_norm(40, 180)
    >>> float(norm(100))
    0.5
    """
    from matplotlib.colors import TwoSlopeNorm

    vmin = vcenter - 50 if vmin is None else float(vmin)
    vmax = vcenter + 50 if vmax is None else float(vmax)
    if vmin >= vcenter:
        vmin = vcenter - max(vmax - vcenter, 1.0)
    if vmax <= vcenter:
        vmax = vcenter + max(vcenter - vmin, 1.0)
    return TwoSlopeNorm(vcenter=vcenter, vmin=vmin, vmax=vmax)


def sequential_cmap(style: HouseStyle | Mapping | None = None):
    """Return a sequential colormap from near-white to the primary colour.

    Examples
    --------
    >>> sequential_cmap().name
    'routekit_sequential'
    """
    from matplotlib.colors import LinearSegmentedColormap

    s = resolve_style(style)
    colours = [mix(s.primary, "#ffffff", 0.92), mix(s.primary, "#ffffff", 0.5), s.primary,
               mix(s.primary, "#000000", 0.35)]
    return LinearSegmentedColormap.from_list("routekit_sequential", colours).with_extremes(
        bad="#d9d9d9"
    )


def new_figure(size: str | tuple[float, float] = "screen", nrows: int = 1, ncols: int = 1,
               *, style: HouseStyle | Mapping | None = None, **kw):
    """Create a figure and axes in the house style, with constrained layout.

    Parameters
    ----------
    size : str or (float, float), default "screen"
        A key of :data:`SIZES` or (width, height) in inches. Pick the final
        size here: fonts scale with the preset (larger on "slide").
    nrows, ncols : int, default 1
        Grid of axes, as in ``plt.subplots``.
    style : HouseStyle, dict or None
        Style (None = current).
    **kw
        Passed to ``plt.subplots`` (e.g. ``sharex``, ``width_ratios``).

    Returns
    -------
    fig : Figure
    ax : Axes or array of Axes

    Examples
    --------
    >>> fig, ax = new_figure("slide")
    >>> [round(float(v), 1) for v in fig.get_size_inches()]
    [13.3, 7.5]
    """
    import matplotlib.pyplot as plt

    scale = FONT_SCALE.get(size_preset(size), 1.0)  # what figure_scale reads from the figure
    kw.setdefault("layout", "constrained")
    with style_context(style, scale=scale):
        fig, ax = plt.subplots(nrows, ncols, figsize=size_inches(size), **kw)
    share_renderer(fig)
    return fig, ax


def figure_axes(ax=None, size: str | tuple[float, float] = "screen", *, page: bool = False,
                **kw):
    """Return *ax*, or the Axes of a new house-style figure of *size*: how every
    chart starts (``def plot_x(data, *, ax=None, size=...)``).

    Parameters
    ----------
    ax : matplotlib.axes.Axes or None
        The Axes to draw on; None makes a new figure with :func:`new_figure`.
    size : str or (float, float)
        Preset or inches of the new figure (ignored when *ax* is given).
    page : bool, default False
        A page chart (a persona card, a canvas): no axis, and a new figure's Axes
        cover the whole figure, without a layout engine.
    **kw
        Passed to :func:`new_figure`.

    Examples
    --------
    >>> ax = figure_axes(size="slide")
    >>> figure_axes(ax) is ax
    True
    >>> page = figure_axes(size="a4", page=True)
    >>> [float(v) for v in page.get_position().bounds], page.axison
    ([0.0, 0.0, 1.0, 1.0], False)
    """
    if ax is None:
        ax = new_figure(size, **({"layout": "none"} | kw if page else kw))[1]
        if page:
            ax.set_position([0, 0, 1, 1])
    if page:
        ax.set_axis_off()
    return ax


_CHARTS = {"size": "slide"}


def chart_size() -> str | tuple[float, float]:
    """The size the report's and the slides' charts are drawn at: "slide" unless
    :func:`charts_at` says otherwise.

    Examples
    --------
    >>> chart_size()
    'slide'
    """
    return _CHARTS["size"]


@contextlib.contextmanager
def charts_at(size: str | tuple[float, float]) -> Iterator[None]:
    """Draw the documents' charts (:func:`routekit.report.route_document`) at *size*
    inside a ``with`` block, e.g. ``"a4"`` for a printed page (one process only).

    Examples
    --------
    >>> with charts_at("a4"):
    ...     chart_size()
    'a4'
    """
    size_inches(size)  # an unknown preset fails here
    before = _CHARTS["size"]
    _CHARTS["size"] = size
    try:
        yield
    finally:
        _CHARTS["size"] = before


def finish(ax, *, title: str | None = None, subtitle: str | None = None,
           source: str | None = None, style: HouseStyle | Mapping | None = None):
    """Add the house-style title, subtitle and source line to a chart.

    The title is bold and left-aligned above the axes, the subtitle lighter
    just below it, and the source line small at the bottom left of the figure
    (all three wrapped where they would run off the figure) ("Bron: ..." in
    Dutch, "Source: ..." in English). Every routekit chart
    calls this last (labels placed with :func:`routekit.labels.place_labels`
    are re-checked for overlaps afterwards); it lays the figure out, so labels
    placed after it need no layout pass. Calling it again replaces the titles.

    Parameters
    ----------
    ax : Axes
    title, subtitle : str, optional
    source : str, optional
        Where the data comes from; defaults to the style's ``source_note``.
        Pass ``""`` for no source line.
    style : HouseStyle, dict or None
        Style (None = current).

    Returns
    -------
    Axes
        *ax*, for chaining.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> ax = finish(ax, title="Leden per wijk", subtitle="2024", source="CBS")
    >>> ax.figure.texts[0].get_text()
    'Bron: CBS'
    """
    s = resolve_style(style)
    fig = ax.get_figure(root=True)
    for drawn in fig.axes:
        if not drawn.axison:  # axes drawn without axis lines: hide their axes too, else
            drawn.xaxis.set_visible(False)  # placing a title makes their ticks at every
            drawn.yaxis.set_visible(False)  # layout pass and draw (they show nothing)
    base = s.font_size * figure_scale(fig)
    family = font_families(s)
    title_kw = {"loc": "left", "fontfamily": family, "pad": base * 0.8}
    for old in [text for text in ax.texts if text.get_gid() == "routekit-title"]:
        old.remove()  # finish again (new titles) replaces what it added before
    heads = []
    if subtitle:
        sub = ax.set_title(subtitle, fontsize=base * 1.05, color=mix(s.text, "#ffffff", 0.3),
                           fontweight="normal", **title_kw)
        heads.append(sub)
    if title:
        if subtitle:
            heads.append(ax.annotate(
                title, xy=(0, 1), xycoords=sub, xytext=(0, base * 0.35),
                textcoords="offset points", ha="left", va="bottom", fontsize=base * 1.35,
                fontweight="bold", color=s.text, fontfamily=family, annotation_clip=False,
                gid="routekit-title"))
        else:
            heads.append(ax.set_title(title, fontsize=base * 1.35, fontweight="bold",
                                      color=s.text, **title_kw))
    note = s.source_note if source is None else source
    if note:
        heads.append(fig.supxlabel(t("style.source", source=note), x=0.01, ha="left",
                                   fontsize=base * 0.8, color=s.neutral, fontfamily=family))
    labels.refit_labels(fig, laid_out=wrap_to_figure(fig, heads))
    return ax


def wrap_to_figure(fig, texts, *, margin: float = 6.0, tries: int = 3) -> bool:
    """Re-wrap *texts* (titles) that run past the right edge of *fig* (*margin* pixels), or
    into a figure legend beside them.

    One layout pass (:func:`routekit.house.lay_out`, no drawing) checks them all; another
    follows only when a text was re-wrapped. Returns True when the figure's last layout
    pass saw the texts as they are now (so labels placed next need no layout pass).

    Examples
    --------
    >>> fig, ax = new_figure("social")
    >>> title = ax.set_title("Hoeveel leden heeft de bibliotheek in elke wijk en hoe groeit dat?")
    >>> wrap_to_figure(fig, [title]), "\\n" in title.get_text()
    (True, True)
    """
    import textwrap

    if texts:
        _prewrap(fig, texts, margin)
    for _ in range(tries if texts else 0):
        renderer = lay_out(fig)
        rewrapped = False
        legends = [legend.get_window_extent(renderer) for legend in fig.legends]
        for text in texts:
            box = text.get_window_extent(renderer)
            edge = min([fig.bbox.x1] + [b.x0 for b in legends if b.x0 > box.x0
                                        and b.y0 < box.y1 and box.y0 < b.y1]) - margin
            room = edge - box.x0
            if box.x1 <= edge or room <= 0:
                continue
            longest = max(len(line) for line in text.get_text().split("\n"))
            width = max(10, int(longest * room / box.width))
            text.set_text(textwrap.fill(" ".join(text.get_text().split()), width))
            rewrapped = True
        if not rewrapped:
            return True
    return False


def _prewrap(fig, texts, margin: float) -> None:
    """Wrap *texts* where they will clearly run too far, before any layout pass.

    A text's width does not depend on the layout; where it starts (the axes' left
    edge) and the legends beside it are estimated from the figure as it stands,
    so the layout pass after this one rarely finds a title to re-wrap.
    """
    import textwrap

    renderer = figure_renderer(fig)
    legend = max((lg.get_window_extent(renderer).width for lg in fig.legends
                  if lg.get_bbox_to_anchor() is not None), default=0.0)
    for text in texts:
        ax = text.axes
        if ax is None:
            continue
        start = ax.get_position().x0 * fig.bbox.width
        room = fig.bbox.width - legend - start - 2 * margin
        box = text.get_window_extent(renderer)
        if room <= 0 or box.width <= room:
            continue
        longest = max(len(line) for line in text.get_text().split("\n"))
        width = max(10, int(longest * room / box.width))
        text.set_text(textwrap.fill(" ".join(text.get_text().split()), width))


def _heads(fig) -> list:
    """The title, subtitle and source line texts :func:`finish` put on *fig*."""
    heads = [ax._left_title for ax in fig.axes if ax._left_title.get_text()]
    heads += [text for ax in fig.axes for text in ax.texts if text.get_gid() == "routekit-title"]
    if fig._supxlabel is not None and fig._supxlabel.get_text():
        heads.append(fig._supxlabel)
    return heads


def resize_figure(fig, size: str | tuple[float, float]) -> None:
    """Give *fig* another size and lay its texts out again for it.

    The house-style title, subtitle and source line of :func:`finish` are
    re-wrapped where they would now run off the figure, and labels placed with
    :func:`routekit.labels.place_labels` are re-checked. Fonts keep their size.
    (:func:`export_figure` with ``size=`` renders at another size and leaves
    the figure as it was.)

    Parameters
    ----------
    fig : Figure
    size : str or (float, float)
        A key of :data:`SIZES` or (width, height) in inches.

    Examples
    --------
    >>> fig, ax = new_figure("slide")
    >>> _ = finish(ax, title="Hoeveel leden heeft de bibliotheek in elke wijk en hoe groeit dat?")
    >>> resize_figure(fig, "social")
    >>> "\\n" in ax.get_title(loc="left")
    True
    """
    fig.set_size_inches(*size_inches(size), forward=True)
    labels.refit_labels(fig, laid_out=wrap_to_figure(fig, _heads(fig)))


@contextlib.contextmanager
def _resized(fig, size: str | tuple[float, float]) -> Iterator[None]:
    """*fig* at *size* inside the block (see :func:`resize_figure`); afterwards its size,
    titles, labels and layout are back as they were."""
    before = tuple(fig.get_size_inches())
    titles = [(text, text.get_text()) for text in _heads(fig)]
    with labels.labels_kept(fig):
        try:
            resize_figure(fig, size)
            yield
        finally:
            fig.set_size_inches(*before, forward=True)
            for text, value in titles:
                text.set_text(value)
    lay_out(fig)


def _add_logo(fig, logo: Path, *, height: float = 0.07, margin: float = 0.012):
    """Place *logo* in the bottom-right corner of *fig*; return its Axes."""
    import matplotlib.image as mimage

    if not Path(logo).is_file():
        raise RouteError(Problem(file=str(logo), message=t("style.logo_missing", path=logo)))
    for old in [a for a in fig.axes if a.get_label() == _LOGO_LABEL]:
        old.remove()
    img = mimage.imread(str(logo))
    fig_w, fig_h = fig.get_size_inches()
    h_in = height * fig_h
    w_in = h_in * img.shape[1] / img.shape[0]
    mx = margin * min(fig_w, fig_h)
    rect = [1 - (w_in + mx) / fig_w, mx / fig_h, w_in / fig_w, h_in / fig_h]
    lax = fig.add_axes(rect, label=_LOGO_LABEL, zorder=10)
    lax.set_in_layout(False)
    lax.imshow(img, interpolation="lanczos")
    lax.set_axis_off()
    return lax


def export_figure(fig, path: str | Path, *, size: str | tuple[float, float] | None = None,
                  formats: tuple[str, ...] = FORMATS, dpi: int | None = None,
                  logo: bool = True, style: HouseStyle | Mapping | None = None) -> list[Path]:
    """Save a figure as PNG, SVG and PDF side by side, print-ready.

    Parameters
    ----------
    fig : Figure
    path : str or Path
        Target without suffix (a suffix that is one of *formats* is dropped):
        ``out/leden`` writes ``out/leden.png``, ``out/leden.svg``, ... The
        folder is created. Files are replaced atomically.
    size : str or (float, float), optional
        Render at a preset of :data:`SIZES` (titles re-wrapped, placed labels
        re-checked); *fig* itself keeps its size. None renders it as it is.
    formats : tuple of str, default ("png", "svg", "pdf")
    dpi : int, optional
        Resolution of PNGs (and images inside PDF/SVG). None = ``DPI["print"]``
        (300), except the "social" preset (given here or the figure's size): 200
        dpi, i.e. 1080 x 1080 px.
    logo : bool, default True
        Place the style's logo (if it has one) in the bottom-right corner.
    style : HouseStyle, dict or None
        Style (None = current) whose logo is used.

    Returns
    -------
    list of Path
        The files written, in the order of *formats*.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> [p.name for p in export_figure(fig, "out/chart", size="a4")]
    ['chart.png', 'chart.svg', 'chart.pdf']
    >>> figure_preset(fig)  # the figure keeps its own size
    'screen'
    """
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(t("style.unknown_format", format=bad[0], choices=", ".join(FORMATS)))
    path = Path(path)
    if path.suffix.lstrip(".").lower() in FORMATS:
        path = path.with_suffix("")
    if dpi is None:
        preset = size_preset(size) if size is not None else figure_preset(fig)
        dpi = PRESET_DPI.get(preset, DPI["print"])
    with _resized(fig, size) if size is not None else contextlib.nullcontext():
        images = figure_bytes(fig, formats, dpi=dpi, logo=logo, style=style)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt, data in images.items():
        target = path.parent / f"{path.name}.{fmt}"
        atomic_write_bytes(target, data, backup=False)
        written.append(target)
    return written


def figure_bytes(fig, formats: tuple[str, ...] = ("png",), *, target: str = "print",
                 dpi: int | None = None, logo: bool = True,
                 style: HouseStyle | Mapping | None = None, laid_out: bool = False,
                 pil_kwargs: dict | None = None) -> dict[str, bytes]:
    """Render *fig* in each of *formats*: the one rendering path of every figure
    (forms, report, slides, Word, files).

    Parameters
    ----------
    fig : Figure
    formats : tuple of str, default ("png",)
        Any of png, jpeg, svg, pdf.
    target : str, default "print"
        A key of :data:`DPI`: the resolution of PNG and JPEG (and images in SVG/PDF).
    dpi : int, optional
        Another resolution than *target*'s.
    logo : bool, default True
        The style's logo (when it has one) sits in the bottom-right corner while
        rendering.
    style : HouseStyle, dict or None
        Style (None = current) whose logo is used.
    laid_out : bool, default False
        True renders PNG/JPEG with the layout the figure has now, without laying it
        out again: right for a chart that ends with :func:`finish` (that lays it out;
        labels take no part in it).
    pil_kwargs : dict, optional
        For PNG/JPEG (e.g. JPEG ``quality``).

    PNG and JPEG are drawn once with Agg. The figure is left as it was: its canvas
    (the notebook's backend), resolution, layout engine and axes.

    Examples
    --------
    >>> fig, ax = new_figure()
    >>> figure_bytes(fig, target="screen")["png"][:4]
    b'\\x89PNG'
    """
    import matplotlib as mpl

    s = resolve_style(style)
    dpi = DPI[target] if dpi is None else dpi
    logo_ax = _add_logo(fig, s.logo) if (logo and s.logo is not None) else None
    images = {}
    try:
        for fmt in formats:
            if fmt in ("png", "jpeg"):
                images[fmt] = _raster(fig, fmt, dpi, laid_out=laid_out, pil_kwargs=pil_kwargs,
                                      quick=target == "screen")
                continue
            buffer = io.BytesIO()
            with mpl.rc_context(_SAVE_RC):  # text stays text in SVG, TrueType in PDF
                fig.savefig(buffer, format=fmt, dpi=dpi, facecolor="white",
                            metadata={"Creator": "routekit"})
            images[fmt] = buffer.getvalue()
    finally:
        if logo_ax is not None:
            logo_ax.remove()
    return images


def _raster(fig, fmt: str, dpi: float, *, laid_out: bool, pil_kwargs: dict | None,
            quick: bool = False) -> bytes:
    """*fig* as PNG or JPEG bytes from one Agg draw (``savefig`` draws twice).

    The figure's own canvas draws when it is an Agg canvas (it keeps the text sizes it
    measured); otherwise an Agg canvas is lent for the draw. Canvas, resolution,
    background and layout engine are restored. The background is opaque white, so the
    image is RGB (PNG encodes it in about half the time of RGBA). *quick* PNGs (the
    screen's) are encoded by :func:`_quick_png`.
    """
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image, PngImagePlugin

    canvas, before_dpi, face = fig.canvas, fig.dpi, fig.get_facecolor()
    engine = fig.get_layout_engine()
    agg = canvas if isinstance(canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    try:
        if laid_out and engine is not None:
            fig.set_layout_engine("none")
        if dpi != before_dpi:
            fig.dpi = dpi
        fig.set_facecolor("white")
        agg.draw()
        pixels = np.asarray(agg.buffer_rgba())[..., :3]
        if quick and fmt == "png" and not pil_kwargs:
            return _quick_png(pixels, dpi)
        image = Image.fromarray(pixels)
    finally:
        fig.set_facecolor(face)
        if fig.dpi != before_dpi:
            fig.dpi = before_dpi
        if laid_out and engine is not None:
            fig.set_layout_engine(engine)
        if agg is not canvas:
            fig.set_canvas(canvas)
    options = dict(pil_kwargs or {})
    if fmt == "png":
        info = PngImagePlugin.PngInfo()
        info.add_text("Software", "routekit")
        options.setdefault("pnginfo", info)
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, dpi=(dpi, dpi), **options)
    return buffer.getvalue()


def _quick_png(pixels, dpi: float) -> bytes:
    """RGB *pixels* as a PNG with unfiltered rows and fast compression.

    Pillow tries five filters on every row: right for files, but for a chart shown on
    screen (flat colours) it takes two to three times as long and makes the file no
    smaller. The chunks are those Pillow writes (size, resolution, "Software").
    """
    import struct
    import zlib

    import numpy as np

    height, width, _ = pixels.shape
    rows = np.zeros((height, width * 3 + 1), dtype=np.uint8)  # a 0 before a row: no filter
    rows[:, 1:] = pixels.reshape(height, -1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    per_metre = round(dpi / 0.0254)
    return b"".join([b"\x89PNG\r\n\x1a\n",
                     chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
                     chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
                     chunk(b"tEXt", b"Software\0routekit"),
                     chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
                     chunk(b"IEND", b"")])
