"""What the persona card shows, and the card as Markdown (drawn in :mod:`routekit.personas.plot`).

The card shows who the persona is (profile from the segment), what binds them
(passions, necessities), what they need and what keeps them from the library,
how they take part (online/offline; FOR/BY/OF) and what the persona rests on
(segment figures, conversations).

Examples
--------
>>> riet = Persona(id="riet", name="Riet van Dijk", quote="Ik lees graag de krant.")
>>> print(persona_markdown(riet).splitlines()[0])
# Riet van Dijk
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import pandas as pd

from routekit.i18n import t
from routekit.personas.prefill import PersonaFacts
from routekit.records.personas import Persona

__all__ = ["Block", "PersonaCard", "card_blocks", "card_subtitle", "persona_markdown"]

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


@dataclass(frozen=True)
class PersonaCard:
    """What the card of a saved persona shows: the persona, its evidence and its area's name.

    Made by :func:`routekit.personas.stored.card_of`; drawn by
    :func:`routekit.personas.plot.plot_persona_card`, written by :func:`persona_markdown`.
    ``facts`` are the figures of its segment in its area behind the evidence (None
    without a segment or data), kept so a form can draw the next card without
    computing them again.
    """

    persona: Persona
    evidence: pd.DataFrame | None = None
    area_name: str | None = None
    facts: PersonaFacts | None = None


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


def card_subtitle(persona: Persona, area_name: str | None) -> str:
    """The line under the name: age band, household and area.

    Examples
    --------
    >>> card_subtitle(Persona(id="r", name="Riet", age_band="75+", area="WK01"), "West")
    '75+ · West'
    """
    parts = [persona.age_band, persona.household, area_name or persona.area]
    return " · ".join(str(p) for p in parts if p)


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
    if card_subtitle(persona, area_name):
        out += [f"*{card_subtitle(persona, area_name)}*", ""]
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
