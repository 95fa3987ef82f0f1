"""Golden cases worked out by hand from the rules in docs/scoring.md."""

from __future__ import annotations

from assistant.models import Framework
from assistant.scoring import assess
from assistant.scoring.assess import rubric_gist
from tests.conftest import make_answers


def levels_from(*groups: list[int | None]) -> dict[str, int | None]:
    flat = [v for g in groups for v in g]
    return {f"E{i:02d}": v for i, v in enumerate(flat, start=1)}


def test_starting_regional_core_city(fw: Framework) -> None:
    levels = levels_from([2, 1, 1, 0, 0, 1], [1, 0, 0, 0, 1], [1, 0, 1], [0, 1, 1, 0], [0, 0, 1])
    r = assess(fw, make_answers(levels, city_type="regional_core", lead_actor="municipal"))
    # policy 5/6, organization 2/5, system 2/3, technology 1/2, operation 1/3
    assert [r.domains[d].score for d in r.domains] == [0.83, 0.4, 0.67, 0.5, 0.33]
    assert r.overall == 0.55  # (5/6 + 2/5 + 2/3 + 1/2 + 1/3) / 5 = 0.5467
    assert r.stage == "small_start"
    # all level 0; policy before organization; element order inside a domain
    assert [p.element for p in r.priorities] == ["E04", "E05", "E08", "E09", "E10"]
    assert r.approach.scale_up == "sector"
    assert r.approach.stage_approach[1].startswith("Build a foothold")
    # E04 (0) + E05 (0) both feed nat-masterplan-1? no: E04 yes (3+2) plus E01 (2 -> 1),
    # E02 (1 -> 2), E03 (1 -> 2), E14 (1 -> 2): relevance 12 (no lead bonus: national line).
    top = {m.id: m for m in r.cooperation}
    assert top["nat-masterplan-1"].because == ["E01", "E02", "E03", "E04", "E14"]
    assert top["nat-masterplan-1"].relevance == 12
    # city-masterplan-1: E01 1, E02 2, E04 3+2, E09 3+2, E14 2 = 15, + city level for municipal 1
    assert top["city-masterplan-1"].relevance == 16
    assert r.cooperation[0].id == "city-masterplan-1"


def test_metropolis_just_under_sustainable(fw: Framework) -> None:
    levels = levels_from([4] * 6, [3, 3, 2, 3, 3], [3, 2, 3], [3, 3, 2, 3], [2, 3, 3])
    r = assess(fw, make_answers(levels, city_type="metropolis", lead_actor="national"))
    assert r.overall == 2.98  # (4 + 2.8 + 8/3 + 2.75 + 8/3) / 5 = 2.9767
    assert r.stage == "accelerate"
    assert [p.element for p in r.priorities] == ["E09", "E13", "E17", "E19"]
    assert r.approach.scale_up == "combined"
    assert r.approach.direction == [
        "Promote private business",
        "Achieve self-reliant urban management",
    ]
    ids = [m.id for m in r.cooperation]
    assert "nat-institution-4" in ids  # cybersecurity, E17 at level 2
    assert all(m.relevance >= 1 for m in r.cooperation)


def test_area_development_with_focus_area_at_sustainable_growth(fw: Framework) -> None:
    levels: dict[str, int | None] = {f"E0{i}": 4 for i in range(1, 7)}
    levels |= {"E07": 4, "E08": 3, "E12": 3, "E15": 3, "E21": 4}
    answers = make_answers(
        levels, city_type="area_development", lead_actor="private", focus_areas=["Eco district"]
    )
    r = assess(fw, answers)
    assert r.answered == 11
    assert r.stage == "sustainable_growth"  # overall 3.5, lowest domain 3.0
    assert r.approach.scale_up == "area"  # the named focus decides before the stage
    assert [p.element for p in r.priorities] == ["E08", "E12", "E15"]  # no gaps: level 3 fills
    assert r.cooperation == []  # no gaps, and the survey lines' elements are all known


def test_ten_answers_are_not_enough(fw: Framework) -> None:
    levels: dict[str, int | None] = {f"E{i:02d}": 2 for i in range(1, 11)}
    r = assess(fw, make_answers(levels))
    assert r.stage == "insufficient_data"
    assert r.overall is None


def test_japanese_explanations(fw: Framework) -> None:
    r = assess(fw, make_answers(1, language="ja"))
    assert r.lang == "ja"
    assert "ルール（段階）" in next(x.rule for x in r.explanation if x.topic == "stage")
    assert (
        r.approach.stage_approach[0] == "既存のアセットを最大限活用しつつ、できることからはじめる"
    )


def test_each_priority_says_why_in_its_own_terms(fw: Framework) -> None:
    """The starting regional core city above: the reasons name the gist of the element's own
    rubric level and where it stands among the answers."""
    levels = levels_from([2, 1, 1, 0, 0, 1], [1, 0, 0, 0, 1], [1, 0, 1], [0, 1, 1, 0], [0, 0, 1])
    for lang in ("en", "ja"):
        r = assess(fw, make_answers(levels, city_type="regional_core"), lang)  # type: ignore[arg-type]
        reasons = {p.element: p.reason for p in r.priorities}
        assert len(set(reasons.values())) == len(reasons)  # no two read alike
        for eid, why in reasons.items():
            rubric = next(x.text.get(lang) for x in fw.element(eid).rubric if x.level == 0)
            assert rubric_gist(rubric) in why and len(rubric_gist(rubric)) >= 12
        lowest = "the lowest of your answers" if lang == "en" else "最も低いレベル"
        assert all(lowest in why for why in reasons.values())  # all five are at level 0


def test_the_next_lowest_priority_names_what_is_below_it(fw: Framework) -> None:
    levels = {f"E{i:02d}": 3 for i in range(1, 22)} | {"E02": 0, "E09": 1, "E16": 2}
    r = assess(fw, make_answers(levels))
    reasons = {p.element: p.reason for p in r.priorities}
    assert "the lowest of your answers" in reasons["E02"]
    assert "next after level 0" in reasons["E09"]
    assert "next after level 1" in reasons["E16"]


def test_a_rubric_gist_is_its_first_clause() -> None:
    text = "The need for a vision is recognised, or one is being discussed or drafted."
    assert rubric_gist(text) == "The need for a vision is recognised"
    assert rubric_gist("共通のデータ基盤や都市OSの必要性が認識され、議論・調査・計画されている") == (
        "共通のデータ基盤や都市OSの必要性が認識され"
    )
    long = "The need for a shared data platform or urban OS is recognised and being discussed"
    assert rubric_gist(long) == "The need for a shared data platform or urban OS is recognised…"
    assert rubric_gist("No vision.") == "No vision"


def test_a_priority_reason_says_its_quote_is_the_rubric_not_the_official(fw: Framework) -> None:
    """The quoted gist is the rubric's text for the level: labelled so, never read as the
    official's own words."""
    levels = {f"E{i:02d}": 3 for i in range(1, 22)} | {"E02": 0, "E09": 1}
    for lang, label in (
        ("en", "(rubric: “"),
        ("ja", "（評価基準：「"),
    ):
        r = assess(fw, make_answers(levels), lang)  # type: ignore[arg-type]
        for p in r.priorities:
            gist = rubric_gist(
                next(x.text.get(lang) for x in fw.element(p.element).rubric if x.level == p.level)
            )
            assert label.format(n=p.level) + gist in p.reason
