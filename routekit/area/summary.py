"""A plain-language summary of a profile (and of reach), Dutch by default.

Examples
--------
>>> from routekit.area import load_route_data, profile
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> summarise(profile(data, "WK990106", level="group"), "Heidebroek")  # doctest: +ELLIPSIS
'In Heidebroek wonen naar verhouding veel huishoudens uit Land en Erf (index 404), Dorpse ...'
"""

from __future__ import annotations

import pandas as pd

from routekit.i18n import t

__all__ = ["HIGH", "LOW", "summarise"]

#: Index at or above which a segment is "relatively many", and at or below "relatively few".
HIGH, LOW = 120, 80


def _item(code: str, row: pd.Series, lang: str | None) -> str:
    return t("area.summary.item", lang=lang, name=row["name"], index=round(row["index"]))


def _join(items: list[str], lang: str | None) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('area.summary.and', lang=lang)} {items[-1]}"


def summarise(profile: pd.DataFrame, area: str, *, reach=None,
              lang: str | None = None, top: int = 3) -> str:
    """Describe a profile in a few plain sentences.

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`routekit.area.profile` (``name``, ``count``, ``share``,
        ``ref_share``, ``index``, ``reliable``).
    area : str
        Name of the area set, as the reader knows it ("Heidebroek").
    reach : SegmentReach, optional
        From :func:`routekit.area.under_reached` for the same areas: adds the
        segment the library misses most.
    lang : {"nl", "en"}, optional
    top : int, default 3
        At most this many segments per sentence.

    Returns
    -------
    str
        Sentences about over- and under-represented segments (only reliable
        counts), the largest segment and, with *reach*, the largest gap.
    """
    if not len(profile) or not profile["count"].sum() > 0:
        return t("guide.summary_empty", lang=lang, area=area)
    reliable = profile[profile["reliable"] & profile["index"].notna()]
    high = reliable[reliable["index"] >= HIGH].sort_values("index", ascending=False).head(top)
    low = reliable[(reliable["index"] <= LOW) & (reliable["ref_share"] >= 0.02)]
    low = low.sort_values("index").head(top)
    sentences = []
    if len(high):
        sentences.append(t("area.summary.high", lang=lang, area=area, items=_join(
            [_item(c, r, lang) for c, r in high.iterrows()], lang)))
    if len(low):
        sentences.append(t("area.summary.low", lang=lang, items=_join(
            [_item(c, r, lang) for c, r in low.iterrows()], lang)))
    if not sentences:
        sentences.append(t("area.summary.average", lang=lang, area=area))
    largest = profile.sort_values("count", ascending=False).iloc[0]
    sentences.append(t("area.summary.largest", lang=lang, name=largest["name"],
                       share=round(100 * largest["share"])))
    skipped = int((~profile["reliable"] & (profile["count"] > 0)).sum())
    if skipped:
        sentences.append(t("area.summary.small", lang=lang, count=skipped))
    if reach is not None and len(reach.table):
        first = reach.table.iloc[0]
        sentences.append(t("area.summary.missed", lang=lang, name=first["name"],
                           missed=int(round(first["missed"])),
                           rate=round(100 * first["penetration"]),
                           overall=round(100 * reach.overall)))
    return " ".join(sentences)
