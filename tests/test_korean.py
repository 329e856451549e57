"""Korean grammar and vocabulary: amounts, periods, partners, topics and metrics.

The sentences are written for these tests in the manner of Korean wire copy on Korea Customs
Service releases, with real KCS figures (reference/kcs-album-exports.csv): 2025 world
301,744,000 USD (+3.4%), Japan 80,630,000 (-10.2%), China 69,715,000 (+16.6%); 2024 world
291,800,000 (+0.55%); 2023-H1 world 132,934,000 (+17.1%); 2022 world 233,113,000 (+5.6%),
Japan 85,749,000; 2021 world 220,836,000 (+62.1%); October 2024 world 35,500,000 (+37.8%).
Won amounts are conversions, written as the papers print them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tables import form
from tables import unmark_all as unmark

from factcheck import amounts_ko
from factcheck.aliases import find_partners, find_topics, find_totals, match_metric
from factcheck.amounts import Amount, find_amounts, format_like, parse_amount, qualifier_of
from factcheck.errors import DataError
from factcheck.models import Period
from factcheck.periods import find_periods, parse_period_text, resolve_period
from factcheck.reference import read_rows, reference_dir


def only(sentence: str) -> Amount:
    found = find_amounts(sentence, "ko")
    assert len(found) == 1, [a.text for a in found]
    return found[0]


# -- amounts ------------------------------------------------------------------------------------

# The figure in [brackets]; expected "value unit step", then the qualifier if any.
FORMS = [
    form("man-digits", "일본은 [8063만 달러]로 1위를 지켰다.", "80630000 USD 10000"),
    form("eok-man-attached", "지난해 수출액은 [2억9180만달러]였다.", "291800000 USD 100000"),
    form("eok-kilo", "음반 수출액은 [2억3천311만달러]로 집계됐다.", "233110000 USD 10000"),
    form("eok-man-tail", "상반기 수출은 [1억3293만4000달러]였다.", "132934000 USD 1000"),
    form("thousand-unit", "상반기 수출액은 [13만2934천 달러]다.", "132934000 USD 1000"),
    form("commas-spaced-tail", "수출액은 [2억3,311만 3천 달러]다.", "233113000 USD 1000"),
    form("commas-kilo-tail", "일본은 [8,574만 9천 달러]를 기록했다.", "85749000 USD 1000"),
    form("round-eok", "처음으로 [3억 달러]의 벽을 깼다.", "300000000 USD 100000000"),
    form("eok-man-won", "우리 돈 [4102억5000만원]어치다.", "410250000000 KRW 10000000"),
    form("jo-eok-won", "K팝 매출은 [1조2000억원]으로 추산된다.", "1200000000000 KRW 100000000000"),
    form("kilo-eok-won", "수출액이 [3천억 원]을 기록했다.", "300000000000 KRW 100000000000"),
    form("kilo-and-digits", "일본 수출은 [1천65억원] 규모다.", "106500000000 KRW 100000000"),
    form("commas-eok", "[2,895억 원] 상당이다.", "289500000000 KRW 100000000"),
    form("decimal-slip", "수출액은 [2.915억 원]으로 잘못 표기됐다.", "291500000 KRW 100000"),
    form("percent", "전년 대비 [4.8%] 증가했다.", "4.8 percent 0.1"),
    form("percent-hundredths", "증가율은 [0.55%]에 그쳤다.", "0.55 percent 0.01"),
    form("percent-whole", "폴란드는 [80%] 늘었다.", "80 percent 1"),
    form("percent-minus", "상반기 수출은 [-11.6%] 줄었다.", "-11.6 percent 0.1"),
    form("percent-points", "비중이 [3.8%p] 높아졌다.", "3.8 percent 0.1"),
    form("percent-word", "일본은 [10.2퍼센트] 감소했다.", "10.2 percent 0.1"),
    form("copies", "판매량은 [9천837만장]으로 집계됐다.", "98370000 count 10000"),
    form("scale-only-count", "수출액이 [3천억]에 이른다.", "300000000000 count 100000000000"),
    form("about-before", "우리 돈 약 [2,895억 원]이다.", "289500000000 KRW 100000000 about"),
    form("about-in-brackets", "일본(약 [1천65억원])", "106500000000 KRW 100000000 about"),
    form("about-no-blank", "약[2624억 원]으로 추산된다.", "262400000000 KRW 100000000 about"),
    form("nearly-after", "[3천억 원]에 육박했다.", "300000000000 KRW 100000000000 nearly"),
    form("nearly-no-particle", "[3천억 원] 육박", "300000000000 KRW 100000000000 nearly"),
    form("over-after-particle", "[4,000만 달러]를 넘긴 이래", "40000000 USD 10000000 over"),
    form("over-dolpa", "[3억 달러] 돌파", "300000000 USD 100000000 over"),
    form("over-isang", "[1억 달러] 이상을 수출했다.", "100000000 USD 100000000 over"),
    form("under-miman", "[5천만 달러] 미만이었다.", "50000000 USD 10000000 under"),
    form("under-mot-michin", "[3억 달러]에 못 미쳤다.", "300000000 USD 100000000 under"),
    form("about-garyang", "[2억 달러]가량 늘었다.", "200000000 USD 100000000 about"),
    form("over-yeo-attached", "[2억여 달러]를 수출했다.", "200000000 USD 100000000 over"),
    form("over-dae-attached", "[3천억원대]로 올라섰다.", "300000000000 KRW 100000000000 over"),
    form("at-least-before", "최소 [1억 달러]는 된다.", "100000000 USD 100000000 over"),
    form("english-inside", "외신 보도([US$301.7 million])도 같다.", "301700000 USD 100000"),
]  # fmt: skip


@pytest.mark.parametrize(("marked", "expected"), FORMS)
def test_reads_each_korean_form(marked: str, expected: str) -> None:
    sentence, [span] = unmark(marked)
    value, unit, step, *qualifier = expected.split()
    amount = only(sentence)
    assert (amount.value, amount.unit, amount.step) == (Decimal(value), unit, Decimal(step))
    assert amount.qualifier == (qualifier[0] if qualifier else None)
    assert (amount.start, amount.end) == span


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [
        pytest.param("음반 수출액이 3천억 원에 육박해 최고치", "3천억 원에 육박해", id="after"),
        pytest.param("2017년 4,000만 달러를 넘긴 이래", "4,000만 달러를 넘긴", id="particle"),
        pytest.param("수출은 1억 달러 돌파", "1억 달러 돌파", id="no-particle"),
        pytest.param("우리 돈 약 2,895억 원으로", "약 2,895억 원", id="before"),
    ],
)
def test_hedge_span_covers_the_hedge_words(sentence: str, hedged: str) -> None:
    amount = only(sentence)
    start = amount.start if amount.hedge_start is None else amount.hedge_start
    end = amount.end if amount.hedge_end is None else amount.hedge_end
    assert sentence[start:end] == hedged


def test_joined_figures_share_the_hedge_after_the_last() -> None:
    found = find_amounts("2020년과 2021년에는 각각 1억 달러와 2억 달러를 돌파했다.", "ko")
    assert [(a.text, a.qualifier) for a in found] == [("1억 달러", "over"), ("2억 달러", "over")]
    separate = find_amounts("일본은 1억 달러, 중국은 2억 달러를 돌파했다.", "ko")
    assert [a.qualifier for a in separate] == [None, "over"]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("2023년 음반 수출이 늘었다.", id="year"),
        pytest.param("상위 10개국에 올랐다.", id="count-of-countries"),
        pytest.param("중국이 2위를 기록했다.", id="rank"),
        pytest.param("1~10월 누적 수출", id="month-range"),
        pytest.param("오늘(16일) 관세청에 따르면", id="day"),
        pytest.param("제1조에 따라", id="article-number"),
        pytest.param("일본에서 1억 엔어치가 팔렸다.", id="yen"),
        pytest.param("3원칙을 지켰다.", id="won-inside-a-word"),
        pytest.param("수출액 3천1311만 달러", id="digits-overflow-kilo"),
        pytest.param("수출액 3억5000달러", id="digits-right-after-eok"),
        pytest.param("수출액 5만3억 달러", id="scales-out-of-order"),
        pytest.param("", id="empty"),
    ],
)
def test_not_korean_amounts(sentence: str) -> None:
    assert find_amounts(sentence, "ko") == []


@pytest.mark.parametrize(
    ("marked", "values"),
    [
        pytest.param("[3억]~[4억 달러] 수준", "3e8 4e8", id="both-scaled"),
        pytest.param("[3]~[4억 달러]", "3e8 4e8", id="shared-scale"),
        pytest.param("[1]~[2%] 성장", "1 2", id="percent"),
    ],
)
def test_korean_ranges_give_both_ends(marked: str, values: str) -> None:
    sentence, spans = unmark(marked)
    found = find_amounts(sentence, "ko")
    assert [(a.start, a.end) for a in found] == spans
    assert [a.value for a in found] == [Decimal(v) for v in values.split()]
    assert len({a.unit for a in found}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("약 4100억원", ("410000000000", "KRW", "about"), id="hedge-before"),
        pytest.param("3천억 원에 육박", ("300000000000", "KRW", "nearly"), id="hedge-after"),
        pytest.param(" 16.6% ", ("16.6", "percent", None), id="blanks"),
        pytest.param("3억 달러와 4억 달러", None, id="two-figures"),
        pytest.param("2023년", None, id="year"),
        pytest.param("수출 3억 달러", None, id="leading-words"),
    ],
)
def test_parse_amount_korean(text: str, expected: tuple[str, str, str | None] | None) -> None:
    amount = parse_amount(text, "ko")
    if expected is None:
        assert amount is None
    else:
        assert amount is not None
        assert (str(amount.value), amount.unit, amount.qualifier) == expected


@pytest.mark.parametrize(
    ("value", "like", "expected"),
    [
        pytest.param("80630000", "806만 달러", "8,063만 달러", id="dropped-digit"),
        pytest.param("291800000", "2억3천311만달러", "2억9천180만달러", id="kilo"),
        pytest.param("85749000", "2억3,311만 3천 달러", "8,574만 9천 달러", id="commas-tail"),
        pytest.param("220850000", "2억2083만6000달러", "2억2085만달러", id="digits"),
        pytest.param("132965000", "13만2934천 달러", "13만2965천 달러", id="thousand-unit"),
        pytest.param("291500000000", "2.915억 원", "2,915억 원", id="decimal-slip"),
        pytest.param("290000000", "2.915억 원", "2.900억 원", id="decimal-kept"),
        pytest.param("1200000000000", "3850억2000만원", "1조2000억원", id="up-a-scale"),
        pytest.param("289500000000", "3천억 원", "3천억 원", id="printed-step"),
        pytest.param("300010000", "2억2083만6000달러", "3억1만달러", id="no-tail-after-eok"),
        pytest.param("-10.2", "4.8%", "-10.2%", id="percent"),
    ],
)  # fmt: skip
def test_format_like_korean(value: str, like: str, expected: str) -> None:
    original = parse_amount(like, "ko")
    assert original is not None
    assert format_like(Decimal(value), original) == expected


def test_korean_layout_is_kept_in_the_style() -> None:
    layout = only("8,574만 9천 달러").style.korean
    assert layout is not None
    assert (layout.kilo, layout.kilo_tail, layout.tail_gap) == (False, True, " ")
    assert only("2억3천311만달러").scale == "억"
    assert only("4.8%").style.korean is None


@pytest.mark.parametrize(
    ("word", "qualifier"),
    [("약", "about"), ("육박해", "nearly"), ("넘긴", "over"), ("미만", "under"), ("증가", None)],
)
def test_qualifier_of_korean(word: str, qualifier: str | None) -> None:
    assert qualifier_of(word, "ko") == qualifier


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language 'fr': expected one of en, ko"):
        find_amounts("3,4 %", "fr")
    with pytest.raises(ValueError, match="'fr'"):
        find_periods("l'an dernier", "fr")
    with pytest.raises(ValueError, match="'fr'"):
        find_partners("Japon", "fr")


def test_english_reading_ignores_korean_figures() -> None:
    assert find_amounts("수출액은 2억3천311만달러였다") == []
    assert find_periods("지난해 상반기") == []
    assert find_partners("일본과 미국") == []


def test_bad_korean_number_word_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "number-words-ko.csv").write_text(
        "word,kind,meaning\n억만,scale,1000000000000\n", encoding="utf-8"
    )
    monkeypatch.setattr(amounts_ko, "reference_dir", lambda: tmp_path)
    with pytest.raises(DataError, match=r"number-words-ko.csv:2: word '억만', kind 'scale'"):
        amounts_ko._load_words()


def test_bad_korean_hedge_position_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hedges.csv").write_text(
        "language,phrase,qualifier,position\nko,약,about,inside\n", encoding="utf-8"
    )
    monkeypatch.setattr(amounts_ko, "reference_dir", lambda: tmp_path)
    with pytest.raises(DataError, match=r"hedges.csv:2: .*position 'inside'"):
        amounts_ko._load_hedges()


# -- periods ------------------------------------------------------------------------------------

JAN_2023, JUL_2023, NOV_2023 = date(2023, 1, 16), date(2023, 7, 18), date(2023, 11, 15)
NOV_2024, JUL_2025, JAN_2026 = date(2024, 11, 15), date(2025, 7, 16), date(2026, 1, 16)


def period(
    case_id: str,
    marked: str,
    expected: str,
    published: date | None = None,
    context: str | None = None,
) -> object:
    """The phrase in [brackets]; expected "role period" ("-" for none)."""
    return pytest.param(marked, expected, published, context, id=case_id)


PERIODS = [
    period("last-year", "[지난해] 수출은 2억3천311만달러", "period 2022", JAN_2023),
    period("last-year-jaknyeon", "[작년] 한 해 수출이 늘었다.", "period 2025", JAN_2026),
    period("this-year-so-far", "[올해] 수출은 늘었다.", "period 2023-01/2023-10", NOV_2023),
    period("first-half", "[상반기] 수출은 1억3293만 달러", "period 2023-H1", JUL_2023),
    period("this-year-half", "[올해 상반기] 수출은 줄었다.", "period 2025-H1", JUL_2025),
    period("ol-half", "[올 상반기] 수출은 줄었다.", "period 2025-H1", JUL_2025),
    period("second-half", "[하반기]에는 회복했다.", "period 2025-H2", JAN_2026),
    period("year-half", "[2022년 상반기] 수출은 줄었다.", "period 2022-H1"),
    period("compared-with", "[2022년 상반기와 비교해] 늘었다.", "base 2022-H1"),
    period("month-range", "[1~10월] 누적 수출은", "period 2023-01/2023-10", NOV_2023),
    period("month-range-tilde-op", "[1∼6월] 수출은", "period 2025-H1", JUL_2025),
    period("from-to", "[1월부터 10월까지] 수출은", "period 2023-01/2023-10", NOV_2023),
    period("year-months", "[2020년 1~11월] 음반류 수출은", "period 2020-01/2020-11"),
    period("last-month", "[지난달] 수출액은 3550만 달러", "period 2024-10", NOV_2024),
    period("month", "[10월] 수출은 37.8% 늘었다.", "period 2024-10", NOV_2024),
    period("year", "[2023년] 수출은 줄었다.", "period 2023"),
    period("same-period", "[전년 동기 대비] 17.1% 늘었다.", "base 2022-H1", JUL_2023, "2023-H1"),
    period("same-month", "[전년 동월 대비] 37.8% 늘었다.", "base 2023-10", NOV_2024, "2024-10"),
    period("previous-year", "[전년 대비] 5.6% 증가했다.", "base 2021", JAN_2023, "2022"),
    period("last-year-than", "[지난해 같은 기간보다] 늘었다.", "base 2022-H1", JUL_2023, "2023-H1"),
    period("year-base", "[2022년 대비] 4.8% 증가했다.", "base 2022"),
    period("since-first-time", "[2017년 이후] 처음으로 줄었다.", "other -", JUL_2023),
    period("since", "[2012년 이후] 매년 늘었다.", "period 2012-01/2023-06", JUL_2023),
    period("date", "[2023년 7월 18일] 관세청에 따르면", "other -"),
    period("dotted-date", "입력 [2023.07.18] 14:02", "other -"),
    period("until", "[지난해까지] 꾸준히 늘었다.", "other -", JAN_2023),
    period("past-years", "[지난 3년간] 두 배로 늘었다.", "period 2020-01/2022-12", JAN_2023),
    period("quarter", "[올해 3분기] 수출은", "period 2023-Q3", NOV_2023),
    period("no-date-context", "[지난해] 수출은 3억174만 달러", "period 2025", None, "2025"),
]


@pytest.mark.parametrize(("marked", "expected", "published", "context"), PERIODS)
def test_korean_periods(
    marked: str, expected: str, published: date | None, context: str | None
) -> None:
    sentence, [span] = unmark(marked)
    found = {(p.start, p.end): p for p in find_periods(sentence, "ko")}
    assert span in found, [p.text for p in found.values()]
    role, resolved = expected.split()
    assert found[span].role == role
    result, how = resolve_period(found[span], published, Period.parse(context or ""))
    assert (str(result) if result else "-") == resolved, how


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("수출이 올랐다.", id="ol-of-a-verb"),
        pytest.param("10개월 연속 증가", id="months-count"),
        pytest.param("16일간 열렸다", id="days-count"),
        pytest.param("수출액은 2,023만 달러", id="year-like-amount"),
    ],
)
def test_not_korean_periods(sentence: str) -> None:
    assert find_periods(sentence, "ko") == []


def test_parse_period_text_korean() -> None:
    assert str(parse_period_text("2023년 상반기에", language="ko")) == "2023-H1"
    assert str(parse_period_text("1~10월", date(2023, 11, 15), "ko")) == "2023-01/2023-10"
    assert parse_period_text("지난해", language="ko") is None  # needs a date


# -- partners, topics, metrics ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        pytest.param("지난해 가장 많이 수입한 국가는 일본이었고", "JP", id="copula"),
        pytest.param("일본으로 8,574만 9천 달러가 나갔다", "JP", id="particle-euro"),
        pytest.param("미국에 3887만 달러를 수출했다", "US", id="particle-e"),
        pytest.param("중국과 미국이 그 뒤를 이었다", "CN US", id="particles-gwa-i"),
        pytest.param("대만, 네덜란드, 태국, 홍콩, 독일", "TW NL TH HK DE", id="list"),
        pytest.param("인도네시아, 프랑스가 이름을 올렸다", "ID FR", id="longest-name"),
        pytest.param("영국·캐나다·폴란드·체코", "GB CA PL CZ", id="middle-dots"),
        pytest.param("日 음반 수출 급증…美·中도 늘어", "JP US CN", id="headline-hanja"),
        pytest.param("중국산 앨범", "CN", id="suffix-san"),
        pytest.param("인도적 지원과 남미국가", "", id="not-inside-words"),
        pytest.param("대만족스러운 결과", "", id="daemanjok"),
    ],
)
def test_korean_partners(sentence: str, codes: str) -> None:
    assert [m.code for m in find_partners(sentence, "ko")] == codes.split()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        pytest.param("해외 수출량의 비중은 16.7%", ["해외"], id="overseas"),
        pytest.param("전 세계 음반 시장", ["전 세계"], id="whole-world-spaced"),
        pytest.param("총 앨범 판매량", ["총"], id="total"),
        pytest.param("총리가 말했다", [], id="not-chongri"),
    ],
)
def test_korean_totals(sentence: str, words: list[str]) -> None:
    found = find_totals(sentence, "ko")
    assert [sentence[m.start : m.end] for m in found] == words
    assert all(m.code == "WORLD" for m in found)


@pytest.mark.parametrize(
    ("sentence", "topics"),
    [
        pytest.param("앨범 판매량은 9천837만장으로 줄었다", "copies copies", id="copies"),
        pytest.param("앨범 수출량은 1천643만장", "copies copies", id="export-volume"),
        pytest.param("써클차트 스트리밍 매출", "chart streaming revenue", id="compounds"),
        pytest.param("시장 상황과 장관 발언", "", id="jang-inside-words"),
    ],
)
def test_korean_topics(sentence: str, topics: str) -> None:
    assert [m.code for m in find_topics(sentence, "ko")] == topics.split()


@pytest.mark.parametrize(
    ("phrase", "metric"),
    [
        pytest.param("지난해 음반 수출액", "albums", id="eumban-suchul"),
        pytest.param("K팝 음반 수출", "albums", id="kpop"),
        pytest.param("케이팝 음반", "albums", id="kpop-hangul"),
        pytest.param("음반류 수출액", "albums_and_videos", id="eumbanryu"),
        pytest.param("음반·영상물 수출", "albums_and_videos", id="albums-and-videos"),
        pytest.param("영상물 수출", "videos", id="videos"),
        pytest.param("스트리밍 매출", None, id="streaming"),
    ],
)
def test_korean_metrics(phrase: str, metric: str | None) -> None:
    hit = match_metric(phrase, "ko")
    assert (hit[0] if hit else None) == metric


def test_korean_aliases_name_known_partners_once() -> None:
    partners = {row["code"] for _, row in read_rows(reference_dir() / "partners.csv", ("code",))}
    rows = [row for _, row in read_rows(reference_dir() / "aliases-ko.csv", ("partner", "alias"))]
    assert {row["partner"] for row in rows} <= partners
    assert len({row["alias"] for row in rows}) == len(rows)


# -- known gaps ---------------------------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="여 between the digits and 만: '300여만 달러'")
def test_gap_yeo_inside_a_number() -> None:
    assert only("300여만 달러").value == Decimal(3000000)


@pytest.mark.xfail(strict=True, reason="numbers in Hangul: '삼천억 원'")
def test_gap_hangul_numerals() -> None:
    assert only("삼천억 원").value == Decimal(300000000000)


@pytest.mark.xfail(strict=True, reason="△ for minus, as statistical tables write it")
def test_gap_triangle_minus() -> None:
    assert only("일본 △10.2%").value == Decimal("-10.2")


@pytest.mark.xfail(strict=True, reason="month-on-month bases: '전월 대비'")
def test_gap_previous_month_base() -> None:
    assert [p.role for p in find_periods("전월 대비 51.4% 늘었다", "ko")] == ["base"]


@pytest.mark.xfail(strict=True, reason="partners in 대미/대일 compounds: '대미 수출'")
def test_gap_dae_compounds() -> None:
    assert [m.code for m in find_partners("대미 수출이 늘었다", "ko")] == ["US"]


@pytest.mark.xfail(
    strict=True, reason="an English scale word with a Korean particle: 'million으로'"
)
def test_gap_english_figure_with_particle() -> None:
    assert only("US$301.7 million으로 집계").value == Decimal(301700000)


@pytest.mark.xfail(strict=True, reason="a name compounded with a noun: '일본시장'")
def test_gap_name_in_compound() -> None:
    assert [m.code for m in find_partners("일본시장 점유율", "ko")] == ["JP"]


# -- properties ---------------------------------------------------------------------------------

TOKENS = [
    "1", "2", "3", "0", "9", ",", ".", " ", "억", "만", "천", "조", "백", "십", "달러", "원", "%",
    "%p", "약 ", "여", "대", "를 ", "넘긴", "육박", "~", "-", "−", "장", "엔", "(", ")", "년",
    "월", "일", "제", "와 ", "돌파", "가량", "$", "지난해", "상반기", "전년 대비", "일본", "\n",
]  # fmt: skip
korean_like = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)


def check_spans(text: str, found: list[Amount]) -> None:
    previous_end = 0
    for amount in found:
        assert previous_end <= amount.start < amount.end <= len(text)
        assert text[amount.start : amount.end] == amount.text
        if amount.hedge_start is not None:
            assert amount.hedge_start < amount.start
        if amount.hedge_end is not None:
            assert amount.hedge_end > amount.end
        previous_end = amount.end


@given(st.text())
def test_korean_reading_never_raises_on_any_text(text: str) -> None:
    check_spans(text, find_amounts(text, "ko"))
    parse_amount(text, "ko")
    find_periods(text, "ko")
    find_partners(text, "ko")


@given(korean_like)
def test_korean_reading_never_raises_on_figure_like_text(text: str) -> None:
    check_spans(text, find_amounts(text, "ko"))
    find_periods(text, "ko")


MONEY_LIKES = [
    "2억9180만달러", "6029만 달러", "3850억2000만원", "약 4100억원", "3억 달러", "1조2000억원",
    "13만2934천 달러", "2억3,311만 3천 달러", "8,574만 9천 달러", "2억3천311만달러", "3천억 원",
    "1천65억원", "2.915억 원", "9천837만장", "806만 달러", "1,000달러",
]  # fmt: skip


@given(st.sampled_from(MONEY_LIKES), st.decimals(min_value=1, max_value=10**15, places=0))
def test_korean_money_written_like_reads_back(like_text: str, value: Decimal) -> None:
    like = parse_amount(like_text, "ko")
    assert like is not None
    written = format_like(value, like)
    back = parse_amount(written, "ko")
    assert back is not None, written
    assert back.unit == like.unit
    assert abs(back.value - value) <= back.step / 2, written
