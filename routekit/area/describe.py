"""Names, descriptions and persona traits of open classes, from the figures where they stand out.

For every group and type the classification variables are aggregated over its
buurten (percentages weighted by their base, other figures by inhabitants) and
compared with the reference (the municipality, or the country): the
difference in standard deviations of the buurten is the *score*. A group is
named after its strongest "people" variable and its strongest "place"
variable ("Jonge gezinnen in koopwoningen"); a type after where it differs
most from its own group. Descriptions give the figures behind the name; the
persona traits (life stage, age band, household, income and education level,
urbanity) come from the same figures.

Examples
--------
>>> from routekit.area.classify import classify, example_frame
>>> result = classify(example_frame(60, seed=1), n_init=2, groups=4)
>>> row = result.scheme.loc["A"]
>>> row["name"], row["age_band"]
('Jonge gezinnen in koopwoningen', '0-14')
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from routekit.i18n import t

__all__ = ["STANDOUT", "aggregate", "describe", "format_value"]

#: Scores (standard deviations) below this do not name or describe a class.
STANDOUT = 0.25

_KIND = {}
_BASE = {}


def _meta() -> tuple[dict, dict]:
    if not _KIND:
        from routekit.area.classify import CLASSIFY_VARIABLES

        for name, base, kind in CLASSIFY_VARIABLES:
            _KIND[name], _BASE[name] = kind, base
    return _KIND, _BASE


def _is_percent(variable: str) -> bool:
    kind, base = _meta()
    return bool(base.get(variable)) or variable.endswith("_pct")


def format_value(variable: str, value: float, *, unit: bool = True) -> str:
    """A figure as the user reads it: ``41 %``, ``2,4``, ``€ 451.000``, ``1,2 km``.

    Examples
    --------
    >>> format_value("age_0_14", 24.36), format_value("woz_value", 451), format_value(
    ...     "household_size", 2.43)
    ('24 %', '€ 451.000', '2,4')
    """
    if pd.isna(value):
        return "–"
    if _is_percent(variable):
        return f"{value:.0f} %"
    if variable in ("woz_value", "income_per_recipient", "income_per_inhabitant"):
        step = 1000 if variable == "woz_value" else 100  # published in thousands of euros
        return "€ " + f"{round(value * 1000 / step) * step:,.0f}".replace(",", ".")
    if variable == "household_size":
        return f"{value:.1f}".replace(".", ",")
    if variable.endswith("_km"):
        number = f"{value:.1f}".replace(".", ",")
        return f"{number} km" if unit else number
    number = f"{value:,.0f}".replace(",", ".")
    return t(f"classify.unit.{variable}", value=number) if unit else number


def _unit_first(variable: str) -> bool:
    """Whether the unit goes before the number (``€ 1``, ``1 %``): then both figures show it."""
    return not (variable.endswith("_km") or variable in ("density", "address_density"))


def _weights(areas: pd.DataFrame, columns: pd.Index) -> np.ndarray:
    """Weight of each buurt (rows) per variable (columns): households or inhabitants."""
    base = _meta()[1]
    inhabitants = areas["inhabitants"].fillna(0).to_numpy(float)
    households = areas["households"].fillna(0).to_numpy(float)
    return np.column_stack([households if base.get(c) == "households" else inhabitants
                            for c in columns]) if len(columns) else np.zeros((len(areas), 0))


def aggregate(values: pd.DataFrame, areas: pd.DataFrame, members: pd.Index) -> pd.Series:
    """Figures of a set of buurten: means of their values weighted by their base.

    Percentages of households are weighted by households, the others by
    inhabitants (so a percentage of a group is its count ÷ its base); a buurt
    without the figure does not count (NaN where none has it).
    """
    matrix = values.loc[members].to_numpy(float)
    weight = np.where(np.isnan(matrix), 0.0, _weights(areas.loc[members], values.columns))
    total = weight.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a figure no buurt has: NaN
        weighted = (np.nan_to_num(matrix) * weight).sum(axis=0) / total
        plain = np.nanmean(matrix, axis=0) if len(matrix) else np.full(matrix.shape[1], np.nan)
    return pd.Series(np.where(total > 0, weighted, plain), index=values.columns,
                     dtype="float64")


def _scores(value: pd.Series, reference: pd.Series, spread: pd.Series) -> pd.Series:
    return ((value - reference) / spread.replace(0, np.nan)).fillna(0.0)


def _people(scores: pd.Series) -> list[str]:
    """People phrases in order of preference (strongest first)."""
    kind = _meta()[0]
    found = scores[[v for v in scores.index if kind[v] == "people"]]
    found = found[found > STANDOUT].sort_values(ascending=False, kind="stable")
    phrases = []
    for variable in found.index:
        key = variable
        if variable in ("age_0_14", "households_with_children", "household_size") \
                and scores.get("age_25_44", 0) > STANDOUT:
            key = "young_families"
        elif variable in ("low_income_households_pct",):
            key = "low_income"
        elif variable in ("income_per_recipient", "income_per_inhabitant",
                          "high_income_households_pct"):
            key = "high_income"
        phrase = t(f"classify.people.{key}")
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases or [t("classify.people.mixed")]


def _places(scores: pd.Series, value: pd.Series) -> list[str]:
    kind = _meta()[0]
    found = scores[[v for v in scores.index if kind[v] == "place"]]
    found = found[found.abs() > STANDOUT]
    found = found.reindex(found.abs().sort_values(ascending=False, kind="stable").index)
    phrases = []
    for variable, score in found.items():
        direction = "high" if score > 0 else "low"
        if variable in ("density", "address_density") and direction == "low" \
                and value.get("address_density", np.inf) < 500:
            phrase = t("classify.place.rural")
        else:
            phrase = t(f"classify.place.{variable}.{direction}")
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases or [t("classify.place.mixed")]


def _name(scores: pd.Series, value: pd.Series, taken: set[str]) -> str:
    people, places = _people(scores), _places(scores, value)
    options = [t("classify.name", people=p, place=q) for p in people[:3] for q in places[:3]]
    name = next((o for o in options if o not in taken), options[0])
    number = 2
    while name in taken:
        name = f"{options[0]} ({number})"
        number += 1
    return name


def _description(scores: pd.Series, value: pd.Series, reference: pd.Series, ref_name: str,
                 buurten: int, households: float) -> str:
    """``"12 buurten, 8.450 huishoudens. Vergeleken met Utrecht: veel ... (24 % tegen 16 %)."``"""
    top = scores[scores.abs() > STANDOUT]
    top = top.reindex(top.abs().sort_values(ascending=False, kind="stable").index)[:4]
    parts = [t(f"classify.{'high' if s > 0 else 'low'}.{v}",
               value=format_value(v, value[v], unit=_unit_first(v)),
               reference=format_value(v, reference[v])) for v, s in top.items()]
    size = t("classify.describe.size", count=buurten,
             households=f"{households:,.0f}".replace(",", "."))
    if not parts:
        return f"{size} {t('classify.describe.average', reference=ref_name)}"
    return f"{size} {t('classify.describe.compared', reference=ref_name)} {', '.join(parts)}."


def _level(score: float) -> str:
    return t("classify.level.high") if score > 0.5 else \
        t("classify.level.low") if score < -0.5 else t("classify.level.middle")


def _traits(value: pd.Series, reference: pd.Series, scores: pd.Series) -> dict:
    from routekit.area.classify import _AGE_BANDS, _HOUSEHOLDS, _URBANITY

    with np.errstate(invalid="ignore", divide="ignore"):
        index = (value / reference.replace(0, np.nan)).fillna(0)
    traits = dict.fromkeys(("life_stage", "age_band", "household", "income_level",
                            "education_level", "urbanity"))
    ages = [v for v in _AGE_BANDS if v in index]
    if ages:  # the band the name and description stand on: the one that stands out most
        standing = scores[ages] if all(v in scores for v in ages) else index[ages]
        band = _AGE_BANDS[standing.idxmax()]
        traits["age_band"] = band
        traits["life_stage"] = t(f"classify.life_stage.{band}")
    households = [v for v in _HOUSEHOLDS if v in index]
    if households:
        traits["household"] = t(f"classify.household.{index[households].idxmax()}")
    income = [v for v in ("income_per_recipient", "income_per_inhabitant") if v in scores]
    if income or "low_income_households_pct" in scores:
        score = scores[income[0]] if income else -scores["low_income_households_pct"]
        traits["income_level"] = _level(float(score))
    if "education_high" in scores and "education_low" in scores:
        traits["education_level"] = _level(float(scores["education_high"]
                                                 - scores["education_low"]) / 2)
    if pd.notna(value.get("address_density", np.nan)):
        urban = next(c for limit, c in _URBANITY if value["address_density"] >= limit)
        traits["urbanity"] = t(f"classify.urbanity.{urban}")
    return traits


def describe(values: pd.DataFrame, areas: pd.DataFrame, *, reference: str
             ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scheme table (groups and types with names, descriptions, traits) and the figures.

    Parameters
    ----------
    values : pandas.DataFrame
        Buurten × variables as :func:`routekit.area.classify.prepare` gives them.
    areas : pandas.DataFrame
        With ``group``, ``type``, ``inhabitants``, ``households`` (unclassified
        buurten have an empty group and are left out).
    reference : str
        Name of the reference (all classified buurten together).

    Returns
    -------
    (scheme, figures)
        See :class:`routekit.area.classify.Classification`.
    """
    done = areas.index[areas["group"].fillna("") != ""]
    spread = values.loc[done].std(ddof=0)
    ref_value = aggregate(values, areas, done)
    rows, figures, taken_groups, taken_types = [], [], set(), set()
    for gcode in sorted(areas.loc[done, "group"].unique(), key=_code_key):
        group_members = done[areas.loc[done, "group"] == gcode]
        group_value = aggregate(values, areas, group_members)
        group_scores = _scores(group_value, ref_value, spread)
        group_name = _name(group_scores, group_value, taken_groups)
        taken_groups.add(group_name)
        size = (len(group_members),
                float(areas.loc[group_members, "households"].fillna(0).sum()))
        rows.append({"code": gcode, "level": "group", "parent": None, "name": group_name,
                     "description": _description(group_scores, group_value, ref_value,
                                                 reference, *size),
                     **_traits(group_value, ref_value, group_scores),
                     "buurten": size[0], "households": size[1]})
        figures.append(_figures(gcode, group_value, ref_value, group_scores))
        type_codes = sorted(areas.loc[group_members, "type"].unique(), key=_code_key)
        for tcode in type_codes:
            members = group_members[areas.loc[group_members, "type"] == tcode]
            value = aggregate(values, areas, members)
            scores = _scores(value, ref_value, spread)
            size = (len(members), float(areas.loc[members, "households"].fillna(0).sum()))
            if len(type_codes) == 1:  # a group that is not split: its one type is the group
                name, description = group_name, rows[-1]["description"]
            else:  # a type is named and described after how it differs from its group
                within = _scores(value, group_value, spread)
                name = _name(within, value, taken_types)
                description = _description(within, value, group_value,
                                           t("classify.describe.group", code=gcode), *size)
            taken_types.add(name)
            rows.append({"code": tcode, "level": "type", "parent": gcode, "name": name,
                         "description": description, **_traits(value, ref_value, scores),
                         "buurten": size[0], "households": size[1]})
            figures.append(_figures(tcode, value, ref_value, scores))
    scheme = pd.DataFrame(rows).set_index("code")
    figures = pd.concat(figures, ignore_index=True) if figures else pd.DataFrame(
        columns=["segment", "variable", "value", "reference", "score", "rank"])
    return scheme, figures


def _code_key(code: str) -> tuple:
    letters = code.rstrip("0123456789")
    digits = code[len(letters):]
    return (len(letters), letters, int(digits) if digits else 0)


def _figures(code: str, value: pd.Series, reference: pd.Series, scores: pd.Series
             ) -> pd.DataFrame:
    order = scores.abs().rank(ascending=False, method="first").astype(int)
    return pd.DataFrame({"segment": code, "variable": value.index, "value": value.to_numpy(),
                         "reference": reference.to_numpy(), "score": scores.to_numpy(),
                         "rank": order.to_numpy()})
