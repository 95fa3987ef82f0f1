"""Text for a terminal: nothing a user or a document wrote may drive the terminal.

A city name holding ``ESC [2J``, an OSC title sequence, a bare ``\\r`` (which overwrites the line
shown) or a bidi override (which reverses what is read) is data, not a command to the terminal.
`SafeStream` wraps standard output and error for every command, so no printing path can forget:
such characters are written as visible ``\\uXXXX`` escapes, which is also valid inside the JSON
strings the ``--json`` outputs print. `one_line` is for values shown inside a line (a table cell,
a title), where a newline would forge a line of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from assistant.models import AnswersFile

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a one-byte CSI), bidi controls,
# line/paragraph separators.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"


def safe(text: str) -> str:
    """`text` with every terminal control character shown as a ``\\uXXXX`` escape."""
    return _UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """A value for inside a line: safe, with line breaks shown as ``\\n`` escapes too."""
    return safe(text).replace("\n", "\\u000a").replace("\t", " ")


class SafeStream:
    """A text stream that passes every write through `safe` (everything else is delegated)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(safe(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def one_line_answers(answers: AnswersFile) -> AnswersFile:
    """A copy for printing in which every profile field and evidence fits on its line."""
    city = answers.city
    shown = city.model_copy(
        update={
            "name": one_line(city.name),
            "country": one_line(city.country),
            "focus_sectors": [one_line(x) for x in city.focus_sectors],
            "focus_areas": [one_line(x) for x in city.focus_areas],
        }
    )
    evidence = {
        e: a.model_copy(update={"evidence": one_line(a.evidence)})
        for e, a in answers.answers.items()
    }
    return answers.model_copy(update={"city": shown, "answers": evidence})
