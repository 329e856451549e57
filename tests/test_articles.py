"""READ stage: files and strings -> Article (encodings, front matter, datelines, HTML, bad input).

The snippets are written for these tests, with real KCS figures from
reference/kcs-album-exports.csv (2023-H1: world $132.93 million, +17.1%; Japan $48.52 million,
U.S. $25.51 million, China $22.64 million; 2025: $301.7 million, +3.4%).
"""

from __future__ import annotations

import codecs
import io
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.articles import (
    article_from_text,
    decode,
    detect_language,
    read_article,
)
from factcheck.datelines import find_dateline
from factcheck.errors import InputError

EN = (
    "Album exports hit a half-year record\n"
    "South Korea shipped $132.93 million worth of albums abroad in the first half of 2023, "
    "17.1% more than a year earlier, Korea Customs Service data showed.\n"
)
KO = (
    "상반기 음반 수출 역대 최대\n"
    "관세청 수출입 무역통계를 보면 올해 상반기 음반 수출액은 1억3293만달러였다. "
    "1년 전보다 17.1% 늘어난 규모로, 일본(4852만달러)이 가장 많았다.\n"
)
STORY = (
    "Japan bought the most, at $48.52 million, ahead of the United States at $25.51 million "
    "and China at $22.64 million.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "language"),
    [
        pytest.param(EN.encode("utf-8"), EN, "en", id="utf-8"),
        pytest.param(KO.encode("utf-8"), KO, "ko", id="utf-8-korean"),
        pytest.param(EN.encode("utf-8-sig"), EN, "en", id="utf-8-bom-stripped"),
        pytest.param(
            codecs.BOM_UTF16_LE + KO.encode("utf-16-le"), KO, "ko", id="utf-16-le-bom-korean"
        ),
        pytest.param(codecs.BOM_UTF16_BE + EN.encode("utf-16-be"), EN, "en", id="utf-16-be-bom"),
        pytest.param(EN.encode("utf-16-le"), EN, "en", id="utf-16-le-no-bom"),
        pytest.param(EN.encode("utf-16-be"), EN, "en", id="utf-16-be-no-bom"),
        pytest.param(KO.encode("utf-16-le"), KO, "ko", id="utf-16-le-no-bom-korean"),
        pytest.param(KO.encode("cp949"), KO, "ko", id="cp949"),
        pytest.param(KO.encode("euc-kr"), KO, "ko", id="euc-kr"),
        pytest.param(
            KO.replace("\n", "\r\n").encode("cp949"),
            KO.replace("\n", "\r\n"),
            "ko",
            id="cp949-crlf-kept",
        ),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, text: str, language: str) -> None:
    article = read_article(write(tmp_path, "article.txt", data))
    assert article.text == text
    assert article.language == language
    assert decode(data, "x") == text


# -- Markdown front matter --------------------------------------------------------------------

BODY = "\n" + EN + STORY


@pytest.mark.parametrize(
    ("front", "title", "published", "url"),
    [
        pytest.param(
            "title: Album exports hit a record\ndate: 2023-07-18\nurl: https://example.org/a/1\n",
            "Album exports hit a record",
            date(2023, 7, 18),
            "https://example.org/a/1",
            id="plain-values",
        ),
        pytest.param(
            'title: "Exports: $132.93 million"\ndate: "2023-07-18"\n',
            "Exports: $132.93 million",
            date(2023, 7, 18),
            None,
            id="double-quoted",
        ),
        pytest.param(
            "title: 'Korea''s album exports'\ndate: '2023-07-18'\n",
            "Korea's album exports",
            date(2023, 7, 18),
            None,
            id="single-quoted",
        ),
        pytest.param(
            "date: 2026-01-16T09:00:00+09:00\n",
            None,
            date(2026, 1, 16),
            None,
            id="iso-datetime-local-day",
        ),
        pytest.param(
            "date: 2026-01-16 23:30:00 -05:00\n",
            None,
            date(2026, 1, 16),
            None,
            id="yaml-datetime",
        ),
        pytest.param("date: January 16, 2026\n", None, date(2026, 1, 16), None, id="written-date"),
        pytest.param(
            "Title: Record exports  # a comment\nauthor: Kim\ntags:\n  - kpop\n  - trade\n",
            "Record exports",
            None,
            None,
            id="unknown-keys-lists-comments",
        ),
        pytest.param("date:\ntitle:\n", None, None, None, id="empty-values"),
        pytest.param("", None, None, None, id="empty-front-matter"),
    ],
)
def test_front_matter(
    tmp_path: Path, front: str, title: str | None, published: date | None, url: str | None
) -> None:
    content = "---\n" + front + "---\n" + BODY
    article = read_article(write(tmp_path, "a.md", content.encode()))
    assert (article.title, article.published, article.url) == (title, published, url)
    assert article.published_from == ("front matter" if published else None)
    assert article.text == content


@pytest.mark.parametrize(
    ("content", "title", "published", "how"),
    [
        pytest.param(
            "---\r\ntitle: Album exports\r\ndate: 2023-07-18\r\n---\r\n" + EN,
            "Album exports",
            date(2023, 7, 18),
            "front matter",
            id="crlf",
        ),
        pytest.param(
            "---\ntitle: Album exports\n" + EN,
            None,
            None,
            None,
            id="no-closing-fence",
        ),
        pytest.param(
            "---\ntitle: Album exports\n---\nPublished July 18, 2023\n" + EN,
            "Album exports",
            date(2023, 7, 18),
            "dateline",
            id="dateline-below-front-matter",
        ),
        pytest.param(
            "---\ntitle: Filed July 20, 2023\n---\n" + EN,
            "Filed July 20, 2023",
            None,
            None,
            id="front-matter-not-a-dateline",
        ),
        pytest.param("# Album exports\n\n" + EN, None, None, None, id="no-front-matter"),
    ],
)
def test_markdown_forms(
    tmp_path: Path, content: str, title: str | None, published: date | None, how: str | None
) -> None:
    article = read_article(write(tmp_path, "a.markdown", content.encode()))
    assert (article.title, article.published, article.published_from) == (title, published, how)
    assert article.text == content


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(
            b"---\r\ntitle: x\r\ndate: 2023-07-18\r\n---\r\n" + EN.encode(),
            "utf-8",
            id="utf-8-crlf",
        ),
        pytest.param(
            codecs.BOM_UTF8 + b"---\ntitle: x\n---\n" + EN.encode(), "utf-8-sig", id="utf-8-bom"
        ),
        pytest.param(("---\ntitle: 음반 수출\n---\n" + KO).encode("cp949"), "cp949", id="cp949"),
    ],
)
def test_markdown_offsets_point_into_the_file(tmp_path: Path, data: bytes, encoding: str) -> None:
    content = data.decode(encoding)
    article = read_article(write(tmp_path, "a.md", data))
    figures = [f for f in ("17.1%", "1억3293만달러", "$132.93 million") if f in content]
    assert figures
    for figure in figures:
        i = content.index(figure)
        j = i + len(figure)
        assert article.text[i:j] == content[i:j] == figure
    assert article.text == content


# -- datelines --------------------------------------------------------------------------------

SITE_HEADER = (
    "Example Daily - Album exports hit a record\n\n"
    "  • March 02, 2026 (Mon)\nPhoto: Example Daily\n\n"
)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        pytest.param("Published July 18, 2023 03:32 PM\n", date(2023, 7, 18), id="published"),
        pytest.param("Published: July 18th, 2023\n", date(2023, 7, 18), id="published-ordinal"),
        pytest.param("Posted : 2023-07-18 14:02\n", date(2023, 7, 18), id="posted-colon"),
        pytest.param(
            "Posted on Tuesday, July 18, 2023\n", date(2023, 7, 18), id="posted-on-weekday"
        ),
        pytest.param("Updated Jan. 16, 2026\n", date(2026, 1, 16), id="updated"),
        pytest.param("Updated: Sept. 7, 2025 10:02 KST\n", date(2025, 9, 7), id="updated-sept"),
        pytest.param("SEOUL, Jan. 16, 2026 (Yonhap) -- ", date(2026, 1, 16), id="place-dateline"),
        pytest.param("SEOUL, Jan. 16 (Yonhap) -- ", None, id="place-dateline-no-year"),
        pytest.param("2023.07.18\n", date(2023, 7, 18), id="dotted"),
        pytest.param("2023. 7. 18. 오후 3:32\n", date(2023, 7, 18), id="dotted-spaced"),
        pytest.param("2023/07/18\n", date(2023, 7, 18), id="slashed"),
        pytest.param("July 18, 2023\n", date(2023, 7, 18), id="month-day-year"),
        pytest.param("18 July 2023\n", date(2023, 7, 18), id="day-month-year"),
        pytest.param("By Kim Jin-woo | JULY 18, 2023\n", date(2023, 7, 18), id="byline-upper"),
        pytest.param(" date 2023-07-19 Album exports rose ", date(2023, 7, 19), id="date-label"),
        pytest.param("date: 2023-07-19\n", date(2023, 7, 19), id="date-colon"),
        pytest.param("2023년 7월 18일\n", date(2023, 7, 18), id="korean-units"),
        pytest.param("입력 2023-07-18 14:02\n", date(2023, 7, 18), id="korean-input"),
        pytest.param(
            "기사입력 2023.07.18. 오후 3:32\n", date(2023, 7, 18), id="korean-article-input"
        ),
        pytest.param(
            "입력 2023.07.18 (화) 15:32 | 수정 2023.07.19 (수) 09:10\n",
            date(2023, 7, 18),
            id="korean-input-and-update",
        ),
        pytest.param(
            "Updated July 20, 2023\nPublished July 18, 2023\n",
            date(2023, 7, 18),
            id="published-beats-updated",
        ),
        pytest.param(
            "July 18, 2023\nUpdated July 20, 2023\n",
            date(2023, 7, 18),
            id="dateline-beats-updated",
        ),
        pytest.param(
            "July 20, 2023\nPosted : 2023-07-18 14:02\n",
            date(2023, 7, 18),
            id="posted-beats-plain-date",
        ),
        pytest.param(
            SITE_HEADER + "Published July 18, 2023 03:32 PM\n",
            date(2023, 7, 18),
            id="site-header-vs-published",
        ),
        pytest.param(SITE_HEADER, None, id="site-header-only"),
        pytest.param("Today is July 20, 2023\n", None, id="today-label"),
        pytest.param(
            "The figures, which the agency published on July 18, 2023, show a record half.\n",
            None,
            id="lowercase-label-in-prose",
        ),
        pytest.param(
            "Fans lined up in New York on Friday, July 14, 2023, to buy the new album.\n",
            None,
            id="date-in-prose",
        ),
        pytest.param("2023-02-30\n", None, id="impossible-day"),
        pytest.param("Published 2023-07\n", None, id="month-without-day"),
        pytest.param(
            "\n".join(["line"] * 20) + "\nPublished July 18, 2023\n", None, id="below-the-top"
        ),
        pytest.param("", None, id="no-date"),
    ],
)
def test_datelines(tmp_path: Path, top: str, expected: date | None) -> None:
    article = read_article(write(tmp_path, "a.txt", (top + EN + STORY).encode()))
    assert article.published == expected
    assert article.published_from == ("dateline" if expected else None)


def test_find_dateline_starts_where_told() -> None:
    text = "Published July 18, 2023\nPublished July 20, 2023\n" + EN
    assert find_dateline(text) == date(2023, 7, 18)
    assert find_dateline(text, text.index("Published July 20")) == date(2023, 7, 20)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        pytest.param(date(2023, 7, 19), date(2023, 7, 19), id="date"),
        pytest.param(datetime(2023, 7, 19, 15, 32), date(2023, 7, 19), id="datetime"),
    ],
)
def test_published_option_wins(tmp_path: Path, published: date, expected: date) -> None:
    content = "---\ndate: not a date\n---\nPublished July 18, 2023\n" + EN
    article = read_article(write(tmp_path, "a.md", content.encode()), published=published)
    assert (article.published, article.published_from) == (expected, "option")


def test_front_matter_date_beats_dateline(tmp_path: Path) -> None:
    content = "---\ndate: 2023-07-19\n---\nPublished July 18, 2023\n" + EN
    article = read_article(write(tmp_path, "a.md", content.encode()))
    assert (article.published, article.published_from) == (date(2023, 7, 19), "front matter")


# -- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(EN, "en", id="english"),
        pytest.param(KO, "ko", id="korean"),
        pytest.param(
            "BTS와 Stray Kids 등 K-pop 그룹의 앨범이 Japan·China·U.S.로 수출됐다.",
            "ko",
            id="korean-with-english-names",
        ),
        pytest.param("Exports to Japan (일본) rose.", "en", id="english-with-a-korean-word"),
        pytest.param("$132.93 million, 17.1%", "en", id="no-hangul"),
        pytest.param("2023 · 132.93", "en", id="no-letters"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("language", ["en", "ko"])
def test_language_option_wins(tmp_path: Path, language: str) -> None:
    assert read_article(write(tmp_path, "a.txt", KO.encode()), language=language).language == (
        language
    )


# -- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Album exports hit a half-year record | Example Daily</title>
<meta property="article:published_time" content="2023-07-18T15:32:00+09:00">
<script>var teaser = "$999 million";</script><style>p { color: black }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/culture">Culture</a> March 02, 2026 (Mon)</nav>
</header>
<article><h1>Album exports hit a half-year record</h1>
<p>South Korea shipped $132.93 million worth of albums abroad in the first half of 2023,
17.1% more than a year earlier, according to the Korea Customs Service.</p>
<p>Japan bought the most, at $48.52 million, ahead of the United States at $25.51 million
and China at $22.64 million.</p>
<p>Shipments to the United States overtook those to China for the first time in a first half,
the agency&#8217;s data showed.</p>
</article>
<footer>Copyright Example Daily. All rights reserved.</footer></body></html>
"""


def _check_page(article_text: str) -> None:
    assert "$132.93 million" in article_text
    assert "$22.64 million" in article_text
    for dropped in ("$999 million", "color: black", "Culture", "Copyright", "(Mon)"):
        assert dropped not in article_text


def test_html_with_trafilatura(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    article = read_article(write(tmp_path, "a.html", PAGE.encode()))
    _check_page(article.text)
    assert article.title is not None and "Album exports hit a half-year record" in article.title
    assert (article.published, article.published_from) == (date(2023, 7, 18), "html metadata")


@pytest.fixture
def no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """`import trafilatura` fails, as it does without the `html` extra."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


@pytest.mark.usefixtures("no_trafilatura")
def test_html_without_trafilatura(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "a.htm", PAGE.encode()))
    _check_page(article.text)
    assert article.title == "Album exports hit a half-year record | Example Daily"
    assert (article.published, article.published_from) == (date(2023, 7, 18), "html metadata")
    assert article.text.split("\n") == [
        "Album exports hit a half-year record",
        "South Korea shipped $132.93 million worth of albums abroad in the first half of 2023, "
        "17.1% more than a year earlier, according to the Korea Customs Service.",
        "Japan bought the most, at $48.52 million, ahead of the United States at $25.51 million "
        "and China at $22.64 million.",
        "Shipments to the United States overtook those to China for the first time in a first "
        "half, the agency\u2019s data showed.",
    ]


@pytest.mark.usefixtures("no_trafilatura")
def test_html_dateline_when_no_metadata() -> None:
    page = "<html><body><p>Published July 18, 2023</p><p>" + EN + "</p></body></html>"
    article = article_from_text(page)  # recognised as HTML without a suffix
    assert (article.published, article.published_from, article.title) == (
        date(2023, 7, 18),
        "dateline",
        None,
    )
    assert article.text.startswith("Published July 18, 2023\nAlbum exports")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("---\ntitle: 음반 수출\ndate: 2023-07-18\n---\n" + KO).encode("cp949")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = read_article("-")
    assert (article.source, article.title, article.published, article.language) == (
        "-",
        "음반 수출",
        date(2023, 7, 18),
        "ko",
    )


def test_arguments_win_over_the_text() -> None:
    article = article_from_text(
        "---\ntitle: A\nurl: https://example.org/a\n---\n" + EN,
        source="label",
        title="B",
        url="https://example.org/b",
    )
    assert (article.source, article.title, article.url) == ("label", "B", "https://example.org/b")


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param(
            "a.txt", b"", "'{path}' is empty: expected the text of a news article.", id="empty"
        ),
        pytest.param("a.txt", b" \r\n\t\n", "'{path}' is empty", id="whitespace-only"),
        pytest.param("a.txt", codecs.BOM_UTF8 + b"\n", "'{path}' is empty", id="bom-only"),
        pytest.param(
            "a.txt",
            codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
            "'{path}' is empty",
            id="utf-16-whitespace",
        ),
        pytest.param(
            "a.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00\x00\x07\x00",
            "'{path}' looks like a binary file, not an article: expected text in UTF-8, "
            "UTF-16 or cp949/EUC-KR. Save the article as .txt, .md or .html",
            id="binary-nul",
        ),
        pytest.param(
            "a.txt",
            bytes(range(1, 32)) * 10 + b"text",
            "'{path}' looks like a binary file",
            id="binary-control-bytes",
        ),
        pytest.param(
            "a.txt",
            "\x01\x02\x03\x04 a".encode("utf-16-le"),
            "'{path}' looks like a binary file",
            id="binary-utf-16-controls",
        ),
        pytest.param(
            "a.txt",
            b"Exports rose \x80\x80 to $132.93 million",
            "Cannot decode '{path}': tried utf-8 (bad byte 0x80 at 13) and cp949 (bad byte "
            "0x80 at 13), and it has no UTF-16 byte-order mark. Re-save it as UTF-8.",
            id="undecodable",
        ),
        pytest.param(
            "a.txt",
            codecs.BOM_UTF16_LE + b"\x00\xd8a\x00",
            "Cannot decode '{path}': it starts with a UTF-16-LE byte-order mark but has a "
            "bad byte at offset 2",
            id="bad-utf-16",
        ),
        pytest.param(
            "a.md",
            b"---\ndate: 2023-13-45\n---\n" + EN.encode(),
            "'{path}': front matter date '2023-13-45' is not a date: expected a day such "
            "as 2026-01-16 or 2026-01-16T09:00:00+09:00. Fix the `date:` line or remove it.",
            id="front-matter-date-invalid",
        ),
        pytest.param(
            "a.md",
            b"---\ndate: sometime in July\n---\n" + EN.encode(),
            "'{path}': front matter date 'sometime in July' is not a date",
            id="front-matter-date-words",
        ),
        pytest.param(
            "a.md",
            b"---\ndate: 2024-07\n---\n" + EN.encode(),
            "'{path}': front matter date '2024-07' is not a date",
            id="front-matter-date-no-day",
        ),
        pytest.param(
            "a.html",
            b"<html><body><nav>Home</nav><script>x()</script></body></html>",
            "'{path}' has no article text",
            id="html-without-text",
        ),
    ],
)
def test_bad_input(
    tmp_path: Path, no_trafilatura: None, name: str, data: bytes, message: str
) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError, match="^" + re.escape(message.format(path=path))):
        read_article(path)


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(InputError) as error:
        read_article(path)
    assert str(error.value) == (
        f"'{path}': file not found. Check the path, or pass '-' to read standard input."
    )


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory, not an article"):
        read_article(tmp_path)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param(
            {"language": "fr"}, "Unknown language 'fr': expected 'en' or 'ko'.", id="language"
        ),
        pytest.param(
            {"fmt": "pdf"}, "Unknown format 'pdf': expected 'txt', 'md' or 'html'.", id="fmt"
        ),
    ],
)
def test_bad_arguments(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match="^" + re.escape(message)):
        article_from_text(EN, **kwargs)  # type: ignore[arg-type]


def test_empty_stdin_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n")))
    with pytest.raises(InputError, match=r"^standard input is empty"):
        read_article("-")


# -- properties -------------------------------------------------------------------------------


@settings(database=None, max_examples=300)
@given(st.binary(max_size=200))
def test_decode_raises_only_input_error(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except InputError:
        return
    assert text.strip()


@settings(database=None)
@given(st.text(alphabet=st.sampled_from("Ab1 $%.,\n\r\t음반수출액억만달러"), min_size=1))
def test_decode_round_trips_utf8_and_cp949(text: str) -> None:
    if text.strip():
        assert decode(text.encode("utf-8"), "x") == text
        assert decode(text.encode("cp949"), "x") == text


@settings(database=None)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2199, 12, 31)),
    st.sampled_from(
        [
            "Published %B %d, %Y 03:32 PM",
            "Posted : %Y-%m-%d 14:02",
            "Updated %b. %d, %Y",
            "SEOUL, %b %d, %Y (Yonhap) --",
            "%d %B %Y",
            "%Y.%m.%d",
            "%Y년 %m월 %d일",
            "입력 %Y.%m.%d. 오후 3:32",
        ]
    ),
)
def test_dateline_round_trips(day: date, form: str) -> None:
    assert find_dateline(day.strftime(form) + "\n" + EN) == day


@settings(database=None)
@given(st.text(max_size=300))
def test_article_from_text_raises_only_input_error(text: str) -> None:
    try:
        article = article_from_text(text)
    except InputError:
        return
    assert article.published is None or isinstance(article.published, date)
