"""`assistant interview`: the whole interview on standard input and output, line by line.

Works through a pipe (no prompts that need a terminal; output is flushed after every reply).
End of input pauses the interview and prints the session code. Top-level imports stay light:
the store, the interpreter and the knowledge base load inside the handler.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from assistant.answers_io import InputError
from assistant.catalogue import t
from assistant.faults import storage_fault
from assistant.limits import MAX_EVIDENCE

if TYPE_CHECKING:
    from assistant.interview.engine import InterviewEngine
    from assistant.interview.state import DocumentPassage, Proposal, Reply
    from assistant.models import Lang
    from assistant.settings import Settings

PROMPT = "> "
MAX_ANSWER_CHARS = MAX_EVIDENCE  # the web app's cap (and the stored answer's)


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "interview", help="run the self-assessment interview in the terminal (line by line)"
    )
    p.add_argument("--lang", choices=["en", "ja"], default="en", help="interview language")
    p.add_argument("--resume", metavar="CODE", default=None, help="continue a paused session")
    p.add_argument(
        "--from-docs",
        nargs="+",
        metavar="FILE",
        default=None,
        help="start from drafts read from the city's documents (.pdf, .docx, .md, .txt)",
    )
    p.set_defaults(func=cmd_interview)


def build_engine(settings: Settings) -> InterviewEngine:
    """The engine with the real collaborators for these settings (one set per process)."""
    from assistant.wiring import build_parts, make_engine

    return make_engine(build_parts(settings))


def render(reply: Reply, out: TextIO) -> None:
    """One reply as plain text, citations listed under the message that uses them."""
    for message in reply.messages:
        if message.role == "system":
            out.write(t("interview.cli.note", reply.lang, text=message.text) + "\n\n")
            continue
        out.write(message.text + "\n")
        for c in message.citations:
            provenance = (
                t(f"interview.cli.provenance.{c.provenance}", reply.lang)
                if c.provenance in ("printed", "reading")
                else c.provenance
            )
            where = ", ".join(p for p in (c.source, provenance) if p)
            out.write(f"  [{c.n}] {c.title}{f' ({where})' if where else ''}\n")
        out.write("\n")


def _utf8(stream: TextIO) -> None:
    """Japanese must survive a C locale: use UTF-8 on the standard streams."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and (stream.encoding or "").lower().replace("-", "") != "utf8":
        reconfigure(encoding="utf-8", errors="replace")


def cmd_interview(args: argparse.Namespace) -> int:
    from assistant.report.profile_text import profile_text
    from assistant.settings import Settings

    for stream in (sys.stdin, sys.stdout):
        _utf8(stream)
    out = sys.stdout
    engine = build_engine(Settings())
    if args.resume is not None:
        reply = engine.resume(args.resume)
        if reply is None:
            raise InputError("no session with that code")
        code = reply.code
    else:
        drafts, disputed = (
            _drafts(engine, args.from_docs, args.lang) if args.from_docs else ({}, {})
        )
        code, reply = engine.start(args.lang, drafts=drafts, disputed=disputed)
    out.write(t("interview.cli.code_line", reply.lang, code=code) + "\n\n")
    review = _Review(engine, code, out)  # the sure drafts listed once, when the elements start
    while True:
        # the review comes before the walk: its first question is asked after it, once
        held = review.waits(reply)
        render(reply.model_copy(update={"messages": reply.messages[:-1]}) if held else reply, out)
        if reply.phase == "done" and reply.assessment is not None:
            answers = engine.answers_file(code)
            assert answers is not None
            out.write(profile_text(engine.fw, answers, reply.assessment))
            out.flush()
            return 0
        if reply.paused:
            out.flush()
            return 0
        if (reviewed := review(reply)) is not None:
            reply = reviewed
            continue
        line = _read_line(out)
        if line is None:  # end of input: pause, so the code is the last thing printed
            out.write("\n")
            reply = engine.handle(code, "pause")
            continue
        if len(line) > MAX_ANSWER_CHARS:  # interpreting a megabyte takes minutes: say so
            out.write(t("interview.cli.too_long", reply.lang, n=len(line), limit=MAX_ANSWER_CHARS) + "\n")
            continue
        try:
            reply = engine.handle(code, line)
        except Exception as exc:  # the turn was not written; the person may send it again
            message = storage_fault(exc, reply.lang)
            if message is None:
                raise
            out.write(message + "\n")


def _drafts(
    engine: InterviewEngine, files: list[str], lang: Lang
) -> tuple[dict[str, Proposal], dict[str, list[DocumentPassage]]]:
    """Read the documents (a bad one: one line, the others still read): the drafts, offered,
    not saved, and the elements they disagree on (asked in full, both passages shown)."""
    from pathlib import Path

    from assistant.prefill.interview import disputed, proposals
    from assistant.prefill.reader import DocumentReader
    from assistant.prefill.service import read_paths
    from assistant.settings import Settings

    settings = Settings()
    offline = getattr(engine.interpreter, "fallback", engine.interpreter)
    embeddings = getattr(offline, "embeddings", None)  # the interpreter's model: loaded once
    if embeddings is None:
        from assistant.knowledge.embeddings import make_embeddings

        embeddings = make_embeddings(settings.embeddings)
    reader = DocumentReader(engine.fw, engine.interpreter, embeddings)
    result, errors = read_paths([Path(f) for f in files], settings, reader, lang)
    for line in errors:
        sys.stderr.write(f"assistant: error: {line}\n")
    if errors and not any(d.error is None for d in result.documents):
        raise InputError("none of the documents could be read")
    return proposals(result, engine.fw, lang), disputed(result)


class _Review:
    """The sure document drafts listed together before the walk (prefill/review_terminal.py),
    offered once: the first time the interview stands at an element."""

    def __init__(self, engine: InterviewEngine, code: str, out: TextIO) -> None:
        self.engine, self.code, self.out, self.looked = engine, code, out, False

    def waits(self, reply: Reply) -> bool:
        """Is a review to be offered after this reply (its last message, the question, waits)?"""
        if self.looked or reply.phase not in ("element", "confirm"):
            return False
        return bool(self.engine.review_items(self.code))

    def __call__(self, reply: Reply) -> Reply | None:
        if self.looked or reply.phase not in ("element", "confirm"):
            return None
        from assistant.prefill import review_terminal

        self.looked = True
        read = review_terminal.stdin_line(self.out)
        return review_terminal.run(self.engine, self.code, reply.lang, read, self.out)


def _read_line(out: TextIO) -> str | None:
    """The next non-blank input line (prompting for each), or None at end of input."""
    while True:
        out.write(PROMPT)
        out.flush()
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            return None
        if not line:
            return None
        if line.strip():
            return line.rstrip("\r\n")
