"""READ: a file or a string -> `Article`.

    bytes --decode--> text --front matter (.md) / extraction (.html)--> text, title, url
                           --dateline near the top--> published

`Article.text` is what claim offsets point into: for plain text and Markdown it is the whole file
as decoded (front matter included, "\\r\\n" kept), for HTML the extracted article text.

The publication date comes from, first found wins: the caller's `published` ("option"), the
Markdown front matter `date` ("front matter"), the HTML metadata ("html metadata"), a dateline in
the first lines of the text ("dateline"); else it is None.

A dateline is found by `datelines.find_dateline`, its words in `reference/dateline-words.csv`.

>>> article = article_from_text("SEOUL\\nPublished July 18, 2023 03:32 PM\\nExports rose 17.1%.")
>>> article.published, article.published_from, article.language
(datetime.date(2023, 7, 18), 'dateline', 'en')
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal, NamedTuple

from .datelines import find_dateline, parse_date
from .errors import InputError
from .models import Article, Language

__all__ = ["article_from_text", "decode", "detect_language", "read_article"]

Format = Literal["txt", "md", "html"]

#: Formats by file suffix; anything else is read as plain text.
SUFFIX_FORMATS: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}

#: Share of the letters that must be Hangul for a text to be Korean; English names and
#: acronyms (BTS, K-pop, KCS) take a good share of the letters of a Korean article.
HANGUL_SHARE_KO = 0.3
#: More control bytes than this share and a file is not prose.
BINARY_SHARE = 0.1


# -- reading ----------------------------------------------------------------------------------


def read_article(
    path: str | Path, *, published: date | None = None, language: str | None = None
) -> Article:
    """The article in the file at `path` ("-": standard input), its format from the suffix.

    `published` overrides any date found in the text; `language` ("en" or "ko") overrides the
    detected one. Raises InputError for a missing, empty, binary or undecodable file.
    """
    source = str(path)
    fmt: Format | None
    if source == "-":
        data = sys.stdin.buffer.read()
        fmt = None
    else:
        file = Path(path)
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise InputError(
                f"{source!r}: file not found. Check the path, or pass '-' to read standard input."
            ) from None
        except IsADirectoryError:
            raise InputError(
                f"{source!r} is a directory, not an article. Pass one .txt, .md or .html file."
            ) from None
        except OSError as error:
            raise InputError(
                f"Cannot read {source!r}: {error.strerror}. Check the file's permissions."
            ) from None
        fmt = SUFFIX_FORMATS.get(file.suffix.lower(), "txt")
    text = decode(data, source)
    return article_from_text(text, source=source, published=published, fmt=fmt, language=language)


def article_from_text(
    text: str,
    *,
    source: str = "-",
    published: date | None = None,
    fmt: Format | None = None,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Article:
    """The article in `text`; `fmt` None guesses HTML or Markdown from the start of the text.

    Arguments given here win over what the text says. Title and URL are None unless front
    matter or HTML metadata give them; the date is None unless found (see the module docstring).

    >>> md = "---\\ntitle: 'Exports: a record'\\ndate: 2026-01-16\\n---\\n$301.7 million"
    >>> a = article_from_text(md, fmt="md")
    >>> a.title, a.published, a.published_from, a.text == md
    ('Exports: a record', datetime.date(2026, 1, 16), 'front matter', True)
    """
    if language not in (None, "en", "ko"):
        raise InputError(
            f"Unknown language {language!r}: expected 'en' or 'ko'. "
            "Leave it out to detect the language from the text."
        )
    if fmt not in (None, "txt", "md", "html"):
        raise InputError(f"Unknown format {fmt!r}: expected 'txt', 'md' or 'html'.")
    if not text.strip():
        raise InputError(f"{_label(source)} is empty: expected the text of a news article.")
    fmt = fmt or _sniff(text)
    found_date: date | None = None
    how: str | None = None
    body = 0  # where the story starts, below any front matter
    if fmt == "html":
        page = _extract_html(text)
        if not page.text.strip():
            raise InputError(
                f"{_label(source)} has no article text: the HTML holds no paragraphs outside "
                "navigation, headers and scripts. Save the article as text and check that."
            )
        text, title, found_date = page.text, title or page.title, page.published
        how = "html metadata" if found_date else None
    elif fmt == "md":
        fields, body = _front_matter(text)
        title, url = title or fields.get("title") or None, url or fields.get("url") or None
        if published is None and fields.get("date"):
            found_date, how = _front_matter_date(fields["date"], source), "front matter"
    detected: Language = "ko" if language == "ko" else "en" if language else detect_language(text)
    if published is not None:
        # A datetime is a date too, but pydantic refuses one with a time for a date field.
        found_date = published.date() if isinstance(published, datetime) else published
        how = "option"
    elif found_date is None:
        found_date = find_dateline(text, body)
        how = "dateline" if found_date else None
    return Article(
        source=source,
        text=text,
        title=title,
        url=url,
        published=found_date,
        published_from=how,
        language=detected,
        body_start=body,
    )


def _label(source: str) -> str:
    return "standard input" if source == "-" else repr(source)


_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b)", re.IGNORECASE)


def _sniff(text: str) -> Format:
    if _HTML_START.match(text):
        return "html"
    return "md" if _FRONT_MATTER_FENCE.match(text) else "txt"


# -- decoding ---------------------------------------------------------------------------------

#: Tried in order on text without a byte-order mark; cp949 reads EUC-KR too (it extends it).
_ENCODINGS = ("utf-8", "cp949")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r") + b"\x7f"
_CONTROL_CHARS = dict.fromkeys(_CONTROL_BYTES)


def decode(data: bytes, source: str) -> str:
    """The text in `data`: UTF-8 (with or without BOM), UTF-16 or cp949/EUC-KR.

    A byte-order mark is dropped; line endings are kept as they are. Raises InputError, naming
    `source`, for empty, binary or undecodable data.

    >>> decode("음반 수출\\r\\n".encode("cp949"), "a.txt")
    '음반 수출\\r\\n'
    >>> decode(codecs.BOM_UTF16_LE + "$132.93 million".encode("utf-16-le"), "a.txt")
    '$132.93 million'
    """
    encoding, skip = _utf16(data)
    if encoding:
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError as error:
            if not skip:
                raise _binary(source) from None
            raise InputError(
                f"Cannot decode {_label(source)}: it starts with a {encoding.upper()} "
                f"byte-order mark but has a bad byte at offset {error.start + skip}. "
                "Re-save it as UTF-8."
            ) from None
        # In UTF-16 a control character is not a control byte: count characters.
        if len(text) - len(text.translate(_CONTROL_CHARS)) > BINARY_SHARE * len(text):
            raise _binary(source)
        return _nonempty(text, source)
    if b"\x00" in data or _control_share(data) > BINARY_SHARE:
        raise _binary(source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    errors = []
    for encoding in _ENCODINGS:
        try:
            return _nonempty(data.decode(encoding), source)
        except UnicodeDecodeError as error:
            errors.append(f"{encoding} (bad byte 0x{data[error.start]:02x} at {error.start})")
    raise InputError(
        f"Cannot decode {_label(source)}: tried {' and '.join(errors)}, and it has no UTF-16 "
        "byte-order mark. Re-save it as UTF-8."
    )


def _utf16(data: bytes) -> tuple[str | None, int]:
    """The UTF-16 byte order of `data` and the length of its byte-order mark; (None, 0) if not."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    if len(data) % 2 or b"\x00" not in data:
        return None, 0
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # Each ASCII character (space, digit, '$', '%') has a NUL high byte, always on the same side;
    # a few Hangul syllables (대, U+B300) have a NUL low byte, on the other.
    if odd >= len(data) // 20 and even * 4 <= odd:
        return "utf-16-le", 0
    if even >= len(data) // 20 and odd * 4 <= even:
        return "utf-16-be", 0
    return None, 0


def _control_share(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / max(1, len(data))


def _nonempty(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(f"{_label(source)} is empty: expected the text of a news article.")
    return text


def _binary(source: str) -> InputError:
    return InputError(
        f"{_label(source)} looks like a binary file, not an article: expected text in UTF-8, "
        "UTF-16 or cp949/EUC-KR. Save the article as .txt, .md or .html and pass that file."
    )


# -- language ---------------------------------------------------------------------------------

# Counted in UTF-8, where it takes a few microseconds: a byte EA-ED starts a character in
# U+A000-U+DFFF, which in news text means a Hangul syllable (U+AC00-U+D7A3).
_NOT_HANGUL_LEAD = bytes(b for b in range(256) if not 0xEA <= b <= 0xED)
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isalpha() or b > 0x7F)


def detect_language(text: str) -> Language:
    """'ko' if Hangul makes up at least HANGUL_SHARE_KO of the letters, else 'en' (no letters too).

    The letters counted are Hangul syllables and ASCII letters: the only two languages.

    >>> detect_language("관세청에 따르면 K-pop 음반 수출액은 1억3293만달러")
    'ko'
    >>> detect_language("Album exports reached $132.93 million"), detect_language("2023")
    ('en', 'en')
    """
    data = text.encode("utf-8", "ignore")
    hangul = len(data.translate(None, _NOT_HANGUL_LEAD))
    letters = hangul + len(data.translate(None, _NOT_ASCII_LETTER))
    return "ko" if letters and hangul >= HANGUL_SHARE_KO * letters else "en"


# -- Markdown front matter --------------------------------------------------------------------

_FRONT_MATTER_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?$", re.MULTILINE)
_FIELD = re.compile(
    r"""^(?P<key>[A-Za-z_][\w-]*)   # title, date, url, ...
        [ \t]*:                     # YAML's key separator
        (?:[ \t]+(?P<value>.*?))?   # the value, if any
        [ \t]*\r?$""",
    re.VERBOSE,
)
_COMMENT = re.compile(r"[ \t]+#.*$")  # YAML comment after an unquoted value


def _front_matter(text: str) -> tuple[dict[str, str], int]:
    """The `key: value` fields of the front matter and the offset where the body starts.

    ({}, 0) when the text has no front matter: no `---` first line, or no closing `---`.
    Lines that are not `key: value` (lists, comments) are skipped: only title, date and url
    are read, and this is not a YAML parser.
    """
    if not _FRONT_MATTER_FENCE.match(text):
        return {}, 0
    lines = text.splitlines(keepends=True)
    offset = len(lines[0])
    fields: dict[str, str] = {}
    for line in lines[1:]:
        offset += len(line)
        if line.rstrip() in ("---", "..."):
            return fields, offset
        match = _FIELD.match(line)
        if match:
            fields[match["key"].lower()] = _unquote(match["value"] or "")
    return {}, 0


def _unquote(value: str) -> str:
    """A YAML scalar without its quotes ('It''s' -> It's) or its trailing comment."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"')
    return _COMMENT.sub("", value).strip()


def _front_matter_date(value: str, source: str) -> date:
    found = parse_date(value, written_in_full=False)
    if found is None:
        raise InputError(
            f"{_label(source)}: front matter date {value!r} is not a date: expected a day such as "
            "2026-01-16 or 2026-01-16T09:00:00+09:00. Fix the `date:` line or remove it."
        )
    return found


# -- HTML -------------------------------------------------------------------------------------


class _Page(NamedTuple):
    text: str
    title: str | None
    published: date | None


def _extract_html(html: str) -> _Page:
    """The article text, title and date of an HTML page: trafilatura's, else the stdlib's."""
    try:
        import trafilatura
    except ImportError:
        return _extract_html_stdlib(html)
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        # the page's own metadata only: a date guessed from the text is found by find_dateline
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:  # nothing that looks like an article
        return _extract_html_stdlib(html)
    # trafilatura 2 returns a Document, 1.x a dict
    field: Callable[[str], Any] = (
        document.get if isinstance(document, dict) else lambda name: getattr(document, name, None)
    )
    text = field("text") or ""
    if not text.strip():
        return _extract_html_stdlib(html)
    title, published = field("title"), parse_date(field("date") or "", written_in_full=False)
    if title and published:
        return _Page(text, title, published)
    fallback = _extract_html_stdlib(html)  # only for the <title> or <meta> that trafilatura missed
    return _Page(text, title or fallback.title, published or fallback.published)


def _extract_html_stdlib(html: str) -> _Page:
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "\n".join(parser.paragraphs)
    title = " ".join("".join(parser.title).split()) or None
    published = parse_date(parser.published or "", written_in_full=False)
    return _Page(text, title, published)


class _TextParser(HTMLParser):
    """Text of the paragraphs outside navigation, headers, footers, scripts and styles."""

    SKIP = frozenset(
        {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside"}
    )
    BLOCKS = frozenset(
        {
            "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
            "section", "table", "td", "th", "tr", "ul",
        }
    )  # fmt: skip
    DATE_META = frozenset({"article:published_time", "datepublished", "pubdate"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._paragraph: list[str] = []
        self.title: list[str] = []
        self.published: str | None = None
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta":
            meta = dict(attrs)
            key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
            if key in self.DATE_META and self.published is None:
                self.published = meta.get("content")
        if tag in self.BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCKS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skipping:
            self._paragraph.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        paragraph = " ".join("".join(self._paragraph).split())
        if paragraph:
            self.paragraphs.append(paragraph)
        self._paragraph.clear()
