"""The facilitator workspace: compare two interviews, the mission brief, documents."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from assistant.answers_io import parse_answers
from assistant.knowledge.jobs import JobStatus
from assistant.lang import is_cjk
from assistant.sessions import make_session_store
from assistant.settings import Settings
from assistant.web.documents import JOB, check_upload, outcome, safe_name
from tests.app.conftest import EXAMPLE, all_text, example_bytes, svg_charts, texts

FOLLOW_UP = example_bytes(
    E05={"level": 2, "evidence": "A business case was written for the bus app."},
    E17={"level": 1, "evidence": "Security rules are being drafted."},
)


def shown(frame: Any) -> Any:
    """A static table's cells as read (``inert`` escapes Markdown: "\\+2" shows "+2")."""
    out = frame.map(lambda v: str(v).replace("\\", ""))
    out.columns = [str(c).replace("\\", "") for c in frame.columns]
    return out


def open_workspace(app: AppTest) -> AppTest:
    app.run()
    return app.switch_page("app_pages/workspace.py").run()


def load_two(app: AppTest) -> AppTest:
    at = open_workspace(app)
    at.file_uploader(key="ws-upload").set_value(
        [
            ("baseline.json", EXAMPLE.read_bytes(), "application/json"),
            ("followup.json", FOLLOW_UP, "application/json"),
        ]
    )
    return at.run()


def test_compare_highlights_changes_and_downloads(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    at = load_two(app)
    assert not at.exception
    assert at.selectbox(key="cmp-a").value == "Riverside — baseline.json"
    assert at.selectbox(key="cmp-b").value == "Riverside — followup.json"
    assert "2 of the 21 elements answered in both interviews changed." in all_text(at)
    rows = shown(next(tb.value for tb in at.table if "Change" in tb.value.columns))
    rows.index = [e.split()[0] for e in rows["Element"]]
    assert rows.loc["E05", "Change"] == "+2"
    assert rows.loc["E17", "Change"] == "changed"
    assert rows.loc["E01", "Change"] == "0"
    (radar,) = svg_charts(at.tabs[0])  # both radar shapes on one chart
    drawn = radar.radar_values()
    assert list(drawn) == ["Riverside — baseline.json", "Riverside — followup.json"]
    before, after = drawn.values()  # Policy up (E05 0 → 2), Technology 1.33 → 1.25 (E17 known)
    assert before[0] < after[0] and before[3] > after[3]
    assert before[1:3] == after[1:3] and before[4] == after[4]
    assert {"Riverside — baseline.json", "Riverside — followup.json"} <= set(radar.texts())
    assert "Riverside — followup.json — Policy" in radar.alt
    md = downloads["riverside-vs-riverside-en.md"].decode("utf-8")
    assert "| **E05** |" in md and "**+2**" in md
    assert downloads["riverside-vs-riverside-en.html"].decode("utf-8").count('class="hl"') == 2


def test_the_comparison_fits_a_phone_every_column_in_full(app: AppTest) -> None:
    """On a phone a cut table showed only the names (the stage and scores off screen) and cut
    "not compared": both are static tables whose cells wrap (no dataframe grid that cuts), the
    element's id and name in one cell (four columns fit 390 px), the scores one row per measure."""
    at = load_two(app)
    assert not [df for df in at.dataframe]  # no grid with fixed, cutting column widths
    changes = shown(next(tb.value for tb in at.table if "Change" in tb.value.columns))
    names = ["Riverside — baseline.json", "Riverside — followup.json"]
    assert list(changes.columns) == ["Element", "Change", *names]
    assert changes.iloc[4, 0] == "E05 Sustainability of vision and policy"
    scores = shown(next(tb.value for tb in at.table if "Change" not in tb.value.columns))
    assert list(scores.columns)[1:] == names  # three columns: the measure, A, B
    measures = list(scores.iloc[:, 0])
    assert measures[:2] == ["Stage", "Overall score"] and len(measures) == 2 + 5
    assert scores.iloc[0, 1] == scores.iloc[0, 2] == "Small Start"


def test_one_interview_is_not_enough_to_compare(app: AppTest) -> None:
    at = open_workspace(app)
    at.file_uploader(key="ws-upload").set_value(
        [("one.json", EXAMPLE.read_bytes(), "application/json")]
    )
    at.run()
    assert "Load at least two interviews" in all_text(at)


def test_mission_brief_lists_weak_elements_and_probes(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    at = load_two(app)
    text = all_text(at)
    assert "Weakest elements" in text and "Questions to probe on site" in text
    assert "Riverside-brief" not in text
    md = downloads["riverside-brief-en.md"].decode("utf-8")
    assert md.startswith("# Mission brief: Riverside")
    assert "E05" in md and "Nobody has looked at a business case." in md
    assert downloads["riverside-brief-en.html"].decode("utf-8").startswith("<!DOCTYPE html>")


def test_session_added_by_code(app: AppTest, data_dir: object) -> None:
    store = make_session_store(Settings())
    code = store.import_answers(parse_answers(EXAMPLE.read_text(encoding="utf-8")))
    at = open_workspace(app)
    at.text_input(key="ws-code").set_value(code)
    submit = next(b for b in at.button if b.label == "Add")
    submit.click().run()
    assert not at.exception
    assert any(s.startswith("Added Riverside") for s in texts(at.success))
    at.text_input(key="ws-code").set_value("not-a-code")
    next(b for b in at.button if b.label == "Add").click().run()
    assert "No session matches this code." in texts(at.error)


def test_a_session_added_twice_by_differently_typed_codes_is_loaded_once(
    app: AppTest, data_dir: object
) -> None:
    store = make_session_store(Settings())
    code = store.import_answers(parse_answers(EXAMPLE.read_text(encoding="utf-8")))
    other = store.import_answers(parse_answers(FOLLOW_UP.decode("utf-8")))
    at = open_workspace(app)
    typed = " ".join(code.replace("-", "").lower()[i : i + 4] for i in range(0, 28, 4))
    for value in (typed, code, other):
        at.text_input(key="ws-code").set_value(value)
        next(b for b in at.button if b.label == "Add").click().run()
        assert not at.exception
    options = at.selectbox(key="cmp-a").options
    assert len(options) == 2, options  # the first session once, the second once
    assert f"Riverside — {code[:9]}…" in options and f"Riverside — {other[:9]}…" in options
    at.text_input(key="ws-code").set_value(code.lower())
    next(b for b in at.button if b.label == "Add").click().run()
    assert "is already loaded" in "\n".join(texts(at.info))
    assert len(at.selectbox(key="cmp-a").options) == 2


def test_document_upload_is_ingested_and_listed(app: AppTest, monkeypatch) -> None:
    monkeypatch.setenv("ASSISTANT_FACILITATOR_PASSPHRASE", "river sensors")
    at = open_workspace(app)
    at.text_input(key="docs-pass").input("river sensors")
    next(b for b in at.button if b.label == "Unlock").click().run()
    doc = (
        "# Flood sensor pilot\n\nThe city council of Testburg installed river level sensors in 2025 "
        "and shares their readings with the disaster management office every ten minutes. "
    ) * 3
    at.file_uploader(key="docs-upload").set_value(
        [("flood pilot.md", doc.encode(), "text/markdown")]
    )
    at.text_input(key="docs-who").input("Aiko (planning)")
    next(b for b in at.button if b.label == "Add to the knowledge base").click().run()
    assert not at.exception
    at = until_added(at)  # added by a background job: the page polls it
    assert any("Added 1 passage; the knowledge base now holds" in s for s in texts(at.success))
    listing = next(tb.value for tb in at.table if "Passages" in tb.value.columns)
    assert "flood pilot\\.md" in set(listing["Source"])
    added = listing[listing["Source"] == "flood pilot\\.md"].iloc[0]
    assert added["Added by"] == "Aiko \\(planning\\)"
    assert not [s for s in listing["Source"] if "/" in s or "uploads" in s]  # the name, no path


def until_added(at: AppTest) -> AppTest:
    """Rerun (as the page's progress fragment does every second) until the job has ended."""
    for _ in range(600):
        if JOB not in at.session_state or at.exception:
            return at
        time.sleep(0.1)
        at.run()
    raise AssertionError("the document job did not finish")


class FakeUpload:
    def __init__(self, name: str, data: bytes) -> None:
        self.name, self._data, self.size = name, data, len(data)

    def getvalue(self) -> bytes:
        return self._data


def test_document_checks_run_on_the_server() -> None:
    assert check_upload(FakeUpload("tool.exe", b"MZ"), 100, "en") is not None
    assert "over the 10 byte limit" in (check_upload(FakeUpload("a.md", b"x" * 11), 10, "en") or "")
    assert check_upload(FakeUpload("a.PDF", b"%PDF"), 10, "en") is None
    assert safe_name("../../etc/passwd.md") == "passwd.md"
    assert safe_name("..\\..\\x.txt") == "x.txt"
    assert "/" not in safe_name("a/b<c>.md")


def test_knowledge_base_lists_documents_by_title_never_a_path(app: AppTest) -> None:
    """The shipped guidance is listed by its title and the framework in words, in the session's
    language (each document once, though held in both); no repository path like
    docs/en/brochure.md."""
    at = open_workspace(app)
    listing = next(tb.value for tb in at.table if "Passages" in tb.value.columns)
    shipped = listing[listing["Kind"] != "added"]  # another test may have added a document
    names = [n.replace("\\", "") for n in shipped["Source"]]
    assert len(names) == 8 and not [
        n for n in names if n.endswith(".md") or "docs/" in n or n == "framework"
    ], names
    assert "JICA's support: the cooperation menu for smart cities" in names
    listed = sum(int(n) for n in listing["Passages"])
    sidebar = next(c for c in texts(at.sidebar.caption) if "Knowledge base ready" in c)
    total = int(re.search(r"\((\d+) passages\)", sidebar)[1])  # type: ignore[index]
    counts = "\n".join(texts(at.caption))
    assert f"The documents listed hold {listed} passages;" in counts  # the table's own sum
    assert f"the knowledge base holds {total} in all" in counts  # the sidebar's number
    if listed < total:
        assert f"{total - listed} more are the shipped documents in the other language." in counts
    assert "The brochure's text (translated from the printed Japanese)" in names
    assert not [n for n in names if any(map(is_cjk, n))], names  # no Japanese in an English session
    assert any(n.startswith("JICA Smart City Approach: the elements") for n in names)
    assert "held in English and Japanese" in "\n".join(texts(at.caption))

    at.query_params["lang"] = "ja"
    at.session_state["lang"] = "ja"
    at.run()
    listing = next(tb.value for tb in at.table if "パッセージ" in "".join(tb.value.columns))
    ja = [n.replace("\\", "") for n in listing[listing.iloc[:, 1] != "追加文書"].iloc[:, 0]]
    assert "パンフレットの本文（印刷されたとおり）" in ja
    assert len(ja) == 8 and "The brochure's text (translated from the printed Japanese)" not in ja


def test_a_rejected_upload_is_named_without_the_servers_directories() -> None:
    data = Path("/srv/assistant-data")
    status = JobStatus(
        state="done",
        added=3,
        errors=(f"{data}/uploads/0a1b2c3d4e5f6a7b/empty scan.pdf: no text to index",),
    )
    (kind, text), _done = outcome(status, 211, "en", data)
    assert kind == "error" and "empty scan.pdf: no text to index" in text.replace("\\", "")
    assert "/srv" not in text and "uploads" not in text
    assert outcome(JobStatus(state="done", added=1), 209, "en")[0] == (
        "success",
        "Added 1 passage; the knowledge base now holds 209.",
    )
    assert "Added 2 passages;" in outcome(JobStatus(state="done", added=2), 210, "en")[0][1]
    failed = JobStatus(state="failed", failure=f"OSError: cannot open {data}/chroma/x.bin")
    assert "/srv" not in outcome(failed, 0, "en", data)[0][1]
