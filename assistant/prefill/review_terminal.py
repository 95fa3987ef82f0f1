"""The review of the drafts in the terminal: a numbered list, then one line decides.

Enter or "all" confirms every listed draft; "3" leaves draft 3 out (asked in full when its
element comes); "3=2" confirms draft 3 at level 2; "walk" goes through them one by one. A line
that cannot be read saves nothing and the list is asked again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from assistant.catalogue import t
from assistant.prefill.review import ReviewItem
from assistant.terminal import one_line

if TYPE_CHECKING:
    from assistant.interview.engine import InterviewEngine
    from assistant.interview.state import Reply
    from assistant.models import Lang

_TOKEN = re.compile(r"^(\d{1,3})(?:[=:](\d))?$")
ALL = {"", "all", "a", "yes", "y", "はい", "すべて", "全部"}
WALK = {"walk", "w", "one by one", "一件ずつ"}


def show(items: list[ReviewItem], lang: Lang, out: TextIO) -> None:
    out.write(t("interview.review.cli_title", lang, n=len(items)) + "\n")
    for n, item in enumerate(items, 1):
        conf = f"{round(100 * item.confidence)}%"
        out.write(
            t("interview.review.cli_item", lang, n=n, id=item.element, name=one_line(item.name),
              level=item.level, confidence=conf, rubric=one_line(item.rubric)) + "\n"
        )  # fmt: skip
        out.write(
            t("interview.review.cli_quote", lang, origin=one_line(item.origin),
              quote=one_line(" ".join(item.quote.split()))) + "\n"
        )  # fmt: skip
    out.write(t("interview.review.cli_help", lang) + "\n")


def parse(line: str, items: list[ReviewItem]) -> tuple[dict[str, int], list[str]] | None:
    """(levels of the confirmed drafts, the drafts left out), or None for a line not understood.
    "walk" is ({}, []): nothing confirmed, nothing left out."""
    text = line.strip().lower().replace(",", " ")
    if text in WALK:
        return {}, []
    levels = {i.element: i.level for i in items}
    if text in ALL:
        return levels, []
    out: list[str] = []
    for token in text.split():
        m = _TOKEN.match(token)
        if m is None or not 1 <= int(m.group(1)) <= len(items):
            return None
        element = items[int(m.group(1)) - 1].element
        if m.group(2) is None:
            out.append(element)
            levels.pop(element, None)
        elif int(m.group(2)) <= 4:
            levels[element] = int(m.group(2))
        else:
            return None
    return levels, out


def stdin_line(out: TextIO) -> Callable[[], str | None]:
    """Lines of standard input, blank ones included (Enter confirms the list)."""
    import sys

    def read() -> str | None:
        out.write("> ")
        out.flush()
        try:
            line = sys.stdin.readline()
        except KeyboardInterrupt:
            return None
        return line.rstrip("\r\n") if line else None

    return read


def run(
    engine: InterviewEngine,
    code: str,
    lang: Lang,
    read_line: Callable[[], str | None],
    out: TextIO,
) -> Reply | None:
    """Offer the review if there is one; the engine's reply, or None (nothing to review, or the
    input ended: the walk goes on as before, nothing saved)."""
    items = engine.review_items(code)
    if not items:
        return None
    show(items, lang, out)
    while True:
        line = read_line()
        if line is None:
            return None
        decided = parse(line, items)
        if decided is not None:
            return engine.review(code, *decided)
        out.write(
            t("interview.review.cli_bad", lang, text=one_line(line[:80]), n=len(items)) + "\n"
        )
