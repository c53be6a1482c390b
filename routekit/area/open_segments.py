"""The open classification stored in a route as an ordinary segment scheme + segment data.

``routekit classify`` (and the button in notebook 04a) classifies the buurten
of the route's CBS key figures (:func:`routekit.area.classify.classify`) and
writes, in the route's ``area/`` folder, human-readable files every stage
reads like a Mosaic export:

``open_segment_scheme.csv``
    Groups and types: code, name, description, persona traits, ``source``.
``open_segments.csv``
    Households per buurt and type (the CBS household count of each buurt,
    all in its one type).
``open_buurten.csv``
    Every buurt: its group and type, or why it was not classified.
``open_areas.csv``
    Code, name and level of the route's gemeente, wijken and buurten.
``open_figures.csv``
    The figures behind the names: per group/type and variable its value, the
    reference's and the difference in standard deviations.
``open_classification.yaml``
    How it was made: source file and year, variables used and dropped, the
    method and settings, silhouette scores, the buurten of each group and the
    names the user gave.
``open_segments_LEESMIJ.md``
    What these files are, in Dutch.

Given a national kwb file, all buurten of the country are classified once
and the route's buurten are placed in it (same classes in every municipality).

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.copy("data/sample-route", "routes/open-voorbeeld")
>>> result = build_open_segments(route)
>>> len(result.groups) >= 4, route.area_file("open_segments").exists()
(True, True)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from routekit.area.classify import Classification, classify, match_names
from routekit.area.segments import clean_code
from routekit.errors import Problem, RouteError
from routekit.i18n import t
from routekit.io import read_table, write_table
from routekit.storage import atomic_write_text

__all__ = ["METADATA", "build_open_segments", "open_metadata", "rename_group",
           "route_key_figures", "store_open_segments"]

#: Name of the metadata file (in ``area/``, without suffix).
METADATA = "open_classification"
_TRAITS = ("life_stage", "age_band", "household", "income_level", "education_level",
           "urbanity")


def route_key_figures(route):
    """The route's CBS key figures, merged over its tables (see ``area.cbs.route_key_figures``).

    Raises
    ------
    RouteError
        When the route has no key figures yet (the message says how to add them).
    """
    from routekit.area.cbs import route_key_figures as merged

    figures = merged(route)
    if figures.table.empty:
        raise RouteError(Problem("area/cbs", t("classify.no_figures")))
    return figures


def _municipality_buurten(table: pd.DataFrame, municipality: str) -> pd.Index:
    number = clean_code(municipality).removeprefix("GM")
    buurten = table.index[table["level"] == "buurt"] if "level" in table else table.index
    return buurten[buurten.str[2:6] == number]


def build_open_segments(route, *, national=None, seed: int = 0, n_init: int = 10,
                        write: bool = True) -> Classification:
    """Classify the route's buurten and store the result as open segment data.

    Parameters
    ----------
    route : Route
    national : str, Path or KeyFigures, optional
        A national kwb file: all buurten of the country are classified, and
        the route's buurten (of its municipality) placed in it. When the
        route's own key figures cover more than one municipality they are
        used as such.
    seed, n_init : int
        k-means seed and restarts (see :func:`routekit.area.classify.classify`).
    write : bool, default True
        Store the files (False: only compute).

    Returns
    -------
    Classification
        Of the route's buurten (national: the national classes, areas of the
        route's municipality only).
    """
    if national is not None and not hasattr(national, "table"):
        from routekit.area.cbs import read_key_figures

        national = read_key_figures(Path(national))
    figures = national if national is not None else route_key_figures(route)
    table = figures.table
    municipalities = table.loc[table["level"] == "buurt", "municipality"].dropna().unique() \
        if "municipality" in table else []
    is_national = national is not None or len(municipalities) > 1
    result = classify(table, seed=seed, n_init=n_init, year=figures.year,
                      reference=t("classify.country") if is_national else None)
    if is_national:
        own = _municipality_buurten(table, route.config.municipality.code)
        result.areas = result.areas.loc[result.areas.index.intersection(own)]
        number = clean_code(route.config.municipality.code).removeprefix("GM")
        result.regions = result.regions[result.regions.index.str[2:6] == number]
    result.settings.update(source=figures.source, national=is_national,
                           generated_names=dict(result.scheme.loc[result.groups, "name"]))
    old = open_metadata(route)
    if old:
        renamed = _user_names(route, old)
        members = {code: info.get("buurten", []) for code, info in old.get("groups", {}).items()}
        for code, name in match_names(result, members, renamed).items():
            result.scheme.loc[code, "name"] = name
            result.settings.setdefault("renamed", {})[code] = name
    if write:
        store_open_segments(route, result)
    return result


def _user_names(route, old: dict) -> dict[str, str]:
    """Group names the user chose: recorded renames, and names edited in the scheme file."""
    names = {code: info["name"] for code, info in old.get("groups", {}).items()
             if info.get("renamed")}
    path = route.area_file("open_segment_scheme")
    if path.exists():
        scheme = read_table(path, required=["code", "name"])
        for code, name in zip(scheme["code"], scheme["name"], strict=True):
            info = old.get("groups", {}).get(code)
            if info and isinstance(name, str) and name != info.get("generated_name"):
                names[code] = name
    return names


def open_metadata(route) -> dict:
    """The route's ``open_classification.yaml`` as a dict (empty when there is none)."""
    path = route.area_file(METADATA, ".yaml")
    if not path.exists():
        return {}
    try:
        return yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as error:
        raise RouteError(Problem(path.name, t("core.yaml.invalid"))) from error


def _whole(values: pd.Series) -> pd.Series:
    """Counts as whole numbers where they are (CBS counts are), so the CSV shows ``1900``."""
    rounded = values.round()
    return rounded.astype("Int64") if (rounded == values).all() else values


def _scheme_table(result: Classification) -> pd.DataFrame:
    scheme = result.scheme
    source = t("classify.source.label", year=result.settings.get("year") or "?",
               reference=result.settings.get("reference", ""))
    out = pd.DataFrame({"level": scheme["level"], "code": scheme.index,
                        "parent": scheme["parent"], "name": scheme["name"],
                        "description": scheme["description"]})
    for trait in _TRAITS:
        out[trait] = scheme[trait]
    out["source"] = source
    return out.astype("object")


def _figures_table(result: Classification) -> pd.DataFrame:
    from routekit.area.describe import format_value

    figures = result.figures
    return pd.DataFrame({
        "segment": figures["segment"],
        "variable": figures["variable"],
        "label": [t(f"classify.var.{v}") for v in figures["variable"]],
        "value": figures["value"].round(3), "reference": figures["reference"].round(3),
        "shown": [format_value(v, x) for v, x in zip(figures["variable"], figures["value"],
                                                      strict=True)],
        "score": figures["score"].round(3), "rank": figures["rank"]})


def _metadata(result: Classification) -> dict:
    areas = result.areas
    settings = result.settings
    generated_names = settings.get("generated_names", {})
    groups = {}
    for code in result.groups:
        renamed = code in settings.get("renamed", {})
        generated = generated_names.get(code, result.scheme.at[code, "name"])
        groups[str(code)] = {
            "name": str(result.scheme.at[code, "name"]), "generated_name": str(generated),
            "renamed": renamed,
            "buurten": [str(c) for c in areas.index[areas["group"] == code]],
            "centre": {v: round(float(x), 4) for v, x in result.centroids.loc[code].items()}}
    return {
        "made_by": "routekit classify",
        "what": t("classify.meta.what"),
        "source": {"data": t("classify.meta.data"), "file": settings.get("source", ""),
                   "year": settings.get("year"), "national": bool(settings.get("national"))},
        "reference": settings.get("reference"),
        "method": {"variables": "percentages of their base (inhabitants, households, "
                                "education levels); other figures as published",
                   "transform": "inverse hyperbolic sine", "standardise": "range 0-1",
                   "algorithm": "k-means (scikit-learn)", "seed": settings["seed"],
                   "n_init": settings["n_init"], "criterion": "highest silhouette score",
                   "groups_range": settings["groups"], "types_range": settings["types"],
                   "min_buurten_to_split": settings["min_split"],
                   "min_inhabitants": settings["min_inhabitants"],
                   "max_missing_share": settings["max_missing"]},
        "variables": list(result.variables),
        "dropped": dict(result.dropped),
        "buurten": {"classified": int((areas["status"] == "classified").sum()),
                    "partial": int((areas["status"] == "partial").sum()),
                    **{k: int(v) for k, v in result.unclassified.items()}},
        "scores": {"groups": {int(k): v for k, v in result.scores["groups"].items()},
                   "types": {g: {int(k): v for k, v in s.items()}
                             for g, s in result.scores["types"].items()}},
        "groups": groups,
    }


def store_open_segments(route, result: Classification) -> list[Path]:
    """Write the open classification into the route's ``area/`` folder; returns the files."""
    written = []

    def put(name: str, frame: pd.DataFrame) -> None:
        path = route.area_file(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_table(frame, path)
        written.append(path)

    put("open_segment_scheme", _scheme_table(result))
    households = result.households()
    put("open_segments", households.assign(households=_whole(households["households"])))
    areas = result.areas
    put("open_buurten", pd.DataFrame({
        "code": areas.index, "name": areas["name"], "level": "buurt",
        "group": areas["group"], "type": areas["type"], "status": areas["status"],
        "explanation": [t(f"classify.status.{s}") for s in areas["status"]],
        "inhabitants": _whole(areas["inhabitants"]), "households": _whole(areas["households"]),
        "missing_figures": areas["missing"]}).astype("object"))
    put("open_figures", _figures_table(result))
    regions = result.regions if result.regions is not None else pd.DataFrame(
        columns=["name", "level"])
    put("open_areas", pd.DataFrame({
        "code": [*regions.index, *areas.index],
        "name": [*regions["name"], *areas["name"]],
        "level": [*regions["level"], *["buurt"] * len(areas)]}).astype("object"))
    meta = route.area_file(METADATA, ".yaml")
    atomic_write_text(meta, yaml.safe_dump(_metadata(result),
                                           allow_unicode=True, sort_keys=False, width=100))
    written.append(meta)
    readme = route.area_file("open_segments_LEESMIJ", ".md")
    atomic_write_text(readme, t("classify.readme", year=result.settings.get("year") or "?",
                                variables=", ".join(result.variables) or "–"))
    written.append(readme)
    return written


def rename_group(route, code: str, name: str) -> None:
    """Give an open group the user's own name (kept when a rebuild finds the same group).

    Raises
    ------
    RouteError
        When the route has no open classification or no group *code* (Dutch message).
    """
    name = " ".join(str(name).split())
    meta = open_metadata(route)
    groups = meta.get("groups", {})
    if code not in groups:
        raise RouteError(Problem(route.area_file("open_segment_scheme").name,
                                 t("classify.rename.unknown", code=code,
                                   codes=", ".join(groups) or "–"), field="code"))
    if not name:
        raise RouteError(Problem(route.area_file("open_segment_scheme").name,
                                 t("classify.rename.empty"), field="name"))
    path = route.area_file("open_segment_scheme")
    scheme = read_table(path)
    scheme = scheme.assign(name=scheme["name"].mask(scheme["code"] == code, name))
    write_table(scheme, path)
    groups[code].update(name=name, renamed=True)
    atomic_write_text(route.area_file(METADATA, ".yaml"),
                      yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=100))


def open_areas(route) -> pd.DataFrame:
    """The route's classified buurten (``open_buurten.csv``), indexed by code.

    Raises
    ------
    RouteError
        When the route has no open classification yet (Dutch message says how to make it).
    """
    path = route.area_file("open_buurten")
    if not path.exists():
        raise RouteError(Problem(path.name, t("classify.none_yet")))
    frame = read_table(path, required=["code", "name", "group", "type", "status"],
                       numeric=["inhabitants", "households"])
    frame = frame.assign(inhabitants=frame["inhabitants"].astype(float),
                         households=frame["households"].astype(float),
                         group=frame["group"].astype("object").where(frame["group"].notna(), ""),
                         type=frame["type"].astype("object").where(frame["type"].notna(), ""))
    return frame.set_index("code")


def add_members(route, export, postcodes=None):
    """Link a members export to the route's open classes and store it; returns reach per buurt.

    Parameters
    ----------
    export : str or Path
        The library system's export (see :func:`routekit.area.members.read_member_export`).
    postcodes : str or Path, optional
        Postcode → buurt table (see :func:`routekit.area.members.read_postcode_table`).

    Returns
    -------
    pandas.DataFrame
        :func:`routekit.area.members.buurt_reach` of the route's buurten.
    """
    from routekit.area.members import (
        buurt_reach,
        members_per_buurt,
        read_member_export,
        read_postcode_table,
        store_open_members,
    )

    areas = open_areas(route)
    members = read_member_export(export)
    table = read_postcode_table(postcodes) if postcodes is not None else None
    linked = members_per_buurt(members, table, households=areas["households"])
    store_open_members(route, linked, areas)
    reach = buurt_reach(linked, areas[["name", "group", "type", "inhabitants", "households"]])
    reach.attrs["unlinked"] = linked.attrs.get("unlinked", 0.0)
    if linked["age_group"].notna().any():
        from routekit.area.members import age_reach

        try:
            table = route_key_figures(route).table
        except RouteError:  # figures since removed: no reach per age, the rest still works
            table = None
        if table is not None:
            reach.attrs["ages"] = age_reach(linked, table.loc[table.index.isin(areas.index)])
    return reach


def reach_lines(reach: pd.DataFrame, scheme: pd.DataFrame, *, top: int = 5) -> list[str]:
    """The "welke mensen mis je?" ranking per open group, as lines of text."""
    from routekit.area.members import class_reach

    ranking = class_reach(reach, scheme, level="group")
    lines = [t("classify.reach.overall", reach=_percent(ranking.attrs["overall"]),
               members=_dutch(reach["members"].sum()),
               unit=t(f"classify.reach.unit.{reach.attrs.get('unit', 'persons')}"))]
    if reach.attrs.get("unlinked"):
        lines.append(t("classify.reach.unlinked", count=_dutch(reach.attrs["unlinked"])))
    ages = reach.attrs.get("ages")
    if ages is not None:
        lines += [t("classify.reach.age", band=band, reach=_percent(row["reach"]),
                    members=_dutch(row["members"])) for band, row in ages.iterrows()]
        if ages.attrs.get("unmatched"):
            lines.append(t("classify.reach.age_unmatched", groups=", ".join(
                ages.attrs["unmatched"])))
    for code, row in ranking[ranking["missed"] > 0].head(top).iterrows():
        lines.append(t("classify.reach.missed", code=code, name=row["name"],
                       reach=_percent(row["reach"]), count=round(row["missed"])))
    return lines


def _dutch(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _percent(value: float) -> str:
    return "–" if pd.isna(value) else f"{100 * value:.1f} %".replace(".", ",")


def run_classify(route, *, national=None, members=None, postcodes=None, use: str | None = None,
                 seed: int = 0) -> list[str]:
    """What ``routekit classify`` does: classify, store, link members, choose the source.

    Returns the lines to show the user (Dutch by default).
    """
    from routekit.area.sources import segment_source, set_segment_source

    result = build_open_segments(route, national=national, seed=seed)
    lines = result.summary()
    if members is not None:
        reach = add_members(route, members, postcodes)
        lines += reach_lines(reach, result.scheme)
    if use is not None:
        set_segment_source(route, use)
    source = segment_source(route)
    lines.append(t(f"classify.source.now_{source}"))
    lines.append(t("classify.reminder"))
    return lines


def open_summary(route) -> list[str]:
    """What the route's open segments are and what they are made of, as lines (for 04a).

    Without open segments one line says how to make them.

    Examples
    --------
    >>> from routekit.workspace import Route
    >>> open_summary(Route.open("data/sample-route"))[0][:32]
    'Deze route heeft nog geen open s'
    """
    from routekit.area.sources import segment_source

    meta = open_metadata(route)
    if not meta:
        text = t("classify.none_yet")
        return [text[:1].upper() + text[1:] + "."]
    source, method = meta.get("source", {}), meta.get("method", {})
    lines = [meta.get("what", t("classify.meta.what")),
             t("classify.open.made_of", data=source.get("data", ""),
               year=source.get("year") or "?", file=source.get("file", ""),
               reference=meta.get("reference", ""),
               variables=", ".join(t(f"classify.var.{v}") for v in meta.get("variables", [])),
               seed=method.get("seed", 0))]
    counts = meta.get("buurten", {})
    left = counts.get("too_few_inhabitants", 0) + counts.get("too_many_missing", 0)
    if left:
        lines.append(t("classify.summary.unclassified", count=left,
                       few=counts.get("too_few_inhabitants", 0),
                       missing=counts.get("too_many_missing", 0),
                       minimum=method.get("min_inhabitants", "")))
    scheme = read_table(route.area_file("open_segment_scheme"), required=["code", "name"])
    for row in scheme[scheme["level"] == "group"].itertuples():
        lines.append(f"{row.code} {row.name}: {row.description}")
    lines.append(t(f"classify.source.now_{segment_source(route)}"))
    return lines
