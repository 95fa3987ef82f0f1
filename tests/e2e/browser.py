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

# A page function: true once the chat shows two more messages, the last one the assistant's.
TURN_DONE = """([before]) => {
  const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
  if (msgs.length < before + 2) return false;
  const last = msgs[msgs.length - 1];
  return !!last.querySelector('[data-testid="stChatMessageAvatarAssistant"]');
}"""


def stop_process(proc: subprocess.Popen[bytes] | None, timeout: float = 15) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds; nothing if it already ended."""
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
