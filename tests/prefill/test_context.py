"""Which sentences count as evidence: digital context, contents lines, corroborated elements."""

from __future__ import annotations

from dataclasses import replace

from assistant.prefill import lexicon
from assistant.prefill.documents import read_bytes
from assistant.prefill.passages import is_title, plain_paragraphs
from assistant.prefill.reader import DocumentReader

LIMITS = {"max_bytes": 1_000_000, "max_pages": 50, "max_chars": 200_000}

# A municipal plan where digital work is a small part: its outreach is about hazard maps.
FLOOD_PLAN = """# Riverton Flood Preparedness Plan

## Preparedness

{outreach}

## Shelters

Thirty schools serve as shelters; each keeps blankets and water for three days.

## Evacuation orders

The mayor issues evacuation orders on the advice of the river office.

## Roads

Two bridges were raised by one metre after the last flood.
""".format(
    outreach="To raise residents' awareness of flood risk, the city publicises the hazard map "
    "through its newsletter, a brochure for every household and information sessions."
)


def _doc(name: str, text: str):
    return read_bytes(name, text.encode(), lang=None, **LIMITS)


def test_digital_vocabulary_covers_everyday_channels() -> None:
    assert lexicon.digital("Residents register for warnings by SMS.", "en")
    assert lexicon.digital("A web dashboard shows the river gauges.", "en")
    assert lexicon.digital("避難情報はメールで配信する。", "ja")
    assert not lexicon.digital("The road department resurfaced 40 kilometres of streets.", "en")
    assert not lexicon.digital("避難所の運営マニュアルを作成する。", "ja")


def test_a_contents_line_with_leaders_is_a_title() -> None:
    assert is_title("6. Sustainability and handover ................................ 14")
    assert is_title("Sustainability and handover ................................")
    assert is_title("第3章　推進体制…………12")
    assert not is_title("The office was set up in 2023 and has eight staff.")


def test_a_document_about_digital_work_has_no_plain_paragraph() -> None:
    digital = _doc(
        "pilot.md",
        "# Pilot report\n\n## Sensors\n\nThe sensors send data every ten minutes.\n\n"
        "## Screen\n\nThe dashboard shows every reading online.\n\n"
        "## Partners\n\nThe partners met twice.\n",
    )
    assert plain_paragraphs(digital)[-1]  # section by section, the last one is plain
    assert not any(plain_paragraphs(digital, 0.45))  # most paragraphs are digital: none is
    plan = _doc("plan.md", FLOOD_PLAN)
    assert any(plain_paragraphs(plan, 0.45))  # digital is no part of it: they stay plain


def test_outreach_about_something_else_is_no_awareness_of_the_smart_city(
    reader: DocumentReader,
) -> None:
    old = replace(reader.cal, plain_excluded=False, digital_share=None)
    before = reader.read_document(_doc("plan.md", FLOOD_PLAN), calibration=old)
    assert "E06" in before  # the words alone look like awareness raising
    assert "E06" not in reader.read_document(_doc("plan.md", FLOOD_PLAN))


def test_a_view_of_what_matters_is_no_evidence() -> None:
    assert lexicon.opinion("Trust is essential to everything we do.", "en")
    assert lexicon.opinion("スタートアップの支援なども大事だと思います。", "ja")
    assert not lexicon.opinion("Trust is measured every year in a resident survey.", "en")
    assert not lexicon.opinion("Open data is important for 40 apps built by local firms.", "en")
    assert not lexicon.opinion("本市は重要な取組を進めている。", "ja")


def test_off_digital_work_only_a_digital_sentence_is_evidence(reader: DocumentReader) -> None:
    plan = FLOOD_PLAN.replace(
        "## Shelters",
        "## Other plans\n\nThis plan is consistent with the prefecture's disaster plan and the "
        "city's comprehensive plan. Information systems for disaster work will follow the "
        "direction of the city's digital transformation plan.\n\n## Shelters",
    )
    by_section = replace(reader.cal, plain_unit="section")
    assert "E04" in reader.read_document(_doc("plan.md", plan), calibration=by_section)
    assert "E04" not in reader.read_document(_doc("plan.md", plan))  # "this plan": the flood plan


def test_a_paragraph_number_and_bold_lead_are_left_out_of_the_comparison() -> None:
    from assistant.prefill.passages import topic_text

    assert topic_text("7.4 **Learn from others.** Five officers joined a study visit.") == (
        "Five officers joined a study visit."
    )
    assert topic_text("（3）データの活用にあたっては、匿名加工を行う。") == (
        "データの活用にあたっては、匿名加工を行う。"
    )
    assert topic_text("2024 was a good year for the office.") == (
        "2024 was a good year for the office."
    )
