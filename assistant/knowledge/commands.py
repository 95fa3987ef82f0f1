"""`assistant ingest` and `assistant ask`: argument parsing and printing only.

Top-level imports stay light (this module is imported for every sub-command, including
`score`): chromadb, the embedding model and LangChain load inside the handlers.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.answers_io import InputError
from assistant.limits import MAX_QUESTION


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("ingest", help="build or update the knowledge base")
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="documents to add (Markdown, text, PDF) or folders of them; "
        "without paths: (re)build from knowledge/",
    )
    p.add_argument(
        "--rebuild", action="store_true", help="drop the collection and rebuild it from all sources"
    )
    p.add_argument(
        "--added-by",
        default="",
        metavar="NAME",
        help="who adds these documents (recorded with each one)",
    )
    p.add_argument(
        "--remove",
        action="append",
        default=[],
        metavar="DOCUMENT",
        help="remove an added document (its path or file name) and its passages; repeatable",
    )
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("ask", help="ask the knowledge base a question")
    p.add_argument(
        "question",
        metavar="QUESTION",
        help="the question, or - to read one question per line from standard input",
    )
    p.add_argument(
        "--lang",
        choices=["en", "ja"],
        default=None,
        help="answer language (default: the question's)",
    )
    p.add_argument("--k", type=int, default=4, help="number of passages to quote (1-10)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_ask)


def _services() -> Any:
    from assistant.knowledge.embeddings import EmbeddingSettingError
    from assistant.knowledge.services import build_services
    from assistant.settings import Settings

    try:
        return build_services(Settings())
    except (EmbeddingSettingError, ValueError) as exc:
        raise InputError(str(exc)) from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    from assistant.knowledge.embeddings import EmbeddingMismatchError

    services = _services()
    if args.remove:
        return _remove(services, args.remove)
    try:
        report = services.ingest(
            [Path(p) for p in args.paths], rebuild=args.rebuild, added_by=args.added_by
        )
    except EmbeddingMismatchError as exc:
        raise InputError(str(exc)) from exc
    for err in report.errors:
        sys.stderr.write(f"assistant: rejected: {err}\n")
    sys.stdout.write(
        f"knowledge base: {report.total_chunks} chunks; added {report.added_chunks}, "
        f"removed {report.removed_chunks}, unchanged sources {report.unchanged}"
        f"{f', rejected files {len(report.errors)}' if report.errors else ''}\n"
    )
    return 2 if report.errors else 0


def _remove(services: Any, names: list[str]) -> int:
    removed, missing = services.remove(names)
    for path in removed:
        sys.stdout.write(f"removed {path}\n")
    for name in missing:
        sys.stderr.write(f"assistant: error: no added document {name!r}\n")
    sys.stdout.write(f"knowledge base: {services.store.count()} chunks\n")
    return 2 if missing else 0


MAX_QUESTION_CHARS = MAX_QUESTION  # a longer "question" is a document


def _too_long(n: int) -> str:
    return (
        f"the question is {n} characters; the limit is {MAX_QUESTION_CHARS} "
        "(ask about one thing at a time)"
    )


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.knowledge.answer import answer
    from assistant.knowledge.embeddings import EmbeddingMismatchError

    if not 1 <= args.k <= 10:
        raise InputError(f"--k must be between 1 and 10, not {args.k}")
    if args.question != "-" and not args.question.strip():
        raise InputError("the question is empty")
    if args.question != "-" and len(args.question) > MAX_QUESTION_CHARS:
        raise InputError(_too_long(len(args.question)))
    services = _services()
    try:
        services.ensure_built()
        retriever = services.retriever
    except EmbeddingMismatchError as exc:
        raise InputError(str(exc)) from exc
    chat_model = _chat_model(services.settings)

    def one(question: str) -> Any:
        return answer(question, retriever, lang=args.lang, k=args.k, chat_model=chat_model)

    if args.question == "-":
        for line in sys.stdin:
            if len(line) > MAX_QUESTION_CHARS:
                sys.stderr.write(f"assistant: error: {_too_long(len(line))}\n")
            elif line.strip():
                result = one(line)
                sys.stdout.write(
                    json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n"
                )
                sys.stdout.flush()
        return 0
    result = one(args.question)
    if args.json:
        sys.stdout.write(
            json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        sys.stdout.write(_render(result))
    return 0


def _chat_model(settings: Any) -> Any:
    from assistant.llm import make_chat_model

    try:
        return make_chat_model(settings)
    except (ImportError, ValueError) as exc:
        raise InputError(f"cannot set up the language model {settings.llm!r}: {exc}") from exc


def _render(result: Any) -> str:
    """The composed answer, a notice if any, then one line per source (never a path)."""
    from assistant.catalogue import t
    from assistant.knowledge.source_names import source_line
    from assistant.lang import detect_lang

    lang = detect_lang(result.answer)
    lines = [result.answer, ""]
    if result.notice:
        lines += [f"Note: {result.notice}", ""]
    if result.sources:
        lines.append(t("answer.sources", "ja" if lang == "ja" else "en"))
        lines += [f"  {source_line(n, s, lang)}" for n, s in enumerate(result.sources, 1)]
        lines.append("")
    return "\n".join(lines)
