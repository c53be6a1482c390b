"""Records of the area analysis the user keeps (route step 4): segments of interest.

Examples
--------
>>> SegmentSelection(theme="eenzaamheid", segment="E", area="WK990105").area
'WK990105'
"""

from __future__ import annotations

import datetime as dt

from routekit.records.base import Record

__all__ = ["SegmentSelection"]


class SegmentSelection(Record):
    """A segment (group or type code) and optionally an area marked as of interest.

    An empty ``area`` means the whole municipality; personas start from these.
    """

    theme: str | None = None
    segment: str
    area: str | None = None
    reason: str | None = None
    added: dt.date | None = None
