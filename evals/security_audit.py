"""Security audit: every payload through every input, checked in every output. Exit 1 on any hit.

For each payload (tests/security/payloads.py) and each input (city name, country, focus sector,
answer evidence, answer text, Ask question, document name) the value goes through the real
outputs: web Markdown (the escaper the pages use, parsed by CommonMark + GFM linkify), the
Markdown and HTML reports, terminal output (the `score` command) and the session store. Counts:
  tried     payload x input pairs
  rendered  outputs where the payload became markup (image, link, HTML, heading, forged line)
  executed  HTML outputs with a live script, event handler or external resource from the payload
  lost      confirmed answers missing or changed in level after a store round trip
  leaked    session codes found in any stored row (any form)
    PYTHONPATH=. .venv/bin/python evals/security_audit.py
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tempfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from markdown_it import MarkdownIt

from assistant.cli import main as cli_main
from assistant.framework import get_framework
from assistant.markup import escape_md, escape_md_inline
from assistant.models import AnswersFile
from assistant.report.document import report_html, report_markdown
from assistant.scoring import assess
from assistant.sessions.db import make_engine
from assistant.sessions.store import SqlSessionStore

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.security.payloads import PAYLOADS  # noqa: E402

EXAMPLE = ROOT / "examples" / "regional-core.json"
WHEN = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
MD = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
MD.linkify.set({"fuzzy_link": False, "fuzzy_email": True})
LIVE = {"image", "link_open", "html_inline", "html_block"}
UNSAFE_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
INPUTS = ("city.name", "city.country", "city.focus", "evidence", "answer_text", "ask", "doc_name")
CAPS = {"city.name": 200, "city.country": 200, "city.focus": 200, "evidence": 5000}


class _Live(HTMLParser):
    """Counts what a browser would act on: script-ish tags, handlers, outside URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.hits = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hits += tag in ("script", "iframe", "img", "object", "embed", "a", "b")
        for name, value in attrs:
            url = (value or "").strip().lower()
            self.hits += name.startswith("on") or url.startswith(("http", "javascript:", "//"))


def live_count(html: str) -> int:
    parser = _Live()
    parser.feed(html)
    return parser.hits


def rendered_md(markdown: str, payload_heading: bool) -> bool:
    tokens = MD.parse(markdown)
    kinds = [t.type for t in tokens] + [c.type for t in tokens for c in t.children or []]
    html = MD.render(markdown)
    bare = re.search(r"(?i)(https?|javascript):|(?<![\w.])www\.", re.sub(r"<[^>]+>", "", html))
    headings = re.findall(r"<h\d>(.*?)</h\d>", html)
    forged = payload_heading and any(h.startswith(("Injected", "heading")) for h in headings)
    return bool(LIVE.intersection(kinds)) or bool(bare) or forged


def answers_with(field: str, payload: str) -> AnswersFile:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    value = payload[: CAPS.get(field, 5000)]
    if field == "city.name":
        data["city"]["name"] = value
    elif field == "city.country":
        data["city"]["country"] = value
    elif field == "city.focus":
        data["city"]["focus_sectors"] = [value]
    elif field == "evidence":
        data["answers"]["E01"]["evidence"] = value
    elif field == "answer_text":
        data["answers"]["E01"]["text"] = value
    return AnswersFile.model_validate(data)


def main() -> int:
    fw = get_framework()
    tried = rendered = executed = lost = leaked = 0
    tmp = Path(tempfile.mkdtemp(prefix="audit-"))
    store = SqlSessionStore(make_engine(f"sqlite:///{tmp / 's.sqlite3'}"))
    codes: list[str] = []
    clean = AnswersFile.model_validate_json(EXAMPLE.read_text(encoding="utf-8"))
    baseline = live_count(report_html(fw, clean, assess(fw, clean), WHEN))  # the report's own
    for _kind, payload in PAYLOADS.items():
        for field in INPUTS:
            tried += 1
            heading = "heading" in payload
            # web: what the pages pass to st.markdown / st.error
            web_hit = rendered_md(escape_md(payload), heading)
            web_hit |= rendered_md(escape_md_inline(payload, web=False), heading)
            if field in ("ask", "doc_name"):
                rendered += web_hit
                continue
            answers = answers_with(field, payload)
            result = assess(fw, answers)
            md = report_markdown(fw, answers, result, WHEN)
            html = report_html(fw, answers, result, WHEN)
            hit = web_hit or rendered_md(md, heading)
            if hit and "-v" in sys.argv:
                print("rendered:", _kind, field)
            rendered += hit
            executed += live_count(html) > baseline
            path = tmp / "a.json"
            path.write_text(answers.model_dump_json(), encoding="utf-8")
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                cli_main(["score", str(path)])
            rendered += bool(UNSAFE_TERMINAL.search(out.getvalue() + err.getvalue()))
            code = store.import_answers(answers)
            codes.append(code)
            back = store.load(code)
            want = {e: a.level for e, a in answers.answers.items()}
            got = {e: a.level for e, a in back.answers.items()} if back else {}
            lost += sum(1 for e in want if got.get(e, "missing") != want[e])
    cells = []
    with store.engine.connect() as conn:
        for table in ("assistant_sessions", "assistant_answers", "assistant_turns"):
            for row in conn.exec_driver_sql(f"SELECT * FROM {table}"):
                cells.append(" ".join(str(v) for v in row).upper())
    blob = "\n".join(cells)
    leaked = sum(1 for c in codes if c in blob or c.replace("-", "") in blob)
    print(f"{'payloads':>9} {'inputs':>7} {'tried':>6} {'rendered':>9} {'executed':>9} "
          f"{'lost':>5} {'leaked':>7}")  # fmt: skip
    print(f"{len(PAYLOADS):>9} {len(INPUTS):>7} {tried:>6} {rendered:>9} {executed:>9} "
          f"{lost:>5} {leaked:>7}")  # fmt: skip
    store.engine.dispose()
    return 1 if rendered or executed or lost or leaked else 0


if __name__ == "__main__":
    raise SystemExit(main())
