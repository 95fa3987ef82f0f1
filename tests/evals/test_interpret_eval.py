"""The interpretation eval: dataset validation, scoring rules and the exit status.

The eval decides whether the interpreter meets its targets, so a bug here (null counted as a
near miss, a duplicate id slipping through) would misreport quality; a fake interpreter keeps
these tests independent of the real one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from assistant.models import ELEMENT_IDS, Element, Framework
from assistant.ports import Interpretation

ROOT = Path(__file__).resolve().parents[2]


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "interpret_eval", ROOT / "evals" / "interpret_eval.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["interpret_eval"] = module
    spec.loader.exec_module(module)
    return module


ev = _load_eval()


def case(**over: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "x-1", "element": "E15", "lang": "en", "text": "t", "level": 2}
    return {**base, **over}


class FixedInterpreter:
    """Answers from a table keyed by text; raises for text "boom"."""

    def __init__(self, answers: dict[str, int | None]) -> None:
        self.answers = answers

    def interpret(self, element: Element, text: str, lang: str) -> Interpretation:
        if text == "boom":
            raise RuntimeError("broken")
        return Interpretation(element=element.id, level=self.answers[text], confidence=0.5)


def test_the_shipped_dataset_is_valid_and_balanced() -> None:
    cases = ev.load_cases(ev.DATASET, ELEMENT_IDS)
    for lang in ("en", "ja"):
        mine = [c for c in cases if c.lang == lang]
        assert len(mine) >= 60
        assert any(c.level is None for c in mine)
        assert {c.level for c in mine} >= {0, 1, 2, 3, 4}
    assert len({c.element for c in cases}) >= 18


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([case(), case()], "duplicate id"),
        ([case(element="E22")], "unknown element"),
        ([case(level=5)], "level must be 0-4 or null"),
        ([case(level=True)], "level must be 0-4 or null"),
        ([case(level="2")], "level must be 0-4 or null"),
        ([case(lang="fr")], "lang must be en or ja"),
        ([case(text="  ")], "text must be a non-empty string"),
        ([{"id": "x-2", "element": "E01", "lang": "en", "text": "t"}], "missing level"),
        ([case(levl=2)], "unknown field"),
        ({"id": "x"}, "non-empty list"),
        ([], "non-empty list"),
    ],
)
def test_invalid_datasets_fail_with_the_case_named(data: object, message: str) -> None:
    with pytest.raises(ev.DatasetError, match=message):
        ev.parse_cases(data, ELEMENT_IDS)


def test_null_label_is_accepted() -> None:
    (c,) = ev.parse_cases([case(level=None)], ELEMENT_IDS)
    assert c.level is None


@pytest.mark.parametrize(
    ("label", "pred", "exact", "within"),
    [
        (2, 2, True, True),
        (2, 3, False, True),
        (2, 4, False, False),
        (None, None, True, True),
        (None, 0, False, False),
        (0, None, False, False),
        (4, 3, False, True),
    ],
)
def test_exact_and_within_one(
    label: int | None, pred: int | None, exact: bool, within: bool
) -> None:
    assert ev.is_exact(label, pred) is exact
    assert ev.is_within_one(label, pred) is within


def test_run_and_summarise_count_errors_as_misses(fw: Framework) -> None:
    cases = ev.parse_cases(
        [
            case(id="a", text="two", level=2),
            case(id="b", text="three", level=2),
            case(id="c", text="none", level=None),
            case(id="d", text="boom", level=None),
            case(id="e", text="nolevel", level=1),
        ],
        ELEMENT_IDS,
    )
    interp = FixedInterpreter({"two": 2, "three": 3, "none": None, "nolevel": None})
    outcomes = ev.run(interp, fw, cases)
    s = ev.summarise(outcomes)
    assert s.n == 5
    assert s.exact == pytest.approx(2 / 5)  # a, c; the errored null case does not count
    assert s.within_one == pytest.approx(3 / 5)  # a, b, c
    assert s.errors == 1
    assert (s.nulls_caught, s.nulls, s.false_nulls) == (1, 2, 1)
    assert s.placed == pytest.approx(2 / 5)
    m = ev.confusion(outcomes)
    assert m[2][3] == 1 and m[None][None] == 1 and m[1][None] == 1
    assert sum(sum(row.values()) for row in m.values()) == 4


def test_targets() -> None:
    good = ev.Summary(10, 0.8, 0.92, 1.0, 1.0, 0, 0, 0, 0)  # issue 10: no regression below
    assert ev.meets_targets(good)
    assert not ev.meets_targets(ev.Summary(10, 0.69, 0.95, 1.0, 1.0, 0, 0, 0, 0))
    assert not ev.meets_targets(ev.Summary(10, 0.8, 0.89, 1.0, 1.0, 0, 0, 0, 0))
    assert not ev.meets_targets(ev.Summary(10, 0.79, 0.95, 1.0, 1.0, 0, 0, 0, 0))
    assert not ev.meets_targets(ev.Summary(10, 0.85, 0.91, 1.0, 1.0, 0, 0, 0, 0))


def test_main_exit_status_and_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = [case(id=f"en-{i}", text=f"t{i}", level=i % 5) for i in range(5)]
    data += [case(id=f"ja-{i}", lang="ja", text=f"j{i}", level=i % 5) for i in range(5)]
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    perfect = {c["text"]: c["level"] for c in data}
    monkeypatch.setattr(
        ev, "build_interpreters", lambda want_llm: (FixedInterpreter(perfect), None, None)
    )
    assert ev.main(["--dataset", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is True and out["llm"] is None
    assert out["offline"]["summary"]["en"]["exact"] == 1.0

    worse = {**perfect, "j0": 3, "j1": 4}  # ja exact 60%: below target
    monkeypatch.setattr(
        ev, "build_interpreters", lambda want_llm: (FixedInterpreter(worse), None, None)
    )
    assert ev.main(["--dataset", str(path), "--show-errors"]) == 1
    text = capsys.readouterr().out
    assert "ja-0 E15 label 0 → 3" in text and "MISSES" in text
    assert ev.main(["--dataset", str(path), "--lang", "en"]) == 0


def test_a_blind_set_s_misses_are_never_listed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--show-errors`` lists a released set's misses, never those of a set still blind."""
    for prefix, listed in (("h12-", False), ("h13-", False), ("h14-", False), ("h11-", True)):
        data = [case(id=f"{prefix}en-{i}", text=f"t{i}", level=i % 5) for i in range(5)]
        path = tmp_path / f"{prefix}set.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        wrong = {c["text"]: (c["level"] + 2) % 5 for c in data}
        monkeypatch.setattr(
            ev, "build_interpreters", lambda want_llm, w=wrong: (FixedInterpreter(w), None, None)
        )
        assert ev.main(["--dataset", str(path), "--show-errors", "--lang", "en"]) == 1
        assert (f"{prefix}en-0" in capsys.readouterr().out) is listed, prefix
        ev.main(["--dataset", str(path), "--show-errors", "--lang", "en", "--json"])
        assert (f"{prefix}en-0" in capsys.readouterr().out) is listed, prefix


def test_main_fails_clearly_on_a_bad_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump([case(), case()]), encoding="utf-8")
    assert ev.main(["--dataset", str(path)]) == 2
    assert "duplicate id" in capsys.readouterr().err


def test_main_fails_clearly_without_the_interpreter(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "assistant.interpret", None)  # import now raises ImportError
    assert ev.main(["--no-llm"]) == 2
    assert "interpreter is not built yet" in capsys.readouterr().err


class LabelledInterpreter:
    """Answers from a table keyed by text: (level, label, alternatives)."""

    def __init__(self, answers: dict[str, tuple[int | None, str, list[int]]]) -> None:
        self.answers = answers

    def interpret(self, element: Element, text: str, lang: str) -> Interpretation:
        level, label, alternatives = self.answers[text]
        return Interpretation(
            element=element.id,
            level=level,
            confidence=0.95 if label == "high" else 0.55,
            confidence_label=label,  # type: ignore[arg-type]
            alternatives=alternatives,
            question="?" if alternatives else None,
        )


def test_trust_counts_high_precision_share_and_coverage(fw: Framework) -> None:
    cases = ev.parse_cases(
        [
            case(id="a", text="a", level=2),  # high, right
            case(id="b", text="b", level=3),  # high, wrong: counts against precision
            case(id="c", text="c", level=1),  # medium, wrong, but 1 is an alternative
            case(id="d", text="d", level=4),  # medium, wrong, 4 not among alternatives
            case(id="e", text="e", level=None),  # no right level: not in coverage
        ],
        ELEMENT_IDS,
    )
    interp = LabelledInterpreter(
        {
            "a": (2, "high", []),
            "b": (2, "high", []),
            "c": (2, "medium", [1]),
            "d": (2, "medium", [1]),
            "e": (None, "low", []),
        }
    )
    t = ev.trust(ev.run(interp, fw, cases))
    assert t.high_share == pytest.approx(2 / 5)
    assert t.high_precision == pytest.approx(1 / 2)
    assert t.coverage == pytest.approx(2 / 4)  # a and c
    assert t.asked == pytest.approx(2 / 5)
    rel = {name: (n, acc) for name, n, _, acc in ev.reliability(ev.run(interp, fw, cases))}
    assert rel["high"] == (2, 0.5) and rel["medium"] == (2, 0.0) and rel["0.9-1.0"][0] == 2
    s = ev.summarise(ev.run(interp, fw, cases))
    assert not ev.meets_full_targets(s, t)


def test_full_targets_gate_the_blind_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = [
        case(id=f"{lang}-{i}", lang=lang, text=f"{lang}{i}", level=i % 5)
        for lang in ("en", "ja")
        for i in range(6)
    ]
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    sure = {c["text"]: (c["level"], "high", []) for c in data}
    monkeypatch.setattr(
        ev, "build_interpreters", lambda want_llm: (LabelledInterpreter(sure), None, None)
    )
    assert ev.main(["--dataset", str(path), "--full-targets"]) == 0
    text = capsys.readouterr().out
    assert "Reliability, offline, ja" in text and "Honest confidence" in text
    unsure = {k: (v[0], "medium", [((v[0] or 0) + 1) % 5]) for k, v in sure.items()}
    monkeypatch.setattr(
        ev, "build_interpreters", lambda want_llm: (LabelledInterpreter(unsure), None, None)
    )
    assert ev.main(["--dataset", str(path)]) == 0  # accuracy alone passes
    capsys.readouterr()
    assert ev.main(["--dataset", str(path), "--full-targets", "--json"]) == 1  # no "high"
    out = json.loads(capsys.readouterr().out)
    assert out["passed"] is False
    assert out["offline"]["trust"]["ja"]["high_share"] == 0.0
    assert out["offline"]["trust"]["ja"]["coverage"] == 1.0
