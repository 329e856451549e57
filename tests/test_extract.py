"""Extract: each phrasing of a figure as one claim — its kind, signed value, unit, hedge and
quote — then sentence splitting, and pages that print their body twice.

The sentences are written for these tests in the manner of news reports, with real figures from
reference/kcs-album-exports.csv: 2025 world $301,744,000 (+3.4%), Japan $80,630,000 (-10.2%),
China $69,715,000 (+16.6%); 2024 world $291,800,000 (+0.55%), Japan -24.7%; 2023-H1 world
$132,934,000 (+17.1%), Japan $48,523,000; 2022 world $233,113,000; 2021 world +62.1%; 2018
world $64,399,000; January-November 2020 Japan's share 48.6%. Won amounts are conversions
(not in the file), and a few figures (music exports, industry sales) are other things that
reports print beside the export figures.

Each row marks the figure in [brackets]: the claim whose span overlaps it must be the only one
there, quote exactly the bracketed text and carry the expected kind, value, unit and hedge.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tables import PARAMS, check_row, row

from factcheck.articles import article_from_text
from factcheck.extract import extract_claims, split_sentences
from factcheck.models import Claim


def claims_of(text: str) -> list[Claim]:
    return extract_claims(article_from_text(text, fmt="txt"))


# -- amounts -----------------------------------------------------------------------------------

AMOUNTS = [
    row("dollar-sign-million", "Album exports hit [$301.7 million] in 2025.",
        "value", "301700000", "USD"),
    row("us-dollar-mln", "Shipments abroad totalled [US$291 mln] in 2024.",
        "value", "291000000", "USD"),
    row("us-dollar-two-decimals", "First-half album exports came to [US$132.93 million].",
        "value", "132930000", "USD"),
    row("million-us-dollars-words", "Album exports in 2018 were [64.40 million U.S. dollars].",
        "value", "64400000", "USD"),
    row("thousands-separators", "Exports to Japan were [48,523,000 dollars] in the first half.",
        "value", "48523000", "USD"),
    row("bn-no-space", "The country's music exports reached [$1.2bn] in 2023.",
        "value", "1200000000", "USD"),
    row("billion-as-misprinted", "One wire put the 2025 total at [$3.017 billion].",
        "value", "3017000000", "USD"),
    row("krw-prefix", "Shipments to the U.S. were worth [KRW 45.6 billion].",
        "value", "45600000000", "KRW"),
    row("billion-won", "That came to [168.5 billion won] at the day's rate.",
        "value", "168500000000", "KRW"),
    row("won-sign-trillion", "Overseas sales of K-pop were put at [₩1.2 trillion].",
        "value", "1200000000000", "KRW"),
    row("about-billion-won", "Last year's album exports were worth [about 400 billion won].",
        "value", "400000000000", "KRW", "about"),
    row("broadcaster-point", "Album exports came to [233-point-11 million dollars] in 2022.",
        "value", "233110000", "USD"),
    row("full-dollars", "The agency put the total at [$301,744,000].",
        "value", "301744000", "USD"),
]  # fmt: skip

HEDGED = [
    row("about", "Album exports were [about $70 million] in 2019.",
        "value", "70000000", "USD", "about"),
    row("nearly", "First-half exports reached [nearly $133 million].",
        "value", "133000000", "USD", "nearly"),
    row("almost", "Album exports were [almost $75 million] in 2019.",
        "value", "75000000", "USD", "nearly"),
    row("more-than", "Exports were [more than $220 million] in 2021.",
        "value", "220000000", "USD", "over"),
    row("over", "Album exports rose to [over $200 million] in 2021.",
        "value", "200000000", "USD", "over"),
    row("topping", "Exports rose 3.4%, [topping $300 million] for the first time.",
        "value", "300000000", "USD", "over"),
    row("exceeded", "Album exports [exceeded $100 million] in 2020.",
        "value", "100000000", "USD", "over"),
    row("surpassed", "Album exports [surpassed $300 million] last year.",
        "value", "300000000", "USD", "over"),
    row("under", "Exports to China were [under $20 million] in the first half.",
        "value", "20000000", "USD", "under"),
    row("some", "[Some $17 million] of albums went to the U.S. that year.",
        "value", "17000000", "USD", "about"),
    row("neared", "Overseas K-pop sales [neared ₩1.2 trillion] last year.",
        "value", "1200000000000", "KRW", "nearly",
       ),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, AMOUNTS + HEDGED)
def test_amount(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


# -- changes -----------------------------------------------------------------------------------

CHANGES = [
    row("up-from-a-year-earlier", "Album exports were up [17.1%] from a year earlier.",
        "growth", "17.1", "percent"),
    row("a-increase", "Shipments hit $301.7 million, a [3.4% increase] on 2024.",
        "growth", "3.4", "percent"),
    row("a-dip", "Japan's purchases showed a [10.2% dip] last year.",
        "growth", "-10.2", "percent"),
    row("fell-year-on-year", "Album exports to Japan fell [24.7%] year-on-year.",
        "growth", "-24.7", "percent"),
    row("surged-by", "Shipments to China surged by [16.6%] to $69.7 million.",
        "growth", "16.6", "percent"),
    row("jumped-percent-on-year", "Album exports jumped [62.1 percent] on-year in 2021.",
        "growth", "62.1", "percent"),
    row("grew-over-years", "Album exports grew [60 percent] over the past four years.",
        "growth", "60", "percent"),
    row("fell-hundredths", "Album exports fell [2.0%] in the first half.",
        "growth", "-2.0", "percent"),
    row("rose-hundredths", "Album exports rose [0.55%] to $291.8 million in 2024.",
        "growth", "0.55", "percent"),
    row("down-word", "Exports to China were down [51.1%] on-year.",
        "growth", "-51.1", "percent"),
    row("two-changes-two-signs", "China dropped [18.7%] while U.S. shipments rose 30.4%.",
        "growth", "-18.7", "percent"),
    row("declined-from-a-year-earlier",
        "Album exports to Japan declined [15.0%] from a year earlier.",
        "growth", "-15.0", "percent",
       ),
    row("dropped-year-on-year", "Album exports to China dropped [18.7%] year-on-year.",
        "growth", "-18.7", "percent",
       ),
    row("plunged-on-year", "Shipments to the U.S. plunged [36.1%] on-year.",
        "growth", "-36.1", "percent",
       ),
    row("decline-after-on-year", "Exports to Japan posted a [15.0%] on-year decline.",
        "growth", "-15.0", "percent",
       ),
    row("slipped", "Album exports slipped [2.0%] from a year earlier.",
        "growth", "-2.0", "percent",
       ),
    row("doubled", "Album exports to China [doubled] in 2021.",
        "growth", "100", "percent",
        gap="'doubled' gives no claim (should be growth +100%)"),
    row("more-than-doubled", "Album exports to China [more than doubled] in 2021.",
        "growth", "100", "percent", "over",
       ),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, CHANGES)
def test_change(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


# -- shares ------------------------------------------------------------------------------------

SHARES = [
    row("accounting-for-of-the-total",
        "Japan bought the most, accounting for [48.6 percent] of the total.",
        "share", "48.6", "percent"),
    row("together-accounted-for",
        "Japan, the U.S. and China together accounted for [71.7 percent] of album exports.",
        "share", "71.7", "percent"),
    row("a-share-of", "The U.S. took a [17.1 percent] share of album exports.",
        "share", "17.1", "percent"),
    row("percentage-points", "Japan's share fell [3.8 percentage points] to 36 percent.",
        "share", "-3.8", "percent", "points"),
    row("share-level-after-points", "Japan's share fell 3.8 percentage points to [36 percent].",
        "share", "36", "percent"),
    row("half-of", "Japan bought [half] of all K-pop albums shipped abroad.",
        "share", "50", "percent"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, SHARES)
def test_share(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


# -- ranks -------------------------------------------------------------------------------------

RANKS = [
    row("no-2", "China was [No. 2] among destinations in 2025.", "rank", "2", "rank"),
    row("no-2-no-space", "China climbed to [No.2] in 2025.", "rank", "2", "rank"),
    row("second-largest-market", "China was the [second-largest market] for K-pop albums.",
        "rank", "2", "rank"),
    row("the-biggest-importer", "In 2025 Japan remained [the biggest importer] of K-pop CDs.",
        "rank", "1", "rank"),
    row("third-place", "The U.S. was in [third place] in 2025.", "rank", "3", "rank"),
    row("ranked-third", "The U.S. [ranked third] in 2025.", "rank", "3", "rank"),
    row("top-export-destination", "Japan stayed [the top export destination] for K-pop albums.",
        "rank", "1", "rank"),
    row("overtook-for-second-place", "The U.S. overtook China for [second place].",
        "rank", "2", "rank"),
    row("in-the-top-10", "Poland was in the [top 10] for the first time.",
        "rank", "10", "rank", "top"),
    row("largest-then-followed-by", "Japan was [the largest importer], followed by China.",
        "rank", "1", "rank"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, RANKS)
def test_rank(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


def test_every_figure_of_a_sentence_in_order() -> None:
    text = "Exports to Japan fell 10.2% to $80.6 million, while China rose 16.6% to No. 2."
    claims = claims_of(text)
    assert [(c.kind, c.quote, c.stated) for c in claims] == [
        ("growth", "10.2%", Decimal("-10.2")),
        ("value", "$80.6 million", Decimal("80600000")),
        ("growth", "16.6%", Decimal("16.6")),
        ("rank", "No. 2", Decimal(2)),
    ]
    assert [c.id for c in claims] == ["c1", "c2", "c3", "c4"]
    assert {c.sentence for c in claims} == {text}


def test_no_figures_no_claims() -> None:
    assert claims_of("K-pop albums keep selling abroad, the agency said.") == []


# -- sentences ---------------------------------------------------------------------------------

SPLITS = [
    pytest.param(
        "China ranked No. 2 in 2025. The U.S. came third.",
        ["China ranked No. 2 in 2025.", "The U.S. came third."],
        id="no-2-is-no-end",
    ),
    pytest.param(
        "Shipments to the U.S. rose 3.4%. Japan still led.",
        ["Shipments to the U.S. rose 3.4%.", "Japan still led."],
        id="us-abbreviation-mid-sentence",
    ),
    pytest.param(
        "Fans abroad kept buying K-pop.According to customs data, exports rose.",
        ["Fans abroad kept buying K-pop.", "According to customs data, exports rose."],
        id="run-together-k-pop",
    ),
    pytest.param(
        "Album exports to Japan\nfell 10.2% last year.\n\nChina rose 16.6%.",
        ["Album exports to Japan\nfell 10.2% last year.", "China rose 16.6%."],
        id="line-broken-mid-sentence",
    ),
    pytest.param(
        "K-pop album exports hit a record\nJapan was the biggest buyer.",
        ["K-pop album exports hit a record", "Japan was the biggest buyer."],
        id="headline-line-without-full-stop",
    ),
    pytest.param(
        "The figures came out on Jan. 16. Japan led.",
        ["The figures came out on Jan. 16.", "Japan led."],
        id="month-abbreviation",
    ),
    pytest.param(
        "Exports reached $301.7 million.Japan led with $80.6 million.",
        ["Exports reached $301.7 million.", "Japan led with $80.6 million."],
        id="run-together-after-figure",
    ),
    pytest.param(
        'Exports rose 3.4%. "It is a record," an official said.',
        ["Exports rose 3.4%.", '"It is a record," an official said.'],
        id="quotation-opens-sentence",
    ),
    pytest.param("", [], id="empty"),
    pytest.param(
        "Album exports to Japan\n   fell 10.2% last year.",
        ["Album exports to Japan\n   fell 10.2% last year."],
        id="indented-line-broken-mid-sentence",
    ),
    pytest.param(
        "Demand grew fastest in the U.S. Japan still bought the most.",
        ["Demand grew fastest in the U.S.", "Japan still bought the most."],
        id="us-ends-sentence",
        marks=pytest.mark.xfail(
            strict=True, reason="'U.S.' ending a sentence is taken as an abbreviation: no split"
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_paragraphs_are_numbered_and_start_is_respected() -> None:
    text = "Headline\n\nFirst one. Second one.\nThird one."
    sentences = split_sentences(text, start=text.index("First"))
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("First one.", 0),
        ("Second one.", 0),
        ("Third one.", 1),
    ]


# -- a page that repeats its body --------------------------------------------------------------

BODY = (
    "Overseas shipments of K-pop albums came to $301.7 million last year, up 3.4% on 2024.\n"
    "Japan remained the largest buyer at $80.6 million, ahead of China.\n"
)
PAGE = f"Album exports top $300 million\n\n{BODY}\nRelated stories\n\n{BODY}"


def test_repeated_body_points_back_to_the_first_copy() -> None:
    claims = claims_of(PAGE)
    first = [c for c in claims if c.repeat_of is None]
    again = [c for c in claims if c.repeat_of is not None]
    assert [c.quote for c in first] == [
        "top $300 million",
        "$301.7 million",
        "3.4%",
        "the largest buyer",
        "$80.6 million",
    ]
    by_id = {c.id: c for c in claims}
    assert [by_id[c.repeat_of].quote for c in again if c.repeat_of] == [c.quote for c in first[1:]]
    assert all(c.start > by_id[c.repeat_of].start for c in again if c.repeat_of)


def test_repeat_ignores_how_lines_are_wrapped() -> None:
    rewrapped = BODY.replace("came to ", "came\nto ", 1).replace(", ahead", ",  ahead")
    claims = claims_of(f"{BODY}\n{rewrapped}")
    assert [c.repeat_of for c in claims] == [None] * 4 + ["c1", "c2", "c3", "c4"]


def test_the_same_figure_in_another_sentence_is_no_repeat() -> None:
    text = (
        "Album exports reached $301.7 million last year, the customs agency said.\n"
        "At $301.7 million, last year's shipments were the highest on record."
    )
    assert [c.repeat_of for c in claims_of(text)] == [None, None]
