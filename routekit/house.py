"""The base of the plot kit: the house style, figure sizes and fonts.

Both :mod:`routekit.style` (figures, titles, export) and :mod:`routekit.labels`
(label placement) stand on this module; it imports neither. Plot modules import
these names from :mod:`routekit.style`, the kit's public face.

A figure's size says what it is for: :func:`figure_preset` and
:func:`figure_scale` read the preset and its font scale from the figure itself.

Examples
--------
>>> from routekit.house import figure_scale, get_style
>>> from routekit.style import new_figure
>>> figure_scale(new_figure("slide")[0]), get_style().font_family
(1.4, 'DejaVu Sans')
"""

from __future__ import annotations

import functools
import re
import warnings
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["FONT_SCALE", "PRESET_DPI", "SIZES", "HouseStyle", "StyleError", "base_font_size",
           "figure_preset",
           "figure_renderer", "figure_scale", "font_families", "get_style", "lay_out", "mix",
           "resolve_style", "set_style", "share_renderer", "size_inches", "size_preset"]

#: Preset figure sizes in inches (width, height). A4 is 8.27 x 11.6934 in so a
#: 300 dpi PNG is exactly 2481 x 3508 px (matplotlib truncates pixel sizes).
SIZES: dict[str, tuple[float, float]] = {
    "a4": (8.27, 11.6934),
    "a4-landscape": (11.6934, 8.27),
    "slide": (13.333, 7.5),
    "social": (5.4, 5.4),
    "screen": (9.0, 5.5),
}
#: Font scale per preset: slides are viewed from afar, so text is larger.
FONT_SCALE: dict[str, float] = {"slide": 1.4}
#: Resolution per preset when ``export_figure(dpi=None)``; 300 (print) otherwise.
#: ``"social"`` is 5.4 in at 200 dpi = 1080 x 1080 px.
PRESET_DPI: dict[str, int] = {"social": 200}

_HEX = re.compile(r"^#?(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _check_hex(value: Any) -> str:
    """Return *value* as ``#rrggbb`` or raise a ValueError with a clear message."""
    if value is None:
        raise ValueError(t("style.missing_colour"))
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise ValueError(t("style.bad_colour", value=value))
    digits = value.strip().lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


HexColour = Annotated[str, BeforeValidator(_check_hex)]

# Okabe & Ito (2008) colour-blind-safe set, led by the routekit primary, with the
# hard-to-print yellow swapped for wine and olive from Paul Tol's "muted" set.
_DEFAULT_PALETTE = [
    "#1f4e79",  # deep blue (primary)
    "#e69f00",  # orange
    "#009e73",  # bluish green
    "#d55e00",  # vermillion
    "#56b4e9",  # sky blue
    "#cc79a7",  # reddish purple
    "#882255",  # wine
    "#999933",  # olive
]


class HouseStyle(BaseModel):
    """A house style: colours, font and optional logo and source line.

    Colours are hex strings (``"#1F4E79"`` or ``"#1f4"``) and are stored as
    lower-case ``#rrggbb``. Unknown fields are refused, so a typo in
    ``route.yaml`` is reported instead of silently ignored.

    Parameters
    ----------
    name : str
        Name of the style.
    primary, secondary, accent : str
        The strong main colour, a calmer companion and a highlight.
    neutral : str
        Grey for context (other bars, leader lines, source line).
    positive, negative : str
        Colours for "more/better" and "less/worse" (also the index colormap).
    text : str
        Colour of all text (dark, high contrast on white).
    palette : list of str
        Categorical colours, in order; colour-blind safe by default.
    font_family : str
        Font name; falls back to DejaVu Sans when not installed.
    font_size : float
        Base font size in points (at "screen"/print size).
    logo : Path, optional
        PNG placed in a corner by :func:`export_figure`.
    source_note : str, optional
        Default source line when :func:`finish` gets no ``source``.

    Examples
    --------
    >>> HouseStyle(primary="#7A1F5C").primary
    '#7a1f5c'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "routekit"
    primary: HexColour = "#1f4e79"
    secondary: HexColour = "#7ba7cc"
    accent: HexColour = "#e69f00"
    neutral: HexColour = "#6b6b6b"
    positive: HexColour = "#009e73"
    negative: HexColour = "#d55e00"
    text: HexColour = "#222222"
    palette: list[HexColour] = Field(default_factory=lambda: list(_DEFAULT_PALETTE))
    font_family: str = "DejaVu Sans"
    font_size: float = Field(default=10.0, gt=0, le=40)
    logo: Path | None = None
    source_note: str | None = None

    @field_validator("palette")
    @classmethod
    def _palette_not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError(t("style.empty_palette"))
        return value

    @field_validator("logo")
    @classmethod
    def _logo_is_png(cls, value: Path | None) -> Path | None:
        if value is not None and value.suffix.lower() != ".png":
            raise ValueError(t("style.logo_not_png", path=value))
        return value


class StyleError(RouteError, ValueError):
    """Raised by :func:`set_style` when a ``style:`` section cannot be used.

    Each problem names the file and the field, e.g. ``style.primary``.
    """


_state: dict[str, HouseStyle] = {"style": HouseStyle()}


def get_style() -> HouseStyle:
    """Return the current house style.

    Examples
    --------
    >>> get_style().name
    'routekit'
    """
    return _state["style"]

def resolve_style(style: HouseStyle | Mapping | None, *, file: str = "route.yaml") -> HouseStyle:
    """*style* as a HouseStyle: None is the current style, a dict overrides the default.

    Raises StyleError (naming *file* and each field) when a dict cannot be used.

    Examples
    --------
    >>> resolve_style({"accent": "#000"}).accent
    '#000000'
    """
    if style is None:
        return get_style()
    if isinstance(style, HouseStyle):
        return style
    if not isinstance(style, Mapping):
        raise TypeError(f"style must be a HouseStyle, a dict or None, not {type(style).__name__}")
    data = {**HouseStyle().model_dump(), **style}
    if "primary" in style and "palette" not in style and isinstance(style["primary"], str):
        data["palette"] = [style["primary"], *_DEFAULT_PALETTE[1:]]
    try:
        return HouseStyle.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = ".".join(str(p) for p in ("style", *err["loc"]))
            if err["type"] == "extra_forbidden":
                message = t("style.unknown_field", choices=", ".join(HouseStyle.model_fields))
            else:
                message = err["msg"].removeprefix("Value error, ")
            problems.append(Problem(file=file, field=field, message=message))
        raise StyleError(problems) from None


def set_style(style: HouseStyle | Mapping | None = None, *, file: str = "route.yaml") -> HouseStyle:
    """Set the current house style.

    Parameters
    ----------
    style : HouseStyle, dict or None
        A full style; a dict of overrides of the *default* routekit style (the
        ``style:`` section of ``route.yaml``); or None to go back to the default.
        A dict that sets ``primary`` but no ``palette`` gets the default palette
        led by that primary, so the brand colour is the first series colour.
    file : str, default "route.yaml"
        File named in error messages about a dict.

    Returns
    -------
    HouseStyle
        The style now in use.

    Raises
    ------
    StyleError
        When a dict holds a bad colour or an unknown field; every problem names
        its field, e.g. ``route.yaml, veld style.primary: 'blauw' is geen hex-kleur``.

    Examples
    --------
    >>> set_style({"primary": "#7A1F5C", "source_note": "Bibliotheek De Sleutel"}).primary
    '#7a1f5c'
    >>> set_style().primary
    '#1f4e79'
    """
    new = HouseStyle() if style is None else resolve_style(style, file=file)
    _state["style"] = new
    return new

def font_families(style: HouseStyle) -> list[str]:
    """The font family list of *style* for matplotlib: its font, then DejaVu Sans.

    A font that is not installed is warned about once and replaced by DejaVu Sans.

    Examples
    --------
    >>> font_families(HouseStyle())
    ['DejaVu Sans']
    """
    return list(_families(style.font_family))


@functools.cache
def _families(family: str) -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy"}
    if family in installed or family in generic:
        # once each: every text looks each family up, so a repeated one costs time
        return tuple(dict.fromkeys([family, "DejaVu Sans"]))
    warnings.warn(f"font {family!r} is not installed; using DejaVu Sans", stacklevel=4)
    return ("DejaVu Sans",)


def mix(colour: str, other: str, amount: float) -> str:
    """Blend *colour* toward *other* by *amount* (0 = colour, 1 = other).

    Examples
    --------
    >>> mix("#000000", "#ffffff", 0.5)
    '#808080'
    """
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def size_inches(size: str | tuple[float, float]) -> tuple[float, float]:
    """(width, height) in inches of a preset of :data:`SIZES` or of a (width, height).

    Examples
    --------
    >>> size_inches("slide")
    (13.333, 7.5)
    """
    if isinstance(size, str):
        if size not in SIZES:
            raise ValueError(t("style.unknown_size", size=size, choices=", ".join(SIZES)))
        return SIZES[size]
    width, height = size
    return float(width), float(height)


def size_preset(size: str | tuple[float, float]) -> str | None:
    """The preset of :data:`SIZES` that *size* (a preset or inches) is, or None.

    Examples
    --------
    >>> size_preset("a4"), size_preset((5.4, 5.4)), size_preset((3, 2))
    ('a4', 'social', None)
    """
    width, height = size_inches(size)
    for name, (w, h) in SIZES.items():
        if abs(width - w) < 0.01 and abs(height - h) < 0.01:
            return name
    return None


def figure_preset(fig) -> str | None:
    """The preset of :data:`SIZES` that *fig* has the size of, or None.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_preset(Figure(figsize=SIZES["social"])), figure_preset(Figure(figsize=(3, 2)))
    ('social', None)
    """
    return size_preset(tuple(float(v) for v in fig.get_size_inches()))


def figure_scale(fig) -> float:
    """The font scale of *fig*'s size: :data:`FONT_SCALE` of its preset, 1.0 otherwise.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure_scale(Figure(figsize=SIZES["slide"]))
    1.4
    """
    return FONT_SCALE.get(figure_preset(fig), 1.0)


def base_font_size(ax) -> float:
    """The house style's font size on the figure of *ax* (a Figure or Axes): larger on
    slides. Chart texts are scaled from it.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> base_font_size(Figure(figsize=SIZES["slide"])) == get_style().font_size * 1.4
    True
    """
    return get_style().font_size * figure_scale(ax.get_figure(root=True))


def figure_renderer(fig):
    """The renderer of *fig*; an Agg canvas is attached when its canvas has none (a figure
    that Jupyter's inline backend has shown and closed keeps only a base canvas)."""
    if not hasattr(fig.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    return fig.canvas.get_renderer()


_RENDERERS: dict[tuple[float, float, float], Any] = {}  # (width, height, dpi) -> renderer


def share_renderer(fig) -> None:
    """Let *fig* measure and draw with the Agg renderer that every figure of its size and
    resolution shares (a plain Agg canvas: a script's or the notebook's inline backend).

    matplotlib keeps the size of every text it measured per renderer, so the next chart
    of a form (same size, mostly the same texts: ticks, labels, legends) is laid out
    without measuring them again. Figures are drawn one after the other, so one pixel
    buffer per size serves them all.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas
    if type(canvas) is not FigureCanvasAgg:  # interactive canvases keep their own buffers
        return
    own = canvas.get_renderer()
    key = canvas._lastKey  # the size and resolution, as this matplotlib keys its renderer
    renderer = _RENDERERS.get(key)
    if renderer is None:
        renderer = _RENDERERS[key] = own
        if hasattr(renderer, "_text2path"):  # what texts with a halo are drawn from
            renderer._text2path = _text_paths()
    canvas.renderer = renderer


@functools.cache
def _text_paths():
    """A text-to-path converter that keeps the outline of every text it converted.

    A text with a path effect (the white halo of a label) is drawn from its outline;
    a form's next chart draws mostly the same names, so their outlines are reused
    (matplotlib makes them anew at every draw: two thirds of the cost of such a text).
    """
    from matplotlib.textpath import TextToPath

    class CachedTextToPath(TextToPath):
        def __init__(self):
            super().__init__()
            self.outlines = {}

        def get_text_path(self, prop, s, ismath=False, **options):
            # a copy of the font: a text's font properties change in place
            key = (prop.copy(), s, ismath, _plain(options))
            found = self.outlines.get(key)
            if found is None:
                if len(self.outlines) >= 4096:
                    self.outlines.clear()
                found = self.outlines[key] = super().get_text_path(prop, s, ismath=ismath,
                                                                    **options)
            return found

    return CachedTextToPath()


def lay_out(fig):
    """Run *fig*'s layout engine (constrained layout) without drawing; return its renderer.

    Texts measured with the renderer afterwards are where a saved file shows them:
    what every check and placement needs, at a fraction of a full draw.
    """
    renderer = figure_renderer(fig)
    engine = fig.get_layout_engine()
    if engine is None:
        return renderer
    key = _layout_key(fig, engine)
    if key is not None and key in _LAYOUTS:
        _LAYOUTS.move_to_end(key)
        _set_layout(fig, _LAYOUTS[key])
        return renderer
    with warnings.catch_warnings():  # a too-wide title can collapse the layout once
        warnings.filterwarnings("ignore", "constrained_layout not applied")
        engine.execute(fig)
    if key is not None:
        _LAYOUTS[key] = _get_layout(fig)
        if len(_LAYOUTS) > 256:
            _LAYOUTS.popitem(last=False)
    return renderer


# -- layouts worked out before -------------------------------------------------------------
#
# A form draws its chart again after every change, mostly with the same titles, ticks and
# legends: only the data inside the axes moved. Constrained layout depends on nothing but
# what lies outside the axes (artists clipped to the axes take no part in it), so a figure
# whose layout-relevant state equals one laid out before gets that layout again. The key
# describes that state completely or is None (then the engine runs): any artist, transform
# or formatter the key cannot describe makes the figure uncacheable.

_LAYOUTS: OrderedDict = OrderedDict()  # key -> positions (see _get_layout)
_SIMPLE = (str, int, float, bool, type(None))


class _Unknown(Exception):
    """Raised inside :func:`_layout_key` for state it cannot describe."""


def _layout_key(fig, engine) -> tuple | None:
    """What *fig*'s constrained layout depends on, as a hashable tuple (None: unknown)."""
    if fig.subfigs or type(engine).__name__ != "ConstrainedLayoutEngine":
        return None
    try:
        axes = tuple(_axes_key(ax) for ax in fig.axes)
        sup = tuple(_text_key(text, fig) for text in _sup_texts(fig) if text is not None)
        legends = tuple(_legend_key(legend, fig) for legend in fig.legends)
        return (tuple(fig.get_size_inches()), fig.dpi, _plain(engine.get()), axes, sup, legends)
    except (_Unknown, TypeError, AttributeError):
        return None


def _axes_key(ax) -> tuple:
    from matplotlib.axes import Axes

    if type(ax) is not Axes or getattr(ax, "_colorbars", None) or not ax.get_in_layout():
        raise _Unknown
    spec = ax.get_subplotspec()
    grid = spec.get_gridspec() if spec is not None else None
    place = (spec.rowspan, spec.colspan, grid.nrows, grid.ncols,
             _plain(grid.get_width_ratios()), _plain(grid.get_height_ratios()),
             _plain(grid.hspace), _plain(grid.wspace)) if spec is not None else \
        _plain(ax.get_position(original=True).bounds)
    frame = (ax.get_visible(), ax.axison, ax.get_frame_on(), ax.get_xlim(), ax.get_ylim(),
             ax.get_xscale(), ax.get_yscale(), _plain(ax.get_aspect()), ax.get_adjustable(),
             _plain(ax.get_box_aspect()), _plain(ax.get_anchor()))
    axes = tuple(_axis_key(axis, ax) for axis in (ax.xaxis, ax.yaxis)) if ax.axison else ()
    return (place, frame, axes,
            tuple((name, spine.get_visible(), _plain(spine.get_position()))
                  for name, spine in ax.spines.items()),
            tuple(_text_key(title, ax, placed=False)
                  for title in (ax.title, ax._left_title, ax._right_title)),
            _plain(ax.titleOffsetTrans._t),
            tuple(_artist_key(artist, ax) for artist in ax.get_default_bbox_extra_artists()
                  if artist is not ax.patch and artist not in ax.spines.values()))


def _artist_key(artist, ax) -> tuple:
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    if isinstance(artist, Text):
        return _text_key(artist, ax)
    if isinstance(artist, Legend):
        return _legend_key(artist, ax)
    if type(artist).__name__ == "SecondaryAxis":  # e.g. a second row of labels on top
        return ("secondary", artist._orientation, _plain(artist._pos),
                tuple(_function_key(function) for function in artist._functions),
                artist.get_visible(), _axis_key(artist._axis, artist),
                tuple((name, spine.get_visible()) for name, spine in artist.spines.items()))
    raise _Unknown  # an unclipped line, patch, other child axes …: the engine decides


def _text_key(text, owner, *, placed: bool = True) -> tuple:
    """A text's content, font, alignment and (when *placed*) where it is anchored.

    Titles, axis and tick labels are *placed* by their axes at draw time: their
    key leaves the position out (the axes, its ticks and pads are in the key).
    """
    from matplotlib.text import Annotation, Text

    if type(text) not in (Text, Annotation):
        raise _Unknown
    patch = text.get_bbox_patch()
    key = (text.get_visible(), text.get_in_layout(), text.get_text(),
           hash(text.get_fontproperties()), text.get_rotation(), text.get_ha(), text.get_va(),
           text._multialignment, text._linespacing, text.get_wrap(),
           None if patch is None else (_plain(patch.get_boxstyle()), patch.get_linewidth()))
    if placed and isinstance(text, Annotation):
        anchor = text.xycoords
        anchor = _text_key(anchor, owner, placed=False) if isinstance(anchor, Text) \
            else _plain(anchor)
        key += (_plain(text.xy), anchor, _plain(text.anncoords), _plain(text.xyann),
                text.arrow_patch is not None, text.get_annotation_clip())
    elif placed:
        key += (_plain(text.get_position()), _transform_key(text.get_transform(), owner))
    return key


def _legend_key(legend, owner) -> tuple:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    handles = []
    for handle in legend.legend_handles:
        if type(handle) is Line2D:
            handles.append((handle.get_marker(), handle.get_markersize(),
                            handle.get_markeredgewidth(), handle.get_linestyle(),
                            handle.get_linewidth()))
        elif type(handle) is Rectangle:
            handles.append(("patch", handle.get_linewidth()))
        else:
            raise _Unknown
    anchor = legend.get_bbox_to_anchor()
    return ("legend", legend.get_visible(), legend._loc, legend._outside_loc,
            _plain(anchor.bounds),
            tuple(_text_key(text, owner, placed=False) for text in legend.texts),
            _text_key(legend.get_title(), owner, placed=False), tuple(handles), legend._ncols,
            legend.get_frame_on(), legend.borderpad, legend.labelspacing,
            legend.handlelength, legend.handleheight, legend.handletextpad,
            legend.borderaxespad, legend.columnspacing, legend.markerscale,
            legend._alignment, hash(legend.prop))


def _axis_key(axis, ax) -> tuple:
    tickers = tuple(_ticker_key(ticker) for ticker in (
        axis.get_major_locator(), axis.get_major_formatter(), axis.get_minor_locator(),
        axis.get_minor_formatter()))
    labels = tuple((_text_key(tick.label1, ax, placed=False),
                    _text_key(tick.label2, ax, placed=False), tick.get_pad(),
                    tick.get_tick_padding()) for tick in axis._update_ticks())
    return (axis.get_visible(), axis.get_label_position(), axis.get_ticks_position(), tickers,
            labels, _plain(axis._major_tick_kw), _plain(axis._minor_tick_kw),
            _text_key(axis.label, ax, placed=False),
            _text_key(axis.offsetText, ax, placed=False))


def _ticker_key(ticker) -> tuple:
    state = []
    for name, value in sorted(vars(ticker).items()):
        if name == "axis":
            continue
        if isinstance(value, functools.partial):  # set_ticks(labels=…) formats this way
            value = (_function_key(value.func), _plain(value.args), _plain(value.keywords))
        elif callable(value) and not isinstance(value, type):
            value = _function_key(value)
        state.append((name, _plain(value)))
    return (type(ticker).__qualname__, tuple(state))


def _function_key(function) -> str:
    """A plain function by name; a closure or bound method may hold anything: unknown."""
    if getattr(function, "__closure__", True) is not None:
        raise _Unknown
    return f"{function.__module__}.{function.__qualname__}"


def _transform_key(transform, owner) -> str:
    fig = owner.get_figure(root=True)
    for name, known in (("figure", fig.transFigure), ("subfigure", fig.transSubfigure)):
        if transform == known:
            return name
    if hasattr(owner, "transData"):
        for name, known in (("data", owner.transData), ("axes", owner.transAxes),
                            ("xaxis", owner.get_xaxis_transform()),
                            ("yaxis", owner.get_yaxis_transform())):
            if transform == known:
                return name
    if type(transform).__name__ == "IdentityTransform":
        return "identity"
    raise _Unknown


def _plain(value):
    """*value* as nested tuples of plain values (_Unknown when it holds anything else)."""
    import numpy as np

    if isinstance(value, _SIMPLE):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (tuple, list, np.ndarray)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return tuple((k, _plain(v)) for k, v in sorted(value.items()))
    if type(value).__module__.startswith("matplotlib.patches") and hasattr(value, "__dict__"):
        return (type(value).__qualname__, _plain(vars(value)))  # a box style
    raise _Unknown


def _sup_texts(fig) -> tuple:
    """The figure's title, x label and y label (None where it has none)."""
    return fig._suptitle, fig._supxlabel, fig._supylabel


def _get_layout(fig) -> tuple:
    """Where constrained layout put *fig*'s axes and figure titles."""
    axes = tuple((ax.get_position(original=True).bounds, ax.get_position().bounds)
                 for ax in fig.axes)
    sup = tuple(None if text is None else (text.get_position(), text.get_va())
                for text in _sup_texts(fig))
    return axes, sup


def _set_layout(fig, layout: tuple) -> None:
    from matplotlib.transforms import Bbox

    axes, sup = layout
    for ax, (original, active) in zip(fig.axes, axes, strict=True):
        ax._set_position(Bbox.from_bounds(*original), which="original")
        ax._set_position(Bbox.from_bounds(*active), which="active")
    for text, place in zip(_sup_texts(fig), sup, strict=True):
        if text is not None and place is not None:
            text.set_position(place[0])
            text.set_va(place[1])
