"""Charts of the plan: the Gantt timeline, budget, KPI targets vs. actuals and risks.

Each ``plot_*`` function draws a table of :mod:`routekit.plan.tables` (compute
it first) and returns the Axes; with ``ax=None`` it makes a figure of *size*.

* :func:`plot_gantt` – one row per activity (earliest first), a bar from start
  to end coloured by goal, the owners written under the bar and a diamond for
  one-day activities; finished activities are lighter, stopped ones grey. Made
  to be read on A4 landscape (the default size) and on a slide.
* :func:`plot_budget` – own contribution, subsidy and contribution in kind per activity.
* :func:`plot_kpi_progress` – each KPI's actual as a share of its target.
* :func:`plot_risk_matrix` – likelihood × impact, each risk's id in its cell.

Examples
--------
>>> from routekit.plan.model import Plan
>>> from routekit.plan.tables import activity_table, budget_by_activity
>>> plan = Plan.from_records(activities=[{"id": "a1", "name": "Taalcafé",
...     "start": "2026-01-05", "end": "2026-03-30", "owners": "buurthuis|ria"}],
...     budget=[{"id": "b1", "description": "Koffie", "cost": 900}])
>>> plot_gantt(activity_table(plan)).get_yticklabels()[0].get_text()
'Taalcafé'
>>> [float(p.get_width()) for p in plot_budget(budget_by_activity(plan)).patches][:1]
[900.0]
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping

import pandas as pd

from routekit.i18n import t
from routekit.plan.formats import euro, month_name, number, percent
from routekit.plan.tables import risk_level

__all__ = ["plot_budget", "plot_gantt", "plot_kpi_progress", "plot_risk_matrix"]

NAME_WIDTH = 40
"""Activity names are wrapped at this many characters (on a portrait page, at 28)."""
LABEL_WIDTH = 38
"""Row labels of the budget and KPI bars are wrapped at this many characters."""
_MARGIN = 6.0
"""Pixels kept free at the right edge of the figure for the owners' texts."""


def _wrap(labels) -> list[str]:
    return [textwrap.fill(str(label), LABEL_WIDTH) for label in labels]


def _base_size(ax) -> float:
    """The axes' label font size in points, from which a plan chart's texts are scaled."""
    return ax.xaxis.get_label().get_fontsize()


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


def _date_axis(ax, start: dt.date, end: dt.date) -> None:
    """Month ticks over the axes' x range (set it first), the year under the first tick and
    under every new year; the labels are written once, not at every draw."""
    import matplotlib.dates as mdates

    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 8 else 3 if months <= 30 else 6
    ticks = mdates.MonthLocator(bymonth=range(1, 13, step)).tick_values(
        *mdates.num2date(ax.get_xlim()))
    days = [mdates.num2date(value) for value in ticks]
    ax.set_xticks(ticks, [f"{month_name(day.month)}\n{day.year}" if day.month <= step or pos == 0
                          else month_name(day.month) for pos, day in enumerate(days)])


def plot_gantt(activities: pd.DataFrame, *, goals: Mapping[str, str] | None = None,
               today: dt.date | None = None, show_owners: bool = True, ax=None,
               size: str | tuple[float, float] = "a4-landscape", title: str | None = None,
               source: str | None = None):
    """Draw the activities of a plan as a timeline.

    Parameters
    ----------
    activities : DataFrame
        From :func:`routekit.plan.tables.activity_table` (``name``, ``start``,
        ``end``, ``goal``, ``owners``, ``status_code``).
    goals : mapping, optional
        Goal id → short text for the legend (ids only when None), e.g.
        :func:`routekit.plan.tables.goal_texts`.
    today : date, optional
        Draw a "today" line at this date.
    show_owners : bool, default True
        Write the owners under every bar.
    ax : Axes, optional
        Draw here; a new figure of *size* when None.
    size : str or (float, float), default "a4-landscape"
    title, source : str, optional
        Title (default "Planning van de activiteiten") and source line.

    Returns
    -------
    Axes
    """
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    from routekit.style import (
        figure_axes,
        finish,
        get_style,
        palette,
        style_context,
        wrap_to_figure,
    )

    ax = figure_axes(ax, size)
    style, base = get_style(), _base_size(ax)
    fig = ax.get_figure(root=True)
    fig_width, fig_height = fig.get_size_inches()
    name_width = NAME_WIDTH if fig_width >= fig_height else 28
    owner_texts = []
    goal_ids = list(dict.fromkeys(activities["goal"]))
    colours = dict(zip(goal_ids, palette(len(goal_ids)), strict=True))
    first = min(activities["start"], default=dt.date.today())
    last = max(activities["end"], default=first + dt.timedelta(days=90))
    span = max((last - first).days, 1)
    left, right = first - dt.timedelta(days=span * 0.02), last + dt.timedelta(days=span * 0.02)
    with style_context():
        for row, act in enumerate(activities.to_dict("records")):
            colour = colours[act["goal"]]
            alpha = {"done": 0.45, "stopped": 0.25}.get(act["status_code"], 1.0)
            if act["status_code"] == "stopped":
                colour = style.neutral
            start = mdates.date2num(act["start"])
            width = (act["end"] - act["start"]).days + 1
            if width <= 1:
                ax.plot(start, row - 0.12, marker="D", markersize=base * 1.1, color=colour,
                        alpha=alpha, zorder=3, gid=f"activity-{act['id']}")
            else:
                ax.barh(row - 0.12, width, left=start, height=0.42, color=colour, alpha=alpha,
                        zorder=3, gid=f"activity-{act['id']}")
            if show_owners and act["owners"]:
                at_end = (act["start"] - first).days > span * 0.6
                owner_texts.append(ax.text(
                    start + width if at_end else start, row + 0.3,
                    t("plan.gantt.owners", names=act["owners"]),
                    ha="right" if at_end else "left", va="center",
                    fontsize=base * 0.8, color=style.text, gid="owners", zorder=4,
                    bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none",
                          "pad": 0.6}, in_layout=False))  # wrapped to the figure below
        ax.set_yticks(range(len(activities)))
        ax.set_yticklabels([textwrap.fill(name, name_width) for name in activities["name"]],
                           fontsize=base * 0.9)
        ax.set_ylim(len(activities) - 0.4, -0.7)
        ax.set_xlim(mdates.date2num(left), mdates.date2num(right))
        ax.grid(axis="y", visible=False)
        _date_axis(ax, first, last)
        if today is not None and left <= today <= right:
            ax.axvline(mdates.date2num(today), color=style.accent, linewidth=1.2,
                       linestyle="--", zorder=2)
            ax.annotate(t("plan.gantt.today"), (mdates.date2num(today), 0), xycoords=(
                "data", "axes fraction"), xytext=(3, 3), textcoords="offset points",
                fontsize=base * 0.8, color=style.accent)
        goals = goals or {}
        # each goal in lines that fit beside the names' column (about 0.6 em a character):
        # one on a landscape figure, two on a portrait page (more room below)
        room = fig_width * 72 - name_width * 0.6 * base * 0.9 - 40
        chars = max(30, int(room / (0.6 * base * 0.85)))
        lines = 1 if fig_width >= fig_height else 2
        handles = [Patch(color=colours[g], label=textwrap.fill(textwrap.shorten(
            f"{g} – {goals[g]}" if g in goals else (g or t("plan.gantt.no_goal")),
            lines * chars, placeholder=" …"), chars)) for g in goal_ids]
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.08),
                      ncol=1 if len(handles) > 2 else len(handles), fontsize=base * 0.85)
    finish(ax, title=title or t("plan.gantt.title"), source=source)  # lays the figure out
    if _past_the_edge(fig, owner_texts):  # on a portrait page: wrapped, laid out again
        wrap_to_figure(fig, owner_texts)
    return ax


def _past_the_edge(fig, texts) -> bool:
    """True when one of *texts* runs past the right edge of *fig* as it is laid out now."""
    if not texts:
        return False
    renderer = fig.canvas.get_renderer()
    edge = fig.bbox.x1 - _MARGIN
    return any(text.get_window_extent(renderer).x1 > edge for text in texts)


def plot_budget(by_activity: pd.DataFrame, *, ax=None,
                size: str | tuple[float, float] = "a4-landscape", title: str | None = None,
                source: str | None = None):
    """Stacked bars per activity: own contribution, subsidy and contribution in kind.

    Parameters
    ----------
    by_activity : DataFrame
        From :func:`routekit.plan.tables.budget_by_activity`.
    ax : Axes, optional
        Draw here; a new figure of *size* (default A4 landscape) when None.

    Returns
    -------
    Axes
    """
    from matplotlib.ticker import FuncFormatter

    from routekit.style import figure_axes, finish, get_style, style_context

    ax = figure_axes(ax, size)
    style, base = get_style(), _base_size(ax)
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


def plot_kpi_progress(kpis: pd.DataFrame, *, ax=None,
                      size: str | tuple[float, float] = "a4-landscape",
                      title: str | None = None, source: str | None = None):
    """Bars of each KPI's actual as a share of its target, the target at 100%.

    KPIs not measured yet get a grey note instead of a bar. Labels give the
    numbers ("28 van 80 personen").

    Parameters
    ----------
    kpis : DataFrame
        From :func:`routekit.plan.tables.kpi_table`.
    ax : Axes, optional
        Draw here; a new figure of *size* (default A4 landscape) when None.

    Returns
    -------
    Axes
    """
    from matplotlib.ticker import PercentFormatter

    from routekit.style import figure_axes, finish, get_style, style_context

    ax = figure_axes(ax, size)
    style, base = get_style(), _base_size(ax)
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


def plot_risk_matrix(risks: pd.DataFrame, *, ax=None,
                     size: str | tuple[float, float] = "social", title: str | None = None,
                     source: str | None = None):
    """A 5 × 5 risk matrix (likelihood × impact), each risk's id in its cell.

    Parameters
    ----------
    risks : DataFrame
        From :func:`routekit.plan.tables.risk_table`.
    ax : Axes, optional
        Draw here; a new figure of *size* (default "social", square) when None.

    Returns
    -------
    Axes
    """
    from matplotlib.patches import Rectangle

    from routekit.style import figure_axes, finish, get_style, style_context

    ax = figure_axes(ax, size)
    style, base = get_style(), _base_size(ax)
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
