"""Contact moments as an iCalendar (``.ics``) file for Outlook, Google and Apple agendas.

Each contact moment becomes one event that repeats with an ``RRULE`` (weekly,
monthly, or monthly with interval 3 for quarterly) and a ``COUNT``, in the
route's time zone (Europe/Amsterdam by default, with its ``VTIMEZONE``), so an
agenda shows the same dates as :func:`routekit.plan.tables.occurrences`.
Participants are listed in the description; their e-mail addresses are not
known to routekit, so nobody is invited by accident.

Examples
--------
>>> import datetime as dt
>>> calendar = contact_calendar([{"id": "cm1", "title": "Stamtafel",
...     "start": dt.datetime(2026, 9, 7, 14), "duration_minutes": 90,
...     "recurrence": "monthly", "count": 10, "location": "Bibliotheek",
...     "participants": []}], library="Bibliotheek De Sleutel")
>>> str(calendar.events[0].get("RRULE").to_ical(), "ascii")
'FREQ=MONTHLY;COUNT=10'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from routekit.i18n import t
from routekit.plan.tables import RECURRENCE_RULES
from routekit.storage import atomic_write_bytes

__all__ = ["TIMEZONE", "contact_calendar", "write_ics"]

TIMEZONE = "Europe/Amsterdam"


def _uid(library: str, moment_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", library.lower()).strip("-") or "route"
    return f"{moment_id}@{slug}.routekit"


def contact_calendar(moments: Iterable[Mapping], *, library: str = "",
                     names: Mapping[str, str] | None = None, timezone: str = TIMEZONE):
    """Build an ``icalendar.Calendar`` with one (repeating) event per contact moment.

    Parameters
    ----------
    moments : iterable of mapping
        Contact-moment rows (``id``, ``title``, ``start``, ``duration_minutes``,
        ``recurrence``, ``count``, ``location``, ``participants``), e.g.
        ``plan.contact_moments.to_dict("records")``.
    library : str
        Calendar name and the domain part of every event's UID (stable UIDs
        let an agenda update the events when the file is imported again).
    names : mapping, optional
        Stakeholder id → name, for the participants in the description.
    timezone : str
        IANA time zone of the start times.

    Returns
    -------
    icalendar.Calendar
    """
    from icalendar import Calendar, Event, vRecur

    zone = ZoneInfo(timezone)
    names = dict(names or {})
    calendar = Calendar.new(name=t("plan.ics.name", library=library),
                            prodid="-//routekit//contactmomenten//NL")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for moment in moments:
        start = moment["start"]
        if hasattr(start, "to_pydatetime"):
            start = start.to_pydatetime()
        start = start.replace(tzinfo=zone) if start.tzinfo is None else start
        people = ", ".join(names.get(p, p) for p in moment.get("participants") or [])
        event = Event.new(
            uid=_uid(library, moment["id"]), summary=moment["title"], start=start,
            end=start + dt.timedelta(minutes=int(moment["duration_minutes"])),
            location=moment.get("location") or None, stamp=stamp,
            description=t("plan.ics.participants", names=people) if people else None)
        if moment["recurrence"] != "once":
            freq, interval = RECURRENCE_RULES[moment["recurrence"]]
            rule = {"FREQ": freq, "COUNT": int(moment["count"])}
            if interval > 1:
                rule = {"FREQ": freq, "INTERVAL": interval, "COUNT": int(moment["count"])}
            event.add("RRULE", vRecur(rule))
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def write_ics(plan, path: str | Path) -> Path:
    """Write the contact moments of a :class:`~routekit.plan.model.Plan` to *path*."""
    calendar = contact_calendar(plan.contact_moments.to_dict("records"),
                                library=plan.library, names=plan.names)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, calendar.to_ical())
    return path
