"""The repository checks itself: lint, format, types, the README's transcripts, the public API."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck
from factcheck.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _tool(name: str) -> list[str]:
    if shutil.which(name) is None and not (Path(sys.executable).parent / name).exists():
        pytest.skip(f"{name} is not installed (it comes with the test extra)")
    return [sys.executable, "-m", name]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["ruff", "check", "factcheck", "tests", "scripts"], id="ruff-check"),
        pytest.param(
            ["ruff", "format", "--check", "factcheck", "tests", "scripts"], id="ruff-format"
        ),
        pytest.param(["mypy", "--strict", "factcheck"], id="mypy-strict"),
    ],
)
def test_static_checks(args: list[str]) -> None:
    command = _tool(args[0]) + args[1:]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def _transcripts() -> list[tuple[str, str]]:
    """($ command, expected output) pairs from the README's ```console blocks."""
    pairs = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = chunk.partition("\n")
            pairs.append((command, output))
    return pairs


@pytest.mark.parametrize(("command", "output"), _transcripts(), ids=[c for c, _ in _transcripts()])
def test_readme_transcripts_are_real(command: str, output: str) -> None:
    args = shlex.split(command)
    assert args[0] == "factcheck"
    result = CliRunner().invoke(cli, args[1:])
    assert result.output == output


def test_every_command_has_help_with_an_example_and_is_in_the_readme() -> None:
    import click

    def walk(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
        found = []
        for name, command in group.commands.items():
            found.append((f"{prefix} {name}", command))
            if isinstance(command, click.Group):
                found += walk(command, f"{prefix} {name}")
        return found

    for name, command in walk(cli, "factcheck"):
        assert "Example" in (command.help or ""), f"{name} --help has no example"
        assert f"`{name}" in README, f"{name} is not documented in the README"


def test_public_api_is_sorted_and_complete() -> None:
    assert factcheck.__all__ == sorted(factcheck.__all__)
    for name in factcheck.__all__:
        assert hasattr(factcheck, name)
