"""Readers of the files users bring to the area stage: each reads the file it is given.

The "files" layer of step 4a: functions that take a path (never the route),
read the user's download and check it, naming file, row and field of every
problem; what they give back is plain data for the compute modules of
:mod:`routekit.area`. Storing files in the route is :mod:`routekit.area.stored`
and :mod:`routekit.area.importer`.

* :mod:`~routekit.area.files.cbs` -- CBS key figures (kwb Excel, StatLine CSV, OData JSON):
  :func:`read_key_figures`, :func:`fetch_key_figures`;
* :mod:`~routekit.area.files.segments` -- segment scheme, counts, areas:
  :func:`load_scheme`, :func:`read_counts`, :func:`read_areas`;
* :mod:`~routekit.area.files.members` -- the library's member export, a postcode
  table, CBS library members: :func:`read_member_export`, :func:`read_postcode_table`,
  :func:`read_library_members`;
* :mod:`~routekit.area.files.boundaries` -- GeoJSON/GeoPackage boundaries:
  :func:`read_boundaries`, :func:`write_boundaries`.
"""

from routekit.area.files.boundaries import read_boundaries, write_boundaries
from routekit.area.files.cbs import fetch_key_figures, read_key_figures
from routekit.area.files.members import (
    read_library_members,
    read_member_export,
    read_postcode_table,
)
from routekit.area.files.segments import load_scheme, read_areas, read_counts

__all__ = ["fetch_key_figures", "load_scheme", "read_areas", "read_boundaries", "read_counts",
           "read_key_figures", "read_library_members", "read_member_export",
           "read_postcode_table", "write_boundaries"]
