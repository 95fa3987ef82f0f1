"""Held-out evaluation of the answer interpreter: exact and within-one accuracy per language.

The dataset (evals/datasets/interpretation.yaml) is written apart from the interpreter and is never
used to tune it, so these numbers say how the interpreter does on answers it has not seen.

    .venv/bin/python evals/interpret_eval.py [--lang en|ja] [--show-errors] [--json]

Exit status: 0 when the offline interpreter meets the targets in every evaluated language, 1 when
it misses one, 2 when the dataset is invalid or the interpreter cannot be built.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from assistant.models import Framework
    from assistant.ports import Interpreter

DATASET = Path(__file__).resolve().parent / "datasets" / "interpretation.yaml"
LANGS: tuple[str, ...] = ("en", "ja")
TARGET_EXACT = 0.70
TARGET_WITHIN_ONE = 0.90
# Rows and columns of the confusion matrix; None is "not placed".
LEVELS: tuple[int | None, ...] = (0, 1, 2, 3, 4, None)
REQUIRED_KEYS = ("id", "element", "lang", "text", "level")
ALLOWED_KEYS = frozenset((*REQUIRED_KEYS, "note"))


class DatasetError(Exception):
    """The evaluation set is malformed; the message names the case and the field."""


class SetupError(Exception):
    """The interpreter (or the LLM) cannot be built, so there is nothing to evaluate."""


@dataclass(frozen=True)
class Case:
    id: str
    element: str
    lang: str
    text: str
    level: int | None
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    case: Case
    predicted: int | None
    confidence: float
    evidence: str = ""
    source: str = ""
    error: str = ""  # the interpreter raised: counted as wrong whatever the label


@dataclass(frozen=True)
class Summary:
    n: int
    exact: float
    within_one: float
    placed: float  # share of answers given a level
    null_handling: float  # share where "placed or not" matches the label
    nulls_caught: int  # null-labelled answers left unplaced
    nulls: int  # null-labelled answers
    false_nulls: int  # labelled answers left unplaced
    errors: int


# --- the dataset ---------------------------------------------------------------------------


def _case(item: object, index: int, element_ids: frozenset[str]) -> Case:
    where = f"case #{index + 1}"
    if not isinstance(item, dict):
        raise DatasetError(f"{where}: expected a mapping, got {type(item).__name__}")
    if isinstance(item.get("id"), str):
        where = f"case {item['id']!r}"
    missing = [k for k in REQUIRED_KEYS if k not in item]
    if missing:
        raise DatasetError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(item) - ALLOWED_KEYS)
    if unknown:
        raise DatasetError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}")
    ident, element, lang, text, level = (item[k] for k in REQUIRED_KEYS)
    note = item.get("note") or ""
    if not isinstance(ident, str) or not ident.strip():
        raise DatasetError(f"{where}: id must be a non-empty string")
    if element not in element_ids:
        raise DatasetError(f"{where}: unknown element {element!r} (expected E01 to E21)")
    if lang not in LANGS:
        raise DatasetError(f"{where}: lang must be en or ja, got {lang!r}")
    if not isinstance(text, str) or not text.strip():
        raise DatasetError(f"{where}: text must be a non-empty string")
    if level is not None and (isinstance(level, bool) or level not in (0, 1, 2, 3, 4)):
        raise DatasetError(f"{where}: level must be 0-4 or null, got {level!r}")
    if not isinstance(note, str):
        raise DatasetError(f"{where}: note must be a string")
    return Case(ident, element, lang, text.strip(), level, note)


def parse_cases(data: object, element_ids: Iterable[str]) -> list[Case]:
    """Validate the loaded YAML: a list of cases with unique ids, known elements and levels."""
    if not isinstance(data, list) or not data:
        raise DatasetError("the dataset must be a non-empty list of cases")
    known = frozenset(element_ids)
    cases = [_case(item, i, known) for i, item in enumerate(data)]
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise DatasetError(f"case {case.id!r}: duplicate id")
        seen.add(case.id)
    return cases


def load_cases(path: Path, element_ids: Iterable[str]) -> list[Case]:
    """Read and validate the dataset file; DatasetError names the file and the problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DatasetError(f"{path}: {exc}") from exc
    try:
        return parse_cases(data, element_ids)
    except DatasetError as exc:
        raise DatasetError(f"{path}: {exc}") from exc


# --- scoring -------------------------------------------------------------------------------


def is_exact(label: int | None, predicted: int | None) -> bool:
    return label == predicted


def is_within_one(label: int | None, predicted: int | None) -> bool:
    """Off by at most one level; "not placed" matches only "not placed"."""
    if label is None or predicted is None:
        return label is None and predicted is None
    return abs(label - predicted) <= 1


def _ok(outcome: Outcome, rule: str) -> bool:
    if outcome.error:
        return False
    check = is_exact if rule == "exact" else is_within_one
    return check(outcome.case.level, outcome.predicted)


def summarise(outcomes: Sequence[Outcome]) -> Summary:
    """The numbers of one table row; all shares are 0.0 for an empty row."""
    n = len(outcomes)
    clean = [o for o in outcomes if not o.error]

    def share(count: int) -> float:
        return count / n if n else 0.0

    return Summary(
        n=n,
        exact=share(sum(_ok(o, "exact") for o in outcomes)),
        within_one=share(sum(_ok(o, "within_one") for o in outcomes)),
        placed=share(sum(o.predicted is not None for o in clean)),
        null_handling=share(sum((o.predicted is None) == (o.case.level is None) for o in clean)),
        nulls_caught=sum(o.case.level is None and o.predicted is None for o in clean),
        nulls=sum(o.case.level is None for o in outcomes),
        false_nulls=sum(o.case.level is not None and o.predicted is None for o in clean),
        errors=n - len(clean),
    )


def confusion(outcomes: Iterable[Outcome]) -> dict[int | None, dict[int | None, int]]:
    """Counts by label (rows) and prediction (columns); errored cases are left out."""
    matrix: dict[int | None, dict[int | None, int]] = {r: dict.fromkeys(LEVELS, 0) for r in LEVELS}
    for o in outcomes:
        if not o.error:
            matrix[o.case.level][o.predicted] += 1
    return matrix


def meets_targets(summary: Summary) -> bool:
    return summary.exact >= TARGET_EXACT and summary.within_one >= TARGET_WITHIN_ONE


# --- running -------------------------------------------------------------------------------


def run(interpreter: Interpreter, framework: Framework, cases: Iterable[Case]) -> list[Outcome]:
    """Every case through the interpreter; an exception becomes a recorded miss, not a crash."""
    outcomes: list[Outcome] = []
    for case in cases:
        try:
            result = interpreter.interpret(framework.element(case.element), case.text, case.lang)  # type: ignore[arg-type]
        except Exception as exc:
            outcomes.append(Outcome(case, None, 0.0, error=f"{type(exc).__name__}: {exc}"))
            continue
        outcomes.append(
            Outcome(case, result.level, result.confidence, result.evidence, result.source)
        )
    return outcomes


def build_interpreters(want_llm: bool) -> tuple[Interpreter, Interpreter | None, str | None]:
    """The offline interpreter, and the LLM one when a model is configured (else None)."""
    from assistant.settings import Settings

    try:
        from assistant.interpret import make_interpreter
    except ImportError as exc:
        raise SetupError(
            f"cannot import make_interpreter from assistant.interpret ({exc}); "
            "the interpreter is not built yet, so there is nothing to evaluate"
        ) from exc
    settings = Settings()
    offline = make_interpreter(settings, chat_model=None)
    if not (want_llm and settings.llm):
        return offline, None, None
    try:
        from assistant.llm import make_chat_model

        model = make_chat_model(settings)
    except Exception as exc:
        raise SetupError(f"cannot build the chat model {settings.llm!r}: {exc}") from exc
    return offline, make_interpreter(settings, chat_model=model), settings.llm


# --- printing ------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _label(level: int | None) -> str:
    return "null" if level is None else str(level)


def rows_by_lang(outcomes: Sequence[Outcome], langs: Sequence[str]) -> dict[str, Summary]:
    rows = {lang: summarise([o for o in outcomes if o.case.lang == lang]) for lang in langs}
    if len(langs) > 1:
        rows["all"] = summarise(outcomes)
    return rows


def table(title: str, rows: dict[str, Summary]) -> str:
    head = f"{'lang':<5} {'n':>4} {'exact':>7} {'within-1':>9} {'placed':>7} {'null-ok':>8}"
    head += f" {'nulls caught':>13} {'false null':>11} {'errors':>7}"
    lines = [title, head, "-" * len(head)]
    for lang, s in rows.items():
        lines.append(
            f"{lang:<5} {s.n:>4} {_pct(s.exact):>7} {_pct(s.within_one):>9} {_pct(s.placed):>7}"
            f" {_pct(s.null_handling):>8} {f'{s.nulls_caught}/{s.nulls}':>13}"
            f" {s.false_nulls:>11} {s.errors:>7}"
        )
    return "\n".join(lines)


def matrix_text(title: str, outcomes: Sequence[Outcome]) -> str:
    m = confusion(outcomes)
    cols = "".join(f"{_label(c):>6}" for c in LEVELS)
    lines = [title, f"{'label↓ pred→':<13}{cols}"]
    for r in LEVELS:
        lines.append(f"{_label(r):<13}" + "".join(f"{m[r][c]:>6}" for c in LEVELS))
    return "\n".join(lines)


def misses(outcomes: Sequence[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if not _ok(o, "exact")]


def errors_text(title: str, outcomes: Sequence[Outcome]) -> str:
    wrong = misses(outcomes)
    lines = [f"{title}: {len(wrong)} misclassified"]
    for o in wrong:
        c = o.case
        got = f"ERROR {o.error}" if o.error else f"{_label(o.predicted)} ({o.confidence:.2f})"
        off = "" if _ok(o, "within_one") else "  [off by more than one]"
        lines.append(f"- {c.id} {c.element} label {_label(c.level)} → {got}{off}")
        lines.append(f"    text: {c.text[:160]}{'…' if len(c.text) > 160 else ''}")
        if o.evidence:
            lines.append(f"    evidence: {o.evidence[:120]}")
    return "\n".join(lines)


def _matrix_json(outcomes: Sequence[Outcome]) -> dict[str, dict[str, int]]:
    return {
        _label(r): {_label(c): n for c, n in row.items()} for r, row in confusion(outcomes).items()
    }


def _outcome_json(o: Outcome) -> dict[str, object]:
    return {
        "id": o.case.id,
        "element": o.case.element,
        "lang": o.case.lang,
        "label": o.case.level,
        "predicted": o.predicted,
        "confidence": o.confidence,
        "evidence": o.evidence,
        "source": o.source,
        "error": o.error or None,
    }


def report_json(
    outcomes: Sequence[Outcome], langs: Sequence[str], show_errors: bool
) -> dict[str, object]:
    data: dict[str, object] = {
        "summary": {k: asdict(v) for k, v in rows_by_lang(outcomes, langs).items()},
        "confusion": {
            lang: _matrix_json([o for o in outcomes if o.case.lang == lang]) for lang in langs
        },
        "sources": {
            s: sum(o.source == s for o in outcomes) for s in sorted({o.source for o in outcomes})
        },
    }
    if show_errors:
        data["errors"] = [_outcome_json(o) for o in misses(outcomes)]
    return data


# --- command line --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lang", choices=LANGS, default=None, help="evaluate one language only")
    p.add_argument("--show-errors", action="store_true", help="list misclassified cases")
    p.add_argument("--json", action="store_true", help="machine-readable summary on stdout")
    p.add_argument("--dataset", type=Path, default=DATASET, help="default: the held-out set")
    p.add_argument("--no-llm", action="store_true", help="skip the LLM even when configured")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from assistant.framework import get_framework

    framework = get_framework()
    try:
        cases = load_cases(args.dataset, (e.id for e in framework.elements))
        offline, llm, llm_name = build_interpreters(want_llm=not args.no_llm)
    except (DatasetError, SetupError) as exc:
        sys.stderr.write(f"interpret_eval: {exc}\n")
        return 2
    langs = [args.lang] if args.lang else list(LANGS)
    cases = [c for c in cases if c.lang in langs]

    offline_out = run(offline, framework, cases)
    offline_rows = rows_by_lang(offline_out, langs)
    passed = all(meets_targets(offline_rows[lang]) for lang in langs)
    llm_out = run(llm, framework, cases) if llm is not None else None

    if args.json:
        result: dict[str, object] = {
            "dataset": str(args.dataset),
            "targets": {"exact": TARGET_EXACT, "within_one": TARGET_WITHIN_ONE},
            "offline": report_json(offline_out, langs, args.show_errors),
            "llm": None,
            "passed": passed,
        }
        if llm_out is not None:
            result["llm"] = {"model": llm_name, **report_json(llm_out, langs, args.show_errors)}
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return 0 if passed else 1

    blocks = [
        table("Offline interpreter (held-out set)", offline_rows),
        *(
            matrix_text(
                f"Confusion, offline, {lang}", [o for o in offline_out if o.case.lang == lang]
            )
            for lang in langs
        ),
    ]
    if args.show_errors:
        blocks.append(errors_text("Offline errors", offline_out))
    if llm_out is not None:
        llm_rows = rows_by_lang(llm_out, langs)
        fallbacks = sum(o.source == "offline" for o in llm_out)
        blocks.append(
            table(f"LLM interpreter ({llm_name}; {fallbacks} fell back to offline)", llm_rows)
        )
        blocks += [
            matrix_text(f"Confusion, LLM, {lang}", [o for o in llm_out if o.case.lang == lang])
            for lang in langs
        ]
        if args.show_errors:
            blocks.append(errors_text("LLM errors", llm_out))
    else:
        blocks.append("LLM interpreter: not configured (set ASSISTANT_LLM to evaluate one)")
    verdict = "meets" if passed else "MISSES"
    blocks.append(
        f"Offline {verdict} the targets (exact ≥ {TARGET_EXACT:.0%}, within-one ≥ "
        f"{TARGET_WITHIN_ONE:.0%} in each language)"
    )
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
