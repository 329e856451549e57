"""The HTTP service with FastAPI's TestClient: every endpoint, the limits, bad input, the page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server extra is not installed")
pytest.importorskip("uvicorn", reason="the server extra is not installed")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from factcheck import StoreError, check_text
from factcheck.cli import cli
from factcheck.server import MAX_BATCH, create_app
from factcheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
WRONG_YEAR = ROOT / "examples" / "errors-wrong-year.md"
BODY = WRONG_YEAR.read_text(encoding="utf-8").split("---\n", 2)[2].lstrip()
TEXT = "In 2025 album exports rose 3.4% to $301.7 million."


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as opened:
        yield opened


def post(client: TestClient, path: str, body: bytes) -> Any:
    return client.post(path, content=body, headers={"content-type": "application/json"})


# -- POST /v1/check, /v1/check/batch, /v1/annotate ---------------------------------------------


def test_check_returns_the_report_contract(client: TestClient, store: Store) -> None:
    response = client.post("/v1/check", json={"text": BODY, "published": "2025-07-20"})
    assert response.status_code == 200
    expected = check_text(BODY, store=store, published=date(2025, 7, 20))
    assert response.json() == expected.model_dump(mode="json")
    assert response.json()["schema"] == "factcheck/report-v1"
    [mismatch] = [c for c in response.json()["claims"] if c["verdict"] == "mismatch"]
    assert mismatch["correction"] == "$130.3 million"


def test_check_labels_the_report_with_the_url(client: TestClient) -> None:
    url = "https://example.org/news/1"
    response = client.post("/v1/check", json={"text": TEXT, "url": url, "title": "Exports"})
    assert response.json()["source"] == url


def test_batch_returns_one_report_per_article_in_order(client: TestClient) -> None:
    articles = [{"text": BODY, "published": "2025-07-20"}, {"text": TEXT}]
    response = client.post("/v1/check/batch", json={"articles": articles})
    assert response.status_code == 200
    reports = response.json()["reports"]
    assert [r["summary"]["mismatch"] for r in reports] == [1, 0]
    assert reports[1]["claims"][0]["quote"] == "3.4%"


def test_annotate_returns_the_report_and_the_marked_article(client: TestClient) -> None:
    response = client.post("/v1/annotate", json={"text": BODY, "published": "2025-07-20"})
    assert response.status_code == 200
    html = response.json()["html"]
    assert response.json()["report"]["summary"]["mismatch"] == 1
    marks = re.findall(r'<a class="fc-mark fc-mismatch"[^>]*>(.*?)</a>', html)
    assert marks and "$132.9 million" in marks[0] and "$130.3 million" in marks[0]


# -- GET /v1/figures, /healthz, /docs -----------------------------------------------------------


def test_figures_come_with_their_provenance(client: TestClient) -> None:
    query = {"metric": "albums", "partner": "jp", "period": "2025", "measure": "value"}
    response = client.get("/v1/figures", params=query)
    assert response.status_code == 200
    [figure] = response.json()["figures"]
    assert figure["value"] == 80630000
    assert (figure["vintage"], figure["released"]) == ("preliminary", "2026-01-16")
    assert figure["source_url"].startswith("https://")


def test_figures_without_a_match_are_an_empty_list(client: TestClient) -> None:
    response = client.get("/v1/figures", params={"metric": "albums", "period": "2011"})
    assert (response.status_code, response.json()) == (200, {"figures": []})


@pytest.mark.parametrize(
    ("query", "field"),
    [
        pytest.param({}, "metric", id="no-metric"),
        pytest.param({"metric": "socks"}, "metric", id="unknown-metric"),
        pytest.param({"metric": "albums", "partner": "XX"}, "partner", id="unknown-partner"),
        pytest.param({"metric": "albums", "period": "2023-13"}, "period", id="bad-period"),
        pytest.param({"metric": "albums", "measure": "mood"}, "measure", id="bad-measure"),
    ],
)
def test_figures_bad_query_is_422_naming_the_parameter(
    client: TestClient, query: dict[str, str], field: str
) -> None:
    response = client.get("/v1/figures", params=query)
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"{field}: ")
    assert response.json()["detail"][0]["loc"] == ["query", field]


def test_healthz(client: TestClient, store: Store) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["data_version"] == store.data_version


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {"/v1/check", "/v1/check/batch", "/v1/annotate", "/v1/figures", "/healthz"}


# -- bad input and limits ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "error"),
    [
        pytest.param(b'{"text": ', "malformed JSON at character 9", id="truncated"),
        pytest.param(b"text=hello", "malformed JSON at character 0", id="not-json"),
        pytest.param(b"[]", "Input should be a valid dictionary", id="not-an-object"),
        pytest.param(b"{}", "text: Field required", id="no-text"),
        pytest.param(b'{"text": 42}', "text: Input should be a valid string", id="text-number"),
        pytest.param(b'{"text": " \\n"}', "text: the text is empty", id="blank-text"),
        pytest.param(
            b'{"text": "a", "published": "2025-13-01"}', "published: Input should be a valid date",
            id="bad-date",
        ),
        pytest.param(b'{"text": "a", "language": "fr"}', "language: Input should be", id="lang"),
        pytest.param(b'{"text": "a", "publisher": "x"}', "publisher: Extra inputs", id="extra"),
    ],
)  # fmt: skip
def test_bad_json_is_422_naming_the_field(client: TestClient, body: bytes, error: str) -> None:
    response = post(client, "/v1/check", body)
    assert response.status_code == 422
    assert response.json()["error"].startswith(error)
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("articles", "error"),
    [
        pytest.param([], "articles: List should have at least 1 item", id="empty"),
        pytest.param([{"text": TEXT}] * (MAX_BATCH + 1), "articles: List should have at most",
                     id="over"),
        pytest.param([{"text": TEXT}, {"text": ""}], "articles.1.text: the text is empty",
                     id="one-bad"),
    ],
)  # fmt: skip
def test_batch_is_bounded_and_names_the_bad_article(
    client: TestClient, articles: list[dict[str, str]], error: str
) -> None:
    response = client.post("/v1/check/batch", json={"articles": articles})
    assert response.status_code == 422
    assert response.json()["error"].startswith(error)


@pytest.fixture(scope="module")
def small(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, max_body=200)) as opened:
        yield opened


def test_a_body_at_the_limit_is_read(small: TestClient) -> None:
    body = b'{"text": "' + b"x" * 188 + b'"}'
    assert len(body) == 200
    assert post(small, "/v1/check", body).status_code == 200


def test_a_body_over_the_limit_is_413(small: TestClient) -> None:
    response = post(small, "/v1/check", b'{"text": "' + b"x" * 189 + b'"}')
    assert response.status_code == 413
    assert "over the limit of 200 bytes" in response.json()["error"]


def test_a_streamed_body_over_the_limit_is_413(small: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(10):
            yield b"x" * 50
        yield b'"}'

    response = small.post("/v1/check", content=chunks())
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_the_default_limit_is_one_megabyte(client: TestClient) -> None:
    response = post(client, "/v1/check", b'{"text": "' + b"x" * 1_000_000 + b'"}')
    assert response.status_code == 413


# -- the store --------------------------------------------------------------------------------


def test_the_store_is_opened_read_only(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    assert store.readonly
    with pytest.raises(Exception, match="readonly"):
        store.conn.execute("DELETE FROM figures")


def test_a_missing_store_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        create_app(tmp_path / "missing.db")


# -- the editor's page ------------------------------------------------------------------------


def test_the_page_is_standalone(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert not re.search(r"https?:|//[a-z]", page, flags=re.I), "the page names another host"
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=", page), "the page loads a resource"
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_the_page_is_usable_from_the_keyboard(client: TestClient) -> None:
    page = client.get("/").text
    for control in ("fc-article", "fc-published", "fc-url"):
        assert f'<label for="{control}"' in page
    assert 'type="submit"' in page and "Ctrl+Enter" in page
    assert 'role="status"' in page
    assert "tabindex" not in page.split("<script>")[0].replace('tabindex="-1"', "")


# -- factcheck serve --------------------------------------------------------------------------


def test_serve_binds_to_loopback_by_default(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append(options))
    result = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (calls[0]["host"], calls[0]["port"]) == ("127.0.0.1", 8123)
    assert result.stderr == ""


def test_serve_warns_when_told_to_listen_beyond_loopback(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    result = CliRunner().invoke(cli, ["serve", "--db", str(store_path), "--host", "0.0.0.0"])
    assert result.stderr == "factcheck: serving on 0.0.0.0: reachable from other machines\n"


def test_serve_with_a_missing_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: no store at")
