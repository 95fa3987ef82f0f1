"""Properties the scoring rules promise (docs/scoring.md), checked with hypothesis."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.models import DOMAIN_IDS, ELEMENT_IDS, Framework
from assistant.scoring import assess
from tests.conftest import make_answers

STAGE_ORDER = {"insufficient_data": -1, "small_start": 0, "accelerate": 1, "sustainable_growth": 2}
level_or_unknown = st.one_of(st.none(), st.integers(min_value=0, max_value=4))
answer_maps = st.fixed_dictionaries({e: level_or_unknown for e in ELEMENT_IDS})
city_types = st.sampled_from(  # None: not given on the intake ("not sure / choose later")
    ["metropolis", "regional_core", "industry_specialized", "area_development", None]
)
lead_actors = st.sampled_from(["national", "municipal", "private", None])


@settings(max_examples=150, deadline=None)
@given(levels=answer_maps, city_type=city_types, lead=lead_actors)
def test_same_input_same_output(fw: Framework, levels, city_type, lead) -> None:
    a = make_answers(levels, city_type=city_type, lead_actor=lead)
    b = make_answers(dict(levels), city_type=city_type, lead_actor=lead)
    assert assess(fw, a).model_dump() == assess(fw, b).model_dump()


@settings(max_examples=300, deadline=None)
@given(levels=answer_maps, data=st.data())
def test_raising_one_level_never_lowers_domains_or_stage(fw: Framework, levels, data) -> None:
    known = [e for e, v in levels.items() if v is not None and v < 4]
    if not known:
        return
    element = data.draw(st.sampled_from(known))
    raised = dict(levels)
    raised[element] = data.draw(st.integers(min_value=levels[element] + 1, max_value=4))
    before, after = assess(fw, make_answers(levels)), assess(fw, make_answers(raised))
    for d in DOMAIN_IDS:
        if before.domains[d].score is not None:
            assert after.domains[d].score >= before.domains[d].score
    assert STAGE_ORDER[after.stage] >= STAGE_ORDER[before.stage]


@settings(max_examples=100, deadline=None)
@given(levels=answer_maps)
def test_domain_scores_and_coverage_are_consistent(fw: Framework, levels) -> None:
    result = assess(fw, make_answers(levels))
    for d in DOMAIN_IDS:
        ids = [e.id for e in fw.domain_elements(d)]
        known = [levels[e] for e in ids if levels[e] is not None]
        assert result.domains[d].answered == len(known)
        assert result.domains[d].total == len(ids)
        if known:
            assert 0 <= result.domains[d].score <= 4
            assert min(known) <= result.domains[d].score <= max(known)
        else:
            assert result.domains[d].score is None


@settings(max_examples=150, deadline=None)
@given(levels=answer_maps, city_type=city_types, lead=lead_actors)
def test_priorities_and_cooperation_are_explained(fw: Framework, levels, city_type, lead) -> None:
    result = assess(fw, make_answers(levels, city_type=city_type, lead_actor=lead))
    prio = [p.element for p in result.priorities]
    gaps = [e for e, v in levels.items() if v is not None and v <= 2]
    assert len(prio) == len(set(prio)) <= 5
    if len(gaps) >= 3:
        assert len(prio) >= 3
        assert all(levels[e] <= 2 for e in prio)
    # lowest levels first
    assert [levels[e] for e in prio] == sorted(levels[e] for e in prio)
    topics = {x.topic for x in result.explanation}
    for m in result.cooperation:
        assert m.because, m.id
        line = fw.cooperation_line(m.id)
        assert set(m.because) <= set(line.elements)
        for e in m.because:
            assert levels[e] is None or levels[e] <= 2
        assert f"cooperation:{m.id}" in topics
    rel = [m.relevance for m in result.cooperation]
    assert rel == sorted(rel, reverse=True)


def test_all_zero_is_small_start(fw: Framework) -> None:
    assert assess(fw, make_answers(0)).stage == "small_start"


def test_all_four_is_sustainable_growth(fw: Framework) -> None:
    assert assess(fw, make_answers(4)).stage == "sustainable_growth"


def test_all_unknown_is_insufficient_data(fw: Framework) -> None:
    result = assess(fw, make_answers(None))
    assert result.stage == "insufficient_data"
    assert result.priorities == []
    assert all(m.type == "survey" for m in result.cooperation)


def test_missing_elements_count_as_unknown(fw: Framework) -> None:
    result = assess(fw, make_answers({"E01": 2}))
    assert result.answered == 1
    assert result.elements["E02"].level is None
    assert "E02" in result.unknown
