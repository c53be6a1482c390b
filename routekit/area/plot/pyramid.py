"""Age pyramid: two sides per age band (men and women, or an area and its reference).

Data: :func:`pyramid_by_sex` (inhabitants and members per sex and age band, as
in the CBS library-members tables) or :func:`pyramid_from_key_figures` (CBS age
groups of an area against a reference, in % of inhabitants).

Examples
--------
>>> from routekit.area import read_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> ax = age_pyramid(pyramid_from_key_figures(figures, "WK990106", "GM9901"))
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from routekit.area.plot._common import axes, font_size
from routekit.i18n import t
from routekit.style import finish, get_style, style_context

__all__ = ["age_pyramid", "pyramid_by_sex", "pyramid_from_key_figures"]


def pyramid_by_sex(persons: pd.DataFrame, areas: list[str] | str | None = None
                   ) -> pd.DataFrame:
    """Inhabitants (and members) per age band and sex from ``persons_by_sex_age.csv``.

    Returns
    -------
    pandas.DataFrame
        Indexed by age band (young first): ``left``/``right`` = men/women
        inhabitants, ``left_inner``/``right_inner`` = members when present.
        ``attrs`` holds the side labels.
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
    out.attrs.update(left=t("area.chart.men"), right=t("area.chart.women"),
                     inner=t("area.chart.members"), unit=t("area.chart.persons_axis"))
    return out


def pyramid_from_key_figures(figures, area: str, reference: str) -> pd.DataFrame:
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
    out.attrs.update(left=str(table.at[area, "name"]), right=str(table.at[reference, "name"]),
                     unit=t("area.chart.percent_inhabitants"))
    return out


def age_pyramid(frame: pd.DataFrame, *, ax=None, title: str | None = None,
                subtitle: str | None = None, source: str | None = None):
    """Draw an age pyramid: ``left`` to the left, ``right`` to the right, young at the bottom.

    Optional ``left_inner``/``right_inner`` columns (e.g. library members) are
    drawn as narrower dark bars inside.

    Returns
    -------
    Axes
        ``ax.containers``: left bars, right bars (then the inner bars).
    """
    ax = axes(ax, "screen")
    s = get_style()
    y = np.arange(len(frame))
    with style_context():
        ax.barh(y, -frame["left"], 0.8, color=s.secondary, label=frame.attrs.get("left"))
        ax.barh(y, frame["right"], 0.8, color=s.accent, label=frame.attrs.get("right"),
                alpha=0.8)
        if "left_inner" in frame.columns:
            ax.barh(y, -frame["left_inner"], 0.4, color=s.primary,
                    label=frame.attrs.get("inner"))
            ax.barh(y, frame["right_inner"], 0.4, color=s.primary)
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.set_yticks(y, list(frame.index))
        top = float(np.nanmax(frame[["left", "right"]].to_numpy())) * 1.1
        ax.set_xlim(-top, top)
        ticks = ax.get_xticks()
        ax.set_xticks(ticks, [f"{abs(v):,.0f}".replace(",", ".") for v in ticks])
        ax.set_xlim(-top, top)
        ax.set_xlabel(frame.attrs.get("unit", ""))
        ax.grid(axis="y", visible=False)
        # The two sides' names in a legend in the headroom above the oldest band,
        # never against the title above the axes.
        ax.set_ylim(-0.6, len(frame) + 0.3)
        ax.legend(loc="upper center", ncol=3, frameon=False, fontsize=font_size(ax),
                  handles=[c[0] for c in ax.containers[:3]],
                  labels=[frame.attrs.get(k, "") for k in ("left", "right", "inner")][
                      :min(3, len(ax.containers))])
    return finish(ax, title=title or t("area.chart.pyramid_title"), subtitle=subtitle,
                  source=source)
