"""`assistant report FILE [--format md|html|pdf] [--lang en|ja] [--out PATH]`: the same report
the web app downloads, from an answers file. Bad input exits 2 with one line (as `score`)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from assistant.answers_io import InputError, read_answers
from assistant.framework import get_framework


def render_report(file: str, fmt: str, lang: str | None) -> bytes:
    """The report of one answers file in one format, as bytes (UTF-8 for md/html)."""
    from assistant.report.document import report_html, report_markdown
    from assistant.report.pdf import html_to_pdf
    from assistant.scoring import assess

    answers = read_answers(file)
    fw = get_framework()
    result = assess(fw, answers, "ja" if lang == "ja" else "en" if lang else None)
    if fmt == "md":
        return report_markdown(fw, answers, result, datetime.now(UTC)).encode("utf-8")
    html = report_html(fw, answers, result, datetime.now(UTC))
    return html.encode("utf-8") if fmt == "html" else html_to_pdf(html)


def cmd_report(args: argparse.Namespace) -> int:
    if args.format == "pdf" and args.out is None and sys.stdout.isatty():
        raise InputError("--format pdf writes binary data: give --out PATH (or redirect stdout)")
    data = render_report(args.file, args.format, args.lang)
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return 0
    out = Path(args.out)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    sys.stderr.write(f"assistant: wrote {out} ({len(data):,} bytes)\n")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="the assessment report of an answers file (md, html, pdf)")
    p.add_argument("file", help="path to the answers file")
    p.add_argument("--format", choices=["md", "html", "pdf"], default="md")
    p.add_argument("--lang", choices=["en", "ja"], default=None, help="default: the file's")
    p.add_argument("--out", default=None, help="write here instead of standard output")
    p.set_defaults(func=cmd_report)
