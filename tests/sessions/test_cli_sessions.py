"""`assistant import`, `assistant export` and `assistant sessions` as a person runs them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answers_io import dump_answers, parse_answers
from tests.conftest import make_answers


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_DATABASE_URL"}
    env["ASSISTANT_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture()
def answers_path(tmp_path: Path) -> Path:
    levels: dict[str, int | None] = {f"E{i:02d}": i % 5 for i in range(1, 22)}
    levels["E02"] = None
    path = tmp_path / "answers.json"
    path.write_text(dump_answers(make_answers(levels, mayor="A. Name")), encoding="utf-8")
    return path


def test_import_then_export_round_trip(tmp_path: Path, answers_path: Path) -> None:
    data_dir = tmp_path / "data"
    imported = run(data_dir, "import", str(answers_path))
    assert imported.returncode == 0, imported.stderr
    code = imported.stdout.strip()
    assert len(code.replace("-", "")) == 28

    exported = run(data_dir, "export", code)
    assert exported.returncode == 0, exported.stderr
    original = parse_answers(answers_path.read_text(encoding="utf-8"))
    assert parse_answers(exported.stdout) == original

    out = tmp_path / "out" / "again.json"
    typed = code.replace("-", "").lower()
    to_file = run(data_dir, "export", typed, "--out", str(out))
    assert to_file.returncode == 0, to_file.stderr
    assert to_file.stdout == ""
    assert parse_answers(out.read_text(encoding="utf-8")) == original


def test_export_with_a_wrong_code(tmp_path: Path, answers_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run(data_dir, "import", str(answers_path)).returncode == 0
    for wrong in ("0000-0000-0000-0000-0000-0000-0000", "nonsense"):
        out = run(data_dir, "export", wrong)
        assert out.returncode == 2
        assert out.stdout == ""
        assert out.stderr == "assistant: error: no session with that code\n"


def test_malformed_import_writes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    bad = tmp_path / "bad.json"
    data = json.loads(dump_answers(make_answers(2)))
    data["answers"]["E05"]["level"] = 7
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = run(data_dir, "import", str(bad))
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1
    assert "answers.E05.level" in out.stderr
    listed = run(data_dir, "sessions")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == "no sessions\n"


def test_sessions_lists_without_codes(tmp_path: Path, answers_path: Path) -> None:
    data_dir = tmp_path / "data"
    code = run(data_dir, "import", str(answers_path)).stdout.strip()
    listed = run(data_dir, "sessions")
    assert listed.returncode == 0, listed.stderr
    assert "Testville" in listed.stdout
    assert "21/21" in listed.stdout
    assert code not in listed.stdout
    header, row = listed.stdout.splitlines()
    assert "with a level  don't know" in header
    assert re.search(r"21/21 +20 +1 +Testville$", row)  # E02 "don't know": score --json's 20
    rows = json.loads(run(data_dir, "sessions", "--json").stdout)
    assert [(r["city"], r["answered"], r["with_level"]) for r in rows] == [("Testville", 21, 20)]
    score = json.loads(run(data_dir, "score", "--json", str(answers_path)).stdout)
    assert score["answered"] == rows[0]["with_level"]
    assert code.replace("-", "") not in json.dumps(rows)
