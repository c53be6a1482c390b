"""Age structure for an age pyramid: two sides per age band, and what each side is.

:func:`pyramid_by_sex` (inhabitants and members per sex and age band, as in the
CBS library-members tables) and :func:`pyramid_from_key_figures` (CBS age
groups of an area against a reference, in % of inhabitants) both give a
:class:`Pyramid`, which :func:`routekit.area.plot.plot_age_pyramid` draws.

Examples
--------
>>> from routekit.area import read_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> pyramid = pyramid_from_key_figures(figures, "WK990106", "GM9901")
>>> pyramid.left, pyramid.right, len(pyramid.table)
('Wijk 06 Heidebroek', 'Sleutelwaard', 5)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from routekit.i18n import t

__all__ = ["Pyramid", "pyramid_by_sex", "pyramid_from_key_figures"]


@dataclass(frozen=True)
class Pyramid:
    """An age pyramid's data: ``table`` indexed by age band (young first) with ``left``
    and ``right`` (and optionally ``left_inner``/``right_inner``, e.g. members), the
    names of the sides (``left``, ``right``, ``inner``) and the ``unit`` of the values."""

    table: pd.DataFrame
    left: str
    right: str
    unit: str
    inner: str = ""


def pyramid_by_sex(persons: pd.DataFrame, areas: list[str] | str | None = None) -> Pyramid:
    """Inhabitants (and members) per age band and sex from ``persons_by_sex_age.csv``.

    Returns
    -------
    Pyramid
        ``left``/``right`` = men/women inhabitants, ``left_inner``/``right_inner``
        = members when present.
    """
    frame = persons if areas is None else persons[persons["area_code"].isin(
        [areas] if isinstance(areas, str) else list(areas))]
    bands = list(dict.fromkeys(persons["age_band"]))
    columns = ["inhabitants"] + (["members"] if "members" in frame.columns else [])
    pivot = frame.pivot_table(index="age_band", columns="sex", values=columns,
                              aggfunc="sum").reindex(bands)
    out = pd.DataFrame({"left": pivot[("inhabitants", "man")],
                        "right": pivot[("inhabitants", "vrouw")]})
    if "members" in columns:
        out["left_inner"] = pivot[("members", "man")]
        out["right_inner"] = pivot[("members", "vrouw")]
    return Pyramid(out, t("area.chart.men"), t("area.chart.women"),
                   t("area.chart.persons_axis"), inner=t("area.chart.members"))


def pyramid_from_key_figures(figures, area: str, reference: str) -> Pyramid:
    """CBS age groups of *area* (left) and *reference* (right) in % of inhabitants.

    Parameters
    ----------
    figures : KeyFigures
        From :func:`routekit.area.read_key_figures`.
    area, reference : str
        Region codes (e.g. a wijk and its gemeente).
    """
    from routekit.area.cbs import AGE_GROUPS

    table = figures.table
    groups = list(AGE_GROUPS)

    def shares(code):
        row = table.loc[code, groups].astype(float)
        return 100 * row / row.sum()

    out = pd.DataFrame({"left": shares(area).to_numpy(), "right": shares(reference).to_numpy()},
                       index=pd.Index(list(AGE_GROUPS.values()), name="age_band"))
    return Pyramid(out, str(table.at[area, "name"]), str(table.at[reference, "name"]),
                   t("area.chart.percent_inhabitants"))
