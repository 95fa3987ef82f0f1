"""`assistant interpret`: argument parsing and printing only.

Top-level imports stay light (this module is imported for every sub-command); the embedding
model loads inside the handler, once per process, also when many answers come on standard input.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from assistant.answers_io import InputError
from assistant.catalogue import t

if TYPE_CHECKING:
    from assistant.models import Element, Framework, Lang
    from assistant.ports import Interpretation, Interpreter


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "interpret",
        help="propose a level 0-4 for a free-text answer to one element",
        epilog='With TEXT -, every input line gets one JSON line out, in order; an invalid line '
        'gets {"line": N, "error": "..."} and the rest are still read. Exit status: 0 when '
        "every line was valid, 2 when any line was invalid (or on bad arguments).",
    )
    p.add_argument(
        "text",
        metavar="TEXT",
        help='the answer, or - to read JSON lines {"element": "E15", "text": "..."} from stdin',
    )
    p.add_argument("--element", metavar="ID", help="the element answered, e.g. E15")
    p.add_argument(
        "--lang", choices=["en", "ja"], default=None, help="default: the answer's language"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_interpret)


def _element(fw: Framework, raw: object) -> Element:
    """The element for an id such as E15, e15 or 15; InputError naming the choices otherwise."""
    text = str(raw).strip().upper() if raw is not None else ""
    match = re.fullmatch(r"E?(\d{1,2})", text)
    if match:
        text = f"E{int(match.group(1)):02d}"
    try:
        return fw.element(text)
    except KeyError:
        raise InputError(f"unknown element {raw!r} (expected E01 to E21)") from None


def _record(result: Interpretation, lang: Lang) -> dict[str, object]:
    return {**result.model_dump(mode="json"), "lang": lang}


def _readable(element: Element, result: Interpretation, lang: Lang) -> str:
    lines = [f"{element.id} {element.name.get(lang)}"]
    if result.unknown:
        lines.append(t("interpret.unknown", lang))
    elif result.level is None:
        lines.append(
            f"{t('interpret.none', lang)} ({t('interpret.confidence', lang)}: {result.confidence:.2f})"
        )
        if result.reason:  # why: someone else's facts, or only a view
            lines.append(t(f"interpret.reason.{result.reason}", lang))
    else:
        rubric = element.rubric[result.level].text.get(lang)
        lines.append(f"{t('interpret.level', lang)}: {result.level} — {rubric}")
        label = t(f"interpret.confidence_word.{result.confidence_label}", lang)
        lines.append(f"{t('interpret.confidence', lang)}: {label} ({result.confidence:.2f})")
        if result.evidence:
            lines.append(f"{t('interpret.because', lang)}: \u201c{result.evidence}\u201d")
        for alt in result.alternatives:
            lines.append(
                f"{t('interpret.alternatives', lang)} {alt} — {element.rubric[alt].text.get(lang)}"
            )
        if result.question:
            lines.append(f"{t('interpret.question', lang)}: {result.question}")
    if result.follow_up:
        lines.append(f"{t('interpret.follow_up', lang)}: {result.follow_up}")
    if result.notice:
        lines.append(f"{t('interpret.notice', lang)}: {result.notice}")
    return "\n".join(lines) + "\n"


def _build(fw: Framework) -> Interpreter:
    from assistant.interpret import make_interpreter
    from assistant.knowledge.embeddings import EmbeddingSettingError
    from assistant.llm import make_chat_model
    from assistant.settings import Settings

    settings = Settings()
    try:
        return make_interpreter(settings, make_chat_model(settings), framework=fw)
    except (EmbeddingSettingError, ValueError) as exc:
        raise InputError(str(exc)) from exc


def _stream(fw: Framework, interpreter: Interpreter, args: argparse.Namespace) -> int:
    """One JSON line out per non-blank input line; a bad line answers with an error field."""
    from assistant.lang import detect_lang

    invalid = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        out: dict[str, object]
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise InputError("expected a JSON object")
            if item.get("element", args.element) is None:
                raise InputError('missing "element" (e.g. "E15"; or give --element)')
            element = _element(fw, item.get("element", args.element))
            text = item.get("text")
            if "text" not in item:
                raise InputError('missing "text" (the answer to interpret)')
            if not isinstance(text, str):
                raise InputError('"text" must be a string')
            lang = item.get("lang") or args.lang
            if lang not in (None, "en", "ja"):
                raise InputError('"lang" must be "en" or "ja"')
            lang = lang or detect_lang(text)
            out = _record(interpreter.interpret(element, text, lang), lang)
        except json.JSONDecodeError as exc:
            out = {"line": number, "error": f"malformed JSON: {exc}"}
        except InputError as exc:
            out = {"line": number, "error": str(exc)}
        invalid += "error" in out
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if invalid:  # a script sees it without reading every record; the records say which
        sys.stderr.write(f"assistant: {invalid} input line(s) were invalid (see their \"error\")\n")
        return 2
    return 0


def cmd_interpret(args: argparse.Namespace) -> int:
    from assistant.framework import get_framework
    from assistant.lang import detect_lang

    fw = get_framework()
    if args.text == "-":
        if args.element is not None:
            _element(fw, args.element)
        return _stream(fw, _build(fw), args)
    if args.element is None:
        raise InputError("--element is required (e.g. --element E15) unless TEXT is -")
    element = _element(fw, args.element)
    lang: Lang = args.lang or detect_lang(args.text)
    result = _build(fw).interpret(element, args.text, lang)
    if args.json:
        sys.stdout.write(json.dumps(_record(result, lang), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_readable(element, result, lang))
    return 0
