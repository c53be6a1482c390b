"""Bring a user's file into a route's ``area/`` folder: ``routekit import`` and the notebook picker.

The file is read and validated completely first; only then is the route's
canonical file written (atomically, the previous version kept in
``.backup/``), so a failed import never replaces a good one. The source file
is never changed. The result says what was recognised.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> result = import_file(route, "auto", "data/sample-route/area/members.csv")  # its own file
>>> print("\\n".join(result.lines))
Importeren als members: members.csv
900 regels, 18 gebieden (buurt 18), 50 segmenten, totaal 6877
Opgeslagen in data/sample-route/area/members.csv
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from routekit.area.cbs import detect_format, read_key_figures
from routekit.area.scheme import load_scheme
from routekit.area.segments import area_level, clean_code, read_counts
from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.io import read_table, write_table
from routekit.storage import atomic_write_text

__all__ = ["KINDS", "ImportResult", "guess_kind", "import_file"]

#: Kinds of file and the route file each is stored in.
KINDS = {"cbs": ("kerncijfers_kwb", ".csv"), "segments": ("segments", ".csv"),
         "members": ("members", ".csv"), "boundaries": ("boundaries", ".geojson"),
         "scheme": ("segment_scheme", ".csv")}

#: GeoJSON property names that may hold the area code (CBS Wijk- en Buurtkaart and others).
CODE_PROPERTIES = ("code", "buurtcode", "wijkcode", "gemeentecode", "statcode", "gwb_code",
                   "postcode", "pc6", "pc4")


@dataclass
class ImportResult:
    """What an import recognised and where it was stored."""

    kind: str
    target: Path
    lines: list[str] = field(default_factory=list)


def guess_kind(path: str | Path, rename: Mapping[str, str] | None = None) -> str:
    """Guess the kind of a file from its contents (``"cbs"``, ``"segments"`` ...).

    Raises
    ------
    TableError
        When nothing fits; the message lists the kinds.
    """
    path = Path(path)
    if path.suffix.lower() in (".geojson", ".json"):
        try:
            data = json.loads(path.read_text("utf-8-sig"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict) and data.get("type") == "FeatureCollection":
            return "boundaries"
        return "cbs"
    columns = [c.casefold() for c in read_table(path, rename=rename).columns]
    if detect_format(list(read_table(path).columns)):
        return "cbs"
    if "member_households" in columns or "members" in columns:
        return "members"
    if "segment_code" in columns or "area_code" in columns:
        return "segments"
    if {"code", "name"} <= set(columns):
        return "scheme"
    raise TableError(Problem(display_name(path), t("area.import.unknown_kind",
                                                   kinds=", ".join(KINDS))))


def _counts_lines(frame: pd.DataFrame, value: str) -> list[str]:
    levels = frame["area_code"].drop_duplicates().map(area_level).fillna("?").value_counts()
    return [t("area.import.counts", rows=len(frame), areas=frame["area_code"].nunique(),
              segments=frame["segment_code"].nunique(), total=int(frame[value].sum()),
              levels=", ".join(f"{k} {v}" for k, v in levels.items()))]


def _boundaries(path: Path) -> tuple[str, list[str]]:
    file = display_name(path)
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, ValueError) as error:
        raise TableError(Problem(file, t("io.unreadable", error=error))) from error
    features = data.get("features") if isinstance(data, dict) else None
    if not features:
        raise TableError(Problem(file, t("area.import.no_features")))
    problems, codes = [], []
    for number, feature in enumerate(features, start=1):
        props = {k.casefold(): v for k, v in (feature.get("properties") or {}).items()}
        code = next((props[k] for k in CODE_PROPERTIES if props.get(k)), None)
        geometry = feature.get("geometry") or {}
        if code is None:
            problems.append(Problem(file, t("area.import.feature_no_code",
                                            names=", ".join(CODE_PROPERTIES)), row=number))
        elif geometry.get("type") not in ("Polygon", "MultiPolygon"):
            problems.append(Problem(file, t("area.import.feature_no_polygon"), row=number))
        else:
            feature.setdefault("properties", {})["code"] = clean_code(code)
            codes.append(clean_code(code))
    if problems:
        raise TableError(problems)
    lines = [t("area.import.features", count=len(codes))]
    return json.dumps(data, ensure_ascii=False) + "\n", lines


def import_file(route, kind: str, path: str | Path, *, year: int | None = None,
                rename: Mapping[str, str] | None = None) -> ImportResult:
    """Read, validate and store one file in the route's ``area/`` folder.

    Parameters
    ----------
    route : Route
    kind : {"auto", "cbs", "segments", "members", "boundaries", "scheme"}
        ``"auto"`` guesses it (see :func:`guess_kind`).
    path : str or Path
        The user's file; never changed.
    year : int, optional
        Year of CBS figures when the file does not say.
    rename : mapping, optional
        Column mapping for segment/member exports, e.g. ``{"Postcode": "area_code"}``.

    Returns
    -------
    ImportResult

    Raises
    ------
    TableError
        Every problem with file, row and field; the route is left unchanged.
    """
    path = Path(path)
    if not path.is_file():
        raise TableError(Problem(display_name(path), t("io.not_found")))
    kind = guess_kind(path, rename) if kind == "auto" else kind
    if kind not in KINDS:
        raise ValueError(t("area.import.unknown_kind", kinds=", ".join(KINDS)))
    name, suffix = KINDS[kind]
    target = route.area_file(name, suffix)
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [t("area.import.kind", kind=kind, file=display_name(path))]
    if kind == "cbs":
        figures = read_key_figures(path, year=year)
        lines += figures.summary()
        write_table(figures.to_kwb(), target)
    elif kind == "boundaries":
        text, found = _boundaries(path)
        lines += found
        atomic_write_text(target, text)
    elif kind == "scheme":
        scheme = load_scheme(path, rename=rename)
        lines.append(t("area.import.scheme", groups=len(scheme.groups), types=len(scheme.types)))
        write_table(scheme.table.reset_index(), target)
    else:
        scheme = load_scheme(route.area_file("segment_scheme"))
        value = "households" if kind == "segments" else "member_households"
        frame = read_counts(path, value=value, scheme=scheme, rename=rename)
        lines += _counts_lines(frame, value)
        whole = frame[value].dropna().mod(1).eq(0).all()
        write_table(frame.astype({value: "Int64"}) if whole else frame, target)
    lines.append(t("area.import.stored", target=target))
    return ImportResult(kind, target, lines)
