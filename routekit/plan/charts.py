"""Charts of the plan for management: budget, KPI targets vs. actuals, risks.

Each function takes a table of :mod:`routekit.plan.tables` and returns the Axes.

Examples
--------
>>> from routekit.plan.model import Plan
>>> from routekit.plan.tables import budget_by_activity
>>> plan = Plan.from_records(budget=[{"id": "b1", "description": "Koffie", "cost": 900}])
>>> ax = budget_overview(budget_by_activity(plan))
>>> [float(p.get_width()) for p in ax.patches][:1]
[900.0]
"""

from __future__ import annotations

import textwrap

import pandas as pd

from routekit.i18n import t
from routekit.plan.formats import euro, number, percent
from routekit.plan.tables import risk_level

__all__ = ["budget_overview", "kpi_progress", "risk_matrix_plot"]

LABEL_WIDTH = 38


def _wrap(labels) -> list[str]:
    return [textwrap.fill(str(label), LABEL_WIDTH) for label in labels]


def chart_axes(ax=None, size: str = "a4-landscape"):
    """Start a plan chart: the axes (*ax* or a new figure of *size*), house style, font size.

    Returns
    -------
    tuple
        ``(ax, style, base)``: the Axes, the :class:`~routekit.style.HouseStyle`
        and the axes' label font size in points, from which the chart's texts
        are scaled.

    Examples
    --------
    >>> ax, style, base = chart_axes(size="social")
    >>> base > 0
    True
    """
    from routekit.style import get_style, new_figure

    if ax is None:
        _, ax = new_figure(size)
    return ax, get_style(), ax.xaxis.get_label().get_fontsize()


def _bar_label(ax, text: str, x: float, row: int, *, size: float, colour: str, **kw) -> None:
    """Write *text* just right of *x* on bar row *row* (other keywords go to ``annotate``)."""
    ax.annotate(text, (x, row), xytext=(4, 0), textcoords="offset points", va="center",
                fontsize=size, color=colour, **kw)


def _row_axis(ax, labels: list[str], *, size: float) -> None:
    """One labelled row per bar, the first at the top, without horizontal grid lines."""
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=size)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)


def budget_overview(by_activity: pd.DataFrame, *, ax=None, title: str | None = None,
                    source: str | None = None):
    """Stacked bars per activity: own contribution, subsidy and contribution in kind.

    Parameters
    ----------
    by_activity : DataFrame
        From :func:`routekit.plan.tables.budget_by_activity`.
    ax : Axes, optional
        New A4-landscape figure when None.

    Returns
    -------
    Axes
    """
    from matplotlib.ticker import FuncFormatter

    from routekit.style import finish, style_context

    ax, style, base = chart_axes(ax)
    parts = [("own", style.primary), ("subsidy", style.secondary), ("in_kind", style.accent)]
    rows = range(len(by_activity))
    with style_context():
        left = pd.Series(0.0, index=by_activity.index)
        for column, colour in parts:
            ax.barh(list(rows), by_activity[column], left=left, color=colour, height=0.6,
                    label=t(f"plan.col.{column}"), gid=column)
            left = left + by_activity[column]
        for row, total in zip(rows, by_activity["value"], strict=True):
            _bar_label(ax, euro(total), total, row, size=base * 0.85, colour=style.text)
        _row_axis(ax, _wrap(by_activity.index), size=base * 0.85)
        ax.set_xlim(0, float(by_activity["value"].max() if len(by_activity) else 1) * 1.15)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: euro(value)))
        ax.legend(loc="lower right")
    return finish(ax, title=title or t("plan.chart.budget_title"), source=source)


def kpi_progress(kpis: pd.DataFrame, *, ax=None, title: str | None = None,
                 source: str | None = None):
    """Bars of each KPI's actual as a share of its target, the target at 100%.

    KPIs not measured yet get a grey note instead of a bar. Labels give the
    numbers ("28 van 80 personen").

    Parameters
    ----------
    kpis : DataFrame
        From :func:`routekit.plan.tables.kpi_table`.
    ax : Axes, optional
        New A4-landscape figure when None.

    Returns
    -------
    Axes
    """
    from matplotlib.ticker import PercentFormatter

    from routekit.style import finish, style_context

    ax, style, base = chart_axes(ax)
    labels = [f"{name}\n{area}" if area else name
              for name, area in zip(_wrap(kpis["name"]), kpis["area"], strict=True)]
    top = max(1.2, float(kpis["progress"].max()) * 1.25 if kpis["progress"].notna().any() else 1)
    with style_context():
        for row, kpi in enumerate(kpis.to_dict("records")):
            if pd.isna(kpi["progress"]):
                _bar_label(ax, t("plan.chart.not_measured"), 0, row, size=base * 0.85,
                           colour=style.neutral, fontstyle="italic")
                continue
            colour = style.positive if kpi["progress"] >= 1 else style.primary
            ax.barh(row, kpi["progress"], color=colour, height=0.6, gid=f"kpi-{kpi['id']}")
            _bar_label(ax, t("plan.chart.kpi_label", actual=number(kpi["actual"]),
                             target=number(kpi["target"]), unit=kpi["unit"],
                             share=percent(kpi["progress"])),
                       kpi["progress"], row, size=base * 0.85, colour=style.text)
        ax.axvline(1.0, color=style.text, linewidth=1, linestyle="--", zorder=4)
        ax.annotate(t("plan.chart.target"), (1.0, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(3, -2), textcoords="offset points", va="top",  # under the title
                    fontsize=base * 0.8)
        _row_axis(ax, labels, size=base * 0.85)
        ax.set_xlim(0, top + 0.35)
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    return finish(ax, title=title or t("plan.chart.kpi_title"), source=source)


def risk_matrix_plot(risks: pd.DataFrame, *, ax=None, title: str | None = None,
                     source: str | None = None):
    """A 5 × 5 risk matrix (likelihood × impact), each risk's id in its cell.

    Parameters
    ----------
    risks : DataFrame
        From :func:`routekit.plan.tables.risk_table`.
    ax : Axes, optional
        New "social" (square) figure when None.

    Returns
    -------
    Axes
    """
    from matplotlib.patches import Rectangle

    from routekit.style import finish, style_context

    ax, style, base = chart_axes(ax, "social")
    with style_context():
        shades = {"low": (style.positive, 0.25), "middle": (style.accent, 0.4),
                  "high": (style.negative, 0.55)}
        for impact in range(1, 6):
            for likelihood in range(1, 6):
                colour, alpha = shades[risk_level(likelihood * impact)]
                ax.add_patch(Rectangle((likelihood - 0.5, impact - 0.5), 1, 1, color=colour,
                                       alpha=alpha, linewidth=0, zorder=1))
        placed = risks.dropna(subset=["likelihood", "impact"])
        for (likelihood, impact), group in placed.groupby(["likelihood", "impact"]):
            ax.text(likelihood, impact, "\n".join(group["id"]), ha="center", va="center",
                    fontsize=base, fontweight="bold", color=style.text, zorder=3)
        ax.set_xlim(0.5, 5.5)
        ax.set_ylim(0.5, 5.5)
        ax.set_xticks(range(1, 6))
        ax.set_yticks(range(1, 6))
        ax.set_xlabel(t("plan.col.likelihood"))
        ax.set_ylabel(t("plan.col.impact"))
        ax.grid(False)
        ax.set_aspect("equal")
    return finish(ax, title=title or t("plan.chart.risk_title"), source=source)
