"""Extract, Korean: each phrasing of a figure in a Korean sentence as one claim — its kind,
signed value, unit, hedge and quote — and Korean sentence ends.

The sentences are written for these tests in the manner of Korean wire copy on Korea Customs
Service releases, with real figures from reference/kcs-album-exports.csv: 2025 world
$301,744,000 (+3.4%), Japan $80,630,000 (-10.2%), China $69,715,000 (+16.6%), Poland +80%;
2025-H1 world -11.6%, Japan -15.0%, US -36.1%, China +9.3%; 2024 world $291,800,000 (+0.55%);
October 2024 world $35,500,000 (+37.8%); 2023-H1 world $132,934,000 (+17.1%); 2022 world
$233,113,000 (+5.6%), Japan $85,749,000 and a 36% share, China a 22% share; 2021 world
$220,836,000 (+62.1%), China +151.4%; January-November 2020 Japan's share 48.6% and 114
destination countries; 2017 world $44,182,000 and 78 destinations. Won amounts are
conversions (not in the file); copies sold are Circle Chart's, not customs figures.

Each row marks the figure in [brackets]: the claim whose span overlaps it must be the only one
there, quote exactly the bracketed text and carry the expected kind, value, unit and hedge.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tables import PARAMS, row
from tables import check_row as check_any

from factcheck.articles import article_from_text
from factcheck.extract import extract_claims, split_sentences
from factcheck.models import Claim


def check_row(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_any(marked, kind, stated, unit, qualifier, language="ko")


def claims_of(text: str) -> list[Claim]:
    return extract_claims(article_from_text(text, fmt="txt", language="ko"))


# -- values ------------------------------------------------------------------------------------

VALUES = [
    row("eok-man-dollars", "지난해 음반 수출액은 [3억174만4000달러]로 집계됐다.",
        "value", "301744000", "USD"),
    row("kilo-inside", "음반 수출액은 [2억3천311만달러]로 늘었다.",
        "value", "233110000", "USD"),
    row("spaced-tail", "일본은 [8,574만 9천 달러]로 가장 많았다.",
        "value", "85749000", "USD"),
    row("won-in-brackets", "일본 8,574만 9천 달러([약 1천65억원])를 기록했다.",
        "value", "106500000000", "KRW", "about"),
    row("about-won", "우리 돈 [약 2,895억 원]으로 추산된다.",
        "value", "289500000000", "KRW", "about"),
    row("nearly-after-with-verb", "음반 수출액이 [3천억 원에 육박해] 최고치를 기록했다.",
        "value", "300000000000", "KRW", "nearly"),
    row("over-after-particle", "2017년 처음으로 [4,000만 달러를 넘긴] 이래 성장했다.",
        "value", "40000000", "USD", "over"),
    row("over-headline", "K팝 음반 수출 [3억 달러 돌파]", "value", "300000000", "USD", "over"),
    row("joined-first-shares-hedge", "각각 [1억 달러]와 2억 달러를 돌파했다.",
        "value", "100000000", "USD", "over"),
    row("copies-are-counts", "앨범 판매량은 [9천837만장]으로 집계됐다.",
        "value", "98370000", "count"),
    row("copies-before-a-change", "수출량은 2.1% 증가한 [1천643만장]이었다.",
        "value", "16430000", "count"),
    row("no-unit-after-won", "매출은 1조2000억원이었다. 이 가운데 음반은 [3천억]에 이른다.",
        "value", "300000000000", "KRW"),
    row("english-form-inside", "외신 보도([US$301.7 million])도 같다.",
        "value", "301700000", "USD"),
    row("over-past-an-adverb", "K팝 음반 수출이 [3억 달러를 처음 넘어섰다].",
        "value", "300000000", "USD", "over",
        gap="the hedge after an adverb is not read: '3억 달러' with no qualifier"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, VALUES)
def test_value(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


def test_copies_stay_counts_after_money() -> None:
    [money, copies] = claims_of("수출액은 2억9180만 달러였고 앨범 판매량은 9천837만장이었다.")
    assert (money.unit, copies.unit, copies.stated) == ("USD", "count", Decimal(98370000))


def test_a_bare_count_is_no_claim() -> None:
    assert claims_of("음반이 수출 상위 5개 품목에 들었고 3명이 상을 받았다.") == []


# -- changes -----------------------------------------------------------------------------------

CHANGES = [
    row("jeungga-after", "지난해 음반 수출액은 전년 대비 [5.6% 증가]했다.",
        "growth", "5.6", "percent"),
    row("neuleotda", "음반 수출액은 전년 대비 [3.4% 늘었다].",
        "growth", "3.4", "percent"),
    row("gamsohan-before-noun", "일본 수출은 [10.2% 감소한] 8063만 달러였다.",
        "growth", "-10.2", "percent"),
    row("neuleonan-before-noun", "중국 수출은 [16.6% 늘어난] 6971만5000달러였다.",
        "growth", "16.6", "percent"),
    row("geupjeung", "중국 수출은 전년 대비 [151.4% 급증]했다.",
        "growth", "151.4", "percent"),
    row("geupgam", "미국은 [36.1% 급감]했다.", "growth", "-36.1", "percent"),
    row("julleotda", "상반기 일본 수출은 [15.0% 줄었다].", "growth", "-15.0", "percent"),
    row("hagak", "상반기 음반 수출은 [11.6% 하락]했다.", "growth", "-11.6", "percent"),
    row("sangseung", "10월 수출은 전년 동월 대비 [37.8% 상승]했다.",
        "growth", "37.8", "percent"),
    row("particle-na", "중국 수출은 전년보다 [16.6%나 증가]했다.",
        "growth", "16.6", "percent"),
    row("hedge-garyang", "수출액이 [17%가량 늘었다].", "growth", "17", "percent", "about"),
    row("adverb-between", "폴란드는 [80% 더 늘었다].", "growth", "80", "percent"),
    row("printed-minus", "상반기 수출은 전년 동기 대비 [-11.6%]를 기록했다.",
        "growth", "-11.6", "percent"),
    row("minus-and-down-word", "상반기 수출은 [-11.6% 감소]했다.",
        "growth", "-11.6", "percent"),
    row("rate-noun-before", "상반기 수출 증가율은 [17.1%]에 달했다.",
        "growth", "17.1", "percent"),
    row("down-rate-noun-before", "일본 수출 감소율은 [10.2%]였다.",
        "growth", "-10.2", "percent"),
    row("hundredths", "수출액은 전년보다 [0.55% 늘어나는] 데 그쳤다.",
        "growth", "0.55", "percent"),
    row("headline-arrow-up", "K팝 음반 수출 3억 달러 돌파…中 [16.6%↑]",
        "growth", "16.6", "percent"),
    row("headline-arrow-down", "K팝 음반 수출 3억 달러 돌파…日 [10.2%↓]",
        "growth", "-10.2", "percent"),
    row("second-of-two-signs", "미국은 67.3% 증가했지만 중국은 [51.1% 감소]했다.",
        "growth", "-51.1", "percent"),
    row("twice", "중국 수출이 [2배 가까이] 늘었다.", "growth", "100", "percent", "nearly"),
    row("two-times-word", "음반 수출이 [두 배]로 늘었다.", "growth", "100", "percent", "about"),
    row("times-decimal", "음반 수출이 [2.5배] 증가했다.", "growth", "150", "percent", "about"),
    row("halved", "중국 수출은 [절반]으로 줄었다.", "growth", "-50", "percent", "about",
        gap="'절반으로 줄었다' gives no claim (should be growth -50%)"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, CHANGES)
def test_change(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


# -- shares ------------------------------------------------------------------------------------

SHARES = [
    row("bijung-before", "일본의 비중은 [36%]였다.", "share", "36", "percent"),
    row("jeoncheui", "일본이 전체의 [48.6%]를 차지했다.", "share", "48.6", "percent"),
    row("chaji-after", "일본이 전체 수출의 [48.6%]를 차지했다.", "share", "48.6", "percent"),
    row("jeomyuyul", "일본은 점유율 [36%]로 1위를 지켰다.", "share", "36", "percent"),
    row("level-compared-with", "비중은 36%로 전년도 [35.3%]에 비해 높아졌다.",
        "share", "35.3", "percent"),
    row("level-from", "일본 비중은 2021년 [35.3%]에서 2022년 36%로 높아졌다.",
        "share", "35.3", "percent"),
    row("level-to", "일본 비중은 2021년 35.3%에서 2022년 [36%]로 높아졌다.",
        "share", "36", "percent"),
    row("points-up", "일본 비중이 [3.8%p 높아졌다].", "share", "3.8", "percent", "points"),
    row("points-down-word", "일본 비중이 [3.8%포인트 낮아졌다].",
        "share", "-3.8", "percent", "points"),
    row("list-first-takes-the-last", "중국은 [22%], 미국은 17%를 차지했다.",
        "share", "22", "percent"),
    row("list-of-three", "일본 [36%], 중국 22%, 미국 17% 순으로 비중이 컸다.",
        "share", "36", "percent"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, SHARES)
def test_share(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


# -- ranks -------------------------------------------------------------------------------------

RANKS = [
    row("wi", "중국이 [2위]를 기록했다.", "rank", "2", "rank"),
    row("wi-chaji", "미국은 [3위]를 차지했다.", "rank", "3", "rank"),
    row("wi-copula", "일본은 [1위]였다.", "rank", "1", "rank"),
    row("lead-jechigo", "중국이 미국을 [제치고 2위]에 올랐다.", "rank", "2", "rank"),
    row("lead-suchulaek", "특히 [수출액 2위]를 기록한 중국은 급증했다.", "rank", "2", "rank"),
    row("second-of-a-pair", "중국과 미국이 각각 2위와 [3위]였다.", "rank", "3", "rank"),
    row("most-imported-country-is", "음반을 [가장 많이 수입해 간 국가는 일본]이었다.",
        "rank", "1", "rank"),
    row("most-after-partner", "일본이 7804만9000달러(약 927억 원)로 [가장 많았다].",
        "rank", "1", "rank"),
    row("largest-after-share", "일본의 비중은 전체의 36%로 [가장 컸다].", "rank", "1", "rank"),
    row("biggest-market-noun", "일본은 한국 음반의 [최대 수출국]이다.", "rank", "1", "rank"),
    row("ordinal-largest", "중국은 [두 번째로 큰 시장]이었다.", "rank", "2", "rank"),
    row("ordinal-most", "미국이 [세 번째로 많았다].", "rank", "3", "rank"),
    row("big-three", "일본, 중국, 미국 등 [3대 시장]이 전체의 75.5%를 차지했다.",
        "rank", "3", "rank", "top"),
    row("top-ten-tob", "음반 수출 대상국 [톱 10]에는 대만과 독일이 이름을 올렸다.",
        "rank", "10", "rank", "top"),
    row("top-ten-attached", "폴란드는 처음으로 [톱10]에 진입했다.", "rank", "10", "rank", "top"),
    row("top-ten-countries", "독일은 [상위 10개국]에 올랐다.", "rank", "10", "rank", "top"),
    row("ten-wigwon", "폴란드는 처음으로 [10위권]에 진입했다.", "rank", "10", "rank", "top"),
    row("ten-wi-an", "대만, 독일, 폴란드가 [10위 안]에 이름을 올렸다.",
        "rank", "10", "rank", "top"),
    row("ordered-list", "일본, 중국, 미국 [순]으로 수출액이 많았다.", "rank", "1", "rank",
        gap="a list ordered by '순으로' gives no ranks"),
    row("followed-by", "일본이 1위였고 중국과 미국이 [그 뒤를 이었다].", "rank", "2", "rank",
        gap="'그 뒤를 이었다' gives no ranks"),
    row("range-of-places", "[1~3위]는 일본, 중국, 미국이 차지했다.", "rank", "3", "rank", "top",
        gap="a range of places gives no claim"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, RANKS)
def test_rank(marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None) -> None:
    check_row(marked, kind, stated, unit, qualifier)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("음반 수출액이 역대 최대를 기록했다.", id="record-not-rank"),
        pytest.param("지난해 음반 수출은 사상 최대였다.", id="record-sasang"),
        pytest.param("가장 많이 팔린 앨범은 '프루프'였다.", id="best-selling-album"),
        pytest.param("중국이 가장 큰 폭으로 늘었다.", id="largest-change"),
        pytest.param("중국의 증가율이 가장 높았다.", id="fastest-growth"),
        pytest.param("첫째, 수출 통계는 잠정치다.", id="ordinal-in-a-list"),
        pytest.param("100위안에 팔렸다.", id="yuan"),
        pytest.param("1~10월 누적 수출을 16일 발표했다.", id="months-and-day"),
    ],
)
def test_no_rank(sentence: str) -> None:
    assert [c.quote for c in claims_of(sentence) if c.kind == "rank"] == []


# -- destination counts ------------------------------------------------------------------------

DESTINATIONS = [
    row("gaeguk", "음반은 [78개국]에 수출됐다.", "value", "78", "count"),
    row("gaeguk-euro", "음반이 [114개국]으로 수출됐다.", "value", "114", "count"),
    row("yeo-gaeguk", "수출 대상국은 [110여 개국]에 이른다.", "value", "110", "count", "over"),
]  # fmt: skip


@pytest.mark.parametrize(PARAMS, DESTINATIONS)
def test_destinations(
    marked: str, kind: str, stated: Decimal, unit: str, qualifier: str | None
) -> None:
    check_row(marked, kind, stated, unit, qualifier)


def test_destination_count_says_so() -> None:
    [claim] = claims_of("음반은 78개국에 수출됐다.")
    assert claim.found == {"count": "destination countries"}


# -- whole sentences and articles ----------------------------------------------------------------


def test_every_figure_of_a_sentence_in_order() -> None:
    text = (
        "음반 수출액은 2억2083만6000달러(약 2624억 원)로 2020년 1억3620만1000달러보다 "
        "62.1% 증가했고, 수출액 2위를 기록한 중국은 151.4% 급증했다."
    )
    got = [(c.quote, c.kind, c.stated, c.unit) for c in claims_of(text)]
    assert got == [
        ("2억2083만6000달러", "value", Decimal(220836000), "USD"),
        ("약 2624억 원", "value", Decimal(262400000000), "KRW"),
        ("1억3620만1000달러", "value", Decimal(136201000), "USD"),
        ("62.1% 증가", "growth", Decimal("62.1"), "percent"),
        ("수출액 2위", "rank", Decimal(2), "rank"),
        ("151.4% 급증", "growth", Decimal("151.4"), "percent"),
    ]


def test_no_figures_no_claims() -> None:
    assert claims_of("K팝 시장 호황이 이어지고 있다. 관세청이 16일 밝혔다.") == []


def test_repeated_headline_points_back() -> None:
    line = "지난해 K팝 음반 수출액 사상 최대…3천억 원 육박, 전년 대비 5.6% 증가"
    claims = claims_of(f"{line}\n\n{line}")
    assert [(c.quote, c.repeat_of) for c in claims] == [
        ("3천억 원 육박", None),
        ("5.6% 증가", None),
        ("3천억 원 육박", "c1"),
        ("5.6% 증가", "c2"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "수출액은 5.6% 증가했다. 일본은 1위였다.",
            ["수출액은 5.6% 증가했다.", "일본은 1위였다."],
            id="blank-then-hangul",
        ),
        pytest.param(
            "수출액이 늘었습니다. 2017년에는 4천만 달러였습니다.",
            ["수출액이 늘었습니다.", "2017년에는 4천만 달러였습니다."],
            id="blank-then-digit",
        ),
        pytest.param(
            "일본은 1위였다.중국은 2위였다.",
            ["일본은 1위였다.", "중국은 2위였다."],
            id="run-together-after-da",
        ),
        pytest.param(
            "수출액은 2억3천311만달러.일본은 1위",
            ["수출액은 2억3천311만달러.일본은 1위"],
            id="run-together-not-after-da",
        ),
        pytest.param(
            '관세청은 "역대 최대"라고 밝혔다. (사진=연합뉴스)',
            ['관세청은 "역대 최대"라고 밝혔다.', "(사진=연합뉴스)"],
            id="bracket-after",
        ),
        pytest.param(
            "Exports rose 3.4%. 일본은 1위였다.",
            ["Exports rose 3.4%.", "일본은 1위였다."],
            id="english-then-korean",
        ),
    ],
)
def test_split_korean_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
