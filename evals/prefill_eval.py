"""Quality of the document reader (issue 14) on labelled city documents.

Default dataset: ``evals/datasets/prefill/`` — eight documents (en/ja: strategies, a master plan,
minutes, pilot reports) written blind by an independent writer, each with ``<name>.labels.yaml``
(element → null, or {level, quotes, note}). HELD OUT: the reader was tuned only on
``evals/datasets/prefill_dev/`` (the project's own documents); pass ``--dataset`` to run that.

Per document: coverage precision (drafted elements the labels cover), recall (covered elements
drafted), within-one accuracy of drafts on covered elements, quote validity (every quote an exact
substring of the document), and interview turns against a full interview. A full interview costs
two turns per element (the answer, then confirming the proposed level); an element with a draft
within one level costs one (confirm, or pick the neighbouring level); a draft further off, a
draft for an element the document does not cover, or no draft costs two.

Exit 1 under the targets: precision >= 90 %, recall >= 75 %, within-one >= 85 %, quotes 100 %.

    HF_HUB_OFFLINE=1 python evals/prefill_eval.py [--dataset DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.framework import get_framework  # noqa: E402
from assistant.prefill.service import build_reader, read_paths  # noqa: E402
from assistant.settings import Settings  # noqa: E402

TARGETS = {"precision": 0.90, "recall": 0.75, "within_one": 0.85, "quotes": 1.0}
DEFAULT = ROOT / "evals" / "datasets" / "prefill"


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def evaluate(dataset: Path) -> dict[str, object]:
    settings = Settings()
    fw = get_framework()
    reader = build_reader(settings, fw, chat_model=None)
    rows: list[dict[str, object]] = []
    totals = dict.fromkeys(
        ("drafted", "hit", "covered", "within", "quotes", "valid", "full", "turns"), 0
    )
    for labels_path in sorted(dataset.glob("*.labels.yaml")):
        doc_path = labels_path.with_name(labels_path.name.replace(".labels.yaml", ".md"))
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
        raw = doc_path.read_text(encoding="utf-8")
        started = time.perf_counter()
        result, errors = read_paths([doc_path], settings, reader)
        seconds = time.perf_counter() - started
        assert not errors, errors
        covered = {e for e, v in labels.items() if v}
        drafted = {d.element: d for d in result.drafted()}
        hit = covered & set(drafted)
        within = sum(abs(drafted[e].level - labels[e]["level"]) <= 1 for e in hit)  # type: ignore[operator]
        quotes = [q for d in result.elements.values() if d for q in d.quotes]
        valid = sum(q.text in raw for q in quotes)
        full = 2 * len(fw.elements)
        turns = full - within  # a close draft: one turn (confirm, or pick the next level)
        row = {
            "document": doc_path.name,
            "covered": len(covered),
            "drafted": len(drafted),
            "precision": _ratio(len(hit), len(drafted))
            if drafted
            else (1.0 if not covered else None),
            "recall": _ratio(len(hit), len(covered)),
            "within_one": _ratio(within, len(hit)),
            "quotes": _ratio(valid, len(quotes)),
            "turns": turns,
            "full_turns": full,
            "seconds": round(seconds, 2),
            "false": sorted(set(drafted) - covered),
            "missed": sorted(covered - set(drafted)),
            "off": {
                e: [drafted[e].level, labels[e]["level"]]
                for e in hit
                if abs(drafted[e].level - labels[e]["level"]) > 1
            },  # type: ignore[operator]
        }
        rows.append(row)
        for key, value in (
            ("drafted", len(drafted)),
            ("hit", len(hit)),
            ("covered", len(covered)),
            ("within", within),
            ("quotes", len(quotes)),
            ("valid", valid),
            ("full", full),
            ("turns", turns),
        ):
            totals[key] += value
    summary = {
        "precision": _ratio(totals["hit"], totals["drafted"]),
        "recall": _ratio(totals["hit"], totals["covered"]),
        "within_one": _ratio(totals["within"], totals["hit"]),
        "quotes": _ratio(totals["valid"], totals["quotes"]) if totals["quotes"] else 1.0,
        "turns_saved": 1 - totals["turns"] / totals["full"] if totals["full"] else None,
    }
    return {"dataset": str(dataset), "documents": rows, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.dataset)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"dataset: {report['dataset']}")
        print(f"{'document':48} cov drft  prec   rec  w/in1 quotes turns  secs")
        for r in report["documents"]:  # type: ignore[union-attr]
            print(
                f"{r['document'][:48]:48} {r['covered']:3} {r['drafted']:4} {_pct(r['precision'])} "
                f"{_pct(r['recall'])} {_pct(r['within_one'])} {_pct(r['quotes'])}  "
                f"{r['turns']:2}/{r['full_turns']} {r['seconds']:5.1f}"
            )
            if r["false"] or r["missed"] or r["off"]:
                print(
                    f"    drafted not covered: {r['false']}  missed: {r['missed']}  >1 off: {r['off']}"
                )
        s = report["summary"]
        print(
            f"ALL precision {_pct(s['precision'])}  recall {_pct(s['recall'])}  within-one "  # type: ignore[index]
            f"{_pct(s['within_one'])}  quotes {_pct(s['quotes'])}  turns saved {_pct(s['turns_saved'])}"  # type: ignore[index]
        )
    s = report["summary"]
    failed = [k for k, t in TARGETS.items() if (s[k] or 0.0) < t]  # type: ignore[index]
    if failed:
        print(f"UNDER TARGET: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
