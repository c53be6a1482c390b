"""Forms of notebook 08 (keep the community going): contact moments and who carries the work.

A change to a contact moment that exists is saved at once; a new one is saved
with "Opslaan". The carry check reads plan, contact moments and network again.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> form = ContactMomentForm(route)
>>> form.pick.value = "cm2"
>>> form.dates.value[:22]
'Data: 17 jun 2026, 17 '
"""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from routekit.i18n import t
from routekit.ui.kit import display_table, notes_html, short_text
from routekit.ui.plan import PlanRecordForm, people_options, select_known, wide_field

__all__ = ["CarryView", "ContactMomentForm"]


class ContactMomentForm(PlanRecordForm):
    """Edit the recurring contact moments (route step 8) and see their dates.

    Attributes
    ----------
    pick, record_id, title, day, time, duration, recurrence, count, location,
    participants : ipywidgets
    dates : ipywidgets.HTML
        The dates of the chosen moment, as an agenda will show them.
    """

    kind = "contact_moments"

    def _inputs(self) -> list:
        self.title = wide_field(w.Text(description=t("plan.col.title")))
        self.day = wide_field(w.DatePicker(description=t("plan.col.start")))
        self.time = wide_field(w.Text(description=t("plan.ui.time"), placeholder="19:30"))
        self.duration = wide_field(w.BoundedIntText(description=t("plan.col.duration_minutes"),
                                                min=5, max=600, step=15, value=90))
        self.recurrence = wide_field(w.Dropdown(description=t("plan.col.recurrence"), options=[
            (t(f"plan.recurrence.{code}"), code)
            for code in ("once", "weekly", "monthly", "quarterly")], value="monthly"))
        self.count = wide_field(w.BoundedIntText(description=t("plan.col.count"), min=1, max=104,
                                             value=6))
        self.location = wide_field(w.Text(description=t("plan.col.location")))
        self.participants = wide_field(w.SelectMultiple(description=t("plan.col.participants"),
                                                    options=people_options(self.route), rows=6))
        self.dates = w.HTML()
        return [self.title, self.day, self.time, self.duration, self.recurrence, self.count,
                self.location, self.participants, self.dates]

    def _label(self, record) -> str:
        return short_text(record.title)

    def _show(self, record) -> None:
        from routekit.plan.formats import day
        from routekit.plan.tables import occurrences

        start = record.start if record else dt.datetime.combine(
            dt.date.today() + dt.timedelta(days=7), dt.time(19, 30))
        self.title.value = record.title if record else ""
        self.day.value, self.time.value = start.date(), f"{start:%H:%M}"
        self.duration.value = record.duration_minutes if record else 90
        self.recurrence.value = record.recurrence if record else "monthly"
        self.count.value = record.count if record else 6
        self.location.value = (record.location or "") if record else ""
        select_known(self.participants, record.participants if record else [])
        self.dates.value = "" if record is None else t(
            "plan.ui.dates", dates=", ".join(day(d.date()) for d in occurrences(record)))

    def _values(self) -> dict:
        try:
            hour, minute = (int(part) for part in self.time.value.strip().split(":"))
            moment = dt.time(hour, minute)
        except ValueError:
            moment = None
        start = (dt.datetime.combine(self.day.value, moment)
                 if self.day.value and moment else self.time.value)
        return {"title": self.title.value, "start": start,
                "duration_minutes": self.duration.value, "recurrence": self.recurrence.value,
                "count": self.count.value, "location": self.location.value or None,
                "participants": list(self.participants.value)}


class CarryView:
    """Route step 8: who carries too much across plan and network, in plain Dutch."""

    def __init__(self, route):
        self.route = route
        self.widget = w.HTML()
        self.refresh()

    def refresh(self, plan=None) -> None:
        """Check plan, contact moments and network again (or *plan*, read just now)."""
        from routekit.community.stored import carrying_of
        from routekit.plan.tables import display

        found = carrying_of(self.route, plan)
        table = found.load.head(8).reset_index(drop=True)
        table = display(table.rename(columns={"name": "person"}))
        self.widget.value = notes_html(found.messages, found.level) + \
            display_table(table).to_html()
