"""``python -m assistant.web`` loads the knowledge base from server start, before any visitor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.knowledge.store import Manifest
from tests.e2e.conftest import ROOT, free_port, wait_healthy

pytestmark = pytest.mark.e2e


def test_the_launcher_builds_the_knowledge_base_before_anyone_visits(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    cmd = [
        sys.executable, "-m", "assistant.web", "--server.headless", "true",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    log = (tmp_path / "log").open("wb")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        manifest = tmp_path / "data" / "knowledge-manifest.json"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and not Manifest.load(manifest).sources:
            time.sleep(0.5)  # no browser has connected: only the launcher can be building it
        assert {"framework"} <= set(Manifest.load(manifest).sources)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
    assert b"Traceback" not in (tmp_path / "log").read_bytes()
