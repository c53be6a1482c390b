"""The actor map ("actorenkaart") as Dutch practitioners keep it, to and from Excel.

Columns as in CROW's actor analysis: actor, rol, belang, invloed, relatie,
betrekken, benadering, korte-termijn actie, plus the scores routekit uses.
:func:`export_actor_map` writes one formatted sheet per theme;
:func:`read_actor_map` reads an edited workbook back into the workspace (new
rows become new stakeholders), so a team can work on the map in Excel.

*Relatie* (the stance: coalitiepartner, bondgenoot, opportunist, twijfelaar,
opponent, vijand) follows from attitude and trust and is not read back;
*betrekken* and *benadering* show routekit's suggestion until someone types
their own text.

Examples
--------
>>> from routekit.workspace import Route
>>> route = Route.open("data/sample-route")
>>> path = export_actor_map(route, "uit/actorenkaart.xlsx")
>>> read_actor_map(route, path)  # after editing in Excel; unedited, nothing changes
{'added': 0, 'changed': 0}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from pydantic import ValidationError

from routekit.errors import Problem, RouteError, display_name
from routekit.i18n import LANGUAGES, t
from routekit.io import FORMULA_START
from routekit.records.base import make_id
from routekit.records.stakeholders import SECTORS, Position, Stakeholder
from routekit.stakeholders.engagement import engagement_list
from routekit.stakeholders.stored import register

if TYPE_CHECKING:
    from routekit.workspace import Route

__all__ = ["COLUMNS", "actor_map", "export_actor_map", "read_actor_map", "stance"]

COLUMNS = ("id", "name", "role", "sector", "stake", "influence", "attitude", "interest",
           "trust", "relation", "involve", "approach", "action")
"""Columns of the actor map, in order (headers come from the message catalog)."""

_DERIVED = ("relation",)
_SCORES = {"influence": (1, 5), "attitude": (-2, 2), "interest": (1, 5), "trust": (1, 5)}
_WIDTHS = {"id": 14, "name": 30, "role": 16, "sector": 14, "stake": 40, "relation": 15,
           "involve": 18, "approach": 50, "action": 36}


def stance(attitude, trust) -> str | None:
    """The actor-map relation for an attitude (−2…2) and trust (1…5; missing = 3).

    Examples
    --------
    >>> stance(2, 5), stance(1, 2), stance(0, 3), stance(-2, 1)
    ('coalition_partner', 'opportunist', 'doubter', 'enemy')
    """
    if attitude is None or pd.isna(attitude):
        return None
    trust = 3 if trust is None or pd.isna(trust) else trust
    if attitude == 0:
        return "doubter"
    if attitude > 0:
        return "coalition_partner" if attitude == 2 and trust >= 4 else \
            "ally" if trust >= 3 else "opportunist"
    return "opponent" if trust >= 3 else "enemy"


def actor_map(table: pd.DataFrame) -> pd.DataFrame:
    """The actor map of one theme (codes in English, texts in the user's language).

    Parameters
    ----------
    table : DataFrame
        Register rows of one theme.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``stake`` falls back to what binds the
        stakeholder, ``involve``/``approach`` to the suggestion; ordered as the
        engagement list (most urgent first).
    """
    plan = engagement_list(table).set_index("id")
    rows = table.set_index("id").loc[plan.index]
    stake = rows["stake"].where(rows["stake"].notna(), rows["binding_note"])
    out = pd.DataFrame({
        "id": plan.index, "name": rows["name"].to_numpy(), "role": rows["role"].to_numpy(),
        "sector": rows["sector"].map(lambda s: t(f"stakeholders.sector.{s}")).to_numpy(),
        "stake": stake.to_numpy(),
        **{score: rows[score].to_numpy() for score in _SCORES},
        "relation": [t(f"stakeholders.stance.{s}") if s else None
                     for s in map(stance, rows["attitude"], rows["trust"])],
        "involve": plan["involve"].to_numpy(), "approach": plan["approach"].to_numpy(),
        "action": plan["action"].to_numpy()})
    return out.reset_index(drop=True)


def _header(column: str, lang: str | None = None) -> str:
    return t(f"stakeholders.actormap.{column}", lang=lang)


def _sheet_title(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "", name).strip()[:31] or "thema"


def _unsafe(value):
    """Text of a cell that a workbook exported by an older routekit guarded with a leading '."""
    if isinstance(value, str) and value.startswith("'") and value[1:2] and \
            value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def export_actor_map(route: Route, path: str | Path, themes: list[str] | None = None) -> Path:
    """Write the actor map of each theme to a formatted Excel workbook.

    One sheet per theme (named after the theme), header frozen and filtered,
    scores checked by Excel's data validation, attitude coloured from red to
    green, and a sheet "Toelichting" on how to edit and read back.

    Parameters
    ----------
    route : Route
    path : str or Path
        ``.xlsx`` file to write (folder created; replaced atomically).
    themes : list of str, optional
        Theme ids; all themes of the route by default.

    Returns
    -------
    Path
    """
    from routekit.excel import new_workbook
    from routekit.storage import atomic_save

    book = new_workbook()
    for theme in themes or route.config.theme_ids:
        _write_sheet(book, _sheet_title(route.config.theme(theme).name),
                     actor_map(register(route, theme)))
    _write_help(book.create_sheet(t("stakeholders.actormap.help_sheet")))
    return atomic_save(book, path)


def _write_sheet(book, title: str, frame: pd.DataFrame) -> None:
    """One theme's actor map as a sheet: the house sheet (:func:`routekit.excel.write_sheet`)
    with derived columns greyed, scores and sectors checked, attitude coloured."""
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from routekit.excel import write_sheet

    sheet = write_sheet(book, title, frame[list(COLUMNS)], headers=[_header(c) for c in COLUMNS],
                        widths=_WIDTHS, freeze="C2", wrap=True)
    derived_fill = PatternFill("solid", fgColor="EFEFEF")
    last = max(sheet.max_row, 2)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        if column in _DERIVED or column == "id":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.fill = derived_fill
                cell.font = Font(color="666666")
        if column in _SCORES:
            low, high = _SCORES[column]
            check = DataValidation(type="whole", operator="between", formula1=str(low),
                                   formula2=str(high), allow_blank=column == "trust",
                                   showErrorMessage=True,
                                   error=t("stakeholders.actormap.score_error", low=low,
                                           high=high))
            sheet.add_data_validation(check)
            check.add(f"{letter}2:{letter}{last + 200}")
    sectors = DataValidation(type="list", allow_blank=False, formula1='"{}"'.format(
        ",".join(t(f"stakeholders.sector.{code}") for code in SECTORS)))
    sheet.add_data_validation(sectors)
    sector_letter = get_column_letter(COLUMNS.index("sector") + 1)
    sectors.add(f"{sector_letter}2:{sector_letter}{last + 200}")
    attitude = get_column_letter(COLUMNS.index("attitude") + 1)
    sheet.conditional_formatting.add(
        f"{attitude}2:{attitude}{last}",
        ColorScaleRule(start_type="num", start_value=-2, start_color="F4A582",
                       mid_type="num", mid_value=0, mid_color="F7F7F7",
                       end_type="num", end_value=2, end_color="92C5DE"))
    sheet.row_dimensions[1].height = 32
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _write_help(sheet) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.column_dimensions["A"].width = 110
    sheet.append([t("stakeholders.actormap.help_title")])
    sheet["A1"].font = Font(bold=True, size=13)
    for key in ("help_edit", "help_new", "help_scores", "help_derived", "help_read"):
        sheet.append([t(f"stakeholders.actormap.{key}")])
        sheet.cell(sheet.max_row, 1).alignment = Alignment(wrap_text=True)


def _rename() -> dict[str, str]:
    return {_header(c, lang): c for c in COLUMNS for lang in LANGUAGES}


def _sheet_themes(route: Route, names: list[str]) -> dict[str, str]:
    by_title = {}
    for theme in route.config.themes:
        by_title[_sheet_title(theme.name).casefold()] = theme.id
        by_title[theme.id.casefold()] = theme.id
    return {name: by_title[name.strip().casefold()] for name in names
            if name.strip().casefold() in by_title}


def _choice(value, domain: str, codes) -> str | None:
    """Code for a displayed choice (Dutch or English text, or the code itself)."""
    if value is None or pd.isna(value):
        return None
    text = str(value).strip().casefold()
    for code in codes:
        if text == code or any(text == t(f"stakeholders.{domain}.{code}", lang=lang).casefold()
                               for lang in LANGUAGES):
            return code
    return str(value).strip()


def read_actor_map(route: Route, path: str | Path) -> dict[str, int]:
    """Read an edited actor-map workbook back into the workspace.

    Every theme sheet is read; rows are matched on the code column (or, when
    that is empty, on the name). A row with a new name becomes a new
    stakeholder (fill in sector and the scores). Texts equal to the suggestion
    are not stored, so suggestions keep following the scores. Nothing is saved
    unless the whole workbook is valid.

    Returns
    -------
    dict
        ``{"added": new stakeholders, "changed": stakeholders or positions changed}``.

    Raises
    ------
    RouteError
        Listing every problem with sheet, row (as Excel numbers it) and column.
    """
    import openpyxl

    from routekit.io import read_table

    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as error:  # openpyxl raises many types for a file that is no workbook
        raise RouteError(Problem(file=display_name(path),
                                 message=t("io.unreadable", error=error))) from error
    sheet_names = book.sheetnames
    book.close()
    themes = _sheet_themes(route, sheet_names)
    people = {s.id: s for s in route.records("stakeholders")}
    positions = {(p.stakeholder, p.theme): p for p in route.records("positions")}
    before = dict(people), dict(positions)
    by_name = {" ".join(s.name.casefold().split()): s.id for s in people.values()}
    problems, added, changed = [], 0, set()
    for sheet, theme in themes.items():
        file = f"{display_name(path)} [{sheet}]"
        frame = read_table(path, sheet=sheet, rename=_rename(),
                           required=["name", "influence", "attitude", "interest"],
                           optional=[c for c in COLUMNS if c not in _SCORES],
                           numeric=list(_SCORES), suppressed_at_or_below=None,
                           missing_markers=())
        suggestions = actor_map(register(route, theme)).set_index("id")
        for index, row in frame.iterrows():
            number = index + 2
            row = row.map(_unsafe)
            if row.drop(labels=list(_DERIVED), errors="ignore").isna().all():
                continue
            result = _apply_row(row, theme, people, positions, by_name, suggestions,
                                file, number)
            if isinstance(result, list):
                problems += result
                continue
            kind, sid = result
            added += kind == "added"
            if kind == "changed":
                changed.add(sid)
    if problems:
        raise RouteError(problems)
    with route.locked():  # only what the workbook changed; other pages' changes stay
        route.upsert_many("stakeholders", [s for k, s in people.items() if before[0].get(k) != s])
        route.upsert_many("positions", [p for k, p in positions.items()
                                        if before[1].get(k) != p])
    return {"added": added, "changed": len(changed)}


def _apply_row(row, theme, people, positions, by_name, suggestions, file, number):
    """Merge one actor-map row into *people*/*positions*; return (what, id) or problems."""
    name = row.get("name")
    if name is None or pd.isna(name):
        return [Problem(file=file, row=number, field=_header("name"),
                        message=t("stakeholders.problem.no_name"))]
    sid = row.get("id")
    sid = sid if isinstance(sid, str) and sid in people else \
        by_name.get(" ".join(str(name).casefold().split()))
    old = people.get(sid)
    known = old.model_dump() if old else {"id": make_id(name, set(people), fallback="partij"),
                                          "kind": "organisation"}
    data = known | {"name": name}
    for field in ("role", "sector"):
        value = row.get(field)
        if value is not None and not pd.isna(value):
            data[field] = _choice(value, "sector", SECTORS) if field == "sector" else value
    old_position = positions.get((data["id"], theme))
    base = old_position.model_dump() if old_position else {}
    suggested = suggestions.loc[data["id"]] if data["id"] in suggestions.index else None
    position = base | {"stakeholder": data["id"], "theme": theme}
    for field in ("influence", "attitude", "interest", "trust"):
        value = row.get(field)
        position[field] = None if value is None or pd.isna(value) else value
    for field in ("stake", "involve", "approach", "action"):
        value = row.get(field)
        value = None if value is None or pd.isna(value) else str(value)
        if suggested is not None and value == suggested[field] and not base.get(field):
            value = None  # unchanged suggestion or fallback: keep following it
        position[field] = value
    problems = []
    try:
        stakeholder = Stakeholder.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as error:
        problems += _problems(error, file, number)
    try:
        record = Position.model_validate({k: v for k, v in position.items() if v is not None})
    except ValidationError as error:
        problems += _problems(error, file, number)
    if problems:
        return problems
    what = "added" if old is None else "changed" \
        if stakeholder != old or record != old_position else "same"
    people[stakeholder.id] = stakeholder
    positions[(stakeholder.id, theme)] = record
    by_name[" ".join(stakeholder.name.casefold().split())] = stakeholder.id
    return what, stakeholder.id


def _problems(error: ValidationError, file: str, number: int) -> list[Problem]:
    from routekit.workspace import validation_problems

    out = []
    for problem in validation_problems(error, file, number):
        column = problem.field if problem.field not in COLUMNS else _header(problem.field)
        out.append(Problem(file=file, row=number, field=column, message=problem.message))
    return out
