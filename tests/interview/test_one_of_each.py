"""One of each helper: the stored-session → answers-file conversion, the evidence cap, the intake
fields and the Japanese-character test are each defined once and used everywhere."""

from __future__ import annotations

from typing import get_args

import pytest
from pydantic import ValidationError

from assistant.interview.state import INTAKE_FIELDS, IntakeField
from assistant.lang import detect_lang, is_cjk
from assistant.limits import MAX_EVIDENCE
from assistant.models import Answer
from assistant.ports import StoredAnswer
from assistant.sessions import store as store_module
from assistant.sessions.answers import answers_file, to_answer
from assistant.web.text import inert_paragraphs
from tests.interview.conftest import through_intake
from tests.interview.fakes import now


def stored(level: int | None, evidence: str = "", text: str = "") -> StoredAnswer:
    return StoredAnswer(level=level, evidence=evidence, text=text, confirmed_at=now())


def test_the_engine_and_the_store_export_the_same_answers_file(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision. It was written last year.")
    engine.handle(code, "yes")
    engine.handle(code, "3")  # a level button with no words: the typed "3" is not evidence
    engine.handle(code, "don't know")
    engine.handle(code, "yes")  # typed "don't know" is proposed, then confirmed
    from_engine = engine.answers_file(code)
    assert from_engine == store.export(code)
    assert from_engine.answers["E03"].level is None
    assert from_engine.answers["E01"].evidence == "We have a draft vision."
    assert from_engine.answers["E01"].model_extra == {
        "text": "We have a draft vision. It was written last year."
    }


def test_evidence_falls_back_to_the_words_and_is_capped_once():
    assert to_answer(stored(2, "", "we run a pilot")) == Answer(level=2, evidence="we run a pilot")
    long = to_answer(stored(1, "", "x" * (MAX_EVIDENCE + 10)))
    assert len(long.evidence) == MAX_EVIDENCE and long.model_extra == {}
    with pytest.raises(ValidationError):
        Answer(level=1, evidence="x" * (MAX_EVIDENCE + 1))
    assert store_module.MAX_ANSWER_CHARS == MAX_EVIDENCE


def test_unknown_element_ids_stay_out_of_the_file():
    from assistant.models import CityProfile

    profile = CityProfile(name="X", city_type="metropolis")
    got = answers_file(profile, {"E01": stored(1, "a"), "E99": stored(2, "b")})
    assert list(got.answers) == ["E01"]


def test_intake_fields_are_one_list():
    assert get_args(IntakeField) == INTAKE_FIELDS
    assert INTAKE_FIELDS[0] == "name" and INTAKE_FIELDS[-1] == "language"


@pytest.mark.parametrize(
    ("char", "letter", "any_mark"),
    [("あ", True, True), ("ア", True, True), ("ｱ", True, True), ("漢", True, True),
     ("々", True, True), ("。", False, True), ("「", False, True), ("！", False, True),
     ("a", False, False), ("1", False, False), ("", False, False), ("é", False, False)],
)  # fmt: skip
def test_one_japanese_character_test(char, letter, any_mark):
    assert is_cjk(char, punctuation=False) is letter
    assert is_cjk(char) is any_mark


def test_the_character_test_joins_japanese_lines_and_decides_the_language():
    assert inert_paragraphs("市民参加の\n仕組み。\n次に") == "市民参加の仕組み。次に"
    assert inert_paragraphs("civic\nparticipation") == "civic participation"
    assert (
        detect_lang("KPIは毎年見直しています") == "ja"
        and detect_lang("our 都市OS platform") == "en"
    )
