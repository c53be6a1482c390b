"""The persona card: one page (A4 or slide) in the house style, and the same card as Markdown/HTML.

The card shows who the persona is (profile from the segment), what binds them
(passions, necessities), what they need and what keeps them from the library,
how they take part (online/offline; FOR/BY/OF) and what the persona rests on
(segment figures, conversations).

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> fig = persona_card(route, "riet", size="slide")
>>> print(persona_markdown(route.get("personas", "riet")).splitlines()[0])
# Riet van Dijk
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass, field

import pandas as pd

from routekit.i18n import t
from routekit.personas.flow import TextFlow, draw_fitted, page_axes
from routekit.records.personas import Persona

__all__ = ["Block", "card_blocks", "persona_card", "persona_html", "persona_markdown",
           "plot_persona_card"]

_PROFILE = ("age_band", "household", "life_stage", "income_level", "education_level",
            "digital_skills", "media_use")
_STORY = ("passions", "necessities", "needs", "barriers")
_LEVEL_FIELDS = {"income_level", "education_level", "digital_skills"}


@dataclass
class Block:
    """One part of a card: a heading and its lines (``pairs`` for label–value facts)."""

    title: str
    lines: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    bullets: bool = False


def _value(persona: Persona, name: str) -> str:
    value = getattr(persona, name)
    if value is None or value == "":
        return ""
    if name in _LEVEL_FIELDS:
        return t(f"personas.level.{value}")
    if name == "participation":
        return t(f"personas.participation.{value}")
    return str(value)


def card_blocks(persona: Persona, evidence: pd.DataFrame | None = None, *,
                short: int | None = None) -> dict[str, Block]:
    """The content of the card, in the user's language, by part.

    Parts: ``profile``, ``channels``, ``bio``, ``passions``, ``necessities``,
    ``needs``, ``barriers``, ``participation``, ``evidence``. Empty parts are
    left out. *short* shortens each evidence line to that many characters.

    Examples
    --------
    >>> blocks = card_blocks(Persona(id="r", name="Riet", needs=["een vast gezicht"]))
    >>> blocks["needs"].lines
    ['een vast gezicht']
    """
    blocks: dict[str, Block] = {}
    pairs = [(t(f"personas.field.{name}"), _value(persona, name)) for name in _PROFILE]
    pairs = [(label, value) for label, value in pairs if value]
    if pairs:
        blocks["profile"] = Block(t("personas.card.profile"), pairs=pairs)
    if persona.channels:
        blocks["channels"] = Block(t("personas.field.channels"), lines=persona.channels,
                                   bullets=True)
    if persona.bio:
        blocks["bio"] = Block(t("personas.field.bio"), lines=[persona.bio])
    for name in _STORY:
        if getattr(persona, name):
            blocks[name] = Block(t(f"personas.field.{name}"), lines=getattr(persona, name),
                                 bullets=True)
    take_part = [(t("personas.field.participation"), _value(persona, "participation")),
                 (t("personas.field.community_role"),
                  t(f"personas.role.{persona.community_role}") if persona.community_role
                  else "")]
    take_part = [(label, value) for label, value in take_part if value]
    if take_part:
        blocks["participation"] = Block(t("personas.card.participation"), pairs=take_part)
    lines = [textwrap.shorten(f"{row.kind} {row.reference}: {row.detail}".rstrip(": "),
                              short or 10_000, placeholder=" …")
             for row in (evidence.itertuples() if evidence is not None else [])]
    blocks["evidence"] = Block(t("personas.evidence.title"),
                               lines=lines or [t("personas.evidence.none")], bullets=bool(lines))
    return blocks


def _subtitle(persona: Persona, area_name: str | None) -> str:
    parts = [persona.age_band, persona.household, area_name or persona.area]
    return " · ".join(str(p) for p in parts if p)


# -- figure -------------------------------------------------------------------------------


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

    from routekit.style import get_style

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
    head.text(_subtitle(persona, area_name), size=base * 1.1, color="white", gap=0.0)
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


def plot_persona_card(persona: Persona, *, evidence: pd.DataFrame | None = None,
                      area_name: str | None = None, ax=None, size: str = "a4"):
    """Draw the persona card on one page.

    Parameters
    ----------
    persona : Persona
    evidence : DataFrame, optional
        From :func:`routekit.personas.builder.evidence`.
    area_name : str, optional
        Name shown instead of the area code.
    ax : Axes, optional
        The axes to fill (its whole figure should be the card); a new figure
        of *size* when None.
    size : str, default "a4"
        Preset of :data:`routekit.style.SIZES` for a new figure ("a4", "slide").

    Returns
    -------
    Axes
    """
    from routekit.style import figure_scale, finish, get_style

    ax = page_axes(ax, size)
    blocks = card_blocks(persona, evidence, short=170)
    style = get_style()
    base = draw_fitted(  # from a generous size down until the card fits its page
        lambda font, draw: _layout(ax, persona, blocks, area_name, font, draw=draw),
        style.font_size * figure_scale(ax.get_figure(root=True)) * 1.3, tries=12)
    ax.text(0.02, 0.012, f"{t(f'personas.source.{persona.source}').capitalize()}. "
            f"{t('personas.reminder')}", transform=ax.transAxes, fontsize=base * 0.75,
            color=style.neutral, style="italic", va="bottom", wrap=True)
    return finish(ax, source="")


def persona_card(route, persona_id: str, *, size: str = "a4"):
    """The card of a saved persona of *route*, with its evidence; returns the Figure.

    Raises
    ------
    RouteError
        When the route has no persona *persona_id*.
    """
    from routekit.errors import Problem, RouteError
    from routekit.personas.builder import evidence

    persona = route.get("personas", persona_id)
    if persona is None:
        raise RouteError(Problem("personas.yaml", t("guide.unknown_persona", id=persona_id)))
    area = next((a.name for a in route.config.areas if a.code == persona.area), None)
    ax = plot_persona_card(persona, evidence=evidence(route, persona), area_name=area, size=size)
    return ax.get_figure(root=True)


# -- text ---------------------------------------------------------------------------------


def persona_markdown(persona: Persona, evidence: pd.DataFrame | None = None,
                     area_name: str | None = None) -> str:
    """The card as Markdown (for a report, a wiki or an e-mail).

    Examples
    --------
    >>> print(persona_markdown(Persona(id="r", name="Riet", quote="Graag een boek.")))
    ... # doctest: +ELLIPSIS
    # Riet
    <BLANKLINE>
    > Graag een boek.
    ...
    """
    out = [f"# {persona.name}", ""]
    if _subtitle(persona, area_name):
        out += [f"*{_subtitle(persona, area_name)}*", ""]
    if persona.quote:
        out += [f"> {persona.quote}", ""]
    for block in card_blocks(persona, evidence).values():
        out += [f"## {block.title}", ""]
        out += [f"- **{label}:** {value}" for label, value in block.pairs]
        out += [f"- {line}" if block.bullets else line for line in block.lines]
        out.append("")
    if persona.source == "data":
        out += [f"*{t('personas.reminder')}*", ""]
    return "\n".join(out)


def persona_html(persona: Persona, evidence: pd.DataFrame | None = None,
                 area_name: str | None = None) -> str:
    """The card as a self-contained HTML fragment (a ``<article>``)."""
    from routekit.style import get_style

    e = html.escape
    colour = get_style().primary
    out = [f'<article class="persona-card" style="border-top:6px solid {colour};'
           'padding:.6rem 1rem;max-width:48rem;font-family:DejaVu Sans,Arial,sans-serif">',
           f"<h2 style=\"margin:.2rem 0\">{e(persona.name)}</h2>"]
    if _subtitle(persona, area_name):
        out.append(f"<p style=\"color:#555;margin:0\">{e(_subtitle(persona, area_name))}</p>")
    if persona.quote:
        out.append(f"<blockquote style=\"color:{colour};font-style:italic\">"
                   f"“{e(persona.quote)}”</blockquote>")
    for block in card_blocks(persona, evidence).values():
        out.append(f"<h3 style=\"color:{colour};font-size:1rem\">{e(block.title)}</h3>")
        items = [f"<li><b>{e(label)}:</b> {e(value)}</li>" for label, value in block.pairs]
        items += [f"<li>{e(line)}</li>" for line in block.lines if block.bullets]
        out += [f"<p>{e(line)}</p>" for line in block.lines if not block.bullets]
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    if persona.source == "data":
        out.append(f"<p><em>{e(t('personas.reminder'))}</em></p>")
    out.append("</article>")
    return "\n".join(out)

