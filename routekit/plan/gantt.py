"""Gantt timeline of the plan's activities, with who carries each one.

One row per activity (earliest first), a bar from start to end coloured by
goal, the owners written under the bar and a diamond for one-day activities.
Finished activities are lighter, stopped ones grey. Made to be read on A4
landscape (the default size) and on a slide.

Examples
--------
>>> from routekit.plan.model import Plan
>>> from routekit.plan.tables import activity_table
>>> plan = Plan.from_records(activities=[{"id": "a1", "name": "Taalcafé",
...     "start": "2026-01-05", "end": "2026-03-30", "owners": "buurthuis|ria"}])
>>> ax = gantt(activity_table(plan))
>>> ax.get_yticklabels()[0].get_text()
'Taalcafé'
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping

import pandas as pd

from routekit.i18n import t
from routekit.plan.charts import chart_axes
from routekit.plan.formats import month_name

__all__ = ["gantt", "plan_gantt"]

NAME_WIDTH = 40
"""Activity names are wrapped at this many characters (on a portrait page, at 28)."""


def _date_axis(ax, start: dt.date, end: dt.date) -> None:
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter

    months = (end.year - start.year) * 12 + end.month - start.month
    step = 1 if months <= 8 else 3 if months <= 30 else 6
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step)))

    def label(value, pos):
        day = mdates.num2date(value)
        if day.month <= step or pos == 0:
            return f"{month_name(day.month)}\n{day.year}"
        return month_name(day.month)

    ax.xaxis.set_major_formatter(FuncFormatter(label))


def gantt(activities: pd.DataFrame, *, goals: Mapping[str, str] | None = None,
          today: dt.date | None = None, show_owners: bool = True, ax=None,
          title: str | None = None, source: str | None = None):
    """Draw the activities of a plan as a timeline.

    Parameters
    ----------
    activities : DataFrame
        From :func:`routekit.plan.tables.activity_table` (``name``, ``start``,
        ``end``, ``goal``, ``owners``, ``status_code``).
    goals : mapping, optional
        Goal id → short text for the legend (ids only when None).
    today : date, optional
        Draw a "today" line at this date.
    show_owners : bool, default True
        Write the owners under every bar.
    ax : Axes, optional
        Draw here; a new A4-landscape figure when None.
    title, source : str, optional
        Title (default "Planning van de activiteiten") and source line.

    Returns
    -------
    Axes
    """
    import matplotlib.dates as mdates
    from matplotlib.patches import Patch

    from routekit.style import finish, palette, style_context, wrap_to_figure

    ax, style, base = chart_axes(ax)
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
    finish(ax, title=title or t("plan.gantt.title"), source=source)
    wrap_to_figure(fig, owner_texts)  # where they would run off the figure (a portrait page)
    return ax


def plan_gantt(plan, *, theme: str | None = None, **kwargs):
    """Draw the timeline of a :class:`~routekit.plan.model.Plan` (or one theme of it).

    Keyword arguments go to :func:`gantt`; the legend shows the goals' texts.
    """
    from routekit.plan.tables import activity_table
    from routekit.style import style_context

    part = plan.for_theme(theme)
    with style_context():
        return gantt(activity_table(part),
                     goals=dict(zip(part.goals["id"], part.goals["text"], strict=True)),
                     **kwargs)
