"""Read every table a Dutch user brings; write routekit's own CSV files.

:func:`read_table` reads CSV/TXT/TSV files (any of ``;``, ``,`` or tab as
separator; UTF-8 with or without BOM, UTF-16 or Windows-1252) and Excel
workbooks (``.xlsx``/``.xlsm``). It matches column names leniently, checks the
columns you need and converts number and yes/no columns, reporting *every*
problem with file, row (as a spreadsheet numbers it: header = row 1) and field.

:func:`write_table` writes the CSV files routekit keeps for itself so that
Dutch Excel opens them directly: ``;`` separator, decimal comma, UTF-8 with
BOM. ``read_table`` reads back exactly what ``write_table`` wrote (see
:func:`write_table` for the conventions).

Formula guard: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a line
break would be run as a formula by a spreadsheet program. Every export meant
for other people or programs goes through one guard: :func:`excel_cell` for
Excel workbooks (the text is kept, marked as text with Excel's quote prefix)
and :func:`formula_safe` / ``write_table(..., formula_guard=True)`` for CSV
exports (a ``'`` is put in front). The route's own CSV files are *not* guarded,
so user text round-trips unchanged (routekit reads them as data, never as
formulas).

Examples
--------
>>> import pandas as pd
>>> write_table(pd.DataFrame({"buurt": ["Centrum"], "inwoners": [1234]}), "buurten.csv")
>>> read_table("buurten.csv", required=["buurt", "inwoners"], numeric=["inwoners"])
     buurt  inwoners
0  Centrum      1234
"""

from __future__ import annotations

import csv
import io
import math
import numbers
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd

from routekit.errors import Problem, TableError, display_name
from routekit.i18n import t
from routekit.storage import atomic_write_text

__all__ = [
    "CSV_SUFFIXES",
    "EXCEL_SUFFIXES",
    "FALSE_WORDS",
    "MAX_PROBLEMS",
    "MISSING_MARKERS",
    "SUPPRESSED_AT_OR_BELOW",
    "TRUE_WORDS",
    "FORMULA_START",
    "excel_cell",
    "formula_safe",
    "parse_number",
    "read_table",
    "to_boolean",
    "to_number",
    "write_table",
]

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")

#: Cell texts that mean "no value" in number columns. CBS (StatLine, Kerncijfers
#: wijken en buurten) uses ``.`` for unknown, ``x`` for confidential and ``-``
#: for "nihil"; all become missing, never a number (``-`` is *not* read as 0).
MISSING_MARKERS = (".", "..", "x", "X", "-", "?")

#: Numbers at or below this value are CBS suppression codes (-99995 ... -99999)
#: and become missing in number columns.
SUPPRESSED_AT_OR_BELOW = -99990

#: pandas engine that reads Excel files: python-calamine (fast); openpyxl only writes.
EXCEL_ENGINE = "calamine"

#: Yes/no words accepted in boolean columns (compared case-insensitively).
TRUE_WORDS = frozenset({"ja", "j", "waar", "true", "yes", "y", "1"})
FALSE_WORDS = frozenset({"nee", "n", "onwaar", "false", "no", "0"})

#: At most this many problems are listed; the rest are counted in one line.
MAX_PROBLEMS = 20

#: Text starting with one of these is run as a formula by a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

#: Control characters that never occur in a text table (NUL, BEL, ...): a file
#: with more than a few is binary or damaged. Tab, line ends, form feed and
#: DOS end-of-file (Ctrl-Z) are allowed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\ufffd]")

_SEPARATORS = (";", "\t", ",")  # order = preference when the evidence ties
_SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_MINUS_SIGNS = "\u2212\u2013"  # minus sign, en dash (as typed by Word/Excel)
_SEP_HINT = re.compile(r"sep=(.)\r?\n?")
_NUMBER_CHARS = re.compile(rf"[+\-]?[\d.,{_SPACES}]*\d[\d.,{_SPACES}]*(?:[eE][+\-]?\d+)?")
_INT64_MAX = 2**63 - 1


# --------------------------------------------------------------------------- reading


def read_table(
    path: str | Path,
    *,
    required: Iterable[str] = (),
    optional: Iterable[str] = (),
    allow_extra: bool = True,
    rename: Mapping[str, str] | None = None,
    numeric: Iterable[str] = (),
    boolean: Iterable[str] = (),
    sheet: str | int | None = None,
    decimal: str | None = None,
    missing_markers: Iterable[str] = MISSING_MARKERS,
    suppressed_at_or_below: float | None = SUPPRESSED_AT_OR_BELOW,
) -> pd.DataFrame:
    """Read a CSV/TXT/TSV file or an Excel sheet into a fresh DataFrame.

    Parameters
    ----------
    path : str or Path
        ``.csv``, ``.txt``, ``.tsv``, ``.xlsx`` or ``.xlsm`` file.
    required : iterable of str
        Columns that must be present; missing ones are reported together.
    optional : iterable of str
        Columns that may be present; absent ones are added, all missing.
    allow_extra : bool, default True
        When False, columns other than ``required``/``optional`` are reported.
    rename : mapping, optional
        Map of user or export column names to routekit's names, applied before
        the checks (e.g. ``{"Naam organisatie": "name"}``).
    numeric : iterable of str
        Columns converted with :func:`to_number` (float64, or Int64 when every
        value is written as a whole number).
    boolean : iterable of str
        Columns converted with :func:`to_boolean` (pandas ``boolean`` dtype).
    sheet : str or int, optional
        Excel sheet name or 0-based position; the first sheet by default.
    decimal : {",", "."}, optional
        Force the decimal mark of all number columns; by default it is decided
        per column (see :func:`to_number`).
    missing_markers : iterable of str, default :data:`MISSING_MARKERS`
        Texts meaning "no value" in number columns.
    suppressed_at_or_below : float or None, default -99990
        Numbers at or below this become missing in number columns; None keeps them.

    Returns
    -------
    pandas.DataFrame
        One row per data row, RangeIndex: the spreadsheet row of position ``i``
        is ``i + 2``. Column names are routekit's (from ``required``,
        ``optional``, ``numeric``, ``boolean``, matched ignoring case, spaces and
        BOM) or the cleaned header text. Other columns are pandas ``str`` dtype:
        whitespace stripped, empty cells missing. Rows of empty cells are kept
        (all missing; use ``dropna(how="all")``) so row numbers stay right;
        only blank lines at the end of a CSV file and empty rows at the end
        of an Excel sheet are dropped.

    Raises
    ------
    TableError
        Naming file, row and field of every problem found (at most
        :data:`MAX_PROBLEMS`, then a count): unreadable file, unknown sheet,
        missing/unknown/duplicate columns, rows longer than the header,
        values that are not numbers or yes/no.

    Notes
    -----
    Separator: ``.tsv`` is tab; otherwise the one of ``;``, tab and ``,`` that
    splits the first records into the most (and equally many) fields, quotes
    respected. A first line ``sep=;`` (Excel's hint) is honoured and skipped.
    Encoding: BOM (UTF-8/UTF-16) if present, else UTF-8 if valid, else
    Windows-1252. Text-like cells that Excel stores as numbers, dates or
    booleans are turned into text the way :func:`write_table` writes them.

    Examples
    --------
    >>> df = read_table("data/sample-route/stakeholders.csv",
    ...                 required=["name"], numeric=["influence"])
    """
    path = Path(path)
    file = display_name(path)
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        raise TableError(Problem(file, t("io.unsupported_type", suffix=path.suffix)))
    if not path.is_file():
        raise TableError(Problem(file, t("io.not_found")))
    if suffix in EXCEL_SUFFIXES:
        header, rows = _read_excel_rows(path, file, sheet)
        default_decimal = ","
    else:
        header, rows, separator = _read_csv_rows(path, file)
        default_decimal = "." if separator == "," else ","

    required, optional = list(required), list(optional)
    numeric, boolean = list(numeric), list(boolean)
    known = _unique([*required, *optional, *numeric, *boolean])
    names, keep, problems = _match_header(header, rows, known, rename or {}, file)
    problems += _header_problems(names, required, optional, allow_extra, file)
    if problems:
        raise TableError(_capped(problems, file))

    columns = {name: [_cell(row, i) for row in rows] for name, i in zip(names, keep, strict=True)}
    by_key = {_key(n): n for n in names}
    numeric_keys, boolean_keys = set(map(_key, numeric)), set(map(_key, boolean))
    frame, problems = {}, []
    for name, values in columns.items():
        if _key(name) in numeric_keys:
            series, found = _parse_numbers(
                values, column=name, file=file, decimal=decimal or None,
                default_decimal=default_decimal, missing_markers=missing_markers,
                suppressed_at_or_below=suppressed_at_or_below)
        elif _key(name) in boolean_keys:
            series, found = _parse_booleans(values, column=name, file=file)
        else:
            series, found = pd.Series([_text(v) for v in values], dtype="str"), []
        frame[name] = series
        problems += found
    if problems:
        raise TableError(_capped(problems, file))
    for name in optional:
        if _key(name) not in by_key:
            frame[name] = _empty_column(name, len(rows), numeric, boolean)
    result = pd.DataFrame(frame, index=pd.RangeIndex(len(rows)))
    return result


def _unique(names: Iterable[str]) -> list[str]:
    """Return *names* without repeats (compared as :func:`_key`), first kept."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_key(name), name)
    return list(seen.values())


def _clean_name(name: object) -> str:
    """Return a header cell as text: BOM removed, whitespace trimmed and collapsed."""
    if name is None or (isinstance(name, float) and math.isnan(name)):
        return ""
    text = name if isinstance(name, str) else _format_value(name)
    return " ".join(text.replace("\ufeff", "").split())


def _key(name: object) -> str:
    """Return the form in which column names are compared (case-insensitive)."""
    return _clean_name(name).casefold()


def _cell(row: Sequence[object], i: int) -> object:
    return row[i] if i < len(row) else None


def _is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and math.isnan(value)


def _match_header(header, rows, known, rename, file):
    """Name the columns; return (names, positions kept, problems)."""
    renames = {_key(k): v for k, v in rename.items()}
    canonical = {_key(n): n for n in known}
    names, keep, problems = [], [], []
    for i, raw in enumerate(header):
        name = _clean_name(raw)
        name = renames.get(_key(name), name)
        name = canonical.get(_key(name), _clean_name(name))
        if not name:
            if any(not _is_blank(_cell(row, i)) for row in rows):
                problems.append(Problem(file, t("io.nameless_column", position=i + 1), row=1))
            continue
        names.append(name)
        keep.append(i)
    width = len(header)
    for number, row in enumerate(rows, start=2):
        if len(row) > width and any(not _is_blank(v) for v in row[width:]):
            count = width + max(i for i, v in enumerate(row[width:], 1) if not _is_blank(v))
            problems.append(Problem(file, t("io.too_many_fields", count=count, expected=width),
                                    row=number))
    return names, keep, problems


def _header_problems(names, required, optional, allow_extra, file) -> list[Problem]:
    """Report duplicate, missing and (when not allowed) unknown columns."""
    problems = []
    counts = Counter(_key(n) for n in names)
    for name in _unique(names):
        if counts[_key(name)] > 1:
            problems.append(Problem(file, t("io.duplicate_column", column=name,
                                            count=counts[_key(name)]), row=1, field=name))
    found = ", ".join(names) or t("io.none_found")
    for name in _unique(required):
        if _key(name) not in counts:
            problems.append(Problem(file, t("io.missing_column", column=name, found=found)))
    if not allow_extra:
        expected_names = _unique([*required, *optional])
        expected = ", ".join(expected_names) or t("io.none_found")
        allowed = {_key(n) for n in expected_names}
        for name in _unique(names):
            if _key(name) not in allowed:
                problems.append(Problem(file, t("io.unknown_column", column=name,
                                                expected=expected), row=1, field=name))
    return problems


def _empty_column(name, length, numeric, boolean) -> pd.Series:
    if _key(name) in map(_key, numeric):
        return pd.Series(np.nan, index=range(length), dtype="float64")
    if _key(name) in map(_key, boolean):
        return pd.Series(pd.NA, index=range(length), dtype="boolean")
    return pd.Series(None, index=range(length), dtype="str")


def _capped(problems: list[Problem], file: str) -> list[Problem]:
    """Keep the first :data:`MAX_PROBLEMS` problems and count the rest."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem(file, t("io.more_problems", count=rest))]


def _text(value: object) -> str | None:
    """Return a cell as stripped text, or None when empty."""
    if _is_blank(value):
        return None
    text = value if isinstance(value, str) else _format_value(value)
    return text.strip() or None


# --------------------------------------------------------------------------- CSV


def _decode(data: bytes) -> str:
    """Decode file bytes: BOM, else UTF-8 if valid, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv_rows(path: Path, file: str):
    """Return (header, data rows, separator) of a delimited text file."""
    try:
        data = path.read_bytes()
        text = _decode(data)
    except (OSError, UnicodeError) as exc:
        raise TableError(Problem(file, t("io.unreadable", error=exc))) from exc
    if _looks_binary(data, text):
        raise TableError(Problem(file, t("safety.file.binary")))
    hint = _SEP_HINT.match(text)
    if hint:
        separator, text = hint.group(1), text[hint.end():]
    elif path.suffix.lower() == ".tsv":
        separator = "\t"
    else:
        separator = _sniff_separator(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        raise TableError(Problem(file, t("io.unreadable", error=exc))) from exc
    if text.count('"') % 2:
        _open_quote(text, separator, file)
    while records and not records[-1]:  # blank lines at the end
        records.pop()
    if not records:
        return [], [], separator
    return records[0], records[1:], separator


def _looks_binary(data: bytes, text: str) -> bool:
    """True for bytes that are not a text table: not UTF-8 and full of control characters.

    Valid UTF-8 (what routekit writes) is always text, whatever it holds.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return len(_CONTROL.findall(text, 0, 100_000)) > 2
    return False


def _open_quote(text: str, separator: str, file: str) -> None:
    """Raise when *text* ends inside a quoted cell (a cut-off file), naming the row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    count, line = 0, 0
    try:
        for _ in reader:
            count, line = count + 1, reader.line_num
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise TableError(Problem(file, t("safety.csv.open_quote", line=line + 1),
                                     row=count + 1)) from None


def _sniff_separator(text: str, *, sample: int = 50) -> str:
    """Return the separator among ``;``, tab and ``,`` that fits *text* best.

    The winner splits the first *sample* records (quotes respected) into the
    most fields, and equally many in each; ties go to ``;``, then tab.

    Examples
    --------
    >>> _sniff_separator('naam;"adres, plaats"\\nBieb;"Markt 1, Oss"\\n')
    ';'
    """
    best, best_score = _SEPARATORS[0], (False, 1)
    for separator in _SEPARATORS:
        try:
            rows = list(islice(csv.reader(io.StringIO(text, newline=""),
                                          delimiter=separator), sample))
        except csv.Error:
            continue
        widths = {len(r) for r in rows if r}
        if not widths:
            continue
        header_width = len(rows[0]) if rows[0] else max(widths)
        score = (len(widths) == 1, header_width)
        if header_width > 1 and score > best_score:
            best, best_score = separator, score
    return best


# --------------------------------------------------------------------------- Excel


def _read_excel_rows(path: Path, file: str, sheet: str | int | None):
    """Return (header, data rows) of one sheet; cells keep Excel's types."""
    try:
        book = pd.ExcelFile(path, engine=EXCEL_ENGINE)
    except Exception as exc:  # the Excel readers raise many types for broken files
        raise TableError(Problem(file, t("io.unreadable", error=exc))) from exc
    with book:
        name = _pick_sheet(book.sheet_names, sheet, file)
        raw = pd.read_excel(book, sheet_name=name, header=None, dtype=object,
                            na_filter=False)
    rows = [list(r) for r in raw.itertuples(index=False, name=None)]
    rows = [[None if _is_blank(v) else v for v in r] for r in rows]
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _pick_sheet(names: list[str], sheet: str | int | None, file: str) -> str:
    if sheet is None:
        sheet = 0
    if isinstance(sheet, int) and 0 <= sheet < len(names):
        return names[sheet]
    if isinstance(sheet, str):
        for name in names:
            if _key(name) == _key(sheet):
                return name
    listed = ", ".join(names) or t("io.none_found")
    raise TableError(Problem(file, t("io.unknown_sheet", sheet=sheet, sheets=listed)))


# --------------------------------------------------------------------------- numbers


def to_number(
    values: Iterable[object],
    *,
    column: str,
    file: str = "",
    decimal: str | None = None,
    missing_markers: Iterable[str] = MISSING_MARKERS,
    suppressed_at_or_below: float | None = SUPPRESSED_AT_OR_BELOW,
) -> pd.Series:
    """Convert one column of cells (text or numbers) written the Dutch or English way.

    Accepted: ``1234``, ``-12``, ``1.234,5``, ``1234,5``, ``,5``, ``1,234.5``,
    ``1234.5``, ``1 234,5`` (space/no-break space as thousands separator),
    ``1,5E-3``. Not accepted: ``%``, currency signs, units.

    Per-column rule (``decimal=None``): a value *shows* its decimal mark when
    it has both ``,`` and ``.`` (the last one is decimal), one separator not
    followed by exactly three digits (``1234,5``, ``0.25``) or the same
    separator twice (``1.234.567``: thousands). The mark most values show
    wins; when none shows one (only ``1.234``-like values), it is ``,``
    (Dutch: ``1.234`` is 1234). Values that do not fit the column's notation
    are reported, never guessed.

    Parameters
    ----------
    values : iterable
        Cells; text is parsed, Python/NumPy numbers are kept, empty is missing.
    column, file : str
        Used in problem messages; row numbers are ``position + 2``.
    decimal : {",", "."}, optional
        Force the decimal mark instead of deciding per column.
    missing_markers : iterable of str
        Texts that mean "no value" (default :data:`MISSING_MARKERS`).
    suppressed_at_or_below : float or None
        Numbers at or below this become missing (CBS codes); None keeps them.

    Returns
    -------
    pandas.Series
        Int64 when every value is a whole number written without decimals,
        else float64 (NaN for missing).

    Raises
    ------
    TableError
        One Problem per bad cell (row, field), capped at :data:`MAX_PROBLEMS`.

    Examples
    --------
    >>> to_number(["1.234", "2,5", "x", ""], column="inwoners").tolist()
    [1234.0, 2.5, nan, nan]
    >>> to_number(["1,234.5", "7"], column="km").tolist()
    [1234.5, 7.0]
    """
    series, problems = _parse_numbers(
        list(values), column=column, file=file, decimal=decimal, default_decimal=",",
        missing_markers=missing_markers, suppressed_at_or_below=suppressed_at_or_below)
    if problems:
        raise TableError(_capped(problems, file))
    return series


def _parse_numbers(values, *, column, file, decimal, default_decimal, missing_markers,
                   suppressed_at_or_below):
    """Return (Series, problems) for one column; see :func:`to_number`."""
    markers = set(missing_markers)
    texts = [_number_text(v) for v in values]
    if decimal is None:
        decimal = _column_decimal([x for x in texts if isinstance(x, str)], default_decimal)
    parsed, problems = [], []
    for row, text in enumerate(texts, start=2):
        if text is None or (isinstance(text, str) and (not text or text in markers)):
            parsed.append(None)
            continue
        number = text if not isinstance(text, str) else parse_number(text, decimal)
        if number is None:
            problems.append(Problem(file, _bad_number_message(text, decimal), row=row,
                                    field=column))
            parsed.append(None)
        elif suppressed_at_or_below is not None and number <= suppressed_at_or_below:
            parsed.append(None)
        else:
            parsed.append(number)
    return _number_series(parsed), problems


def _number_text(value: object) -> str | float | int | None:
    """Return a cell as stripped text, a kept number, or None when empty."""
    if _is_blank(value):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return _format_value(value)  # reported as not a number
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(value) if math.isfinite(value) else None


def _bad_number_message(text: str, decimal: str) -> str:
    other = "." if decimal == "," else ","
    if parse_number(text, other) is not None:
        return t("io.mixed_notation", value=text, decimal=decimal)
    return t("io.not_a_number", value=text)


def _number_series(parsed: list[int | float | None]) -> pd.Series:
    present = [p for p in parsed if p is not None]
    if present and all(isinstance(p, int) and abs(p) <= _INT64_MAX for p in present):
        return pd.Series(pd.array(parsed, dtype="Int64"))
    return pd.Series([np.nan if p is None else float(p) for p in parsed], dtype="float64")


def _shown_decimal(text: str) -> str | None:
    """Return the decimal mark a number text shows unambiguously, else None.

    Examples
    --------
    >>> _shown_decimal("1.234,5"), _shown_decimal("0.25"), _shown_decimal("1.234")
    (',', '.', None)
    """
    if not _NUMBER_CHARS.fullmatch(text):
        return None
    mantissa = re.split("[eE]", text.lstrip("+-"))[0]
    commas, dots = mantissa.count(","), mantissa.count(".")
    if commas and dots:
        return "," if mantissa.rfind(",") > mantissa.rfind(".") else "."
    if commas + dots == 0:
        return None
    mark = "," if commas else "."
    if commas + dots > 1:
        return "." if mark == "," else ","  # repeated: thousands separator
    before, after = mantissa.split(mark)
    before = before.strip(_SPACES)
    if re.fullmatch(r"[1-9]\d{0,2}", before) and re.fullmatch(r"\d{3}", after):
        return None  # 1.234 / 1,234: thousands or decimal, cannot tell
    return mark


def _column_decimal(texts: Iterable[str], default: str = ",") -> str:
    """Return the decimal mark most *texts* show (see :func:`_shown_decimal`)."""
    votes = Counter(m for m in map(_shown_decimal, map(_unify_minus, texts)) if m)
    if votes[","] == votes["."]:
        return default
    return "," if votes[","] > votes["."] else "."


def _unify_minus(text: str) -> str:
    for sign in _MINUS_SIGNS:
        text = text.replace(sign, "-")
    return text


def parse_number(text: str, decimal: str = ",") -> int | float | None:
    """Parse one number text with the given decimal mark; None if it is not one.

    Whole numbers written without decimals return ``int``, others ``float``.

    Examples
    --------
    >>> parse_number("1.234,5"), parse_number("1 234"), parse_number("1,5", ".")
    (1234.5, 1234, None)
    """
    match = _number_pattern(decimal).fullmatch(_unify_minus(text.strip()))
    if not match or not (match["int"] or match["frac"]):
        return None
    sign, frac, exp = match["sign"] or "", match["frac"], match["exp"]
    digits = re.sub(r"\D", "", match["int"] or "0")
    if frac is None and exp is None:
        return int(sign + digits)
    return float(f"{sign}{digits}.{frac or '0'}{exp or ''}")


_PATTERNS: dict[str, re.Pattern] = {}


def _number_pattern(decimal: str) -> re.Pattern:
    if decimal not in (",", "."):
        raise ValueError(f"decimal must be ',' or '.', not {decimal!r}")
    if decimal not in _PATTERNS:
        thousands = re.escape("." if decimal == "," else ",")
        group = f"[{thousands}{_SPACES}]"
        _PATTERNS[decimal] = re.compile(
            rf"(?P<sign>[+-])?(?P<int>\d{{1,3}}(?:{group}\d{{3}})+|\d+)?"
            rf"(?:{re.escape(decimal)}(?P<frac>\d+))?(?P<exp>[eE][+-]?\d+)?")
    return _PATTERNS[decimal]


# --------------------------------------------------------------------------- booleans


def to_boolean(values: Iterable[object], *, column: str, file: str = "") -> pd.Series:
    """Convert yes/no cells to pandas ``boolean`` (missing stays missing).

    Accepts :data:`TRUE_WORDS` and :data:`FALSE_WORDS` in any case (``ja``,
    ``nee``, ``WAAR``, ``ONWAAR``, ``true``, ``1``, ...) and real booleans.

    Examples
    --------
    >>> to_boolean(["ja", "Nee", "", "WAAR"], column="actief").tolist()
    [True, False, <NA>, True]
    """
    series, problems = _parse_booleans(list(values), column=column, file=file)
    if problems:
        raise TableError(_capped(problems, file))
    return series


def _parse_booleans(values, *, column, file):
    parsed, problems = [], []
    for row, value in enumerate(values, start=2):
        if isinstance(value, bool | np.bool_):
            parsed.append(bool(value))
            continue
        text = _text(value)
        word = text.casefold() if text else None
        if word is None:
            parsed.append(None)
        elif word in TRUE_WORDS or word in FALSE_WORDS:
            parsed.append(word in TRUE_WORDS)
        else:
            parsed.append(None)
            problems.append(Problem(file, t("io.not_a_boolean", value=text), row=row,
                                    field=column))
    return pd.Series(pd.array(parsed, dtype="boolean")), problems


# --------------------------------------------------------------------------- writing


def write_table(df: pd.DataFrame, path: str | Path, *, backup: bool = True,
                formula_guard: bool = False) -> None:
    """Write *df* as a CSV file that Dutch Excel opens directly.

    Format: ``;`` separator, UTF-8 with BOM, ``\\r\\n`` line ends, quotes only
    where needed, no index. Values:

    * numbers with a decimal comma and no thousands separator: floats always
      show a decimal part (``2,0``, ``0,1``; shortest exact form, never an
      exponent), integers none (``12``) -- so ``read_table(numeric=...)``
      gives back float64 and Int64 columns;
    * booleans as ``ja`` / ``nee`` (read back with ``read_table(boolean=...)``);
    * missing values (None, NaN, NA, NaT) as empty cells;
    * dates as ``2024-03-01``, date-times as ``2024-03-01 09:30:00``;
    * text verbatim. Leading/trailing whitespace and empty text do not survive
      a round trip (``read_table`` strips cells and reads empty as missing).
      Text starting with ``=``, ``+``, ``-`` or ``@`` is *not* escaped against
      formula injection unless *formula_guard* is set: the route's own files
      are data for routekit and must round-trip exactly.

    Parameters
    ----------
    df : pandas.DataFrame
        Not modified. Column names must be unique.
    path : str or Path
        Target file; written atomically via :mod:`routekit.storage`.
    backup : bool, default True
        Keep the previous version in ``.backup/``.
    formula_guard : bool, default False
        Put ``'`` before text cells a spreadsheet would run as a formula
        (:func:`formula_safe`): set it for exports meant for other people or
        programs, never for the route's own files.

    Raises
    ------
    TableError
        When column names repeat.
    ValueError
        For infinite numbers, which have no CSV form here.

    Examples
    --------
    >>> from pathlib import Path
    >>> write_table(pd.DataFrame({"a": [1.5, None], "b": [True, False]}), "x.csv")
    >>> Path("x.csv").read_bytes()
    b'\\xef\\xbb\\xbfa;b\\r\\n1,5;ja\\r\\n;nee\\r\\n'
    """
    file = display_name(path)
    names = [str(c) for c in df.columns]
    counts = Counter(names)
    repeated = [n for n in counts if counts[n] > 1]
    if repeated:
        raise TableError([Problem(file, t("io.duplicate_column", column=n, count=counts[n]),
                                  row=1, field=n) for n in repeated])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", quotechar='"', lineterminator="\r\n")
    writer.writerow(names)
    columns = [df.iloc[:, i].tolist() for i in range(df.shape[1])]
    cell = (lambda v: formula_safe(_format_value(v))) if formula_guard else _format_value
    for row in zip(*columns, strict=True):
        writer.writerow(["" if _is_missing(v) else cell(v) for v in row])
    atomic_write_text(path, buffer.getvalue(), encoding="utf-8-sig", backup=backup)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float | np.floating) and math.isnan(value)


def _format_value(value: object) -> str:
    """Return the text routekit writes for one (non-missing) value."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return "ja" if value else "nee"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        if not math.isfinite(value):
            raise ValueError(f"cannot write the number {value!r}")
        return np.format_float_positional(value, unique=True, trim="0").replace(".", ",")
    if isinstance(value, datetime | pd.Timestamp):
        if value.time() == time(0) and not value.tzinfo:
            return value.strftime("%Y-%m-%d")
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


# --------------------------------------------------------------------------- formula guard


def formula_safe(value: object) -> object:
    """*value* made safe for a CSV export: text a spreadsheet would run gets a leading ``'``.

    Numbers and other values are returned unchanged (``-5`` stays a number).

    Examples
    --------
    >>> formula_safe("=1+1"), formula_safe("-5"), formula_safe(-5)
    ("'=1+1", "'-5", -5)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def excel_cell(cell, value: object) -> None:
    """Put *value* into an openpyxl *cell* so Excel never runs it as a formula.

    Text starting with :data:`FORMULA_START` is stored as text with Excel's
    quote prefix: it shows and reads back unchanged, but is never a formula.

    Examples
    --------
    >>> from openpyxl import Workbook
    >>> sheet = Workbook().active
    >>> excel_cell(sheet["A1"], "=1+1")
    >>> sheet["A1"].value, sheet["A1"].data_type, sheet["A1"].quotePrefix
    ('=1+1', 's', True)
    """
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_START):
        cell.data_type = "s"
        cell.quotePrefix = True
