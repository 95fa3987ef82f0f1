"""Real service processes on loopback for the replica test and the load test: a `chroma run`
server, `assistant serve` replicas and `streamlit run app.py` replicas, all on one state (one
PostgreSQL or SQLite URL, one Chroma server, one data directory for the knowledge manifest)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.browser import stop_process

ROOT = Path(__file__).resolve().parents[2]
CHROMA = Path(sys.executable).with_name("chroma")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def service_env(**assistant: str) -> dict[str, str]:
    """The environment without the caller's ASSISTANT_* settings, plus ``assistant`` ones."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1")
    env.update({f"ASSISTANT_{k.upper()}": v for k, v in assistant.items()})
    return env


@dataclass
class Service:
    """One process with its log; ``url`` answers ``health`` when it is ready."""

    name: str
    cmd: list[str]
    env: dict[str, str]
    log: Path
    port: int
    health: str
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 300) -> Service:
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                self.cmd, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        return self

    def wait(self, timeout: float = 300) -> Service:
        assert self.proc is not None
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.url + self.health, timeout=2):
                    return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    tail = self.log.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"{self.name} did not start:\n{tail}") from None
                time.sleep(0.3)

    def stop(self) -> None:
        stop_process(self.proc)
        self.proc = None


def chroma(tmp: Path) -> Service:
    port = free_port()
    cmd = [str(CHROMA), "run", "--path", str(tmp / "chroma-server"), "--host", "127.0.0.1",
           "--port", str(port)]  # fmt: skip
    return Service("chroma", cmd, service_env(), tmp / "chroma.log", port, "/api/v2/heartbeat")


def api(tmp: Path, name: str, env: dict[str, str]) -> Service:
    port = free_port()
    cmd = [sys.executable, "-m", "assistant", "serve", "--host", "127.0.0.1", "--port", str(port)]
    return Service(name, cmd, env, tmp / f"{name}.log", port, "/v1/health")


def streamlit(tmp: Path, name: str, env: dict[str, str]) -> Service:
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
    ]  # fmt: skip
    return Service(name, cmd, env, tmp / f"{name}.log", port, "/_stcore/health")


def ingest(env: dict[str, str]) -> None:
    """Build the knowledge base once (into the Chroma server when one is set)."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest"], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])


def call(
    method: str, url: str, body: object | None = None, code: str | None = None
) -> tuple[int, dict[str, object]]:
    """One JSON request; the status and the decoded body (errors included)."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json"}
    if code is not None:
        headers["Authorization"] = f"Session {code}"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as r:
            return r.status, _decoded(r.read(), r.headers.get_content_type())
    except urllib.error.HTTPError as e:
        return e.code, _decoded(e.read(), e.headers.get_content_type())


def _decoded(raw: bytes, media_type: str) -> dict[str, object]:
    """JSON bodies decoded; any other body (a report) as ``{"text": ...}``."""
    if media_type.endswith("json"):
        return json.loads(raw or b"{}")  # type: ignore[no-any-return]
    return {"text": raw.decode("utf-8")}
