"""Drawing of the persona stage (route step 4d): the persona card and the candidates' profiles.

The card is wrapped text laid out top-down on one page. :class:`TextFlow`
places it in inches from the top-left corner of an axes covering the page, so
a layout can be measured first (``draw=False``) and drawn once it fits
(:func:`fit_page` shrinks the font size until it fits); the POST-O canvas
(:mod:`routekit.strategy.plot`) is laid out the same way.

Examples
--------
>>> from routekit.records.personas import Persona
>>> riet = Persona(id="riet", name="Riet", needs=["een vast gezicht"])
>>> ax = plot_persona_card(PersonaCard(riet), size="slide")
>>> ax.texts[0].get_text()
'Riet'
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import numpy as np

from routekit.i18n import t
from routekit.personas.card import Block, PersonaCard, card_blocks, card_subtitle
from routekit.personas.generate import PersonaModel
from routekit.records.personas import Persona
from routekit.style import base_font_size, figure_axes, finish, get_style, sequential_cmap

__all__ = ["TextFlow", "fit_page", "plot_persona_card", "plot_profiles"]

CHAR_WIDTH = 0.6
"""Average character width in ems of DejaVu Sans (used to wrap text to a width)."""
LINE_SPACING = 1.3


class TextFlow:
    """Writes wrapped text top-down in one column of an axes.

    Parameters
    ----------
    ax : Axes
        Axes whose area is the page (usually the whole figure, axis off).
    x, width, top : float
        Left edge, column width and start position from the top, in inches.
    size : float
        Default font size in points.
    draw : bool
        False only measures (``y`` moves, nothing is drawn).

    Attributes
    ----------
    y : float
        Next free position from the top, in inches.
    """

    def __init__(self, ax, x: float, width: float, top: float, size: float, draw: bool):
        self.ax, self.x, self.width, self.y, self.size, self.draw = ax, x, width, top, size, draw
        bbox = ax.get_position()
        fig_w, fig_h = ax.get_figure(root=True).get_size_inches()
        self.ax_w, self.ax_h = bbox.width * fig_w, bbox.height * fig_h

    def _xy(self, x: float, y: float) -> tuple[float, float]:
        return x / self.ax_w, 1 - y / self.ax_h

    def text(self, text: str | list[str], *, size: float | None = None, indent: float = 0.0,
             gap: float = 0.35, bullet: bool = False, **kw) -> None:
        """Write one paragraph (or a list of bullet items as one text) and move down.

        *gap* is the space after it in ems; other keywords go to ``ax.text``.
        """
        size = size or self.size
        chars = max(int((self.width - indent) * 72 / (size * CHAR_WIDTH)), 8)
        items = text if isinstance(text, list) else [text]
        lines = [line for item in items for line in
                 (textwrap.wrap(f"• {item}" if bullet else item, chars,
                                subsequent_indent="   " if bullet else "") or [""])]
        if self.draw:
            self.ax.text(*self._xy(self.x + indent, self.y), "\n".join(lines),
                         transform=self.ax.transAxes, va="top", ha="left", fontsize=size,
                         linespacing=LINE_SPACING, **kw)
        self.y += len(lines) * size * LINE_SPACING / 72 + gap * size / 72


def fit_page(layout: Callable[[float, bool], float], size: float, *, tries: int,
                shrink: float = 0.93) -> float:
    """Draw a page layout at the largest font size, from *size* down, at which it fits.

    ``layout(size, draw)`` lays out the page at font size *size* (drawing only
    when *draw* is true) and returns how far it overflows the page (inches;
    zero or less when it fits). The size shrinks by *shrink* at most *tries*
    times; the layout is then drawn once.

    Returns
    -------
    float
        The font size drawn at.

    Examples
    --------
    >>> round(fit_page(lambda size, draw: size - 8, 10, tries=5), 2)
    7.48
    """
    for _ in range(tries):
        if layout(size, False) <= 0:
            break
        size *= shrink
    layout(size, True)
    return size


# -- persona card ---------------------------------------------------------------------


def _block(flow: TextFlow, block: Block, colour: str) -> None:
    """Write one card block: a coloured heading, label–value pairs, then lines."""
    flow.text(block.title.upper(), size=flow.size * 0.85, color=colour, fontweight="bold",
              gap=0.25)
    for label, value in block.pairs:
        flow.text(label, size=flow.size * 0.8, color="#6b6b6b", gap=0.2)
        flow.text(value, gap=0.3)
    if block.lines:
        flow.text(block.lines, bullet=block.bullets, gap=0.1)
    flow.y += flow.size * 0.9 / 72


def _layout(ax, persona: Persona, blocks: dict[str, Block], area_name: str | None,
            base: float, draw: bool) -> float:
    """Lay out the card at font size *base*; return how far the text overflows (inches)."""
    from matplotlib.patches import FancyBboxPatch

    style = get_style()
    fig_w, fig_h = ax.get_figure(root=True).get_size_inches()
    portrait = fig_h > fig_w
    margin, header = 0.45 * (1 + (not portrait) * 0.2), base * 5.2 / 72
    bottom = fig_h - margin - base * 1.2 / 72
    if draw:
        ax.add_patch(FancyBboxPatch((0, 1 - (margin * 0.6 + header) / fig_h), 1,
                                    (margin * 0.6 + header) / fig_h, boxstyle="square,pad=0",
                                    transform=ax.transAxes, color=style.primary, zorder=0))
    head = TextFlow(ax, margin, fig_w - 2 * margin, margin * 0.55, base, draw)
    head.text(persona.name, size=base * 2.3, color="white", fontweight="bold", gap=0.1)
    head.text(card_subtitle(persona, area_name), size=base * 1.1, color="white", gap=0.0)
    top = margin * 0.6 + header + base * 1.2 / 72
    if persona.quote:
        quote = TextFlow(ax, margin, fig_w - 2 * margin, top, base * 1.35, draw)
        quote.text(f"“{persona.quote}”", style="italic", color=style.primary, gap=0.6)
        top = quote.y
    gutter = 0.35
    if portrait:
        columns = [(("profile", "channels", "participation"), 0.38),
                   (("bio", "passions", "necessities", "needs", "barriers", "evidence"), 0.62)]
    else:
        columns = [(("profile", "channels"), 0.27),
                   (("bio", "passions", "necessities"), 0.38),
                   (("needs", "barriers", "participation", "evidence"), 0.35)]
    usable = fig_w - 2 * margin - gutter * (len(columns) - 1)
    x, overflow = margin, 0.0
    for names, share in columns:
        flow = TextFlow(ax, x, usable * share, top, base, draw)
        for name in names:
            if name in blocks:
                _block(flow, blocks[name], style.primary)
        overflow = max(overflow, flow.y - bottom)
        x += usable * share + gutter
    return overflow


def plot_persona_card(card: PersonaCard, *, ax=None, size: str = "a4"):
    """Draw the persona card on one page.

    Parameters
    ----------
    card : PersonaCard
        The persona, its evidence and its area's name
        (:func:`routekit.personas.stored.card_of` for a saved persona).
    ax : Axes, optional
        The axes to fill (its whole figure should be the card); a new figure
        of *size* when None.
    size : str, default "a4"
        Preset of :data:`routekit.style.SIZES` for a new figure ("a4", "slide").

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size, page=True)
    persona = card.persona
    blocks = card_blocks(persona, card.evidence, short=170)
    style = get_style()
    base = fit_page(  # from a generous size down until the card fits its page
        lambda font, draw: _layout(ax, persona, blocks, card.area_name, font, draw=draw),
        base_font_size(ax) * 1.3, tries=12)
    ax.text(0.02, 0.012, f"{t(f'personas.source.{persona.source}').capitalize()}. "
            f"{t('personas.reminder')}", transform=ax.transAxes, fontsize=base * 0.75,
            color=style.neutral, style="italic", va="bottom", wrap=True)
    return finish(ax, source="")


# -- candidates -----------------------------------------------------------------------


def plot_profiles(model: PersonaModel, *, ax=None, size: str = "screen"):
    """Heatmap of the candidates' behaviour profiles, with their sizes and the reminder.

    Returns
    -------
    Axes
    """
    ax = figure_axes(ax, size)
    data = model.profiles.T
    ax.imshow(data.to_numpy(), aspect="auto", cmap=sequential_cmap(), vmin=0)
    ax.grid(False)
    ax.set_yticks(range(len(data.index)), data.index)
    labels = [t("personas.generate.column", number=k,
                segment=textwrap.fill(row["segment_name"] or row["segment"], 16),
                households=f"{row['households']:,.0f}".replace(",", "."))
              for k, row in model.personas.iterrows()]
    ax.set_xticks(range(len(labels)), labels)
    ax.tick_params(axis="x", labelrotation=0, length=0)
    ax.tick_params(axis="y", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    peak = float(np.nanmax(data.to_numpy())) or 1.0
    for (i, j), value in np.ndenumerate(data.to_numpy()):
        ax.text(j, i, f"{value * 100:.0f}%", ha="center", va="center", fontsize="small",
                color="white" if value > peak * 0.55 else "#222222")
    return finish(ax, title=t("personas.generate.title"), subtitle=t("personas.reminder_short"),
                  source=t("personas.generate.source", cells=model.suppressed))
