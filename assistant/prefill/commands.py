"""`assistant prefill FILE… [--lang en|ja] [--json]`: argument parsing and printing only.

A bad or oversized file is one line on standard error and exit status 2, after the other files
have been read and printed. Quotes come from the documents: printed as plain text (the CLI's
safe stream neutralises control characters), never interpreted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.catalogue import t

if TYPE_CHECKING:
    from assistant.models import Framework, Lang
    from assistant.prefill.drafts import Prefill


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "prefill",
        help="read a city's documents (PDF, Word, Markdown, text) into a draft per element",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help=".pdf, .docx, .md or .txt")
    p.add_argument("--lang", choices=["en", "ja"], default=None, help="default: each document's")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--brief",
        action="store_true",
        help="the facilitator's pre-mission brief: map, drafts with quotes, questions for site",
    )
    p.set_defaults(func=cmd_prefill)


def where(quote: Any, lang: Lang) -> str:
    """'name, p. 12' or 'name, § heading' — where a quote came from."""
    if quote.page is not None:
        return t("report.prefill_cli.page", lang, document=quote.document, page=quote.page)
    if quote.section:
        return t("report.prefill_cli.section", lang, document=quote.document, section=quote.section)
    return str(quote.document)


def readable(fw: Framework, result: Prefill, lang: Lang) -> str:
    """One line per element (its draft, "not covered", or the disagreeing readings), quotes under."""
    drafted = len(result.drafted())
    lines = [t("report.prefill_cli.title", lang, n=drafted, total=len(fw.elements))]
    for el in fw.elements:
        draft = result.elements.get(el.id)
        head = f"{el.id} {el.name.get(lang)}"
        if draft is None:
            lines.append(t("report.prefill_cli.none", lang, head=head))
            continue
        if draft.level is None:
            lines.append(t("report.prefill_cli.conflict", lang, head=head))
            for p in draft.conflict:
                place = where(p.quotes[0], lang) if p.quotes else p.document
                lines.append(
                    "    " + t("report.prefill_cli.reading", lang, place=place, level=p.level)
                )
        else:
            lines.append(
                t("report.prefill_cli.draft", lang, head=head, level=draft.level,
                  confidence=draft.confidence)
            )  # fmt: skip
        for q in draft.quotes:
            lines.append(
                "    " + t("report.prefill_cli.quote", lang, text=q.text, place=where(q, lang))
            )
    return "\n".join(lines) + "\n"


def cmd_prefill(args: argparse.Namespace) -> int:
    from assistant.answers_io import InputError
    from assistant.framework import get_framework
    from assistant.knowledge.embeddings import EmbeddingSettingError
    from assistant.llm import make_chat_model
    from assistant.prefill.service import build_reader, read_paths
    from assistant.settings import Settings

    settings = Settings()
    fw = get_framework()
    try:
        reader = build_reader(settings, fw, make_chat_model(settings))
    except (EmbeddingSettingError, ValueError) as exc:
        raise InputError(str(exc)) from exc
    result, errors = read_paths([Path(f) for f in args.files], settings, reader, args.lang)
    first = result.documents[0].lang if result.documents else "en"
    lang: Lang = "ja" if (args.lang or first) == "ja" else "en"
    if args.json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.brief and any(d.error is None for d in result.documents):
        from assistant.prefill.brief import brief_text

        sys.stdout.write(brief_text(result, fw, lang))
    elif any(d.error is None for d in result.documents):
        sys.stdout.write(readable(fw, result, lang))
    for line in errors:
        sys.stderr.write(f"assistant: error: {line}\n")
    return 2 if errors else 0
