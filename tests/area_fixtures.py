"""A tiny hand-computable area data set for the area tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

SCHEME = """level;code;parent;name;description;household
groep;X;;Gezinnen;Gezinnen met kinderen;gezin
type;X1;X;Jonge gezinnen;;gezin met jonge kinderen
type;X2;X;Oudere gezinnen;;gezin met oudere kinderen
groep;Y;;Senioren;Ouderen;alleenstaand
type;Y1;Y;Alleen thuis;;alleenstaand
"""
AREAS = """code;name;level;parent
GM0001;Testwaard;gemeente;
WK000100;Noord;wijk;GM0001
BU00010001;Noord-Oost;buurt;WK000100
BU00010002;Noord-West;buurt;WK000100
WK000101;Zuid;wijk;GM0001
BU00010101;Zuid-Dorp;buurt;WK000101
"""
HOUSEHOLDS = {"BU00010001": (30, 10, 60), "BU00010002": (10, 10, 80),
              "BU00010101": (60, 20, 120)}
MEMBERS = {"BU00010001": (15, 2, 6), "BU00010002": (5, 1, 8), "BU00010101": (30, 4, 9)}
NATIONAL = {"X1": 200, "X2": 200, "Y1": 600}


def long_text(counts: dict, value: str) -> str:
    lines = [f"area_code;segment_code;{value}"]
    for area, values in counts.items():
        lines += [f"{area};{code};{n}" for code, n in zip(("X1", "X2", "Y1"), values,
                                                         strict=True)]
    return "\n".join(lines) + "\n"


def write_area(folder: Path) -> Path:
    """Write the fixture files into *folder* (a route's ``area/`` folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "segment_scheme.csv").write_text(SCHEME, encoding="utf-8")
    (folder / "areas.csv").write_text(AREAS, encoding="utf-8")
    (folder / "segments.csv").write_text(long_text(HOUSEHOLDS, "households"), encoding="utf-8")
    (folder / "members.csv").write_text(long_text(MEMBERS, "member_households"),
                                        encoding="utf-8")
    national = "segment_code;households\n" + "".join(f"{k};{v}\n" for k, v in NATIONAL.items())
    (folder / "national_reference.csv").write_text(national, encoding="utf-8")
    return folder
