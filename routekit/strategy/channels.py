"""Which channels reach people offline and which online, and which to try first.

A channel is any way people hear about things: "huis-aan-huisblad",
"WhatsApp", "school", "huisarts/wijkverpleging". Personas list the channels
they use; for a group with low digital skills the offline channels come
first in the POST-O Technology suggestions.

Examples
--------
>>> channel_kind("WhatsApp-groepen van school"), channel_kind("lokale radio")
('online', 'offline')
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from routekit.records.personas import Persona

__all__ = ["OFFLINE_WORDS", "ONLINE_WORDS", "channel_kind", "suggest_channels"]

ONLINE_WORDS = ("app", "online", "website", "web", "mail", "nieuwsbrief", "newsletter",
                "facebook", "instagram", "whatsapp", "tiktok", "linkedin", "sociale media",
                "social media", "digita", "youtube", "podcast", "twitter", "platform",
                "streaming", "sms")
"""Words (lower case, matched inside the name) that mark a channel as online; checked first."""
OFFLINE_WORDS = ("huis-aan-huis", "krant", "radio", "omroep", "poster", "flyer", "folder",
                 "papier", "kaart", "prikbord", "school", "wijkcentrum", "buurthuis",
                 "dorpshuis", "mond-tot-mond", "huisarts", "wijkverpleg", "consultatiebureau",
                 "vereniging", "gemeenschap", "kerk", "moskee", "telefoon", "huisbezoek",
                 "markt", "balie", "bibliotheek", "word of mouth", "newspaper")
"""Words that mark a channel as offline (reached in person, on paper or by radio/phone)."""

_ORDER = {"offline": 0, "unknown": 1, "online": 2}


def channel_kind(name: str) -> str:
    """``"online"``, ``"offline"`` or ``"unknown"`` for a channel name.

    Examples
    --------
    >>> channel_kind("telefoonboom"), channel_kind("Dorpsapp"), channel_kind("?")
    ('offline', 'online', 'unknown')
    """
    low = name.lower()
    if any(word in low for word in ONLINE_WORDS):
        return "online"
    if any(word in low for word in OFFLINE_WORDS):
        return "offline"
    return "unknown"


def suggest_channels(personas: Iterable[Persona]) -> pd.DataFrame:
    """Channels of *personas* in the order to use them.

    Ordered by how many personas use a channel (then first mention); when any
    persona has low digital skills, offline channels come before online ones.

    Returns
    -------
    DataFrame
        ``channel``, ``kind``, ``count`` (personas using it), ``personas``
        (their names), ``low_skills`` (used by a persona with low digital skills).

    Examples
    --------
    >>> riet = Persona(id="r", name="Riet", digital_skills="low", channels="Facebook|krant")
    >>> suggest_channels([riet])["channel"].tolist()
    ['krant', 'Facebook']
    """
    rows: dict[str, dict] = {}
    personas = list(personas)
    for persona in personas:
        for channel in persona.channels:
            row = rows.setdefault(channel, {"channel": channel, "kind": channel_kind(channel),
                                            "count": 0, "personas": [], "low_skills": False,
                                            "first": len(rows)})
            row["count"] += 1
            row["personas"].append(persona.name)
            row["low_skills"] |= persona.digital_skills == "low"
    frame = pd.DataFrame(list(rows.values()),
                         columns=["channel", "kind", "count", "personas", "low_skills", "first"])
    keys = ["count", "first"]
    ascending = [False, True]
    if any(p.digital_skills == "low" for p in personas):
        frame = frame.assign(order=frame["kind"].map(_ORDER))
        keys, ascending = ["order", *keys], [True, *ascending]
    frame = frame.sort_values(keys, ascending=ascending, kind="stable")
    return frame[["channel", "kind", "count", "personas", "low_skills"]].reset_index(drop=True)
