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


_RENDERERS: dict[tuple[float, float, float], Any] = {}  # (width px, height px, dpi) -> renderer


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
    key = (*canvas.get_width_height(physical=True), fig.dpi)  # as get_renderer keys it
    renderer = _RENDERERS.get(key)
    if renderer is None:
        renderer = _RENDERERS[key] = canvas.get_renderer()
        if hasattr(renderer, "_text2path"):  # what texts with a halo are drawn from
            renderer._text2path = _text_paths()
    canvas.renderer, canvas._lastKey = renderer, key


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

        def get_text_path(self, prop, s, ismath=False, *, features=None, language=None):
            key = (prop.copy(), s, ismath, tuple(features or ()), language)  # a copy:
            found = self.outlines.get(key)  # a text's font properties change in place
            if found is None:
                if len(self.outlines) >= 4096:
                    self.outlines.clear()
                found = self.outlines[key] = super().get_text_path(
                    prop, s, ismath=ismath, features=features, language=language)
            return found

    return CachedTextToPath()


def lay_out(fig):
    """Run *fig*'s layout engine (constrained layout) without drawing; return its renderer.

    Texts measured with the renderer afterwards are where a saved file shows them:
    what every check and placement needs, at a fraction of a full draw.
    """
    renderer = figure_renderer(fig)
    engine = fig.get_layout_engine()
    if engine is not None:
        with warnings.catch_warnings():  # a too-wide title can collapse the layout once
            warnings.filterwarnings("ignore", "constrained_layout not applied")
            engine.execute(fig)
    return renderer
