"""Tests for routekit.io: reading user tables and routekit's own CSV files."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routekit.errors import TableError
from routekit.io import (
    MAX_PROBLEMS,
    parse_number,
    read_table,
    to_boolean,
    to_number,
    write_table,
)


def write_bytes(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def problems_of(excinfo) -> list:
    return excinfo.value.problems


# --------------------------------------------------------------------------- separators


@pytest.mark.parametrize(
    "text",
    [
        "naam;plaats\nBieb;Oss\nZorg;Uden\n",
        "naam,plaats\nBieb,Oss\nZorg,Uden\n",
        "naam\tplaats\nBieb\tOss\nZorg\tUden\n",
        "naam;plaats\r\nBieb;Oss\r\nZorg;Uden\r\n",
    ],
    ids=["semicolon", "comma", "tab", "crlf"],
)
def test_separator_detected(tmp_path, text):
    path = write_bytes(tmp_path, "t.csv", text.encode())
    df = read_table(path, required=["naam", "plaats"])
    assert list(df.columns) == ["naam", "plaats"]
    assert df["plaats"].tolist() == ["Oss", "Uden"]


def test_separator_robust_to_quoted_commas(tmp_path):
    text = 'naam;adres\n"Bieb, centrum";"Markt 1, Oss"\n"A, B";"C, D"\n'
    df = read_table(write_bytes(tmp_path, "t.csv", text.encode()))
    assert df["adres"].tolist() == ["Markt 1, Oss", "C, D"]


def test_comma_file_with_quoted_semicolons(tmp_path):
    text = 'naam,notitie\nBieb,"a;b"\nZorg,"c;d"\n'
    df = read_table(write_bytes(tmp_path, "t.csv", text.encode()))
    assert df["notitie"].tolist() == ["a;b", "c;d"]


def test_tsv_and_txt(tmp_path):
    tsv = read_table(write_bytes(tmp_path, "t.tsv", b"a\tb\n1,5\t2\n"))
    assert tsv["a"].tolist() == ["1,5"]
    txt = read_table(write_bytes(tmp_path, "t.txt", b"a;b\n1;2\n"))
    assert txt["b"].tolist() == ["2"]


def test_excel_sep_hint_line(tmp_path):
    df = read_table(write_bytes(tmp_path, "t.csv", b"sep=,\na,b\n1;2,3\n"))
    assert df["a"].tolist() == ["1;2"]


# --------------------------------------------------------------------------- encodings


def test_utf8_bom(tmp_path):
    path = write_bytes(tmp_path, "t.csv", "\ufeffnaam;plaats\nCafé;Eindhoven\n".encode())
    df = read_table(path, required=["naam"])
    assert df["naam"].tolist() == ["Café"]


def test_utf8_without_bom(tmp_path):
    path = write_bytes(tmp_path, "t.csv", "naam;prijs\nCoöperatie;€ 5\n".encode())
    assert read_table(path)["naam"].tolist() == ["Coöperatie"]


def test_cp1252(tmp_path):
    data = "naam;notitie\nPoëzie;café € 5\n".encode("cp1252")
    assert b"\xeb" in data and b"\x80" in data  # real cp1252 bytes for ë and €
    df = read_table(write_bytes(tmp_path, "t.csv", data))
    assert df.loc[0, "naam"] == "Poëzie"
    assert df.loc[0, "notitie"] == "café € 5"


def test_utf16_unicode_text_export(tmp_path):
    data = "naam\tplaats\nPoëzie\tOss\n".encode("utf-16")
    df = read_table(write_bytes(tmp_path, "t.txt", data))
    assert df["naam"].tolist() == ["Poëzie"]


# --------------------------------------------------------------------------- header


def test_header_with_bom_case_and_spaces_matched(tmp_path):
    text = "\ufeff  Naam ; PLAATS  ;Aantal  leden\nBieb;Oss;3\n"
    path = write_bytes(tmp_path, "t.csv", text.encode())
    df = read_table(path, required=["naam", "plaats", "aantal leden"], numeric=["aantal leden"])
    assert list(df.columns) == ["naam", "plaats", "aantal leden"]
    assert df["aantal leden"].tolist() == [3]


def test_bom_inside_header_after_cp1252_guess(tmp_path):
    # A UTF-8 BOM written twice (file concatenation) is still ignored in names.
    data = b"\xef\xbb\xbf" + "\ufeffnaam;x\nA;1\n".encode()
    assert list(read_table(write_bytes(tmp_path, "t.csv", data)).columns) == ["naam", "x"]


def test_rename_applied_before_checks(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"Naam organisatie;Invloed\nBieb;3\n")
    df = read_table(path, required=["name", "influence"],
                    rename={"naam organisatie": "name", "INVLOED": "influence"})
    assert list(df.columns) == ["name", "influence"]


def test_missing_column_names_file_and_column(tmp_path):
    path = write_bytes(tmp_path, "stakeholders.csv", b"naam;plaats\nBieb;Oss\n")
    with pytest.raises(TableError) as excinfo:
        read_table(path, required=["naam", "invloed", "belang"])
    message = str(excinfo.value)
    assert "stakeholders.csv" in message
    assert "invloed" in message and "belang" in message
    assert "naam, plaats" in message  # the columns that were found
    assert len(problems_of(excinfo)) == 2
    assert isinstance(excinfo.value, ValueError)


def test_unknown_columns_reported_when_not_allowed(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"naam;extra;plaats\nBieb;1;Oss\n")
    assert "extra" in read_table(path, required=["naam"]).columns
    with pytest.raises(TableError) as excinfo:
        read_table(path, required=["naam"], optional=["plaats"], allow_extra=False)
    [problem] = problems_of(excinfo)
    assert problem.field == "extra" and problem.row == 1


def test_duplicate_header_reported(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"naam;Naam ;plaats\nA;B;C\n")
    with pytest.raises(TableError) as excinfo:
        read_table(path)
    [problem] = problems_of(excinfo)
    assert problem.field == "naam" and "2" in problem.message


def test_optional_columns_added_when_absent(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"naam\nA\n")
    df = read_table(path, optional=["plaats", "leden"], numeric=["leden"])
    assert df["plaats"].isna().all() and pd.api.types.is_string_dtype(df["plaats"])
    assert df["leden"].dtype == "float64"


def test_strings_stripped_and_empty_is_missing(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"a;b\n  x  ;\n;  \nz;\n")
    df = read_table(path)
    assert pd.api.types.is_string_dtype(df["a"]) and pd.api.types.is_string_dtype(df["b"])
    assert df["a"].tolist()[0] == "x"
    assert df["a"].isna().tolist() == [False, True, False]  # blank row kept in between
    assert df["b"].isna().all()


def test_empty_columns_and_final_blank_lines_dropped_empty_rows_kept(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"a;b;;\n1;2;;\n;;;\n\n\n")
    df = read_table(path)
    assert list(df.columns) == ["a", "b"] and len(df) == 2
    assert df.loc[1].isna().all()


def test_row_longer_than_header_reported(tmp_path):
    path = write_bytes(tmp_path, "t.csv", b"a;b\n1;2\n1;2;3\n")
    with pytest.raises(TableError) as excinfo:
        read_table(path)
    assert problems_of(excinfo)[0].row == 3


def test_unsupported_and_missing_files(tmp_path):
    with pytest.raises(TableError, match="docx"):
        read_table(tmp_path / "x.docx")
    with pytest.raises(TableError, match="niet gevonden"):
        read_table(tmp_path / "x.csv")


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["1.234,5", "1234,5", "7"], [1234.5, 1234.5, 7.0]),  # Dutch
        (["1,234.5", "1234.5", "7"], [1234.5, 1234.5, 7.0]),  # English
        (["1.234", "12.345.678"], [1234, 12345678]),  # Dutch thousands
        (["1,234", "1,5"], [1.234, 1.5]),  # Dutch decimals
        (["0.25", "1,234"], [0.25, 1234.0]),  # English thousands
        (["1 234,5", "\u22123", "+2"], [1234.5, -3.0, 2.0]),
        ([",5", "1,5E-3"], [0.5, 0.0015]),
    ],
)
def test_to_number_notations(values, expected):
    assert to_number(values, column="c").tolist() == pytest.approx(expected)


def test_ambiguous_column_defaults_to_dutch():
    series = to_number(["1.234", "2.500"], column="c")
    assert series.tolist() == [1234, 2500] and series.dtype == "Int64"
    assert to_number(["1.234"], column="c", decimal=".").tolist() == [1.234]


def test_whole_numbers_become_int64_others_float64():
    assert to_number(["1", "2", ""], column="c").dtype == "Int64"
    assert to_number(["1", "2,0"], column="c").dtype == "float64"


def test_parse_number_rejects_junk():
    for text in ["12%", "€ 5", "1,2,3,4", "abc", "1.23.4", "--1", "1e", ""]:
        assert parse_number(text, ",") is None, text


def test_numeric_columns_in_read_table(tmp_path):
    text = "buurt;inwoners;dichtheid\nCentrum;1.234;12,5\nNoord;567;8\n"
    df = read_table(write_bytes(tmp_path, "t.csv", text.encode()),
                    numeric=["inwoners", "dichtheid"])
    assert df["inwoners"].dtype == "Int64" and df["inwoners"].tolist() == [1234, 567]
    assert df["dichtheid"].dtype == "float64" and df["dichtheid"].tolist() == [12.5, 8.0]


def test_comma_separated_file_defaults_to_english_decimal(tmp_path):
    text = 'a,b\n"1,234",1.250\n'
    df = read_table(write_bytes(tmp_path, "t.csv", text.encode()), numeric=["a", "b"])
    assert df["a"].tolist() == [1234] and df["b"].tolist() == [1.25]


def test_bad_number_names_file_row_and_field(tmp_path):
    text = "buurt;inwoners\nA;10\nB;tien\nC;12\nD;?\n"
    path = write_bytes(tmp_path, "buurten.csv", text.encode())
    with pytest.raises(TableError) as excinfo:
        read_table(path, numeric=["inwoners"])
    [problem] = problems_of(excinfo)
    assert (problem.file, problem.row, problem.field) == ("buurten.csv", 3, "inwoners")
    assert "tien" in problem.message
    assert "buurten.csv, rij 3, veld inwoners" in str(excinfo.value)


def test_mixed_notation_is_reported_not_guessed():
    with pytest.raises(TableError) as excinfo:
        to_number(["1,5", "2,5", "3.5"], column="c", file="f.csv")
    [problem] = problems_of(excinfo)
    assert problem.row == 4 and "3.5" in problem.message


def test_many_bad_numbers_are_capped():
    with pytest.raises(TableError) as excinfo:
        to_number([f"fout{i}" for i in range(30)], column="c", file="f.csv")
    problems = problems_of(excinfo)
    assert len(problems) == MAX_PROBLEMS + 1
    assert "10" in problems[-1].message  # "en nog 10 problemen"


def test_cbs_suppressed_values_become_missing(tmp_path):
    text = "wijk;inkomen;aantal\nA;.;x\nB;-99997;-\nC;12,5;?\nD;-99995,0;3\n"
    df = read_table(write_bytes(tmp_path, "kwb.csv", text.encode()),
                    numeric=["inkomen", "aantal"])
    assert df["inkomen"].isna().tolist() == [True, True, False, True]
    assert df["inkomen"][2] == 12.5
    assert df["aantal"].isna().tolist() == [True, True, True, False]
    assert df["aantal"].dtype == "Int64"


def test_missing_markers_are_an_option():
    with pytest.raises(TableError):
        to_number(["x"], column="c", missing_markers=())
    kept = to_number(["-99997"], column="c", suppressed_at_or_below=None)
    assert kept.tolist() == [-99997]


def test_markers_do_not_touch_text_columns(tmp_path):
    df = read_table(write_bytes(tmp_path, "t.csv", b"a;b\nx;-\n"))
    assert df.loc[0].tolist() == ["x", "-"]


# --------------------------------------------------------------------------- booleans


def test_booleans(tmp_path):
    assert to_boolean(["ja", "NEE", "waar", "Onwaar", "1", "0", None], column="b").tolist() == [
        True, False, True, False, True, False, pd.NA]
    with pytest.raises(TableError) as excinfo:
        to_boolean(["ja", "misschien"], column="actief", file="f.csv")
    [problem] = problems_of(excinfo)
    assert (problem.row, problem.field) == (3, "actief")


# --------------------------------------------------------------------------- Excel


def make_workbook(path, sheets: dict[str, list[list]]):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx(tmp_path):
    path = make_workbook(tmp_path / "partners.xlsx", {
        "Intro": [["Lees mij"]],
        "Partners": [[" Naam ", "Invloed", "Leden", "Postcode", "Actief"],
                     ["Bieb", 3, "1.234", 5211, True],
                     ["Zorg", 4.5, 12, "5212 AB", False],
                     [None, None, None, None, None]],
    })
    df = read_table(path, sheet="partners", required=["naam"],
                    numeric=["invloed", "leden"], boolean=["actief"])
    assert df["naam"].tolist() == ["Bieb", "Zorg"]
    assert df["invloed"].tolist() == [3.0, 4.5]  # names as given in numeric=
    assert df["leden"].tolist() == [1234, 12] and df["leden"].dtype == "Int64"
    assert df["Postcode"].tolist() == ["5211", "5212 AB"]  # extra column keeps its name
    assert df["actief"].tolist() == [True, False]
    assert read_table(path, sheet=1)["Naam"].tolist() == ["Bieb", "Zorg"]
    assert list(read_table(path).columns) == ["Lees mij"]


def test_xlsx_unknown_sheet_lists_sheets(tmp_path):
    path = make_workbook(tmp_path / "p.xlsx", {"Intro": [["a"]], "Partners": [["b"]]})
    with pytest.raises(TableError) as excinfo:
        read_table(path, sheet="Blad1")
    message = str(excinfo.value)
    assert "p.xlsx" in message and "Blad1" in message and "Intro, Partners" in message


def test_xlsx_bad_number_row(tmp_path):
    path = make_workbook(tmp_path / "p.xlsx", {"S": [["naam", "n"], ["a", 1], ["b", "veel"]]})
    with pytest.raises(TableError) as excinfo:
        read_table(path, numeric=["n"])
    [problem] = problems_of(excinfo)
    assert (problem.file, problem.row, problem.field) == ("p.xlsx", 3, "n")


# --------------------------------------------------------------------------- writing


def test_write_table_format(tmp_path):
    df = pd.DataFrame({
        "naam": ["Café; \"De Hoek\"", None],
        "score": [1234.5, np.nan],
        "aantal": pd.array([3, None], dtype="Int64"),
        "actief": [True, False],
    })
    path = tmp_path / "uit.csv"
    write_table(df, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "naam;score;aantal;actief"
    assert text.splitlines()[1] == '"Café; ""De Hoek""";1234,5;3;ja'
    assert text.splitlines()[2] == ";;;nee"


def test_write_table_does_not_modify_callers_frame(tmp_path):
    df = pd.DataFrame({"a": [1.5, None], "b": ["x", "y"], "c": [True, False]})
    before = df.copy(deep=True)
    write_table(df, tmp_path / "x.csv")
    pd.testing.assert_frame_equal(df, before)


def test_write_table_keeps_backup(tmp_path):
    path = tmp_path / "x.csv"
    write_table(pd.DataFrame({"a": [1]}), path)
    write_table(pd.DataFrame({"a": [2]}), path)
    assert [p.suffix for p in (tmp_path / ".backup").iterdir()] == [".csv"]
    write_table(pd.DataFrame({"a": [3]}), path, backup=False)
    assert len(list((tmp_path / ".backup").iterdir())) == 1


def test_write_table_rejects_duplicate_columns_and_infinity(tmp_path):
    with pytest.raises(TableError):
        write_table(pd.DataFrame([[1, 2]], columns=["a", "a"]), tmp_path / "x.csv")
    with pytest.raises(ValueError):
        write_table(pd.DataFrame({"a": [math.inf]}), tmp_path / "y.csv")


def test_round_trip_fixed(tmp_path):
    df = pd.DataFrame({
        "tekst": pd.Series(["a;b", 'zei "hoi"', "regel 1\nregel 2", "ëéü€", None],
                           dtype="str"),
        "getal": [0.1, -2.0, 1e-7, 123456789.125, np.nan],
        "geheel": pd.array([1, -2, 0, 10**12, None], dtype="Int64"),
        "vlag": pd.array([True, False, None, True, False], dtype="boolean"),
    })
    path = tmp_path / "rt.csv"
    write_table(df, path)
    back = read_table(path, numeric=["getal", "geheel"], boolean=["vlag"])
    pd.testing.assert_frame_equal(back, df)


def _cleaned(texts):
    return pd.Series([(x.strip() or None) if x is not None else None for x in texts],
                     dtype="str")


text_cells = st.one_of(st.none(), st.text(st.characters(exclude_categories=("Cs",)),
                                          max_size=20))
float_cells = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
int_cells = st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(text_cells, float_cells, st.one_of(st.none(), int_cells),
                               st.one_of(st.none(), st.booleans())),
                     min_size=1, max_size=8),
       anchor=int_cells)
def test_round_trip_random(tmp_path, rows, anchor):
    texts, floats, ints, flags = (list(c) for c in zip(*rows, strict=True))
    df = pd.DataFrame({
        "tekst": pd.Series(texts, dtype="object"),
        "getal": pd.Series([np.nan if f is None else f for f in floats], dtype="float64"),
        "geheel": pd.array([anchor, *ints[1:]], dtype="Int64"),  # never all missing
        "vlag": pd.array(flags, dtype="boolean"),
    })
    path = tmp_path / "rt.csv"
    write_table(df, path, backup=False)
    back = read_table(path, numeric=["getal", "geheel"], boolean=["vlag"],
                      suppressed_at_or_below=None)
    expected = df.assign(tekst=_cleaned(texts))
    pd.testing.assert_frame_equal(back, expected)


def test_round_trip_single_column_with_missing(tmp_path):
    df = pd.DataFrame({"x": pd.Series(["a", None, "b", None], dtype="str")})
    write_table(df, tmp_path / "one.csv")
    pd.testing.assert_frame_equal(read_table(tmp_path / "one.csv"), df)
