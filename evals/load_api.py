"""Load test: simulated officials run whole interviews against `assistant serve` on loopback.

For each backend (SQLite in a temp dir, PostgreSQL from ``--database-url`` or
ASSISTANT_TEST_DATABASE_URL in a throw-away schema) this starts one API process (real offline
interpreter, real store), then Locust (as a library) drives ``--users`` concurrent officials for
``--duration`` seconds: each creates a session with a city profile, then answers element after
element (a typed answer first, a level button when the answer was not placed, the proposal
confirmed), finishes the read-back and starts again. Think time between turns is drawn from
``--think-min``..``--think-max`` seconds. A 1-user run (a third as long) on the same server
first is the baseline.

Printed per run: turn p50/p95/p99 (ms, every turn request), errors (non-2xx or transport),
interviews finished, server CPU (% of all cores) and this process's CPU, the load average before
and after. Afterwards every answer the API reported as saved is looked up in the database: a
missing or different one is a lost answer. The issue's target is p95 <= 200 ms with 50 users on
a quiet 2-core machine, 0 errors, 0 lost answers. Exit status 1 on any error or lost answer
(the latency target is printed, not enforced: it depends on the machine's load).

All traffic goes to 127.0.0.1 only, bounded by ``--duration``. The API's rate limits are raised
for the run (every simulated official shares the loopback address).

    .venv/bin/python evals/load_api.py [--users 50] [--duration 90] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import secrets  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import quote  # noqa: E402

import gevent  # noqa: E402
import psutil  # noqa: E402
from locust import FastHttpUser, constant, events, task  # noqa: E402
from locust.env import Environment  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.api import services as S  # noqa: E402
from tests.api.official import PROFILE, Official  # noqa: E402

TARGET_P95_MS = 200.0


@dataclass
class Run:
    """What one run collected (shared by all simulated officials: gevent, one thread)."""

    think: tuple[float, float]
    turns: list[float] = field(default_factory=list)  # ms
    starts: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: int = 0
    confirmed: dict[str, dict[str, int | None]] = field(default_factory=dict)
    stopping: bool = False


RUN: Run | None = None


@events.request.add_listener
def _timed(request_type: str, name: str, response_time: float, exception: Any, **_: Any) -> None:
    if RUN is None:
        return
    if exception is not None:
        RUN.errors.append(f"{name}: {type(exception).__name__}: {str(exception)[:120]}")
    elif name == "turn":
        RUN.turns.append(response_time)
    elif name == "start":
        RUN.starts.append(response_time)


class OfficialUser(FastHttpUser):
    wait_time = constant(0)
    network_timeout = 60.0
    connection_timeout = 10.0

    @task
    def interview(self) -> None:
        assert RUN is not None
        reply = self._post("/v1/sessions", {"lang": "en", "profile": PROFILE}, "start", None)
        if reply is None:
            return
        code = reply["code"]
        reply = reply["reply"]
        official = Official(seed=random.randrange(1000))
        RUN.confirmed[code] = official.confirmed  # filled in as answers are saved
        while not RUN.stopping and (body := official.next_turn(reply)) is not None:
            gevent.sleep(random.uniform(*RUN.think))
            if RUN.stopping:
                return
            result = self._post("/v1/sessions/-/turns", body, "turn", code)
            if result is None:
                return
            reply = result["reply"]
            official.observe(reply)
        if reply["phase"] == "done":
            RUN.finished += 1

    def _post(self, path: str, body: object, name: str, code: str | None) -> Any:
        headers = {"Authorization": f"Session {code}"} if code else {}
        with self.client.post(
            path, json=body, headers=headers, name=name, catch_response=True
        ) as response:
            if response.status_code not in (200, 201):
                response.failure(f"{response.status_code} {response.text[:200]}")
                return None
            return response.json()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def drive(url: str, users: int, duration: float, think: tuple[float, float]) -> Run:
    global RUN
    RUN = run = Run(think)
    env = Environment(user_classes=[OfficialUser], host=url, events=events)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=min(users, 10))
    gevent.sleep(duration)
    run.stopping = True
    runner.quit()
    runner.greenlet.join(timeout=30)
    run.errors += [
        f"{e.name}: {e.error}" for e in env.stats.errors.values() for _ in range(e.occurrences)
    ]
    RUN = None
    return run


def check_answers(
    database_url: str, confirmed: dict[str, dict[str, int | None]]
) -> tuple[int, int]:
    """(answers checked, answers lost): each answer the API said it saved, read back."""
    from assistant.sessions.db import make_engine
    from assistant.sessions.store import SqlSessionStore

    engine = make_engine(database_url)
    store = SqlSessionStore(engine)
    checked = lost = 0
    for code, answers in confirmed.items():
        session = store.load(code)
        for element, level in answers.items():
            checked += 1
            got = None if session is None else session.answers.get(element)
            if got is None or got.level != level:
                lost += 1
    engine.dispose()
    return checked, lost


def measure(
    name: str, env: dict[str, str], db_url: str, tmp: Path, args: argparse.Namespace
) -> bool:
    server = S.api(tmp, f"api-{name}", env).start()
    try:
        server.wait(600)
        proc = psutil.Process(server.proc.pid)  # type: ignore[union-attr]
        ok = True
        baseline = max(10.0, args.duration / 3)
        for users, label, seconds in (
            (1, "baseline", baseline),
            (args.users, "load", args.duration),
        ):
            load_before = os.getloadavg()
            cpu0, me0, t0 = proc.cpu_times(), psutil.Process().cpu_times(), time.monotonic()
            run = drive(server.url, users, seconds, (args.think_min, args.think_max))
            wall = time.monotonic() - t0
            cpu1, me1 = proc.cpu_times(), psutil.Process().cpu_times()
            server_cpu = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / wall
            own_cpu = (me1.user + me1.system - me0.user - me0.system) / wall
            checked, lost = check_answers(db_url, run.confirmed)
            cores = psutil.cpu_count() or 1
            print(
                f"{name:<10} {label:<8} users={users:<3} turns={len(run.turns):<5} "
                f"p50={pct(run.turns, 50):7.1f} p95={pct(run.turns, 95):7.1f} "
                f"p99={pct(run.turns, 99):7.1f} ms  start p95={pct(run.starts, 95):6.1f} ms  "
                f"errors={len(run.errors)} interviews done={run.finished} "
                f"answers checked={checked} lost={lost}  "
                f"cpu server={100 * server_cpu / cores:5.1f}% load-gen={100 * own_cpu / cores:5.1f}% "
                f"of {cores} cores  load avg {load_before[0]:.2f} -> {os.getloadavg()[0]:.2f}",
                flush=True,
            )
            for err in sorted(set(run.errors))[:5]:
                print(f"    error: {err}")
            if label == "load":
                verdict = "met" if pct(run.turns, 95) <= TARGET_P95_MS else "NOT met"
                print(f"    target p95 <= {TARGET_P95_MS:.0f} ms: {verdict}")
            ok = ok and not run.errors and lost == 0
        return ok
    finally:
        server.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=90.0, help="seconds per run")
    parser.add_argument("--think-min", type=float, default=1.0, help="seconds between turns")
    parser.add_argument("--think-max", type=float, default=3.0)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--database-url", default=os.environ.get("ASSISTANT_TEST_DATABASE_URL"))
    args = parser.parse_args()
    if not 1 <= args.users <= 200 or not 1 <= args.duration <= 900:
        parser.error("--users must be 1-200 and --duration 1-900 seconds")
    print(f"load average {os.getloadavg()}, {psutil.cpu_count()} cores; think time "
          f"{args.think_min}-{args.think_max} s; {args.duration:.0f} s per run", flush=True)  # fmt: skip
    limits = dict(api_sessions_per_minute="1000000", api_sessions_burst="1000000",
                  api_lookups_per_minute="1000000", api_lookups_burst="1000000")  # fmt: skip
    ok = True
    with tempfile.TemporaryDirectory(prefix="load-api-") as tmp_name:
        tmp = Path(tmp_name)
        backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
        for backend in backends:
            if backend == "sqlite":
                url = f"sqlite:///{tmp / 'sessions.sqlite3'}"
                env = S.service_env(data_dir=str(tmp / "data"), database_url=url, **limits)
                ok = measure("sqlite", env, url, tmp, args) and ok
                continue
            if not args.database_url:
                print("postgresql: skipped (no --database-url / ASSISTANT_TEST_DATABASE_URL)")
                continue
            ok = run_postgres(args, tmp, limits) and ok
    return 0 if ok else 1


def run_postgres(args: argparse.Namespace, tmp: Path, limits: dict[str, str]) -> bool:
    from sqlalchemy import text

    from assistant.sessions.db import make_engine

    schema = f"load_{secrets.token_hex(4)}"
    admin = make_engine(args.database_url)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in args.database_url else "?"
    url = f"{args.database_url}{sep}options={quote(f'-csearch_path={schema}')}"
    try:
        env = S.service_env(data_dir=str(tmp / "data"), database_url=url, **limits)
        return measure("postgresql", env, url, tmp, args)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
