"""Drive `python -m assistant interview` as a subprocess, like a person at a terminal would.

``Interview`` starts the process with pipes, reads its output on a thread (so a killed process's
last words are still collected), and waits for the prompt after each reply. ``Respondent`` picks
the next line from the session's saved position, so the same policy works after any restart.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from assistant.framework import get_framework
from assistant.interview.commands import PROMPT
from assistant.interview.state import EngineState
from assistant.ports import StoredSession

ROOT = Path(__file__).resolve().parents[2]
SAVED = re.compile(r"(?:^|> )Saved (E\d\d) \([^)]*\)(?:: level (\d)| as unknown)", re.M)
CODE = re.compile(r"^Session code: (\S+)$", re.M)


def cli_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        ASSISTANT_DATA_DIR=str(data_dir),
        HF_HUB_OFFLINE="1",
        PYTHONUNBUFFERED="1",
        PYTHONIOENCODING="utf-8",
    )
    for key in ("ASSISTANT_LLM", "ASSISTANT_DATABASE_URL"):
        env.pop(key, None)
    return env


class Interview:
    """One `assistant interview` process with its output collected as it comes."""

    def __init__(self, data_dir: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "assistant", "interview", *args],
            cwd=ROOT,
            env=cli_env(data_dir),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self._out = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._seen = 0  # output length at the last prompt

    def _read(self) -> None:
        assert self.proc.stdout is not None
        while chunk := self.proc.stdout.read1(65536):
            with self._lock:
                self._out += chunk

    @property
    def output(self) -> str:
        with self._lock:
            return self._out.decode("utf-8", errors="replace")

    def wait_prompt(self, timeout: float = 60.0) -> str:
        """The reply printed since the last prompt, once the next prompt appears."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            out = self.output
            if len(out) > self._seen and out.endswith(PROMPT):
                reply, self._seen = out[self._seen :], len(out)
                return reply
            if self.proc.poll() is not None:
                self._reader.join(5)
                out = self.output
                if out.endswith(PROMPT) and len(out) > self._seen:
                    continue
                err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                raise AssertionError(f"interview exited ({self.proc.returncode}): {err[-2000:]}")
            time.sleep(0.002)
        raise AssertionError(f"no prompt within {timeout}s; output ends {self.output[-500:]!r}")

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((line + "\n").encode("utf-8"))
        self.proc.stdin.flush()

    def kill(self) -> str:
        """SIGKILL, then everything it printed."""
        self.proc.kill()
        self.proc.wait(10)
        self._reader.join(10)
        return self.output

    def close(self) -> tuple[int, str]:
        """End of input; the exit status and everything printed."""
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(60)
        self._reader.join(10)
        return self.proc.returncode, self.output

    def code(self) -> str:
        m = CODE.search(self.output)
        assert m, self.output[:500]
        return m.group(1)


def saved_reports(output: str) -> dict[str, int | None]:
    """Every "Saved E05 ...: level 3" line printed, the last one per element winning."""
    found: dict[str, int | None] = {}
    for m in SAVED.finditer(output):
        found[m.group(1)] = int(m.group(2)) if m.group(2) is not None else None
    return found


INTAKE_VALUES = {
    "name": "Springfield",
    "country": "Utopia",
    "city_type": "2",
    "lead_actor": "municipal",
    "population": "850000",
    "focus_sectors": "transport, water",
    "focus_areas": "skip",
    "language": "English",
}


class Respondent:
    """An official with a fixed opinion per element: a level (or unknown) and how to say it."""

    def __init__(self, plan: dict[str, tuple[str, int | None]]) -> None:
        self.plan = plan  # element -> ("text" | "digit" | "unknown", level)
        self.fw = get_framework()

    def answer_text(self, element_id: str) -> str:
        level = self.plan[element_id][1]
        rubric = self.fw.element(element_id).rubric[level if level is not None else 0]
        return rubric.evidence.en.strip().strip('"“”')

    def next_line(self, session: StoredSession) -> str:
        state = EngineState.model_validate(session.state) if session.state else None
        if state is None or state.phase == "intake":
            field = state.intake_field if state else "name"
            return INTAKE_VALUES[str(field)]
        if state.phase == "readback":
            return "finish"
        assert state.element is not None
        how, level = self.plan[state.element]
        if how == "unknown":  # typed "don't know" is proposed, then confirmed
            return "yes" if state.unknown_proposed else "don't know"
        if how == "text" and not state.draft:
            return self.answer_text(state.element)
        return str(level)
