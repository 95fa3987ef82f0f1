"""What the end-to-end tests and the browser benchmark (evals/bench_browser.py) share: the system
Chromium and its flags (no browser downloads, no background connections on a closed network), the
wait for a chat turn's reply, and stopping a server process."""

from __future__ import annotations

import os
import signal
import subprocess

CHROMIUM = os.environ.get("ASSISTANT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# The Interview draws only the current part of a long conversation; the rest is folded under
# "Earlier in this interview (N messages)" (assistant.web.transcript.FOLD, whose key Streamlit
# puts on the fold as a class). A page function: the messages drawn outside the fold plus the
# fold's N, so every message of the conversation counts whether drawn or folded.
CHAT_COUNT = """() => {
  const fold = document.querySelector('.st-key-interview-earlier');
  const label = fold && fold.querySelector('summary');
  const said = label ? label.innerText.match(/[0-9]+/) : null;
  const shown = [...document.querySelectorAll('[data-testid="stChatMessage"]')]
    .filter(m => !(fold && fold.contains(m)));
  return shown.length + (said ? Number(said[0]) : 0);
}"""

# A page function: true once the conversation counts two more messages (CHAT_COUNT), the last one
# drawn the assistant's, and no message is still the previous run's (Streamlit marks those stale
# until the new ones replace them: a grown count alone could show the old messages under the
# fold's new label).
TURN_DONE = """([before]) => {
  const count = (COUNT)();
  if (count < before + 2) return false;
  if (document.querySelector('[data-testid="stChatMessage"] [data-stale="true"]')) return false;
  const fold = document.querySelector('.st-key-interview-earlier');
  const msgs = [...document.querySelectorAll('[data-testid="stChatMessage"]')]
    .filter(m => !(fold && fold.contains(m)));
  const last = msgs[msgs.length - 1];
  return !!last && !!last.querySelector('[data-testid="stChatMessageAvatarAssistant"]');
}""".replace("COUNT", CHAT_COUNT)


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 15) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds; nothing if it already ended."""
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
