"""Read an official KCS trade-statistics file into reference figures.

The file is what the Korea Customs Service open API "품목별 국가별 수출입실적" returns
(data.go.kr, service `nitemtrade`, operation `getNitemtradeList`): an XML `<response>` with
one `<item>` per month, partner and HS code, or the same columns as CSV in any order (UTF-8,
UTF-8 with BOM, or cp949). The format is told by content: XML if it starts with `<`.

    year            2024.01 = January 2024; 총계 / 합계 = a multi-month total row (skipped)
    statCd          partner, ISO 3166-1 alpha-2; empty, ZZ or WORLD = all partners
    statCdCntnKor1  partner name in Korean; 전체 / 총계 / 합계 = all partners
    hsCd            10-digit HS code, mapped to a metric by reference/metrics.csv
    statKor         item name in Korean, kept in the note
    expDlr          exports in US dollars, a whole number

Only exports are stored: impDlr, impWgt, expWgt and balPayments are read past.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.parsers import expat

from factcheck.errors import DataError
from factcheck.models import Figure, Period, Vintage

REQUIRED = ("year", "statCd", "hsCd", "expDlr")
TOTAL_YEARS = frozenset({"총계", "합계"})  # `year` of a total over all the months queried
WORLD_CODES = frozenset({"", "ZZ", "WORLD"})
WORLD_NAMES = frozenset({"전체", "총계", "합계"})
WORLD = "WORLD"
NO_ROWS = "no data rows (expected <item> elements or CSV rows with columns " + ", ".join(REQUIRED)
ITEM_PATH = ("response", "body", "items", "item")
HEADER_FIELDS = frozenset({"resultCode", "resultMsg", "returnReasonCode", "returnAuthMsg"})
_MONTH = re.compile(r"([0-9]{4})\.([0-9]{2})")  # [0-9], not \d: \d also matches '٣'
_DOLLARS = re.compile(r"[0-9]+")
_BOM = b"\xef\xbb\xbf"

Record = tuple[int, dict[str, str]]  # (line where the row starts, column -> stripped text)


@dataclass(frozen=True, slots=True)
class _Row:
    month: str  # contract notation: 2024-01
    partner: str  # WORLD for the file's own world row
    hs: str
    dollars: Decimal
    item: str  # statKor, or the HS code where the file leaves it empty
    label: str  # what the note says the figure came from: "음반 (일본)"


def read_kcs_file(
    path: Path,
    *,
    metric_for_hs: Mapping[str, str],
    partners: Collection[str],
    vintage: Vintage,
    released: date | None,
    source_url: str,
) -> list[Figure]:
    """The export figures in a KCS file: one per metric, month and partner, plus WORLD.

    Each is `measure="value"`, `unit="USD"`; the list is sorted by (metric, period, partner).
    WORLD for a month and HS code is the file's own world row if it has one, else the sum of
    the partner rows in the file. Never empty: a file without a monthly data row raises
    `DataError`, as does the first bad row (naming the file and the row's line).
    """
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DataError(f"cannot read the file: {err.strerror}", path=where) from None
    start = data.removeprefix(_BOM).lstrip()
    if not start:
        raise DataError(NO_ROWS + ")", path=where)
    records = _xml_records(data, where) if start.startswith(b"<") else _csv_records(data, where)
    rows = _check_rows(records, where, metric_for_hs, partners)
    if not rows:
        raise DataError(NO_ROWS + "; total rows such as 총계 do not count)", path=where)
    figures = _by_metric(rows, metric_for_hs)
    return [
        Figure(
            metric=metric,
            partner=partner,
            period=month,
            measure="value",
            value=value,
            unit="USD",
            vintage=vintage,
            released=released,
            source_url=source_url,
            note=f"imported from {path.name}: {' + '.join(sorted(labels))}",
        )
        for (metric, month, partner), (value, labels) in sorted(figures.items())
    ]


def _by_metric(
    rows: list[_Row], metric_for_hs: Mapping[str, str]
) -> dict[tuple[str, str, str], tuple[Decimal, list[str]]]:
    """(metric, month, partner) -> (dollars, labels), with WORLD; a metric's HS codes summed."""
    given = {(r.month, r.hs) for r in rows if r.partner == WORLD}
    groups: dict[tuple[str, str], list[_Row]] = {}
    for row in rows:
        if (row.month, row.hs) not in given:
            groups.setdefault((row.month, row.hs), []).append(row)
    # Only what the file holds: a query for some partners gives the sum of just those.
    summed = [
        _Row(
            month,
            WORLD,
            hs,
            sum((r.dollars for r in g), Decimal(0)),
            g[0].item,
            f"{g[0].item} (sum of {len(g)} partner rows)",
        )
        for (month, hs), g in groups.items()
    ]
    merged: dict[tuple[str, str, str], tuple[Decimal, list[str]]] = {}
    for row in rows + summed:
        # A metric may cover several HS codes (an aggregate such as albums_and_videos).
        key = (metric_for_hs[row.hs], row.month, row.partner)
        value, labels = merged.get(key, (Decimal(0), []))
        merged[key] = (value + row.dollars, [*labels, row.label])
    return merged


def _month(text: str) -> str | None:
    """The KCS month `2024.01` in contract notation, or None if it is not a possible month.

    >>> _month("2024.01"), _month("2024.13"), _month("2024.00"), _month("24.01")
    ('2024-01', None, None, None)
    """
    m = _MONTH.fullmatch(text)
    period = Period.parse(f"{m[1]}-{m[2]}") if m else None
    return str(period) if period else None


def _quote(value: str) -> str:
    """`value` quoted for a one-line message, cut short if long."""
    return repr(value if len(value) <= 60 else value[:60] + "…")


def _check_rows(
    records: Iterable[Record],
    where: str,
    metric_for_hs: Mapping[str, str],
    partners: Collection[str],
) -> list[_Row]:
    """The monthly rows, checked; total rows dropped. Raises at the first bad row."""
    rows: list[_Row] = []
    seen: dict[tuple[str, str, str], int] = {}
    line = 0

    def bad(message: str) -> DataError:
        return DataError(message, path=where, line=line)

    for line, rec in records:
        for column in ("year", "hsCd", "expDlr"):  # an XML item may lack one; no statCd: world
            if column not in rec:
                raise bad(f"row has no {column} (expected {', '.join(REQUIRED)} in every row)")
        year, hs, dollars = rec["year"], rec["hsCd"], rec["expDlr"]
        code, name = rec.get("statCd", ""), rec.get("statCdCntnKor1", "")
        if year in TOTAL_YEARS:
            continue
        month = _month(year)
        if month is None:
            raise bad(
                f"impossible period {_quote(year)} in year (expected a month as YYYY.MM such as "
                "2024.01, or 총계/합계 for a total row)"
            )
        partner = WORLD if code in WORLD_CODES or name in WORLD_NAMES else code
        if partner != WORLD and code not in partners:
            raise bad(
                f"unknown partner code {_quote(code)} in statCd (expected an ISO 3166-1 alpha-2 "
                "code such as JP; add it to reference/partners.csv)"
            )
        if hs not in metric_for_hs:
            raise bad(
                f"unknown HS code {_quote(hs)} in hsCd (expected a code mapped to a metric; "
                "mappings live in reference/metrics.csv column hs_code: "
                + ", ".join(sorted(metric_for_hs))
                + ")"
            )
        if not _DOLLARS.fullmatch(dollars):
            raise bad(
                f"bad export value {_quote(dollars)} in expDlr (expected a non-negative whole "
                "number of US dollars, digits only, such as 7012345)"
            )
        first = seen.setdefault((month, partner, hs), line)
        if first != line:
            raise bad(
                f"duplicate row for month {_quote(year)}, partner {_quote(partner)}, hsCd "
                f"{_quote(hs)} (first on line {first}; expected one per month, partner and HS code)"
            )
        item = rec.get("statKor", "") or hs
        # Decimal, not int: int() refuses strings over 4300 digits, and a value is never rounded.
        label = f"{item} ({name})" if name else item
        rows.append(_Row(month, partner, hs, Decimal(dollars), item, label))
    return rows


def _csv_records(data: bytes, where: str) -> list[Record]:
    """The data rows of a KCS CSV file, keyed by the header; blank lines skipped."""
    reader = csv.reader(io.StringIO(_decode(data, where), newline=""))
    header: list[str] = []
    records: list[Record] = []
    header_line = line = start = 1

    def bad(message: str) -> DataError:
        return DataError(message, path=where, line=line)

    try:
        for row in reader:
            # line_num counts physical lines read, so a quoted newline keeps the count right.
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if not header:
                header, header_line = [cell.strip() for cell in row], line
                missing = [column for column in REQUIRED if column not in header]
                twice = [column for column in header if header.count(column) > 1]
                if missing or twice:
                    problem = f"lacks {missing[0]!r}" if missing else f"repeats {twice[0]!r}"
                    raise bad(
                        f"header {_quote(','.join(header))} {problem} (expected the KCS API's "
                        f"column names, once each, including {', '.join(REQUIRED)})"
                    )
            elif len(row) != len(header):
                raise bad(
                    f"row has {len(row)} fields (expected {len(header)}, as in the header on "
                    f"line {header_line})"
                )
            else:
                records.append((line, dict(zip(header, map(str.strip, row), strict=True))))
    except csv.Error as err:
        line = reader.line_num
        raise bad(f"unreadable CSV: {err}") from None
    return records


def _decode(data: bytes, where: str) -> str:
    """The text of a CSV file: UTF-8 (with or without BOM), else cp949."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        error = err
    if not data.startswith(_BOM):
        # Korean Excel saves CSV as cp949 (a superset of EUC-KR), with nothing to say so.
        with contextlib.suppress(UnicodeDecodeError):
            return data.decode("cp949")
    raise DataError(
        f"undecodable byte {data[error.start : error.start + 1]!r} (expected UTF-8 or cp949)",
        path=where,
        line=data.count(b"\n", 0, error.start) + 1,
    )


def _xml_records(data: bytes, where: str) -> list[Record]:
    """The `<item>`s of a KCS API response, each with the line its start tag is on."""
    # The encoding is fixed, not taken from the declaration: pyexpat looks a declared name up
    # in Python's codecs, and names such as 'rot13' then raise errors of their own.
    parser = expat.ParserCreate(encoding="utf-8")
    parser.buffer_text = True
    stack: list[str] = []
    text: list[str] = []
    items: list[Record] = []
    header: dict[str, tuple[int, str]] = {}

    def fail(message: str) -> DataError:
        return DataError(message, path=where, line=parser.CurrentLineNumber)

    def declaration(version: str, encoding: str | None, standalone: int) -> None:
        if encoding and encoding.lower().replace("_", "-") not in ("utf-8", "utf8"):
            raise fail(f"XML declares encoding {_quote(encoding)} (expected UTF-8, as KCS sends)")

    def doctype(*_: object) -> None:
        # KCS responses have none; refusing DTDs also refuses entity-expansion bombs.
        raise fail("XML with a <!DOCTYPE> (expected a plain KCS API response)")

    def start(name: str, attributes: dict[str, str]) -> None:
        if not stack and name not in ("response", "OpenAPI_ServiceResponse"):
            raise fail(f"root element <{name}> is not a KCS API response (expected <response>)")
        stack.append(name)
        text.clear()
        if tuple(stack) == ITEM_PATH:
            items.append((parser.CurrentLineNumber, {}))
        elif name in HEADER_FIELDS and len(stack) <= 3:
            header[name] = (parser.CurrentLineNumber, "")

    def end(name: str) -> None:
        value = "".join(text).strip()
        text.clear()
        if len(stack) == len(ITEM_PATH) + 1 and tuple(stack[:-1]) == ITEM_PATH:
            items[-1][1].setdefault(name, value)
        elif name in HEADER_FIELDS and len(stack) <= 3:
            header[name] = (header[name][0], value)
        stack.pop()

    parser.XmlDeclHandler = declaration
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text.append
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise DataError(
            f"malformed XML: {expat.ErrorString(err.code)} at column {err.offset + 1} "
            "(expected a KCS API XML response)",
            path=where,
            line=err.lineno,
        ) from None
    _check_result(header, where)
    return items


def _check_result(header: Mapping[str, tuple[int, str]], where: str) -> None:
    """Raise if the response says the request failed: a result code other than 00."""
    # data.go.kr's gateway answers a refused request (bad key, quota) in a shape of its own.
    gateway = "returnReasonCode" in header
    code_field = "returnReasonCode" if gateway else "resultCode"
    message_field = "returnAuthMsg" if gateway else "resultMsg"
    line, code = header.get(code_field, (0, "00"))
    if code != "00":
        message = header.get(message_field, (line, ""))[1]
        raise DataError(
            f"the API answered {code_field} {_quote(code)}, {message_field} {_quote(message)} "
            "(expected resultCode '00', NORMAL SERVICE; check the request and fetch again)",
            path=where,
            line=line,
        )
