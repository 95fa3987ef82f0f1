"""The shipped framework is complete in both languages, and broken data fails loudly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from assistant.framework import DEFAULT_DIR, FrameworkError, load_framework
from assistant.models import ELEMENT_IDS, LANGS, Framework

# From shared/docs/seed-reading.md: elements belong to domains in printed order.
DOMAIN_OF = {
    **dict.fromkeys(["E01", "E02", "E03", "E04", "E05", "E06"], "policy"),
    **dict.fromkeys(["E07", "E08", "E09", "E10", "E11"], "organization"),
    **dict.fromkeys(["E12", "E13", "E14"], "system"),
    **dict.fromkeys(["E15", "E16", "E17", "E18"], "technology"),
    **dict.fromkeys(["E19", "E20", "E21"], "operation"),
}
PRINTED_NAMES = {
    "E02": "ビジョン・政策の包括性",
    "E07": "推進主体",
    "E13": "市民参加・共創",
    "E15": "都市基盤・プラットフォーム",
    "E20": "連携・パートナシップの強化",
    "E21": "持続可能性の担保",
}


def test_elements_and_domains(fw: Framework) -> None:
    assert [e.id for e in fw.elements] == list(ELEMENT_IDS)
    assert {e.id: e.domain for e in fw.elements} == DOMAIN_OF
    assert [d.id for d in fw.domains] == [
        "policy",
        "organization",
        "system",
        "technology",
        "operation",
    ]


def test_printed_names_and_reading_flags(fw: Framework) -> None:
    for eid, name in PRINTED_NAMES.items():
        assert fw.element(eid).name.ja == name
    assert fw.element("E01").name_provenance == "reading"
    assert all(e.name_provenance == "printed" for e in fw.elements if e.id != "E01")
    assert (
        "パートナシップ" in fw.element("E20").desired_state.ja
        or "都市間" in fw.element("E20").desired_state.ja
    )
    assert "中長期" in fw.element("E21").desired_state.ja


def test_every_element_has_interview_material_in_both_languages(fw: Framework) -> None:
    for e in fw.elements:
        for lang in LANGS:
            assert e.question.get(lang).strip()
            assert e.desired_state.get(lang).strip()
            assert all(p.get(lang).strip() for p in e.probes)
            assert [r.level for r in e.rubric] == [0, 1, 2, 3, 4]
            for r in e.rubric:
                assert r.text.get(lang).strip() and r.evidence.get(lang).strip()
            assert e.keywords[lang]
        # a plain-language question, not a copy of the printed statement
        assert e.question.ja != e.desired_state.ja
        texts = [r.text.en for r in e.rubric]
        assert len(set(texts)) == 5, f"{e.id}: rubric levels must differ"


def test_stages_characters_scale_up_and_menu(fw: Framework) -> None:
    assert fw.stage("small_start").approach[1].ja.startswith("小さな成功を重ね")
    assert (
        fw.city_type("regional_core").directions[0].ja
        == "基礎的な都市サービスを市民全体に包摂的に提供"
    )
    assert {s.id for s in fw.scale_up} == {"area", "sector"}
    levels = {c.level for c in fw.cooperation}
    assert levels == {"national", "city"}
    texts = {c.text.ja for c in fw.cooperation}
    for printed in [
        "サイバーセキュリティ対策支援",
        "サービス（技術）等の調達支援（TOR作成、技術評価、契約等）",
        "データプラットフォーム、都市OSの構築支援",
        "国のスマートシティ投資戦略（ビジネスモデル）の構築支援",
    ]:
        assert printed in texts
    assert len(fw.cooperation) >= 25
    assert len(fw.assets) == 4


@pytest.fixture()
def fw_copy(tmp_path: Path) -> Path:
    target = tmp_path / "framework"
    shutil.copytree(DEFAULT_DIR, target)
    return target


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_copy_loads(fw_copy: Path) -> None:
    assert len(load_framework(fw_copy).elements) == 21


def test_missing_japanese_question_fails_loudly(fw_copy: Path) -> None:
    _edit(fw_copy / "elements" / "system.yaml", lambda d: d[1]["question"].pop("ja"))
    with pytest.raises(FrameworkError, match=r"system.yaml \[E13\].*question.ja"):
        load_framework(fw_copy)


def test_blank_english_rubric_fails_loudly(fw_copy: Path) -> None:
    def blank(d: list) -> None:
        d[0]["rubric"][2]["text"]["en"] = "  "

    _edit(fw_copy / "elements" / "technology.yaml", blank)
    with pytest.raises(FrameworkError, match=r"E15.*rubric.2.text.en"):
        load_framework(fw_copy)


def test_missing_element_fails_loudly(fw_copy: Path) -> None:
    _edit(fw_copy / "elements" / "operation.yaml", lambda d: d.pop())
    with pytest.raises(FrameworkError, match="elements"):
        load_framework(fw_copy)


def test_cooperation_line_without_japanese_fails(fw_copy: Path) -> None:
    _edit(fw_copy / "framework.yaml", lambda d: d["cooperation"][0]["text"].pop("ja"))
    with pytest.raises(FrameworkError, match=r"cooperation.0.text.ja"):
        load_framework(fw_copy)


def test_wrong_domain_fails(fw_copy: Path) -> None:
    def move(d: list) -> None:
        d[0]["domain"] = "policy"

    _edit(fw_copy / "elements" / "operation.yaml", move)
    with pytest.raises(FrameworkError, match="E19"):
        load_framework(fw_copy)


def test_every_adjacent_pair_has_a_separating_question_in_both_languages(fw: Framework) -> None:
    for e in fw.elements:
        assert [q.levels for q in e.separating] == [(0, 1), (1, 2), (2, 3), (3, 4)], e.id
        for low in range(4):
            q = e.pair_question(low, low + 1)
            assert q == e.pair_question(low + 1, low)
            assert q.en.endswith("?"), f"{e.id} {low}-{low + 1}: {q.en}"
            assert q.ja.endswith("？"), f"{e.id} {low}-{low + 1}: {q.ja}"
            assert not any("\u3040" <= ch <= "\u30ff" for ch in q.en)
            assert any("\u3040" <= ch <= "\u30ff" for ch in q.ja)
        questions = [q.question.en for q in e.separating]
        assert len(set(questions)) == 4, f"{e.id}: pair questions must differ"
    with pytest.raises(ValueError, match="not adjacent"):
        fw.elements[0].pair_question(1, 3)


def test_missing_japanese_pair_question_fails_loudly(fw_copy: Path) -> None:
    _edit(
        fw_copy / "elements" / "policy.yaml",
        lambda d: d[2]["separating"][1]["question"].pop("ja"),
    )
    with pytest.raises(FrameworkError, match=r"E03.*separating.1.question.ja"):
        load_framework(fw_copy)


@pytest.mark.parametrize(
    ("lang", "question"),
    [("en", "Has the vision been adopted?"), ("ja", "ビジョンは採択されていますか、まだですか？")],
)
def test_a_pair_question_without_its_two_sides_fails_loudly(
    fw_copy: Path, lang: str, question: str
) -> None:
    """Two levels further apart are asked with one side of each pair's question: a question
    that is not "<higher>, or <lower>" (ja: "…それとも…") cannot be split, so it is refused."""

    def one_sided(d: list) -> None:
        d[0]["separating"][2]["question"][lang] = question

    _edit(fw_copy / "elements" / "policy.yaml", one_sided)
    with pytest.raises(FrameworkError, match=rf"E01.*{lang} question for levels \(2, 3\)"):
        load_framework(fw_copy)


def test_missing_or_misordered_pair_fails_loudly(fw_copy: Path) -> None:
    def drop(d: list) -> None:
        d[0]["separating"].pop(3)

    _edit(fw_copy / "elements" / "operation.yaml", drop)
    with pytest.raises(FrameworkError, match=r"E19.*separating"):
        load_framework(fw_copy)

    def swap(d: list) -> None:
        d[1]["separating"][0]["levels"] = [1, 2]

    shutil.copy(DEFAULT_DIR / "elements" / "operation.yaml", fw_copy / "elements")
    _edit(fw_copy / "elements" / "operation.yaml", swap)
    with pytest.raises(FrameworkError, match=r"E20.*separating"):
        load_framework(fw_copy)
