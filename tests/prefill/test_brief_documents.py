"""Facts a QA brief missed, in the project's own short notes (en, ja): a vision drafted but not
approved, open data the city publishes, digital work paid for by a grant alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.models import Framework
from assistant.prefill import lexicon
from assistant.prefill.brief import build, counts
from assistant.prefill.documents import read_file
from assistant.prefill.reader import DocumentReader

DOCS = Path(__file__).resolve().parent / "documents"


def _read(reader: DocumentReader, name: str):  # type: ignore[no-untyped-def]
    doc = read_file(DOCS / name, max_bytes=100_000, max_pages=10, max_chars=100_000)
    return reader.read([doc])


@pytest.mark.parametrize(
    ("name", "grant"),
    [("en-tidewell-notes.md", "national grant"), ("ja-minatono-memo.md", "補助金")],
)
def test_the_brief_reads_a_draft_vision_open_data_and_grant_only_funding(
    reader: DocumentReader, fw: Framework, name: str, grant: str
) -> None:
    prefill = _read(reader, name)
    vision, data = prefill.elements["E01"], prefill.elements["E16"]
    assert vision is not None and vision.level == 2  # "exists in a draft, not yet adopted"
    assert data is not None and data.level == 2  # "a few data sets on a web page"
    assert any("open data" in q.text or "オープンデータ" in q.text for q in data.quotes)
    for eid in ("E05", "E21"):  # "projects depend entirely on one-off grants": 0, or the gap seen
        money = prefill.elements[eid]
        assert money is not None and money.level is not None and money.level <= 1, eid
    funding = prefill.elements["E05"]
    assert funding is not None and any(grant in q.text for q in funding.quotes)
    brief = build(prefill, fw, "ja" if name.startswith("ja") else "en")
    n = counts(prefill, fw)
    assert n.drafted + n.ask == len(fw.elements) and len(brief.ask) == n.ask


@pytest.mark.parametrize(
    ("eid", "text", "lang", "level"),
    [
        ("E16", "The city publishes bus timetables as open data on its website.", "en", 2),
        ("E16", "Budget datasets have been released on the portal.", "en", 2),
        ("E16", "市は時刻表をオープンデータとして公開しています。", "ja", 2),
        ("E16", "Open data matters to us.", "en", None),
        ("E05", "Every digital project is funded only by a national grant.", "en", 0),
        ("E21", "事業はすべて国の交付金に頼っている。", "ja", 0),
        ("E05", "A grant paid for the study.", "en", None),
    ],
)
def test_the_rubric_level_stated_in_words(
    eid: str, text: str, lang: str, level: int | None
) -> None:
    assert lexicon.stated_level(eid, text, lang) == level  # type: ignore[arg-type]


def test_a_plan_or_a_denial_is_not_a_published_dataset(reader: DocumentReader) -> None:
    """Told as done only: "will publish" and "is not published" lift nothing to level 2."""
    from assistant.prefill.documents import read_bytes
    from assistant.prefill.proposing import stated

    for text in (
        "# Data\n\nThe city will publish open data on its website next year.\n",
        "# Data\n\nNo datasets are published on the city website yet.\n",
    ):
        doc = read_bytes("n.md", text.encode(), max_bytes=10_000, max_pages=5, max_chars=10_000,
                         lang=None)  # fmt: skip
        body = [s for s in doc.sentences if not doc.quote(s).startswith("#")]
        assert stated("E16", doc, body) is None, text
