"""The README's Python and HTTP examples run (its ```console transcripts: test_repo.py)."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SESSIONS = re.findall(r"```pycon\n(.*?)```", README, flags=re.S)
CURLS = [
    line
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    for line in block.splitlines()
    if line.startswith("curl ")
]


@pytest.mark.parametrize("session", SESSIONS, ids=[f"pycon-{n}" for n in range(len(SESSIONS))])
def test_python_examples(session: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if "fastapi" in session:
        pytest.importorskip("fastapi", reason="the server extra is not installed")
    monkeypatch.chdir(ROOT)  # the examples name files in examples/
    test = doctest.DocTestParser().get_doctest(session, {}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    result = runner.run(test, out=output.append)
    assert result.failed == 0, "".join(output)


def test_there_are_python_and_http_examples() -> None:
    assert len(SESSIONS) >= 2 and len(CURLS) >= 2


@pytest.mark.parametrize("command", CURLS, ids=[f"curl-{n}" for n in range(len(CURLS))])
def test_curl_examples_are_answered(command: str, store_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the server extra is not installed")
    from fastapi.testclient import TestClient

    from factcheck.server import create_app

    args = shlex.split(command)[1:]
    url, data, headers = "", None, {}
    while args:
        arg = args.pop(0)
        if arg == "-d":
            data = args.pop(0)
        elif arg == "-H":
            name, _, value = args.pop(0).partition(": ")
            headers[name] = value
        elif not arg.startswith("-"):
            url = arg
    parts = urlsplit("http://" + url)
    assert parts.hostname == "localhost" and parts.port == 8000
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    with TestClient(create_app(store_path)) as client:
        if data is None:
            response = client.get(path, headers=headers)
        else:
            response = client.post(path, content=data.encode(), headers=headers)
    assert response.status_code == 200, response.text
