"""Hostile answers files on `score` and `import`: one clear line on stderr, exit 2, never a
traceback, nothing stored; wrong types and oversized fields are refused, not coerced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import main
from tests.app.conftest import EXAMPLE


def example(**city: object) -> dict:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["city"].update(city)
    return data


def with_version(version: object) -> str:
    data = example()
    data["schema_version"] = version
    return json.dumps(data)


BAD: dict[str, str] = {
    "brackets": "[" * 100_000,
    "nested_object": '{"a":' * 5_000 + "1" + "}" * 5_000,
    "nested_extra": json.dumps(example(extra=[[[[[[[[[[[1]]]]]]]]]]])),
    "huge_number": json.dumps(example()).replace('"city"', '"n": ' + "9" * 5_000 + ', "city"'),
    "huge_population": json.dumps(example()).replace("{", '{"x": 1e999999, ', 1),
    "nan": json.dumps(example()).replace("{", '{"x": NaN, ', 1),
    "version_float": with_version(1.0),
    "version_true": with_version(True),
    "version_string": with_version("1"),
    "population_string": json.dumps(example(population="850000")),
    "population_float": json.dumps(example(population=850000.0)),
    "population_bool": json.dumps(example(population=True)),
    "duplicate_key": json.dumps(example()).replace('"city"', '"schema_version": 1, "city"', 1)
    if '"schema_version"' in EXAMPLE.read_text(encoding="utf-8")
    else json.dumps(example()).replace("{", '{"schema_version": 1, "schema_version": 1, ', 1),
    "duplicate_city_key": json.dumps(example()).replace('"name"', '"name": "A", "name"', 1),
    "focus_item_1mb": json.dumps(example(focus_sectors=["x" * 1_000_000])),
    "extras_too_big": json.dumps(example(notes="n" * 20_000)),
}


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASSISTANT_DATABASE_URL", raising=False)


@pytest.mark.parametrize("command", ["score", "import"])
@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_file_gives_one_line_and_exit_2(
    kind: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{kind}.json"
    path.write_text(BAD[kind], encoding="utf-8")
    assert main([command, str(path)]) == 2
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("assistant: error:"), out.err[:500]
    assert len(lines[0]) < 400 and "Traceback" not in out.err
    assert out.out == ""  # nothing scored, no session code handed out


def test_the_example_still_scores_and_imports(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(EXAMPLE)]) == 0
    assert main(["import", str(EXAMPLE)]) == 0


def test_every_problem_is_named_in_one_line_up_to_a_bound() -> None:
    """A missing city type no longer hides the level-7 answer behind "(and 1 more problem)"."""
    from assistant.answers_io import MAX_PROBLEMS, InputError, parse_answers

    two = {"schema_version": 1, "city": {"name": "X"}, "answers": {"E05": {"level": 7}}}
    with pytest.raises(InputError) as got:
        parse_answers(json.dumps(two), "bad.json")
    line = str(got.value)
    assert "\n" not in line and "more problem" not in line
    assert "city.city_type: required field is missing" in line
    assert "answers.E05.level: Input should be less than or equal to 4 (got 7)" in line
    many = {f"E{i:02d}": {"level": 9} for i in range(1, 10)}
    with pytest.raises(InputError) as got:
        parse_answers(json.dumps({**two, "answers": many}), "bad.json")
    line = str(got.value)
    assert line.count("(got 9)") == MAX_PROBLEMS - 1  # the city type, then four levels
    assert line.endswith(f"(and {10 - MAX_PROBLEMS} more problems)") and "\n" not in line
