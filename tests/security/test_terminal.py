"""Terminal output: hostile text never reaches the terminal as control sequences, and the CLI
caps answers and questions at 5,000 characters with a clear message."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.terminal import one_line, safe
from tests.app.conftest import EXAMPLE
from tests.interview.driver import ROOT, cli_env
from tests.security.payloads import PAYLOADS

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
NAMES = {k: v[:200] for k, v in PAYLOADS.items() if k != "long"}


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)
    return tmp_path / "data"


def hostile_file(tmp_path: Path, kind: str, payload: str) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["city"]["name"] = payload
    data["city"]["focus_sectors"] = [payload[:200]]
    data["answers"]["E01"]["evidence"] = payload[:5000]
    path = tmp_path / f"{kind}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_safe_shows_control_characters_as_escapes() -> None:
    assert safe("a\x1b[2Jb\rc\u202ed\x9be\n") == "a\\u001b[2Jb\\u000dc\\u202ed\\u009be\n"
    assert one_line("x\ny\tz") == "x\\u000ay z"


@pytest.mark.parametrize("kind", sorted(NAMES))
def test_score_and_import_print_no_control_characters(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_file(tmp_path, kind, NAMES[kind])
    assert main(["score", str(path)]) == 0
    assert main(["score", "--json", str(path)]) == 0
    assert main(["import", str(path)]) == 0
    out = capsys.readouterr()
    assert not UNSAFE.search(out.out) and not UNSAFE.search(out.err)
    # a CR/LF in the name does not forge a line of its own
    assert not any(line.lstrip("# ").startswith("Injected") for line in out.out.splitlines())


def test_sessions_list_keeps_one_line_per_session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for kind, payload in NAMES.items():
        assert main(["import", str(hostile_file(tmp_path, kind, payload))]) == 0
    capsys.readouterr()
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE.search(out)
    assert len(out.splitlines()) == 1 + len(NAMES)  # the header and one line each


def test_json_output_stays_valid_and_lossless(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_file(tmp_path, "esc", PAYLOADS["esc"] + PAYLOADS["bidi"])
    assert main(["import", str(path)]) == 0
    capsys.readouterr()
    assert main(["sessions", "--json"]) == 0
    out = capsys.readouterr().out
    assert not UNSAFE.search(out)
    assert json.loads(out)[0]["city"] == PAYLOADS["esc"] + PAYLOADS["bidi"]


def test_ask_refuses_a_question_over_5000_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ask", "x" * 5_001]) == 2
    err = capsys.readouterr().err
    assert "5001 characters; the limit is 5000" in err and len(err.splitlines()) == 1


def test_interview_refuses_an_answer_over_5000_characters(tmp_path: Path) -> None:
    intake = ["Springfield", "Utopia", "2", "city government", "1.2 million", "transport",
              "skip", "English"]  # fmt: skip
    stdin = "\n".join([*intake, "y" * 1_000_000, "pause"]) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "interview"],
        cwd=ROOT, env=cli_env(tmp_path), input=stdin, capture_output=True, text=True,
        encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "That answer is 1000000 characters; the limit is 5000" in done.stdout
    assert "y" * 100 not in done.stdout
