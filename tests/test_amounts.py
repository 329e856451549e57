"""The grammar of amounts: every phrasing in one table, then hedges, non-amounts, ranges,
format_like, known gaps and property tests.

The sentences are written for these tests in the manner of news reports, with real KCS
figures (reference/kcs-album-exports.csv): 2025 world 301,744,000 USD (+3.4%), Japan
80,630,000 (-10.2%), China 69,715,000 (+16.6%), US 63,971,000; 2023-H1 world 132,934,000
(+17.1%), Japan 48,523,000; 2024 world 291,800,000 (+0.55%); 2024-H1 -2.0%.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tables import form
from tables import unmark_all as unmark

from factcheck import amounts
from factcheck.amounts import Amount, find_amounts, format_like, parse_amount
from factcheck.errors import DataError


def only(sentence: str) -> Amount:
    found = find_amounts(sentence)
    assert len(found) == 1, [a.text for a in found]
    return found[0]


# The figure in [brackets]; expected "value unit step", then the qualifier if any.
FORMS = [
    form("dollar-sign-million", "Exports hit [$301.7 million] in 2025.", "301700000 USD 100000"),
    form("us-dollar-mln", "Shipments totalled [US$302 mln].", "302000000 USD 1000000"),
    form("us-dollar-two-decimals", "First-half sales: [US$132.93 million].", "132930000 USD 10000"),
    form("us-dollars-words", "It was [64.40 million U.S. dollars] in 2018.", "64400000 USD 10000"),
    form("thousands-separators", "Japan bought [48,523,000 dollars].", "48523000 USD 1000"),
    form("bn-no-space", "Music exports reached [$1.2bn], they said.", "1200000000 USD 100000000"),
    form("billion-as-written", "The total was [$3.017 billion].", "3017000000 USD 1000000"),
    form("usd-prefix", "Exports rose to [USD 301.7 million].", "301700000 USD 100000"),
    form("usd-suffix", "Exports rose to [301.7 million USD].", "301700000 USD 100000"),
    form("usd-and-dollar-sign", "Exports rose to [USD $291.8 million].", "291800000 USD 100000"),
    form("krw-prefix", "They were worth [KRW 440.4 billion].", "440400000000 KRW 100000000"),
    form("billion-won", "That is [168.5 billion won] at the time.", "168500000000 KRW 100000000"),
    form("won-sign-trillion", "Sales came to [₩1.2 trillion].", "1200000000000 KRW 100000000000"),
    form("million-dollars", "The total was [132.934 million dollars].", "132934000 USD 1000"),
    form("round-billion", "The US market is worth [$15 billion].", "15000000000 USD 1000000000"),
    form("round-hundreds", "A [$300 million] ceiling fell.", "300000000 USD 100000000"),
    form("percent-sign", "Exports grew [3.4%] on-year.", "3.4 percent 0.1"),
    form("percent-word", "They grew [17.1 percent] on-year.", "17.1 percent 0.1"),
    form("per-cent", "Japan's share was [45.8 per cent].", "45.8 percent 0.1"),
    form("pct", "Exports grew [20.3 pct].", "20.3 percent 0.1"),
    form("percent-hundredths", "Growth slowed to [0.55%] in 2024.", "0.55 percent 0.01"),
    form("minus-hyphen", "First-half exports changed [-2.0%] on-year.", "-2.0 percent 0.1"),
    form("minus-unicode", "Japan ([−10.2%]) slipped.", "-10.2 percent 0.1"),
    form("not-the-2.5-inside", "Growth was [12.5%] there.", "12.5 percent 0.1"),
    form("whole-percent-step-one", "It rose [60%] in a year.", "60 percent 1"),
    form("words-two-million", "Videos earned [two million dollars].", "2000000 USD 1000000"),
    form("words-forty-eight", "Japan took [forty-eight million dollars].", "48000000 USD 1000000"),
    form("words-hundreds", "[Two hundred and ten million won] came in.", "210000000 KRW 10000000"),
    form("a-fifth-of", "China took [a fifth] of the total.", "20 percent 5"),
    form("one-third", "The US took [one-third] of shipments.", "33.33 percent 5"),
    form("two-thirds", "Japan took [two-thirds] of exports in 2012.", "66.67 percent 5"),
    form("half-of", "Japan bought [half] of all exports.", "50 percent 5"),
    form("point-hyphens", "Exports were [233-point-11 million dollars].", "233110000 USD 10000"),
    form("point-spaces", "Exports were [301 point 7 million dollars].", "301700000 USD 100000"),
    form("point-words", "Growth was [two-point-five percent].", "2.5 percent 0.1"),
    form("point-mixed", "Sales hit [one-point-24 trillion won].", "1240000000000 KRW 10000000000"),
    form("point-digit-word", "Exports jumped [34-point-three percent].", "34.3 percent 0.1"),
    form("count-copies", "Sales fell to [93.5 million] copies.", "93500000 count 100000"),
    form("count-bare-scale", "The peak was [120 million] in 2023.", "120000000 count 10000000"),
    form("won-in-parentheses", "(about [168.5 billion won])", "168500000000 KRW 100000000 about"),
    form("scale-without-space", "Exports hit [301.7million dollars].", "301700000 USD 100000"),
    form("us-space-dollar", "The US took [US $64 million].", "64000000 USD 1000000"),
    form("letter-scale", "Sales reached [$560M].", "560000000 USD 10000000"),
    form("percentage-points", "The share rose [3.8 percentage points].", "3.8 percent 0.1"),
    form("percent-p", "The share rose [3.8%p].", "3.8 percent 0.1"),
    form("dollars-and-cents", "The album sold for [$20.36] online.", "20.36 USD 0.01"),
    form("headline-title-case", "K-Pop Exports Top [$300 Million]", "300000000 USD 100000000 over"),
]


@pytest.mark.parametrize(("marked", "expected"), FORMS)
def test_reads_each_form(marked: str, expected: str) -> None:
    sentence, [span] = unmark(marked)
    value, unit, step, *qualifier = expected.split()
    amount = only(sentence)
    assert (amount.value, amount.unit, amount.step) == (Decimal(value), unit, Decimal(step))
    assert amount.qualifier == (qualifier[0] if qualifier else None)
    assert (amount.start, amount.end) == span


HEDGES = [
    pytest.param(phrase, qualifier, id=phrase.replace(" ", "-"))
    for qualifier, phrases in {
        "about": ["about", "around", "roughly", "approximately", "some", "an estimated"],
        "nearly": ["nearly", "almost", "close to", "just under", "nearing", "approaching"],
        "over": [
            "over", "more than", "above", "top", "tops", "topped", "topping", "exceeded",
            "exceeding", "exceeds", "surpassed", "surpassing", "surpass", "broke", "breaking",
            "crossed", "at least", "north of", "just over",
        ],
        "under": ["under", "less than", "below", "fewer than", "short of"],
    }.items()
    for phrase in phrases
]  # fmt: skip


@pytest.mark.parametrize(("phrase", "qualifier"), HEDGES)
def test_hedge_before_figure(phrase: str, qualifier: str) -> None:
    sentence = f"Album exports {phrase} $300 million for the first time."
    amount = only(sentence)
    assert amount.qualifier == qualifier
    assert amount.hedge_start is not None
    assert sentence[amount.hedge_start : amount.end] == f"{phrase} $300 million"


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Roughly  93.5 million copies were sold.", id="two-spaces"),
        pytest.param("About half of fans buy albums.", id="capital-hedge-fraction"),
        pytest.param("Exports (approximately 289.5 billion won) rose.", id="in-parentheses"),
    ],
)
def test_hedge_variants(sentence: str) -> None:
    assert only(sentence).qualifier is not None


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Album exports rose in 2023.", id="year"),
        pytest.param("China held the No. 2 spot.", id="rank-no"),
        pytest.param("Germany was in the top 10.", id="top-10"),
        pytest.param("It was the 18th straight gain.", id="ordinal"),
        pytest.param("K-pop groups toured Europe.", id="k-pop"),
        pytest.param("Sales dipped during COVID-19.", id="covid-19"),
        pytest.param("Taiwan imports reached NT$300 million.", id="foreign-dollar"),
        pytest.param("European sales hit €300 million.", id="euro"),
        pytest.param("BTS in 2020 won a Grammy nomination.", id="year-then-won"),
        pytest.param("Prices are in 2019 dollars.", id="constant-dollars"),
        pytest.param("Exports grew for a third straight year.", id="a-third-straight"),
        pytest.param("It was a fifth consecutive record.", id="a-fifth-consecutive"),
        pytest.param("Exports fell in the first half of 2024.", id="first-half-of-year"),
        pytest.param("They rose in the second half.", id="second-half"),
        pytest.param("Half the albums went to Japan.", id="half-without-of"),
        pytest.param("Growth came in three quarters of last year.", id="quarters-of-year"),
        pytest.param("One of the two biggest markets.", id="number-words-alone"),
        pytest.param("Twenty-two acts charted.", id="words-count-no-scale"),
        pytest.param("Version 2.5.1 of the data.", id="version-number"),
        pytest.param("", id="empty"),
    ],
)
def test_not_amounts(sentence: str) -> None:
    assert find_amounts(sentence) == []


@pytest.mark.parametrize(
    ("marked", "values"),
    [
        pytest.param("A [$60]-[70 million] gap.", "60e6 70e6", id="shared-scale"),
        pytest.param("From [$60 million] to [$70 million].", "60e6 70e6", id="two-full-figures"),
        pytest.param("Between [$3] and [$4 billion].", "3e9 4e9", id="between-and"),
        pytest.param("Growth of [1.5]-[2.0%] is likely.", "1.5 2.0", id="percent-no-minus"),
        pytest.param("It rose from [3.4] to [5.6 percent].", "3.4 5.6", id="from-to-percent"),
        pytest.param("It slowed from 2022 to [5.6 percent].", "5.6", id="year-is-no-range-end"),
        pytest.param("From 2023 to [$60]-[70 million].", "60e6 70e6", id="year-before-range"),
    ],
)
def test_ranges_give_both_ends(marked: str, values: str) -> None:
    sentence, spans = unmark(marked)
    found = find_amounts(sentence)
    assert [(a.start, a.end) for a in found] == spans
    assert [a.value for a in found] == [Decimal(v) for v in values.split()]
    assert len({a.unit for a in found}) == 1


def test_style_and_scale_as_written() -> None:
    amount = only("It was US$64.0 million.")
    assert (amount.scale, amount.style.prefix, amount.style.decimals) == ("million", "US$", 1)
    assert only("It was $1.2bn.").scale == "bn"
    assert only("up 3.8%p").style.points and not only("up 3.8%").style.points
    assert only("about two-thirds of it").style.fraction


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("about 400 billion won", ("400000000000", "KRW", "about"), id="hedged"),
        pytest.param("  3.4%  ", ("3.4", "percent", None), id="blanks"),
        pytest.param("two-thirds", ("66.67", "percent", None), id="fraction"),
        pytest.param("$300 million and $4 million", None, id="two-figures"),
        pytest.param("$300 million mark", None, id="trailing-words"),
        pytest.param("the $300 million", None, id="leading-words"),
        pytest.param("2023", None, id="year"),
        pytest.param("", None, id="empty"),
    ],
)
def test_parse_amount(text: str, expected: tuple[str, str, str | None] | None) -> None:
    amount = parse_amount(text)
    if expected is None:
        assert amount is None
    else:
        assert amount is not None
        assert (amount.value, amount.unit, amount.qualifier) == (
            Decimal(expected[0]),
            expected[1],
            expected[2],
        )


@pytest.mark.parametrize(
    ("value", "like", "expected"),
    [
        pytest.param("291800000", "$2.918 billion", "$291.8 million", id="scale-down-keeps-digits"),
        pytest.param("64000000", "US$64.0 million", "US$64.0 million", id="keeps-decimals"),
        pytest.param("130321000", "US$64.0 million", "US$130.3 million", id="same-scale-decimals"),
        pytest.param("3.41", "3.4%", "3.4%", id="percent"),
        pytest.param("168500000000", "168.5 billion won", "168.5 billion won", id="won"),
        pytest.param("168500000000", "₩1.2 trillion", "₩169 billion", id="won-sign-scale-down"),
        pytest.param("301744000", "$64 million", "$302 million", id="whole-digits-kept"),
        pytest.param("48520000", "48,523,000 dollars", "48,520,000 dollars", id="separators"),
        pytest.param("-11.6", "-2.0%", "-11.6%", id="negative-percent"),
        pytest.param("-15", "−10.2%", "−15.0%", id="unicode-minus-kept"),
        pytest.param("3.4", "+3.4%", "+3.4%", id="plus-kept"),
        pytest.param(
            "233113000", "85-point-74 million dollars", "233-point-11 million dollars", id="point"
        ),
        pytest.param("291800000", "$1.2bn", "$292mn", id="bn-family"),
        pytest.param("80630000", "US$291 mln", "US$80.6 mln", id="mln-family"),
        pytest.param("1500000000", "$560M", "$1.5B", id="letter-family"),
        pytest.param("999960000", "$301.7 million", "$1.000 billion", id="rounds-up-a-scale"),
        pytest.param("500000", "$300 million", "$0.5 million", id="below-the-scale"),
        pytest.param("66.7", "two-thirds", "67%", id="fraction-as-percent"),
        pytest.param("2019", "5,000 dollars", "2,000 dollars", id="unscaled-step"),
        pytest.param("2019", "5 dollars", "2,019 dollars", id="not-a-year"),
        pytest.param("93500000", "120 million", "94 million", id="count"),
    ],
)  # fmt: skip
def test_format_like(value: str, like: str, expected: str) -> None:
    original = parse_amount(like)
    assert original is not None
    assert format_like(Decimal(value), original) == expected


def test_format_like_float_made_decimal() -> None:
    like = parse_amount("3.4%")
    assert like is not None
    assert format_like(Decimal.from_float(3.41), like) == "3.4%"  # 3.4100000000000001421...
    with pytest.raises(ValueError, match="finite"):
        format_like(Decimal("NaN"), like)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "number-words-en.csv",
            "word,value,kind,family\nmillion,lots,scale,long\n",
            r"number-words-en.csv:2: value 'lots' is not a whole number",
            id="bad-value",
        ),
        pytest.param(
            "number-words-en.csv",
            "word,value,kind,family\nmillion,1000000,scale,\n",
            r"number-words-en.csv:2: kind 'scale', family ''",
            id="scale-without-family",
        ),
        pytest.param(
            "hedges.csv",
            "language,phrase,qualifier\nen,about,roughly\n",
            r"hedges.csv:2: unknown qualifier 'roughly', expected one of about",
            id="bad-qualifier",
        ),
        pytest.param(
            "hedges.csv",
            "lang,phrase\n",
            r"hedges.csv:1: missing column\(s\) language, qualifier",
            id="header",
        ),
    ],
)
def test_bad_vocabulary_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str, message: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.setattr(amounts, "reference_dir", lambda: tmp_path)
    with pytest.raises(DataError, match=message):
        amounts._load_hedges("en") if name == "hedges.csv" else amounts._load_words()


# -- known gaps ---------------------------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="'a' as the number one before a scale word")
def test_gap_a_billion() -> None:
    assert only("Sales passed a billion dollars.").value == Decimal(10**9)


@pytest.mark.xfail(strict=True, reason="fractions of a scale: 'half a million'")
def test_gap_half_a_million() -> None:
    assert only("They sold half a million copies.").value == Decimal(500000)


@pytest.mark.xfail(strict=True, reason="hedge separated by 'the': 'topped the $300 million mark'")
def test_gap_hedge_with_article() -> None:
    assert only("Exports topped the $300 million mark.").qualifier == "over"


@pytest.mark.xfail(strict=True, reason="'W' for won, as some Korean dailies write it")
def test_gap_w_for_won() -> None:
    assert only("Sales reached W1.2 trillion.").unit == "KRW"


@pytest.mark.xfail(strict=True, reason="number words in capitals: only 'two' and 'Two' are read")
def test_gap_all_caps_words() -> None:
    assert only("TWO MILLION DOLLARS").value == Decimal(2000000)


@pytest.mark.parametrize(
    ("text", "value", "step"),
    [
        pytest.param("Japan's share was in the mid-70% range.", "75", "5", id="mid-band"),
        pytest.param("It slipped to the low-40% range.", "42", "5", id="low-band"),
        pytest.param("It sat in the high-30% range.", "38", "5", id="high-band"),
        pytest.param("It was in the mid-34% range.", "34", "1", id="not-a-round-band"),
    ],
)
def test_percent_bands_read_as_about(text: str, value: str, step: str) -> None:
    band = only(text)
    assert (band.value, band.step, band.unit, band.qualifier) == (
        Decimal(value),
        Decimal(step),
        "percent",
        "about",
    )


# -- properties ---------------------------------------------------------------------------------

TOKENS = [
    "$", "US$", "USD ", "₩", "KRW ", "1", "2", "3", "0", "9", ".", ",", "-", "−", "–", " ", "%",
    "million", "bn", "M", " won", " dollars", " percent", " per cent", "point", "-point-",
    "two", "forty", "hundred", " and ", "a ", "third", "thirds", "half", " of ", " to ",
    "about ", "more than ", "top ", "2023", "(", ")", "K-pop", "mid-", "x", "\n",
]  # fmt: skip
article_like = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)


def check_spans(text: str, found: list[Amount]) -> None:
    previous_end = 0
    for amount in found:
        assert previous_end <= amount.start < amount.end <= len(text)
        assert text[amount.start : amount.end] == amount.text
        if amount.hedge_start is not None:
            assert previous_end <= amount.hedge_start < amount.start
        previous_end = amount.end


@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    check_spans(text, find_amounts(text))
    parse_amount(text)


@given(article_like)
def test_never_raises_on_figure_like_text(text: str) -> None:
    check_spans(text, find_amounts(text))
    parse_amount(text)


MONEY_LIKES = [
    "$301.7 million", "US$291 mln", "US$132.93 million", "64.40 million U.S. dollars",
    "48,523,000 dollars", "$1.2bn", "$3.017 billion", "USD 301.7 million", "301.7 million USD",
    "KRW 45.6 billion", "168.5 billion won", "₩1.2 trillion", "132.934 million dollars",
    "$15 billion", "$300 million", "233-point-11 million dollars", "301 point 7 million dollars",
    "forty-eight million dollars", "$560M", "$3m", "93.5 million", "$20.36", "5 dollars",
]  # fmt: skip
PERCENT_LIKES = [
    "3.4%", "17.1 percent", "45.8 per cent", "0.55%", "-2.0%", "−10.2%", "+3.4%", "60%",
    "two-point-five percent", "3.8 percentage points", "3.8%p", "two-thirds", "a fifth",
]  # fmt: skip


@given(
    st.sampled_from(MONEY_LIKES),
    st.decimals(min_value=0, max_value=10**15, places=0),
)
def test_money_written_like_reads_back(like_text: str, value: Decimal) -> None:
    assert_reads_back(like_text, value)


@given(
    st.sampled_from(PERCENT_LIKES),
    st.decimals(min_value=-1000, max_value=1000, places=3),
)
def test_percent_written_like_reads_back(like_text: str, value: Decimal) -> None:
    assert_reads_back(like_text, value)


def assert_reads_back(like_text: str, value: Decimal) -> None:
    like = parse_amount(like_text) or only(like_text + " of it")
    written = format_like(value, like)
    back = parse_amount(written)
    assert back is not None, written
    assert back.unit == like.unit
    assert abs(back.value - value) <= back.step / 2, written
