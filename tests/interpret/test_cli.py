"""`assistant interpret`, single answer and JSON lines on standard input, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env["HF_HUB_OFFLINE"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "assistant", "interpret", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_single_answer_readable() -> None:
    proc = run("--element", "E15", "A vendor is piloting a traffic dashboard in one district.")
    assert proc.returncode == 0, proc.stderr
    assert "Proposed level: 2" in proc.stdout
    assert "A platform exists in part or as a pilot" in proc.stdout  # the rubric text
    assert "piloting a traffic dashboard" in proc.stdout  # the phrase behind it


def test_single_answer_json_japanese() -> None:
    proc = run("--element", "e7", "推進組織の設置を検討しています。", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["element"] == "E07"
    assert data["level"] == 1
    assert data["lang"] == "ja"
    assert data["source"] == "offline"
    assert data["unknown"] is False
    for key in ("confidence", "evidence", "follow_up"):
        assert key in data
    # issue 10 contract: the calibrated label, the other candidates and the separating question
    assert data["confidence_label"] in ("high", "medium", "low")
    assert isinstance(data["alternatives"], list)
    assert all(isinstance(a, int) and a != data["level"] for a in data["alternatives"])
    assert (data["question"] is None) == (data["alternatives"] == [])


def test_unknown_element_exits_2_with_one_line() -> None:
    proc = run("--element", "E42", "anything")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "E42" in proc.stderr


def test_stdin_json_lines_one_out_per_line_and_errors_do_not_stop() -> None:
    lines = [
        {"element": "E12", "text": "There is no ordinance and no incentive of any kind."},
        "this is not json",
        {"element": "E77", "text": "x"},
        {"element": "E12", "text": "わかりません"},
        {"element": "E12", "text": "The sandbox ordinance was adopted in 2020.", "lang": "en"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    proc = run("-", "--json", stdin=stdin)
    assert proc.returncode == 2, proc.stderr  # some lines were invalid: the rest still answered
    assert proc.stderr.count("\n") == 1 and "2 input line(s)" in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 5
    assert out[0]["level"] == 0 and out[0]["element"] == "E12"
    assert "error" in out[1] and out[1]["line"] == 2
    assert "error" in out[2] and "E77" in out[2]["error"]
    assert out[3]["unknown"] is True and out[3]["level"] is None
    assert out[4]["level"] == 3
    for record in (out[0], out[3], out[4]):
        assert {"confidence_label", "alternatives", "question"} <= set(record)
    assert out[3]["alternatives"] == [] and out[3]["question"] is None


def test_stdin_all_valid_exits_0_and_all_invalid_exits_2() -> None:
    good = [
        {"element": "E12", "text": "There is no ordinance and no incentive of any kind."},
        {"element": "E13", "text": "市民アンケートを一度だけ実施しましたが、定期的なものではありません。"},
    ]
    proc = run("-", "--json", stdin="\n".join(json.dumps(x) for x in good) + "\n")
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["element"] for x in proc.stdout.splitlines()] == ["E12", "E13"]

    bad = [
        {"element": "E12"},
        {"element": "E13", "lang": "ja"},
        {"element": "E12", "text": 5},
        {"text": "市民アンケートを実施しました。"},
    ]
    proc = run("-", "--json", stdin="\n".join(json.dumps(x) for x in bad) + "\n")
    assert proc.returncode == 2
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["line"] for x in out] == [1, 2, 3, 4]
    assert out[0]["error"].startswith('missing "text"')
    assert out[1]["error"].startswith('missing "text"')
    assert out[2]["error"] == '"text" must be a string'
    assert out[3]["error"].startswith('missing "element"')


def test_help_documents_the_exit_status() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "2 when any line was invalid" in " ".join(proc.stdout.split())
