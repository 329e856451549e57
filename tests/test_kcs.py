"""Tests for factcheck.kcs: KCS API files (XML and CSV) -> reference figures.

Every file here is written by the test itself with `synthetic_kcs_xml` / `synthetic_kcs_csv`:
synthetic data in the shape of the KCS open API, never real statistics.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import DataError
from factcheck.kcs import read_kcs_file
from factcheck.models import Figure

ALBUMS_HS = "8523491040"
METRIC_FOR_HS = {ALBUMS_HS: "albums"}
PARTNERS = frozenset({"WORLD", "JP", "US", "CN", "TW"})
URL = "https://www.data.go.kr/data/15100475/openapi.do"
RELEASED = date(2024, 2, 15)
COLUMNS = (
    "balPayments", "expDlr", "expWgt", "hsCd", "impDlr",
    "impWgt", "statCd", "statCdCntnKor1", "statKor", "year",
)  # fmt: skip
KOREAN_NAMES = {"JP": "일본", "US": "미국", "CN": "중국", "TW": "대만", "": "전체"}
XML_FIRST_ITEM_LINE = 4  # see synthetic_kcs_xml
CSV_FIRST_ROW_LINE = 2  # see synthetic_kcs_csv


# -- synthetic KCS files -----------------------------------------------------------------------


def kcs_row(
    partner: str = "JP",
    dollars: str = "7012345",
    year: str = "2024.01",
    hs: str = ALBUMS_HS,
    **other: str,
) -> dict[str, str]:
    """One synthetic row with every KCS column (statCd, expDlr, year, hsCd, ...).

    `other` overrides or adds columns by their KCS names.
    """
    row = {
        "balPayments": "1000",
        "expDlr": dollars,
        "expWgt": "1234",
        "hsCd": hs,
        "impDlr": "1000",
        "impWgt": "56",
        "statCd": partner,
        "statCdCntnKor1": KOREAN_NAMES.get(partner, "기타"),
        "statKor": "음반",
        "year": year,
    }
    return row | other


def total_row(dollars: str = "99999999") -> dict[str, str]:
    """The 총계 row KCS appends: a total over every month queried, with '-' placeholders."""
    return kcs_row("-", dollars, "총계", "-", statCdCntnKor1="-", statKor="-")


def synthetic_kcs_xml(
    rows: Iterable[Mapping[str, str]],
    *,
    result_code: str = "00",
    result_msg: str = "NORMAL SERVICE.",
) -> str:
    """A synthetic KCS API XML response: row i (from 0) is an <item> on line 4 + i.

    A column missing from a row is an element missing from its <item>.
    """
    items = [
        "<item>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in row.items()) + "</item>"
        for row in rows
    ]
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            f"<response><header><resultCode>{result_code}</resultCode>"
            f"<resultMsg>{result_msg}</resultMsg></header>",
            "<body><items>",
            *items,
            f"</items><numOfRows>{len(items)}</numOfRows><pageNo>1</pageNo>"
            f"<totalCount>{len(items)}</totalCount></body></response>",
            "",
        ]
    )


def synthetic_kcs_csv(
    rows: Iterable[Mapping[str, str]], columns: Iterable[str] = COLUMNS, newline: str = "\n"
) -> str:
    """The same rows as a synthetic KCS CSV: a header on line 1, row i (from 0) on line 2 + i."""
    names = list(columns)
    lines = [",".join(names), *(",".join(row.get(c, "") for c in names) for row in rows)]
    return newline.join(lines) + newline


def read(path: Path) -> list[Figure]:
    return read_kcs_file(
        path,
        metric_for_hs=METRIC_FOR_HS,
        partners=PARTNERS,
        vintage="preliminary",
        released=RELEASED,
        source_url=URL,
    )


def write(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def figure(partner: str, value: int, note: str, period: str = "2024-01") -> Figure:
    return Figure(
        metric="albums",
        partner=partner,
        period=period,
        measure="value",
        value=Decimal(value),
        unit="USD",
        vintage="preliminary",
        released=RELEASED,
        source_url=URL,
        note=note,
    )


JANUARY = [
    kcs_row("JP", "7012345"),
    kcs_row("US", "1234567"),
    kcs_row("CN", "2000000"),
    total_row(),
]


# -- good files ----------------------------------------------------------------------------------


def test_partners_and_world_sum_with_total_row_skipped(tmp_path: Path) -> None:
    figures = read(write(tmp_path / "kcs.xml", synthetic_kcs_xml(JANUARY)))
    assert figures == [
        figure("CN", 2000000, "imported from kcs.xml: 음반 (중국)"),
        figure("JP", 7012345, "imported from kcs.xml: 음반 (일본)"),
        figure("US", 1234567, "imported from kcs.xml: 음반 (미국)"),
        figure("WORLD", 10246912, "imported from kcs.xml: 음반 (sum of 3 partner rows)"),
    ]


@pytest.mark.parametrize(
    ("code", "name"),
    [
        pytest.param("", "전체", id="empty-code"),
        pytest.param("ZZ", "기타", id="ZZ"),
        pytest.param("WORLD", "세계", id="WORLD"),
        pytest.param("-", "총계", id="name-총계"),
        pytest.param("", "합계", id="name-합계"),
    ],
)
def test_world_row_in_the_file_is_used_as_given(tmp_path: Path, code: str, name: str) -> None:
    rows = [*JANUARY, kcs_row(code, "20000000", statCdCntnKor1=name)]
    figures = read(write(tmp_path / "kcs.xml", synthetic_kcs_xml(rows)))
    world = [f for f in figures if f.partner == "WORLD"]
    assert world == [figure("WORLD", 20000000, f"imported from kcs.xml: 음반 ({name})")]
    assert len(figures) == 4


def test_world_is_decided_per_month(tmp_path: Path) -> None:
    rows = [
        kcs_row("JP", "5", "2024.01"),
        kcs_row("", "100", "2024.01"),
        kcs_row("JP", "7", "2024.02"),
        kcs_row("US", "8", "2024.02"),
    ]
    figures = read(write(tmp_path / "kcs.xml", synthetic_kcs_xml(rows)))
    world = {f.period: f.value for f in figures if f.partner == "WORLD"}
    assert world == {"2024-01": Decimal(100), "2024-02": Decimal(15)}


def test_hs_codes_of_one_metric_are_added_up(tmp_path: Path) -> None:
    rows = [kcs_row("JP", "10", hs="1111111111"), kcs_row("JP", "5", hs="2222222222")]
    path = write(tmp_path / "kcs.xml", synthetic_kcs_xml(rows))
    figures = read_kcs_file(
        path,
        metric_for_hs={"1111111111": "both", "2222222222": "both"},
        partners=PARTNERS,
        vintage="revised",
        released=None,
        source_url=URL,
    )
    assert [(f.metric, f.partner, f.value) for f in figures] == [
        ("both", "JP", Decimal(15)),
        ("both", "WORLD", Decimal(15)),
    ]
    assert figures[0].note == "imported from kcs.xml: 음반 (일본) + 음반 (일본)"


def test_precision_is_kept(tmp_path: Path) -> None:
    big = "123456789012345678901234567890"
    rows = [kcs_row("JP", big), kcs_row("US", "1")]
    figures = read(write(tmp_path / "kcs.xml", synthetic_kcs_xml(rows)))
    assert figures[-1].value == Decimal(big) + 1


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        pytest.param("utf-8", "\n", id="utf-8"),
        pytest.param("utf-8-sig", "\r\n", id="utf-8-bom-crlf"),
        pytest.param("cp949", "\r\n", id="cp949-crlf"),
    ],
)
def test_csv_gives_the_same_figures_as_xml(tmp_path: Path, encoding: str, newline: str) -> None:
    # Same file name, no telling suffix: the notes match, and the format is read from content.
    (tmp_path / "xml").mkdir()
    (tmp_path / "csv").mkdir()
    xml = write(tmp_path / "xml" / "kcs-2024-01", synthetic_kcs_xml(JANUARY))
    text = synthetic_kcs_csv(JANUARY, reversed(COLUMNS), newline)
    csv = write(tmp_path / "csv" / "kcs-2024-01", text.encode(encoding))
    assert read(csv) == read(xml)
    assert len(read(csv)) == 4


def test_csv_with_only_the_required_columns(tmp_path: Path) -> None:
    text = synthetic_kcs_csv(JANUARY, ["year", "statCd", "hsCd", "expDlr"])
    figures = read(write(tmp_path / "kcs.csv", text))
    assert figures[0].note == f"imported from kcs.csv: {ALBUMS_HS}"  # no statKor: the code
    assert figures[-1].value == Decimal(10246912)


def test_xml_may_be_pretty_printed_and_have_a_bom(tmp_path: Path) -> None:
    (tmp_path / "pretty").mkdir()
    pretty = synthetic_kcs_xml(JANUARY).replace("><", ">\n  <")
    path = write(tmp_path / "pretty" / "kcs.xml", b"\xef\xbb\xbf" + pretty.encode())
    assert read(path) == read(write(tmp_path / "kcs.xml", synthetic_kcs_xml(JANUARY)))


def test_reading_twice_gives_identical_lists(tmp_path: Path) -> None:
    path = write(tmp_path / "kcs.xml", synthetic_kcs_xml(JANUARY))
    assert read(path) == read(path)


# -- bad files -----------------------------------------------------------------------------------

GOOD = [kcs_row("JP"), kcs_row("US")]
XML_BAD = XML_FIRST_ITEM_LINE + len(GOOD)  # the line of a bad row put after GOOD
CSV_BAD = CSV_FIRST_ROW_LINE + len(GOOD)


def xml_with(row: Mapping[str, str]) -> str:
    return synthetic_kcs_xml([*GOOD, row])


def csv_with(row: Mapping[str, str]) -> str:
    return synthetic_kcs_csv([*GOOD, row])


def broken_item_xml() -> str:
    lines = xml_with(kcs_row()).split("\n")
    lines[XML_BAD - 1] = "<item><year>2024.01</yr></item>"
    return "\n".join(lines)


def missing_element(column: str) -> dict[str, str]:
    row = kcs_row("CN")
    del row[column]
    return row


GATEWAY_ERROR = """<OpenAPI_ServiceResponse>
<cmmMsgHeader><errMsg>SERVICE ERROR</errMsg>
<returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg>
<returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>
"""

BAD_FILES = [
    # -- structure
    pytest.param("kcs.xml", broken_item_xml(), XML_BAD, ["mismatched tag"], id="xml-malformed"),
    pytest.param(
        "kcs.xml",
        synthetic_kcs_xml(GOOD).replace("UTF-8", "EUC-KR"),
        1,
        ["'EUC-KR'", "UTF-8"],
        id="xml-declares-euc-kr",
    ),
    pytest.param(
        "kcs.xml",
        '<?xml version="1.0"?>\n<!DOCTYPE response [<!ENTITY a "b">]>\n<response/>',
        2,
        ["DOCTYPE"],
        id="xml-doctype",
    ),
    pytest.param("kcs.xml", "<html>\n</html>", 1, ["<html>"], id="xml-not-a-response"),
    pytest.param(
        "kcs.xml",
        synthetic_kcs_xml(GOOD, result_code="99", result_msg="LIMITED NUMBER OF SERVICE"),
        2,
        ["resultCode '99'", "'LIMITED NUMBER OF SERVICE'", "'00'"],
        id="xml-result-code",
    ),
    pytest.param(
        "kcs.xml",
        GATEWAY_ERROR,
        4,
        ["returnReasonCode '30'", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"],
        id="xml-gateway-error",
    ),
    pytest.param(
        "kcs.xml", xml_with(missing_element("expDlr")), XML_BAD, ["no expDlr"], id="xml-no-expDlr"
    ),
    pytest.param(
        "kcs.xml", xml_with(missing_element("year")), XML_BAD, ["no year"], id="xml-no-year"
    ),
    pytest.param(
        "kcs.csv",
        csv_with(kcs_row()).replace("음반,2024.01\n", "음반,2024.01,extra\n", 1),
        CSV_FIRST_ROW_LINE,
        ["11 fields", "expected 10"],
        id="csv-extra-field",
    ),
    pytest.param(
        "kcs.xml",
        "\n" + synthetic_kcs_xml(GOOD),
        2,
        ["XML or text declaration not at start"],
        id="xml-blank-line-before-declaration",
    ),
    pytest.param(
        "kcs.csv",
        "statCd,year,hsCd,expDlr,statKor\n"
        'JP,2024.01,8523491040,1,"음\n반"\n'  # one row on lines 2 and 3
        "XX,2024.01,8523491040,1,음반\n",
        4,
        ["'XX'"],
        id="csv-line-after-quoted-newline",
    ),
    pytest.param(
        "kcs.csv",
        synthetic_kcs_csv(GOOD, [c for c in COLUMNS if c != "expDlr"]),
        1,
        ["lacks 'expDlr'"],
        id="csv-missing-column",
    ),
    pytest.param(
        "kcs.csv",
        synthetic_kcs_csv(GOOD, [*COLUMNS, "year"]),
        1,
        ["repeats 'year'"],
        id="csv-repeated-column",
    ),
    pytest.param(
        "kcs.csv",
        b"year,statCd,hsCd,expDlr\n2024.01,JP,\xff\xff,1\n",
        2,
        ["b'\\xff'", "UTF-8 or cp949"],
        id="csv-undecodable",
    ),
    pytest.param(
        "kcs.csv",
        'year,statCd,hsCd,expDlr\n2024.01,JP,"' + "9" * 200_000 + '",1\n',
        2,
        ["field larger than field limit"],
        id="csv-field-too-long",
    ),
    # -- values
    *(
        pytest.param(
            "kcs.xml",
            xml_with(kcs_row(year=year)),
            XML_BAD,
            [f"impossible period {year!r}", "YYYY.MM"],
            id=f"period-{year or 'empty'}",
        )
        for year in ("2024.13", "2024.00", "24.01", "2024-01", "2024", "")
    ),
    pytest.param(
        "kcs.csv",
        csv_with(kcs_row(year="2024.13")),
        CSV_BAD,
        ["'2024.13'"],
        id="csv-period-2024.13",
    ),
    pytest.param(
        "kcs.xml",
        xml_with(kcs_row(hs="8523491090")),
        XML_BAD,
        ["'8523491090'", "reference/metrics.csv column hs_code", ALBUMS_HS],
        id="unknown-hs-code",
    ),
    pytest.param(
        "kcs.xml",
        xml_with(kcs_row("XX")),
        XML_BAD,
        ["unknown partner code 'XX' in statCd", "alpha-2", "reference/partners.csv"],
        id="unknown-partner",
    ),
    pytest.param("kcs.csv", csv_with(kcs_row("jp")), CSV_BAD, ["'jp'"], id="csv-lowercase-partner"),
    *(
        pytest.param(
            "kcs.xml",
            xml_with(kcs_row("CN", value)),
            XML_BAD,
            [f"bad export value {value!r} in expDlr", "whole number"],
            id=f"expDlr-{label}",
        )
        for label, value in [
            ("text", "12a"),
            ("negative", "-5"),
            ("commas", "1,234"),
            ("decimal", "7012345.5"),
            ("empty", ""),
            ("arabic-digits", "١٢"),
        ]
    ),
    pytest.param(
        "kcs.xml",
        xml_with(kcs_row("JP", "1")),
        XML_BAD,
        ["duplicate row", "'2024.01'", "'JP'", ALBUMS_HS, f"first on line {XML_FIRST_ITEM_LINE}"],
        id="duplicate-row",
    ),
    pytest.param(
        "kcs.csv",
        synthetic_kcs_csv([*GOOD, kcs_row(""), kcs_row("ZZ")]),
        CSV_BAD + 1,
        ["duplicate row", "'WORLD'", f"first on line {CSV_BAD}"],
        id="csv-two-world-rows",
    ),
]


@pytest.mark.parametrize(("name", "content", "line", "quoted"), BAD_FILES)
def test_bad_file_names_file_line_and_value(
    tmp_path: Path, name: str, content: str | bytes, line: int, quoted: list[str]
) -> None:
    with pytest.raises(DataError) as raised:
        read(write(tmp_path / name, content))
    message = str(raised.value)
    assert message.startswith(f"{tmp_path / name}:{line}: ")
    assert (raised.value.path, raised.value.line) == (str(tmp_path / name), line)
    for fragment in quoted:
        assert fragment in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("kcs.xml", b"", id="empty"),
        pytest.param("kcs.xml", b" \r\n\t\n", id="whitespace"),
        pytest.param("kcs.csv", b"\xef\xbb\xbf", id="bom-only"),
        pytest.param("kcs.xml", synthetic_kcs_xml([]), id="xml-no-items"),
        pytest.param("kcs.xml", synthetic_kcs_xml([total_row()]), id="xml-total-only"),
        pytest.param("kcs.csv", synthetic_kcs_csv([]), id="csv-header-only"),
        pytest.param("kcs.csv", synthetic_kcs_csv([total_row()]), id="csv-total-only"),
    ],
)
def test_no_data_rows(tmp_path: Path, name: str, content: str | bytes) -> None:
    with pytest.raises(DataError, match="no data rows") as raised:
        read(write(tmp_path / name, content))
    assert str(raised.value).startswith(f"{tmp_path / name}: ")


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read the file"):
        read(tmp_path / "absent.xml")


# -- fuzzing -------------------------------------------------------------------------------------

SEEDS = [
    synthetic_kcs_xml(JANUARY).encode(),
    synthetic_kcs_csv(JANUARY).encode(),
    synthetic_kcs_csv(JANUARY).encode("cp949"),
]


@st.composite
def damaged_files(draw: st.DrawFn) -> bytes:
    """A synthetic KCS file with a stretch replaced by arbitrary bytes."""
    seed = draw(st.sampled_from(SEEDS))
    start = draw(st.integers(0, len(seed)))
    end = draw(st.integers(start, min(len(seed), start + 40)))
    return seed[:start] + draw(st.binary(max_size=40)) + seed[end:]


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=500), damaged_files()))
def test_arbitrary_bytes_raise_only_data_error(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "fuzz", content)
    try:
        figures = read(path)
    except DataError as err:
        assert str(err).startswith(str(path))
    else:
        assert figures
        assert all(isinstance(f.value, Decimal) for f in figures)
