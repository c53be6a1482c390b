"""Numbers, money and dates written the way the reader's language writes them.

Examples
--------
>>> euro(1234.6)
'€ 1.235'
>>> euro(1234.6, lang="en")
'€1,235'
>>> percent(0.456)
'46%'
>>> import datetime as dt
>>> day(dt.date(2026, 3, 1))
'1 mrt 2026'
"""

from __future__ import annotations

import datetime as dt
import math

from routekit.i18n import get_language, t

__all__ = ["day", "euro", "month_name", "number", "percent"]


def number(value: float | None, *, decimals: int = 0, lang: str | None = None) -> str:
    """Format *value* with thousands separators (``1.234`` in Dutch, ``1,234`` in English).

    Missing values (None, NaN) become ``"–"``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if (lang or get_language()) == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def euro(value: float | None, *, lang: str | None = None) -> str:
    """Format an amount in whole euros: ``€ 1.235`` (Dutch) or ``€1,235`` (English)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return t("plan.format.euro", lang=lang, amount=number(value, lang=lang))


def percent(share: float | None) -> str:
    """Format a share (0–1) as a whole percentage."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{round(share * 100):d}%"


def month_name(month: int, *, lang: str | None = None) -> str:
    """Short month name, e.g. ``"mrt"`` for 3 in Dutch."""
    return t("plan.format.months", lang=lang).split(",")[month - 1]


def day(value: dt.date | None, *, lang: str | None = None) -> str:
    """Format a date as ``1 mrt 2026`` (Dutch) or ``1 Mar 2026`` (English)."""
    if value is None:
        return "–"
    return f"{value.day} {month_name(value.month, lang=lang)} {value.year}"
