"""Benchmark: speed as a person feels it, in a real Chromium (Debian's, driven by Playwright).

For the app (`streamlit run app.py` on an empty data directory) it measures:

- server start → health check → Interview form painted → knowledge base ready (sidebar says so),
  and the form painted again in a second tab of the now warm server;
- the first typed answer: from the form's paint, the intake sent and one answer typed, until the
  reply is painted (the model may still be loading: the answer waits for it);
- a full English interview: every turn, Enter or a quick-reply click → reply painted
  (p50 / p95 / max);
- page switches (Interview → Results → Interview, ``--switch-rounds`` times), each until the
  page's content is painted;
- the app process's memory (RSS) with 10 sessions open, each with an interview started.

In the same run it measures a baseline the same way: a plain ``st.chat_input`` echo page (start,
paint, turns), or with ``--baseline-ref REF`` the app at another commit (checked out with
``git worktree`` in a temp dir). The load average is printed before and after; compare runs only
at similar load. Targets (issue 12, quiet machine): form ≤ 1.5 s after health, KB ready ≤ 4 s
cold, first answer ≤ 1 s after paint, turn p95 ≤ 250 ms, page switch ≤ 500 ms, memory ≤ 1 GB.

    .venv/bin/python evals/bench_browser.py [--turns 42] [--sessions 10] [--switch-rounds 3]
        [--baseline-ref HEAD~1]
        [--cold-cache]   # also an empty index cache (the first start on a new machine)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.e2e.browser import (  # noqa: E402
    CHAT_COUNT,
    CHROMIUM,
    CHROMIUM_ARGS,
    TURN_DONE,
    stop_process,
)

TIMEOUT = 180_000  # ms: a busy machine, a cold model
ECHO_APP = """import streamlit as st

st.title("Echo")
if "log" not in st.session_state:
    st.session_state.log = []
for who, text in st.session_state.log:
    with st.chat_message(who):
        st.markdown(text)
typed = st.chat_input("Say something")
if typed:
    st.session_state.log += [("user", typed), ("assistant", "You said: " + typed)]
    st.rerun()
"""
WATCH_READY = """(() => {
  const t = setInterval(() => {
    const side = document.querySelector('[data-testid="stSidebar"]');
    if (side && /Knowledge base ready/.test(side.innerText)) {
      window.__kbReady = Date.now(); clearInterval(t);
    }
  }, 25);
})();"""
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
# A page switch is over when the page's parts are there, nothing of the page before is left
# (Streamlit marks the elements of the previous run stale until they are replaced or dropped), and
# its charts are drawn (SVG images decoded, or a Plotly chart's SVG there, for a baseline before).
DRAWN = """(parts) => parts.every(p => document.querySelector(p))
  && !document.querySelector('[data-testid="stMain"] [data-stale="true"]')
  && [...document.querySelectorAll('[data-testid="stImage"] img')].every(i => i.complete)
  && [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
       .every(c => c.querySelector('svg.main-svg'))"""
RESULTS_DRAWN = ['[data-testid="stDownloadButton"]']
INTERVIEW_DRAWN = ['[data-testid="stChatMessage"]', '[data-testid="stChatInputTextArea"]']


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (5 min {five:.1f}) on {os.cpu_count()} cores"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """One ``streamlit run`` of ``script`` in ``cwd``; times its start and health."""

    cwd: Path
    script: str
    env: dict[str, str]
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    started_epoch: float = 0.0
    healthy: float = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: Path) -> None:
        launcher = ["-m", "streamlit", "run", self.script]
        if self.script == "app.py" and (self.cwd / "assistant" / "web" / "__main__.py").exists():
            launcher = ["-m", "assistant.web"]  # warms the knowledge base from server start
        cmd = [
            sys.executable, *launcher,
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", "--server.runOnSave", "false",
        ]  # fmt: skip
        self.started = time.perf_counter()
        self.started_epoch = time.time()
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                cmd, cwd=self.cwd, env={**os.environ, **self.env}, stdout=out, stderr=out
            )
        deadline = self.started + 120
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited ({self.proc.returncode}); see {log}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        self.healthy = time.perf_counter()
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("no health check in 120 s")

    def rss_mb(self) -> float:
        """Resident memory of the server process and its children, in MB."""
        assert self.proc is not None
        pids = [self.proc.pid]
        with contextlib.suppress(OSError):
            kids = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
            pids += [int(p) for p in kids.split()]
        total = 0
        for pid in pids:
            with contextlib.suppress(OSError):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return total / 1024

    def stop(self) -> None:
        stop_process(self.proc)


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def idle(page: Any) -> None:
    page.wait_for_function(IDLE, timeout=TIMEOUT, polling="raf")


def drawn(page: Any, parts: list[str]) -> None:
    page.wait_for_function(DRAWN, arg=parts, timeout=TIMEOUT, polling="raf")


def turn(page: Any, act: Callable[[], object]) -> float:
    """Seconds from the action to the assistant's reply painted."""
    before = page.evaluate(CHAT_COUNT)
    t = time.perf_counter()
    act()
    page.wait_for_function(TURN_DONE, arg=[before], timeout=TIMEOUT, polling="raf")
    took = time.perf_counter() - t
    idle(page)
    return took


def type_in_chat(page: Any, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(text)
    box.press("Enter")


def current_element(page: Any) -> str | None:
    messages = page.get_by_test_id("stChatMessage")
    found = re.findall(r"\b(E\d\d)\b", messages.nth(messages.count() - 1).inner_text())
    return found[-1] if found else None


def start_interview(page: Any, city: str) -> float:
    page.get_by_label("City name").fill(city)
    page.get_by_label("Country").fill("Example Republic")
    return turn(page, lambda: page.get_by_role("button", name="Start the interview").click())


def answer_turns(page: Any, answer_for: dict[str, str], times: list[float], limit: int) -> None:
    """Answer and confirm element after element until ``limit`` turns (or the read-back)."""
    while len(times) < limit:
        eid = current_element(page)
        if (
            eid is None
            or eid not in answer_for
            or page.get_by_role("button", name="Finish").count()
        ):
            return  # the read-back: every element answered
        times.append(turn(page, lambda: type_in_chat(page, answer_for[eid])))  # noqa: B023
        times.append(turn(page, confirm_button(page).click))


def confirm_button(page: Any) -> Any:
    """The quick reply that settles the proposal: confirm it, choose the first of an unsure
    pair, a "don't know" read from the answer, or "don't know" when no level was proposed."""
    for _ in range(50):
        for name in (r"^Yes, level \d$", r"^Choose level \d$", r"^Yes, save as", r"^Don't know$"):
            button = page.get_by_role("button", name=re.compile(name))
            if button.count():
                return button.first
        page.wait_for_timeout(100)
    page.screenshot(path="bench-browser-failure.png", full_page=True)
    raise RuntimeError("no quick reply to settle the proposal (bench-browser-failure.png)")


def stats(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:<38} (none)"
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return (
        f"{name:<38} n={len(ms):<3} p50 {statistics.median(ms):7.0f} ms   p95 {p95:7.0f} ms   "
        f"max {ms[-1]:7.0f} ms"
    )


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """The repository at ``ref`` in a temporary ``git worktree`` (removed afterwards)."""
    where = Path(tempfile.mkdtemp(prefix="bench-ref-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(where), ref], cwd=ROOT, check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield where
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(where)], cwd=ROOT, check=False)


def bench_app(browser: Any, root: Path, args: argparse.Namespace, tmp: Path, label: str) -> None:
    from assistant.framework import get_framework

    fw = get_framework()
    answer_for = {e.id: e.rubric[2].evidence.en.strip('"') for e in fw.elements}
    env = {
        "ASSISTANT_DATA_DIR": str(tmp / f"data-{label}"),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONPATH": str(root),
    }
    if args.cold_cache:
        env["ASSISTANT_CACHE_DIR"] = str(tmp / f"cache-{label}")
    server = Server(root, "app.py", env)
    how = (
        "python -m assistant.web"
        if (root / "assistant/web/__main__.py").exists()
        else "streamlit run app.py"
    )
    print(f"\n== {label}: {how} in {root}  (load {load()})")
    try:
        server.start(tmp / f"{label}.log")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(WATCH_READY)  # notes when the sidebar says the KB is ready
        opened = time.perf_counter()
        page.goto(server.url)
        page.get_by_text("About your city").wait_for(timeout=TIMEOUT)
        painted = time.perf_counter()
        print(f"{'health after start':<38} {server.healthy - server.started:7.2f} s")
        print(f"{'form painted after health':<38} {painted - server.healthy:7.2f} s")
        print(f"{'  (page opened after health)':<38} {opened - server.healthy:7.2f} s")
        first = start_interview(page, "Riverside")
        eid = current_element(page)
        first += turn(page, lambda: type_in_chat(page, answer_for[eid or "E01"]))
        print(
            f"{'first answer painted after form paint':<38} {time.perf_counter() - painted:7.2f} s"
        )
        print(f"{'  (its two turns: intake + answer)':<38} {first:7.2f} s")
        page.wait_for_function("() => window.__kbReady", timeout=TIMEOUT)
        kb = page.evaluate("() => window.__kbReady") / 1000 - server.started_epoch
        print(f"{'knowledge base ready after start':<38} {kb:7.2f} s")
        second = browser.new_page(viewport={"width": 1280, "height": 900})
        warm = timed(
            lambda: (second.goto(server.url), second.get_by_text("About your city").wait_for())
        )
        print(f"{'form painted, warm server (new tab)':<38} {warm:7.2f} s")
        second.close()

        times = [turn(page, confirm_button(page).click)]
        answer_turns(page, answer_for, times, args.turns)
        print(stats("interview turn painted", times))

        switches: list[float] = []
        nav = page.get_by_test_id("stSidebarNav")
        for _ in range(args.switch_rounds):
            switches.append(
                timed(
                    lambda: (
                        nav.get_by_text("Results").click(),
                        page.get_by_text("Downloads").wait_for(timeout=TIMEOUT),
                        drawn(page, RESULTS_DRAWN),
                    )
                )
            )
            idle(page)
            switches.append(
                timed(
                    lambda: (
                        nav.get_by_text("Interview").click(),
                        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=TIMEOUT),
                        drawn(page, INTERVIEW_DRAWN),
                    )
                )
            )
            idle(page)
        print(stats("page switch painted", switches))
        print(stats("  (after the first Results visit)", switches[1:]))
        print(f"{'  (the first Results visit)':<38} {switches[0]:7.2f} s")

        pages = [page]
        for i in range(args.sessions - 1):
            p = browser.new_page(viewport={"width": 1280, "height": 900})
            p.goto(server.url)
            p.get_by_text("About your city").wait_for(timeout=TIMEOUT)
            start_interview(p, f"City {i}")
            pages.append(p)
        print(f"{f'memory with {len(pages)} sessions (RSS)':<38} {server.rss_mb():7.0f} MB")
        for p in pages:
            p.close()
    finally:
        server.stop()


def bench_echo(browser: Any, args: argparse.Namespace, tmp: Path) -> None:
    (tmp / "echo").mkdir()
    (tmp / "echo" / "echo.py").write_text(ECHO_APP, encoding="utf-8")
    server = Server(tmp / "echo", "echo.py", {})
    print(f"\n== baseline: a plain st.chat_input echo page  (load {load()})")
    try:
        server.start(tmp / "echo.log")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server.url)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=TIMEOUT)
        painted = time.perf_counter()
        print(f"{'health after start':<38} {server.healthy - server.started:7.2f} s")
        print(f"{'page painted after health':<38} {painted - server.healthy:7.2f} s")
        idle(page)
        times = [
            turn(page, lambda i=i: type_in_chat(page, f"message {i}")) for i in range(args.turns)
        ]
        print(stats("echo turn painted", times))
        print(f"{'memory, 1 session (RSS)':<38} {server.rss_mb():7.0f} MB")
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=42, help="interview turns to time")
    parser.add_argument("--sessions", type=int, default=10, help="sessions open for memory")
    parser.add_argument(
        "--switch-rounds", type=int, default=3, help="Interview → Results → Interview rounds"
    )
    parser.add_argument("--baseline-ref", default=None, help="a commit as the baseline app")
    parser.add_argument("--cold-cache", action="store_true", help="an empty index cache too")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (install Debian's chromium)")
        return 2
    from playwright.sync_api import sync_playwright

    print(f"bench_browser: load average {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-browser-") as d, sync_playwright() as pw:
        tmp = Path(d)
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            if args.baseline_ref:
                with checkout(args.baseline_ref) as ref_root:
                    bench_app(browser, ref_root, args, tmp, f"baseline {args.baseline_ref}")
            else:
                bench_echo(browser, args, tmp)
            bench_app(browser, ROOT, args, tmp, "this tree")
        finally:
            browser.close()
    print(f"\nload average after: {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
