"""`assistant interview` through a pipe with the real SQLite store and offline interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.models import ELEMENT_IDS
from assistant.sessions import make_session_store
from assistant.settings import Settings
from tests.interview.driver import (
    INTAKE_VALUES,
    ROOT,
    Interview,
    Respondent,
    cli_env,
    saved_reports,
)

pytestmark = pytest.mark.slow

PLAN = {
    eid: (("text", "digit", "unknown")[i % 3] if i % 5 else "text", i % 5)
    for i, eid in enumerate(ELEMENT_IDS)
}


def run(data_dir: Path, stdin: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "interview", *args],
        cwd=ROOT,
        env=cli_env(data_dir),
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_a_whole_interview_through_a_pipe(tmp_path):
    """The respondent answers each prompt as it appears; the profile prints at the end."""
    store = make_session_store(Settings(data_dir=tmp_path))
    respondent = Respondent(PLAN)
    cli = Interview(tmp_path, "--lang", "en")
    cli.wait_prompt()
    code = cli.code()
    for _ in range(200):
        session = store.load(code)
        assert session is not None
        if session.state.get("phase") == "done":
            break
        line = respondent.next_line(session)
        cli.send(line)
        if line == "finish":
            break
        cli.wait_prompt()
    status, out = cli.close()
    assert status == 0, out[-1000:]
    assert "Smart-city maturity profile" in out
    session = store.load(code)
    assert session is not None and sorted(session.answers) == list(ELEMENT_IDS)
    reported = saved_reports(out)
    assert set(reported) == set(ELEMENT_IDS)
    assert {k: a.level for k, a in session.answers.items()} == reported
    for eid, (how, level) in PLAN.items():
        if how == "unknown":
            assert session.answers[eid].level is None
        elif how == "digit":
            assert session.answers[eid].level == level
    # a text answer keeps the official's own words as evidence
    text_answered = [e for e, (how, _) in PLAN.items() if how == "text"]
    for eid in text_answered:
        assert session.answers[eid].text == respondent.answer_text(eid)


def test_end_of_input_pauses_and_resume_continues(tmp_path):
    lines = [INTAKE_VALUES[f] for f in INTAKE_VALUES] + ["3", "2"]
    first = run(tmp_path, "\n".join(lines) + "\n")
    assert first.returncode == 0, first.stderr
    code = first.stdout.splitlines()[0].removeprefix("Session code: ")
    assert first.stdout.rstrip().endswith(f"assistant interview --resume {code}")
    assert saved_reports(first.stdout) == {"E01": 3, "E02": 2}

    rest = ["1"] * 19 + ["finish"]
    second = run(tmp_path, "\n".join(rest) + "\n", "--resume", code)
    assert second.returncode == 0, second.stderr
    assert "Welcome back. 2 of 21" in second.stdout
    assert "Question 3/21" in second.stdout
    assert "Smart-city maturity profile" in second.stdout
    session = make_session_store(Settings(data_dir=tmp_path)).load(code)
    assert session is not None and len(session.answers) == 21
    assert session.answers["E01"].level == 3 and session.answers["E21"].level == 1


def test_japanese_through_a_pipe(tmp_path):
    lines = [
        "名古屋",
        "日本",
        "1",
        "3",
        "230万",
        "交通",
        "スキップ",
        "日本語",
        "レベル2",
        "わからない",
        "はい",
    ]
    result = run(tmp_path, "\n".join(lines) + "\n", "--lang", "ja")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("セッションコード：")
    assert "E01（" in out and "レベル2として保存しました" in out
    # typed "don't know" is proposed first, and saved only after "はい"
    asked = out.index("「わからない」として保存しますか")
    assert asked < out.index("「不明」として保存しました") and "中断しました" in out


def test_a_wrong_code_is_one_line_and_status_2(tmp_path):
    result = run(tmp_path, "", "--resume", "AAAA-BBBB")
    assert result.returncode == 2
    assert result.stderr.strip() == "assistant: error: no session with that code"
    assert result.stdout == ""
