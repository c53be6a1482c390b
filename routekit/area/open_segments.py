"""The open classification as an ordinary segment scheme + segment data: the tables to store.

``routekit classify`` (and the button in notebook 04a) classifies the buurten
of the route's CBS key figures (:func:`classify_figures`); :func:`open_tables`,
:func:`classification_metadata` and :func:`readme_text` are what
:func:`routekit.area.stored.store_open_segments` writes, in the route's
``area/`` folder, as human-readable files every stage reads like a Mosaic export:

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
>>> from routekit.area import read_key_figures
>>> figures = read_key_figures("data/sample-route/area/kerncijfers_kwb.csv")
>>> result = classify_figures(figures, "GM9901")
>>> len(result.groups) >= 4, sorted(open_tables(result))[:2]
(True, ['open_areas', 'open_buurten'])
"""

from __future__ import annotations

import pandas as pd

from routekit.area.classify import Classification, classify, match_names
from routekit.area.segments import clean_code
from routekit.errors import Problem, RouteError
from routekit.i18n import t

__all__ = ["METADATA", "SCHEME_FILE", "apply_user_names", "classification_metadata",
           "classify_figures", "open_summary_lines", "open_tables", "readme_text",
           "reach_lines", "renamed", "user_names"]

#: Name of the metadata file (in ``area/``, without suffix).
METADATA = "open_classification"
#: Name of the open scheme file (in ``area/``, without suffix).
SCHEME_FILE = "open_segment_scheme"
_TRAITS = ("life_stage", "age_band", "household", "income_level", "education_level",
           "urbanity")


def _municipality_buurten(table: pd.DataFrame, municipality: str) -> pd.Index:
    number = clean_code(municipality).removeprefix("GM")
    buurten = table.index[table["level"] == "buurt"] if "level" in table else table.index
    return buurten[buurten.str[2:6] == number]


def classify_figures(figures, municipality: str, *, national: bool = False, seed: int = 0,
                     n_init: int = 10) -> Classification:
    """Classify the buurten of *figures* and keep those of *municipality*.

    Parameters
    ----------
    figures : KeyFigures
        The route's own figures, or a national kwb file's: then all buurten of
        the country are classified and the route's buurten placed in it. Own
        figures covering more than one municipality are used as such.
    municipality : str
        The route's municipality code, e.g. ``"GM0344"``.
    national : bool
        Whether *figures* are a national file the user gave.
    seed, n_init : int
        k-means seed and restarts (see :func:`routekit.area.classify.classify`).

    Returns
    -------
    Classification
        Of the route's buurten (national: the national classes, areas of the
        route's municipality only).
    """
    table = figures.table
    municipalities = table.loc[table["level"] == "buurt", "municipality"].dropna().unique() \
        if "municipality" in table else []
    is_national = national or len(municipalities) > 1
    result = classify(table, seed=seed, n_init=n_init, year=figures.year,
                      reference=t("classify.country") if is_national else None)
    if is_national:
        own = _municipality_buurten(table, municipality)
        result.areas = result.areas.loc[result.areas.index.intersection(own)]
        number = clean_code(municipality).removeprefix("GM")
        result.regions = result.regions[result.regions.index.str[2:6] == number]
    result.settings.update(source=figures.source, national=is_national,
                           generated_names=dict(result.scheme.loc[result.groups, "name"]))
    return result


def user_names(old: dict, scheme: pd.DataFrame | None) -> dict[str, str]:
    """Group names the user chose: renames recorded in the metadata *old*, and names
    edited in the stored scheme table (``code``, ``name``), when there is one."""
    names = {code: info["name"] for code, info in old.get("groups", {}).items()
             if info.get("renamed")}
    if scheme is not None:
        for code, name in zip(scheme["code"], scheme["name"], strict=True):
            info = old.get("groups", {}).get(code)
            if info and isinstance(name, str) and name != info.get("generated_name"):
                names[code] = name
    return names


def apply_user_names(result: Classification, old: dict, names: dict[str, str]) -> None:
    """Give the groups of *result* that match a group of the earlier classification
    (metadata *old*) the user's *names* (:func:`user_names`), in place."""
    members = {code: info.get("buurten", []) for code, info in old.get("groups", {}).items()}
    for code, name in match_names(result, members, names).items():
        result.scheme.loc[code, "name"] = name
        result.settings.setdefault("renamed", {})[code] = name


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


def classification_metadata(result: Classification) -> dict:
    """How *result* was made, for ``open_classification.yaml``: source, method, scores, groups."""
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


def open_tables(result: Classification) -> dict[str, pd.DataFrame]:
    """The tables of the open classification, by file name (in ``area/``, without ``.csv``):
    scheme, households per buurt and type, buurten, figures and areas."""
    households = result.households()
    areas = result.areas
    regions = result.regions if result.regions is not None else pd.DataFrame(
        columns=["name", "level"])
    return {
        SCHEME_FILE: _scheme_table(result),
        "open_segments": households.assign(households=_whole(households["households"])),
        "open_buurten": pd.DataFrame({
            "code": areas.index, "name": areas["name"], "level": "buurt",
            "group": areas["group"], "type": areas["type"], "status": areas["status"],
            "explanation": [t(f"classify.status.{s}") for s in areas["status"]],
            "inhabitants": _whole(areas["inhabitants"]),
            "households": _whole(areas["households"]),
            "missing_figures": areas["missing"]}).astype("object"),
        "open_figures": _figures_table(result),
        "open_areas": pd.DataFrame({
            "code": [*regions.index, *areas.index],
            "name": [*regions["name"], *areas["name"]],
            "level": [*regions["level"], *["buurt"] * len(areas)]}).astype("object"),
    }


def readme_text(result: Classification) -> str:
    """What the open segment files are, in Dutch (``open_segments_LEESMIJ.md``)."""
    return t("classify.readme", year=result.settings.get("year") or "?",
             variables=", ".join(result.variables) or "–")


def renamed(meta: dict, scheme: pd.DataFrame, code: str, name: str) -> pd.DataFrame:
    """The scheme table with group *code* named *name* (spaces tidied); records the
    rename in *meta* (the metadata dict), in place.

    Raises
    ------
    RouteError
        When there is no group *code* or *name* is empty (Dutch message).
    """
    name = " ".join(str(name).split())
    groups = meta.get("groups", {})
    file = f"{SCHEME_FILE}.csv"
    if code not in groups:
        raise RouteError(Problem(file, t("classify.rename.unknown", code=code,
                                         codes=", ".join(groups) or "–"), field="code"))
    if not name:
        raise RouteError(Problem(file, t("classify.rename.empty"), field="name"))
    groups[code].update(name=name, renamed=True)
    return scheme.assign(name=scheme["name"].mask(scheme["code"] == code, name))


def reach_lines(reach, scheme: pd.DataFrame, *, top: int = 5) -> list[str]:
    """The "welke mensen mis je?" ranking per open group, as lines of text.

    *reach* is a :class:`~routekit.area.members.BuurtReach` (with its unlinked
    members and reach per age band), *scheme* the open scheme table.
    """
    from routekit.area.members import class_reach

    ranking = class_reach(reach, scheme, level="group")
    lines = [t("classify.reach.overall", reach=_percent(ranking.overall),
               members=_dutch(reach.table["members"].sum()),
               unit=t(f"classify.reach.unit.{reach.unit}"))]
    if reach.unlinked:
        lines.append(t("classify.reach.unlinked", count=_dutch(reach.unlinked)))
    ages = reach.ages
    if ages is not None:
        lines += [t("classify.reach.age", band=band, reach=_percent(row["reach"]),
                    members=_dutch(row["members"])) for band, row in ages.table.iterrows()]
        if ages.unmatched:
            lines.append(t("classify.reach.age_unmatched", groups=", ".join(ages.unmatched)))
    table = ranking.table
    for code, row in table[table["missed"] > 0].head(top).iterrows():
        lines.append(t("classify.reach.missed", code=code, name=row["name"],
                       reach=_percent(row["reach"]), count=round(row["missed"])))
    return lines


def _dutch(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".")


def _percent(value: float) -> str:
    return "–" if pd.isna(value) else f"{100 * value:.1f} %".replace(".", ",")


def open_summary_lines(meta: dict, scheme: pd.DataFrame, source: str | None) -> list[str]:
    """What the open segments are and what they are made of, as lines (for 04a).

    Parameters
    ----------
    meta : dict
        The metadata (``open_classification.yaml``); empty: one line says how
        to make open segments.
    scheme : pandas.DataFrame
        The open scheme table (``code``, ``name``, ``level``, ``description``).
    source : str or None
        The segment source the stages use (``"mosaic"``, ``"open"``).

    Examples
    --------
    >>> open_summary_lines({}, pd.DataFrame(), None)[0][:32]
    'Deze route heeft nog geen open s'
    """
    if not meta:
        text = t("classify.none_yet")
        return [text[:1].upper() + text[1:] + "."]
    origin, method = meta.get("source", {}), meta.get("method", {})
    lines = [meta.get("what", t("classify.meta.what")),
             t("classify.open.made_of", data=origin.get("data", ""),
               year=origin.get("year") or "?", file=origin.get("file", ""),
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
    for row in scheme[scheme["level"] == "group"].itertuples():
        lines.append(f"{row.code} {row.name}: {row.description}")
    lines.append(t(f"classify.source.now_{source}"))
    return lines
