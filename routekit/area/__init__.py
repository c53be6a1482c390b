"""Area analysis (route step 4a): segments, CBS key figures and "who is the library missing?".

Compute (plain data in, DataFrames and small result objects out; charts live in
:mod:`routekit.area.plot`, reading and writing the route in :mod:`routekit.area.stored`):

* :func:`load_scheme` -- the segment scheme (groups → types) from the user's file;
* :func:`read_counts`, :class:`SegmentData` -- counts per area and segment as a
  matrix with the area hierarchy;
* :func:`profile`, :func:`compare`, :func:`index_table` -- shares and index
  against a reference;
* :func:`penetration`, :func:`under_reached`, :func:`read_library_members` -- reach;
* :func:`read_key_figures` -- CBS key figures in the kwb, StatLine and OData formats;
* :func:`summarise` -- a plain-language summary of a profile.

The route (:mod:`routekit.area.stored`): :func:`load_route_data` (its segment
data), :func:`route_key_figures` (its CBS figures, all stored tables merged),
:func:`check`; :func:`import_file` brings a user's file into a route (``routekit import``).

Examples
--------
>>> from routekit.area import load_route_data, profile
>>> from routekit.workspace import Route
>>> data = load_route_data(Route.open("data/sample-route"))
>>> profile(data, "WK990106", level="group")["index"].round().nlargest(2)
segment
I    404.0
H    397.0
Name: index, dtype: float64
"""

from routekit.area.cbs import KeyFigures, mapping_table
from routekit.area.files import load_scheme, read_counts, read_key_figures, read_library_members
from routekit.area.importer import import_file
from routekit.area.profile import compare, index_table, profile
from routekit.area.reach import (
    SegmentReach,
    area_overview,
    penetration,
    under_reached,
)
from routekit.area.scheme import Scheme
from routekit.area.segments import SegmentData
from routekit.area.stored import check, load_route_data, route_key_figures
from routekit.area.summary import summarise

__all__ = ["KeyFigures", "Scheme", "SegmentData", "SegmentReach", "area_overview", "check",
           "compare", "import_file", "index_table", "load_route_data", "load_scheme",
           "mapping_table", "penetration", "profile", "read_counts", "read_key_figures",
           "read_library_members", "route_key_figures", "summarise", "under_reached"]
