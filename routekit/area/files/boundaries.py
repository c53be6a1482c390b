"""Reading area boundaries from the files users have: GeoJSON (PDOK, CBS 2017) and GeoPackage.

Read with geopandas and pyogrio (imported inside the functions, so ``import
routekit`` stays light). Accepted:

* the CBS/PDOK *wijk- en buurtkaart* GeoPackage (``.gpkg``, layers
  ``gemeenten``/``wijken``/``buurten``; the finest layer is taken unless one is
  named);
* PDOK GeoJSON (``buurtcode``, ``buurtnaam``, ``wijkcode``, ``gemeentecode`` ...)
  and the CBS 2017 schema (``bu_code``, ``wk_code``, ``gm_code``, ``bu_naam`` ...);
* either coordinate system: WGS84 lon/lat (EPSG:4326) or RD New (EPSG:28992).
  A file without a coordinate system whose numbers are too large for lon/lat
  is taken as RD New.

Shapes are returned in RD New (metres), so a map looks the same whichever
system the file used. Attributes keep their names; PDOK's -99995/-99997
("geheim / niet beschikbaar") become missing values. A file whose codes are
not CBS codes (a municipality's own numbering) is refused with a message that
says so.

Examples
--------
>>> shapes = read_boundaries("data/sample-route/area/boundaries.geojson")
>>> shapes.crs.to_epsg(), shapes.index[0], shapes.loc["BU99010101", "name"]
(28992, 'BU99010101', 'Stationsbuurt')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t

__all__ = ["CODE_PROPERTIES", "NAME_PROPERTIES", "RD_NEW", "read_boundaries", "write_boundaries"]

#: Attribute names that may hold the area code, finest level first.
CODE_PROPERTIES = ("code", "buurtcode", "bu_code", "wijkcode", "wk_code", "gemeentecode",
                   "gm_code", "statcode", "gwb_code", "postcode", "pc6", "pc4")
#: Attribute names that may hold the area name, in the same order.
NAME_PROPERTIES = ("name", "naam", "buurtnaam", "bu_naam", "wijknaam", "wk_naam",
                   "gemeentenaam", "gm_naam", "statnaam")
#: The Dutch national grid, in which routekit draws maps.
RD_NEW = 28992

_LAYERS = ("buurt", "wijk", "gemeente")


def _layer(path: Path, layer: str | None) -> str | None:
    import pyogrio

    names = [str(name) for name, _ in pyogrio.list_layers(path)]
    if layer is not None or len(names) <= 1:
        return layer
    for word in _LAYERS:
        for name in names:
            if word in name.casefold():
                return name
    return names[0]


def _where(path: Path, layer: str | None, municipality: str) -> str | None:
    """An attribute filter keeping one municipality's areas (read fast from a national file)."""
    import re

    import pyogrio

    number = str(municipality).upper().removeprefix("GM")
    if not re.fullmatch(r"\d{4}", number):
        return None
    fields = [str(name) for name in pyogrio.read_info(path, layer=layer)["fields"]]
    by_key = {name.casefold(): name for name in fields}
    column = next((by_key[key] for key in CODE_PROPERTIES if key in by_key), None)
    return f"\"{column}\" LIKE '__{number}%'" if column else None


def read_boundaries(path: str | Path, *, layer: str | None = None,
                    municipality: str | None = None):
    """Read a boundary file: a GeoDataFrame indexed by area code, in RD New.

    Parameters
    ----------
    path : str or Path
        ``.geojson``/``.json``, ``.gpkg`` (or any file GDAL reads).
    layer : str, optional
        Layer of a GeoPackage; by default the buurten (else wijken, else the first).
    municipality : str, optional
        A municipality code (``"GM0344"``): read only its areas, which is fast
        even from the national map. When the file has none of them, the whole
        file is read (so the areas it does have can be named).

    Returns
    -------
    geopandas.GeoDataFrame
        ``code`` index (cleaned CBS code), ``name``, ``level`` (buurt, wijk,
        gemeente, pc6, pc4), ``geometry`` and the file's other attributes.

    Raises
    ------
    TableError
        Unreadable file, no features, no code attribute, codes that are not
        CBS codes, or features without a polygon (row numbers named).
    """
    import geopandas as gpd
    import numpy as np

    from routekit.area.segments import area_level, clean_code

    path = Path(path)
    file = display_name(path)
    if not path.is_file():
        raise TableError(Problem(file, t("io.not_found")))
    try:
        layer = _layer(path, layer)
        where = _where(path, layer, municipality) if municipality else None
        frame = gpd.read_file(path, layer=layer, engine="pyogrio", where=where)
        if where and frame.empty:
            frame = gpd.read_file(path, layer=layer, engine="pyogrio")
    except Exception as error:  # GDAL raises many types for broken files
        raise TableError(Problem(file, t("io.unreadable", error=error))) from error
    if frame.empty or "geometry" not in frame:
        raise TableError(Problem(file, t("area.import.no_features")))
    columns = {str(c).casefold(): c for c in frame.columns}
    code_col = next((columns[k] for k in CODE_PROPERTIES if k in columns), None)
    if code_col is None:
        raise TableError(Problem(file, t("area.import.feature_no_code",
                                         names=", ".join(CODE_PROPERTIES))))
    name_col = next((columns[k] for k in NAME_PROPERTIES if k in columns), None)
    problems = []
    codes = frame[code_col].map(lambda v: None if v is None or v != v else clean_code(v))
    for number in np.flatnonzero(codes.isna().to_numpy()):
        problems.append(Problem(file, t("area.import.feature_no_code",
                                        names=", ".join(CODE_PROPERTIES)), row=int(number) + 1))
    kinds = frame.geometry.geom_type
    for number in np.flatnonzero(~kinds.isin(["Polygon", "MultiPolygon"]).to_numpy()):
        problems.append(Problem(file, t("area.import.feature_no_polygon"), row=int(number) + 1))
    if problems:
        raise TableError(problems)
    levels = codes.map(area_level)
    if levels.isna().all():
        raise TableError(Problem(file, t("import.not_cbs_codes", column=code_col,
                                         examples=", ".join(codes.head(3)))))
    if frame.crs is None:
        bounds = frame.total_bounds
        frame = frame.set_crs(4326 if np.abs(bounds).max() <= 180 else RD_NEW)
    frame = frame.to_crs(RD_NEW)
    numeric = [c for c in frame.columns if c != "geometry"
               and pd.api.types.is_numeric_dtype(frame[c])]
    for column in numeric:
        frame[column] = frame[column].where(frame[column] > -99990)  # PDOK's -99995/-99997
    names = frame[name_col].astype("object") if name_col else codes
    rest = frame.drop(columns=[c for c in (code_col, name_col, "level") if c in frame.columns])
    head = pd.DataFrame({"name": names.where(names.notna(), codes).to_numpy(),
                         "level": levels.to_numpy()}, index=rest.index)
    out = gpd.GeoDataFrame(pd.concat([head, rest], axis=1), geometry="geometry",
                           crs=frame.crs)
    out.index = pd.Index(codes.to_numpy(), name="code")
    return out


def write_boundaries(shapes, path: str | Path) -> None:
    """Store shapes as GeoJSON in WGS84 (``code``, ``name``, ``level``); atomic, with a backup."""
    import tempfile

    from routekit.storage import atomic_write_bytes

    out = shapes[["name", "level", "geometry"]].reset_index().to_crs(4326)
    with tempfile.TemporaryDirectory() as folder:
        temporary = Path(folder) / "boundaries.geojson"
        out.to_file(temporary, driver="GeoJSON", engine="pyogrio",
                    layer_options={"COORDINATE_PRECISION": 7, "RFC7946": "YES"})
        atomic_write_bytes(Path(path), temporary.read_bytes())
