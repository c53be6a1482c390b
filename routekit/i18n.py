"""One message catalog for all text shown to users (Dutch by default, English too).

Messages live in ``routekit/locales/<domain>.yaml``: each key maps to one text
per language, with ``{placeholders}`` filled by :func:`t`. The key used in code
is ``"<domain>.<key>"``, e.g. ``"core.where.row"`` from ``core.yaml``. A text
that depends on a number has two forms, ``one`` and ``other``, chosen by the
``count`` value ("1 segment heeft", "3 segmenten hebben").

Examples
--------
>>> from routekit.i18n import t, set_language
>>> t("core.where.row", row=3)
'rij 3'
>>> t("core.where.row", lang="en", row=3)
'row 3'
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml

__all__ = ["LANGUAGES", "get_language", "set_language", "t", "catalog"]

LANGUAGES = ("nl", "en")
_state = {"language": "nl"}


def set_language(lang: str) -> None:
    """Set the language used when :func:`t` is called without ``lang``.

    Parameters
    ----------
    lang : {"nl", "en"}
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _state["language"] = lang


def get_language() -> str:
    """Return the current default language ("nl" unless changed)."""
    return _state["language"]


@functools.cache
def catalog(domain: str) -> dict[str, dict[str, str]]:
    """Return the messages of one domain: ``{key: {lang: text}}``."""
    text = resources.files("routekit.locales").joinpath(f"{domain}.yaml").read_text("utf-8")
    return yaml.safe_load(text) or {}


def t(key: str, /, lang: str | None = None, **values) -> str:
    """Translate a message key, filling its ``{placeholders}``.

    Parameters
    ----------
    key : str
        ``"<domain>.<key>"``, e.g. ``"core.where.row"``.
    lang : str, optional
        Language; defaults to the one set with :func:`set_language`.
    **values
        Values for the placeholders.

    Returns
    -------
    str
        The text; falls back to Dutch when the language has no text, and
        raises ``KeyError`` for an unknown key so typos show up in tests.
        Of a message with ``one``/``other`` forms, the ``one`` form when
        ``count`` is 1.

    Examples
    --------
    >>> t("area.summary.small", count=1)[:20]
    '1 segment heeft te w'
    """
    domain, _, name = key.partition(".")
    entry = catalog(domain)[name]
    text = entry.get(lang or get_language()) or entry["nl"]
    if isinstance(text, dict):
        text = text["one" if values.get("count") == 1 else "other"]
    return text.format(**values) if values else text
