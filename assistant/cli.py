"""The `assistant` command: argument parsing and printing only; the work happens in the package.

Each feature module exposes ``register(subparsers)`` that adds its sub-commands; a sub-command's
handler takes the parsed arguments and returns an exit status. Bad input raises ``InputError``
and becomes one line on standard error with exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from assistant.answers_io import InputError, read_answers
from assistant.faults import storage_fault
from assistant.framework import FrameworkError, get_framework
from assistant.terminal import SafeStream, one_line_answers

# Feature modules that add sub-commands (imported lazily so `score` never loads a model).
COMMAND_MODULES: tuple[str, ...] = (
    "assistant.knowledge.commands",
    "assistant.interpret.commands",
    "assistant.sessions.commands",
    "assistant.interview.commands",
    "assistant.report.commands",
    "assistant.api.commands",
    "assistant.prefill.commands",
)


def _print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def cmd_framework(args: argparse.Namespace) -> int:
    from assistant.report.framework_text import framework_json, framework_text

    fw = get_framework()
    if args.json:
        _print_json(framework_json(fw))
    else:
        sys.stdout.write(framework_text(fw, args.lang))
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from assistant.report.profile_text import profile_text
    from assistant.scoring import assess

    answers = read_answers(args.file)
    result = assess(get_framework(), answers, args.lang)
    if args.json:
        _print_json(result.model_dump(mode="json"))
    else:
        sys.stdout.write(profile_text(get_framework(), one_line_answers(answers), result))
    return 0


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors exit 2 with one line (argparse prints usage + error)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="assistant",
        description="Smart-city self-assessment on JICA's Smart City Approach: the framework, "
        "scoring, the knowledge base, and the interview. Works offline; see README.md.",
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("framework", help="show the domains, elements, questions and rubric")
    p.add_argument("--lang", choices=["en", "ja"], default="en")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_framework)

    p = sub.add_parser("score", help="score an answers file (JSON, schema_version 1)")
    p.add_argument("file", help="path to the answers file")
    p.add_argument("--lang", choices=["en", "ja"], default=None, help="default: the file's")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_score)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise  # a real import error inside the module, not a missing feature
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args: argparse.Namespace) -> int:
    """The sub-command, with bad input, bad data and interruptions as one line each."""
    try:
        return int(args.func(args))
    except InputError as exc:
        sys.stderr.write(f"assistant: error: {exc}\n")
        return 2
    except FrameworkError as exc:
        sys.stderr.write(f"assistant: framework data is invalid: {exc}\n")
        return 3
    except KeyboardInterrupt:
        sys.stderr.write("assistant: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a full disk, a read-only directory, a lock: say so, plainly
        message = storage_fault(exc)
        if message is None:
            raise
        sys.stderr.write(f"assistant: error: {message}\n")
        return 1
