"""Load test of the Streamlit app: N concurrent browser sessions, one session as the baseline.

The browser side of issue 15's load test (the API side is ``evals/load_api.py``). One app
process is started the way ``evals/bench_browser.py`` starts it (its helpers are reused), on an
empty data directory, and warmed until the sidebar says the knowledge base is ready. Then one
Debian Chromium (Playwright, ``/usr/bin/chromium``) drives, for ``--duration`` seconds each:

1. the baseline: 1 session;
2. the load: ``--sessions`` concurrent sessions (one browser context each, one asyncio task each).

Each session fills the intake, starts the interview, then answers element after element (a typed
answer from the element's rubric, then the quick reply that settles the proposal: "Yes, level n",
"Choose level n" or "Don't know"), with a think time of ``--think-min``..``--think-max`` seconds
between turns; at the read-back it opens a new page (a new interview). Every turn is timed from
Enter / the click to the assistant's reply painted.

Printed per phase: turn p50/p95/p99, errors (a reply not painted within 30 s, an exception box on
the page, no quick reply to settle a proposal), turns done, the app process's CPU (% of all
cores, with its children, and per turn) and peak RSS, the CPU of Chromium and this driver, the
load average before and after. Exit status 1 on any error. The browser runs on the same machine
as the app: its CPU is printed so a slower turn can be put down to the app or to the browsers;
compare runs only at similar load.

    .venv/bin/python evals/load_app.py [--sessions 5] [--duration 60]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from evals.bench_browser import IDLE, WATCH_READY, Server, load  # noqa: E402
from tests.e2e.browser import CHAT_COUNT, CHROMIUM, CHROMIUM_ARGS, TURN_DONE  # noqa: E402

TURN_TIMEOUT = 30_000  # ms: a reply not painted by then is an error
OPEN_TIMEOUT = 120_000  # ms: opening the page under load
SETTLE = (r"^Yes, level \d$", r"^Choose level \d$", r"^Don't know$")


class TurnError(Exception):
    """A turn that failed as the official would see it (nothing painted, an exception box)."""


@dataclass
class Phase:
    """What one phase collected (all tasks share one event loop: no locks needed)."""

    turns: list[float] = field(default_factory=list)  # ms
    errors: list[str] = field(default_factory=list)
    opened: int = 0
    finished: int = 0


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def timed_turn(page: Any, act: Any) -> float:
    """Milliseconds from the action to the assistant's reply painted; then wait for idle."""
    before = await page.evaluate(CHAT_COUNT)
    t = time.perf_counter()
    await act()
    try:
        await page.wait_for_function(TURN_DONE, arg=[before], timeout=TURN_TIMEOUT, polling="raf")
    except Exception as exc:  # Playwright's TimeoutError
        raise TurnError(f"no reply painted within {TURN_TIMEOUT // 1000} s") from exc
    took = (time.perf_counter() - t) * 1000
    await page.wait_for_function(IDLE, timeout=TURN_TIMEOUT, polling="raf")
    if await page.get_by_test_id("stException").count():
        raise TurnError("exception box on the page")
    return took


async def type_in_chat(page: Any, text: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    await box.fill(text)
    await box.press("Enter")


async def current_element(page: Any) -> str | None:
    messages = page.get_by_test_id("stChatMessage")
    last = await messages.nth(await messages.count() - 1).inner_text()
    found = re.findall(r"\b(E\d\d)\b", last)
    return found[-1] if found else None


async def settle_button(page: Any) -> Any:
    """The quick reply that settles the proposal (as bench_browser's ``confirm_button``)."""
    for _ in range(50):
        for name in SETTLE:
            button = page.get_by_role("button", name=re.compile(name))
            if await button.count():
                return button.first
        await asyncio.sleep(0.1)
    raise TurnError("no quick reply to settle the proposal")


async def session(
    browser: Any, url: str, n: int, answers: dict[str, list[str]], end: float,
    think: tuple[float, float], phase: Phase,
) -> None:  # fmt: skip
    """One official: interviews, one after another, until ``end`` (a new page after an error)."""
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    rng = random.Random(n)

    async def step(act: Any) -> None:
        await asyncio.sleep(rng.uniform(*think))
        phase.turns.append(await timed_turn(page, act))

    try:
        while time.monotonic() < end:
            page = await context.new_page()
            try:
                await page.goto(url, timeout=OPEN_TIMEOUT)
                await page.get_by_text("About your city").wait_for(timeout=OPEN_TIMEOUT)
                phase.opened += 1
                await page.get_by_label("City name").fill(f"City {n}")
                await page.get_by_label("Country").fill("Example Republic")
                start = page.get_by_role("button", name="Start the interview")
                await step(start.click)
                while time.monotonic() < end:
                    eid = await current_element(page)
                    if await page.get_by_role("button", name="Finish").count():
                        phase.finished += 1
                        break  # the read-back: a new interview on a new page
                    if eid is None or eid not in answers:
                        raise TurnError("no element asked and no read-back")
                    text = rng.choice(answers[eid])
                    await step(lambda: type_in_chat(page, text))  # noqa: B023
                    if time.monotonic() >= end:
                        break
                    button = await settle_button(page)
                    await step(button.click)
            except TurnError as exc:
                phase.errors.append(str(exc))
            finally:
                await page.close()
    finally:
        await context.close()


def app_procs(server: Server) -> list[psutil.Process]:
    assert server.proc is not None
    proc = psutil.Process(server.proc.pid)
    return [proc, *proc.children(recursive=True)]


def cpu_seconds(procs: list[psutil.Process]) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system
    return total


def browser_cpu(app_pids: set[int]) -> dict[int, float]:
    """CPU seconds so far of this driver and its children (Playwright's node, Chromium and its
    renderers) by pid; the app's processes left out."""
    me = psutil.Process()
    seen: dict[int, float] = {}
    for p in [me, *me.children(recursive=True)]:
        if p.pid in app_pids:
            continue
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            seen[p.pid] = t.user + t.system
    return seen


async def sample(
    procs: list[psutil.Process], stop: asyncio.Event
) -> tuple[float, dict[int, float]]:
    """Peak RSS (MB) of the app's processes and the browser's CPU by pid (a renderer comes and
    goes with its page, so it is sampled while alive), every half second until ``stop``."""
    app_pids = {p.pid for p in procs}
    peak = 0.0
    cpu: dict[int, float] = {}
    while not stop.is_set():
        rss = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                rss += p.memory_info().rss
        peak = max(peak, rss / 2**20)
        cpu.update(browser_cpu(app_pids))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)
    cpu.update(browser_cpu(app_pids))
    return peak, cpu


async def measure(
    browser: Any, server: Server, sessions: int, label: str, answers: dict[str, list[str]],
    args: argparse.Namespace,
) -> Phase:  # fmt: skip
    procs = app_procs(server)
    own0 = browser_cpu({p.pid for p in procs})
    load_before = os.getloadavg()
    cpu0, t0 = cpu_seconds(procs), time.monotonic()
    end = t0 + args.duration
    phase = Phase()
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample(procs, stop))
    think = (args.think_min, args.think_max)
    results = await asyncio.gather(
        *(session(browser, server.url, i, answers, end, think, phase) for i in range(sessions)),
        return_exceptions=True,
    )
    phase.errors += [f"{type(r).__name__}: {str(r)[:120]}" for r in results if r is not None]
    wall = time.monotonic() - t0
    cpu = cpu_seconds(procs) - cpu0
    stop.set()
    peak, own_cpu = await sampler
    own = sum(v - own0.get(pid, 0.0) for pid, v in own_cpu.items())
    cores = psutil.cpu_count() or 1
    print(
        f"{label:<9} sessions={sessions:<3} turns={len(phase.turns):<4} "
        f"p50={pct(phase.turns, 50):6.0f} p95={pct(phase.turns, 95):6.0f} "
        f"p99={pct(phase.turns, 99):6.0f} ms  errors={len(phase.errors)}  "
        f"pages opened={phase.opened} interviews done={phase.finished}  "
        f"app cpu={100 * cpu / wall / cores:5.1f}% of {cores} cores "
        f"({1000 * cpu / max(1, len(phase.turns)):.0f} ms/turn), browser+driver cpu="
        f"{100 * own / wall / cores:5.1f}%  rss peak={peak:5.0f} MB  "
        f"load avg {load_before[0]:.2f} -> {os.getloadavg()[0]:.2f}  ({wall:.0f} s)",
        flush=True,
    )
    for err in sorted(set(phase.errors))[:5]:
        print(f"    error: {err}")
    return phase


async def warm(browser: Any, server: Server) -> None:
    """One page until the knowledge base is ready: the cold start is not in the baseline."""
    page = await browser.new_page()
    await page.add_init_script(WATCH_READY)
    await page.goto(server.url, timeout=OPEN_TIMEOUT)
    await page.wait_for_function("() => window.__kbReady", timeout=OPEN_TIMEOUT)
    await page.close()


async def run(args: argparse.Namespace, tmp: Path) -> bool:
    from playwright.async_api import async_playwright

    from assistant.framework import get_framework

    answers = {
        e.id: [level.evidence.en.strip('"') for level in e.rubric[1:4]]
        for e in get_framework().elements
    }
    env = {
        "ASSISTANT_DATA_DIR": str(tmp / "data"),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONPATH": str(ROOT),
    }
    server = Server(ROOT, "app.py", env)
    try:
        server.start(tmp / "app.log")
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                t = time.perf_counter()
                await warm(browser, server)
                print(f"app warm (knowledge base ready) {time.perf_counter() - t:.1f} s after "
                      f"health; load average {load()}", flush=True)  # fmt: skip
                base = await measure(browser, server, 1, "baseline", answers, args)
                loaded = await measure(browser, server, args.sessions, "load", answers, args)
            finally:
                await browser.close()
    finally:
        server.stop()
    return not base.errors and not loaded.errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5, help="concurrent browser sessions")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per phase")
    parser.add_argument("--think-min", type=float, default=1.0, help="seconds between turns")
    parser.add_argument("--think-max", type=float, default=3.0)
    args = parser.parse_args()
    if not 1 <= args.sessions <= 50 or not 1 <= args.duration <= 900:
        parser.error("--sessions must be 1-50 and --duration 1-900 seconds")
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found (install Debian's chromium)")
        return 2
    print(f"load_app: load average {load()}; think time {args.think_min}-{args.think_max} s; "
          f"{args.duration:.0f} s per phase; empty data directory", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="load-app-") as tmp:
        ok = asyncio.run(run(args, Path(tmp)))
    print(f"load average after: {load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
