"""`assistant prefill` as a user runs it: JSON contract, bad files one line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "evals" / "datasets" / "prefill_dev"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "assistant", "prefill", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def test_json_contract_and_a_bad_file_among_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"not a pdf")
    good = DEV / "en-dev-1-harbourton-digital-plan.md"
    proc = run(str(good), str(bad), "--json")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"assistant: error: {bad}: not a PDF file (no %PDF header)"
    ]
    data = json.loads(proc.stdout)
    assert len(data["elements"]) == 21
    e07 = data["elements"]["E07"]
    assert isinstance(e07["level"], int) and 0 <= e07["confidence"] <= 1
    raw = good.read_text(encoding="utf-8")
    for item in (v for v in data["elements"].values() if v):
        for q in item["quotes"]:
            assert q["document"] == good.name and q["text"] in raw and "page" in q
    names = [d["name"] for d in data["documents"]]
    assert names == [good.name, bad.name]
    assert "error" in data["documents"][1]


def test_readable_japanese() -> None:
    proc = run(str(DEV / "ja-dev-1-minamikawa-dx.md"), "--lang", "ja")
    assert proc.returncode == 0, proc.stderr
    assert "E07 推進主体: レベル 3" in proc.stdout
    assert "記載なし" in proc.stdout


def test_terminal_interview_from_documents(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), ASSISTANT_DATA_DIR=str(tmp_path))
    intake = "Harbourton\nKenya\n2\n2\nskip\nskip\nskip\nEnglish\n"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "interview", "--from-docs",
         str(DEV / "en-dev-1-harbourton-digital-plan.md")],
        input=intake + "walk\nyes\npause\n",  # the review first: walk one by one
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    offer = out.index("From your documents (en-dev-1-harbourton-digital-plan.md, “2. Vision”)")
    assert out.index("Saved E01 (Vision and philosophy): level 3.") > offer
    assert out.index("Review the drafts: ") < offer  # the review first, then the walk
    assert out.count("Question 1/21") == 1  # the first question asked once, after the review
    assert "Question 2/21" in out


def test_terminal_review_confirms_the_listed_drafts_in_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), ASSISTANT_DATA_DIR=str(tmp_path))
    intake = "Harbourton\nKenya\n2\n2\nskip\nskip\nskip\nEnglish\n"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "interview", "--from-docs",
         str(DEV / "en-dev-1-harbourton-digital-plan.md")],
        input=intake + "9\n1=2 2\npause\n",
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    listed = out.index("Review the drafts: ")
    assert out.index("1. E01 Vision and philosophy: level 3", listed) > listed
    assert "From en-dev-1-harbourton-digital-plan.md, “2. Vision”: “" in out
    assert out.index('I could not read "9"') > listed  # nothing saved, asked again
    saved = out.index("Saved ")
    assert "E01 level 2" in out[saved : saved + 200]  # the level changed in the list
    assert out.count("Review the drafts: ") == 1


def test_readable_lines_in_both_languages(fw) -> None:  # type: ignore[no-untyped-def]
    """The words come from the catalogue; the lines keep the shape the command has printed."""
    from assistant.prefill.commands import readable
    from assistant.prefill.drafts import Draft, Prefill, Proposal, Quote

    q = Quote(text="A unit was set up in 2026.", document="plan.pdf", page=4)
    qb = Quote(text="No unit exists.", document="minutes.md", section="Item 3")
    elements: dict[str, Draft | None] = {f"E{i:02d}": None for i in range(1, 22)}
    elements["E07"] = Draft(element="E07", level=3, confidence=0.8, quotes=[q])
    a = Proposal(document="plan.pdf", level=3, confidence=0.7, quotes=[q])
    b = Proposal(document="minutes.md", level=1, confidence=0.7, quotes=[qb])
    elements["E15"] = Draft(
        element="E15", level=None, confidence=0.0, quotes=[q, qb], conflict=[a, b]
    )
    result = Prefill(elements=elements, documents=[])
    en = readable(fw, result, "en").splitlines()
    assert en[0] == "Drafts from your documents (covered: 1 of 21)"
    assert en[1] == "E01 Vision and philosophy: not covered"
    i = en.index("E07 Lead organisation: level 3 (confidence 0.80)")
    assert en[i + 1] == "    “A unit was set up in 2026.” (plan.pdf, p. 4)"
    i = next(n for n, line in enumerate(en) if line.startswith("E15 "))
    assert en[i].endswith(": the documents disagree; none taken")
    assert en[i + 1 : i + 3] == ["    plan.pdf, p. 4: level 3", "    minutes.md, § Item 3: level 1"]
    assert en[i + 4] == "    “No unit exists.” (minutes.md, § Item 3)"
    ja = readable(fw, result, "ja").splitlines()
    assert ja[0] == "文書から作成した回答案 (記載あり: 1 / 21)"
    assert ja[1] == "E01 理念・ビジョン: 記載なし"
    assert "E07 推進主体: レベル 3 (確信度 0.80)" in ja
    assert "    minutes.md, § Item 3: レベル 1" in ja
    assert any(line.endswith(": 文書間で記述が食い違うため採用しません") for line in ja)


def test_terminal_interview_shows_both_passages_where_the_documents_disagree(
    tmp_path: Path,
) -> None:
    from tests.prefill.samples import (
        MINUTES,
        MINUTES_NAME,
        MINUTES_QUOTE,
        STRATEGY,
        STRATEGY_NAME,
        STRATEGY_QUOTE,
    )

    (tmp_path / STRATEGY_NAME).write_text(STRATEGY, encoding="utf-8")
    (tmp_path / MINUTES_NAME).write_text(MINUTES, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), ASSISTANT_DATA_DIR=str(tmp_path / "d"))
    intake = "Harbourton\nKenya\n2\n2\nskip\nskip\nskip\nEnglish\n"
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "interview", "--from-docs",
         str(tmp_path / STRATEGY_NAME), str(tmp_path / MINUTES_NAME)],
        input=intake + "pause\n",
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    card = out[out.index("Question 1/21 · Policy · E01 Vision and philosophy") :].splitlines()
    assert card[1].startswith("Your documents disagree on this, so I have not proposed a level")
    assert card[2] == f"• {STRATEGY_NAME}, “Vision” (reads as level 3): “{STRATEGY_QUOTE}”"
    assert card[3] == f"• {MINUTES_NAME}, “Vision” (reads as level 1): “{MINUTES_QUOTE}”"
    assert card[4].startswith("Does your city have a written vision")
    assert "Is that still right?" not in out  # no level proposed, none taken
    assert "Review the drafts" not in out  # nothing sure to list
