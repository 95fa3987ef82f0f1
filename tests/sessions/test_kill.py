"""A confirmed answer survives SIGKILL right after save_answer returns (both backends).

A child process saves answers and reports each one only after save_answer has returned; the
parent kills it with SIGKILL at a random point and checks that every reported answer is there.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys

from tests.sessions.conftest import Backend, StoreFactory

CHILD = """
import json, sys
from datetime import UTC, datetime
from assistant.models import ELEMENT_IDS
from assistant.ports import StoredAnswer
from assistant.sessions.db import make_engine
from assistant.sessions.store import SqlSessionStore

url, connect_args = sys.argv[1], json.loads(sys.argv[2])
store = SqlSessionStore(make_engine(url, **({"connect_args": connect_args} if connect_args else {})))
print("ready", flush=True)
while True:
    code = store.create("en")
    for i, element in enumerate(ELEMENT_IDS):
        now = datetime.now(UTC)
        store.save_answer(code, element, StoredAnswer(level=i % 5, evidence=element, confirmed_at=now))
        print(code, element, flush=True)
"""


def test_answers_survive_sigkill(backend: Backend, new_store: StoreFactory) -> None:
    rng = random.Random(4)
    new_store()  # create the schema before the children race to do it
    reported: list[tuple[str, str]] = []
    for _ in range(4):
        stop_after = rng.randint(1, 60)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, backend.url, json.dumps(backend.connect_args)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        for _ in range(stop_after):
            code, element = child.stdout.readline().split()
            reported.append((code, element))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL

    store = new_store()
    for code, element in reported:
        loaded = store.load(code)
        assert loaded is not None, code
        assert loaded.answers[element].evidence == element
