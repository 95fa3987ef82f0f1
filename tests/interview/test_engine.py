"""The interview engine with fake collaborators: every move a person can make."""

from __future__ import annotations

import pytest

from assistant.catalogue import catalogue, t
from assistant.framework import get_framework
from assistant.interview.engine import InterviewEngine, SessionNotFound
from assistant.interview.state import Action
from assistant.models import ELEMENT_IDS
from tests.interview.conftest import text_of, through_intake
from tests.interview.fakes import CannedAnswerer, KeywordInterpreter, now


def answer_all(engine: InterviewEngine, code: str, level: int = 2) -> None:
    reply = engine.resume(code)
    assert reply is not None
    while reply.phase in ("element", "confirm"):
        reply = engine.handle(code, str(level))


# --- intake -------------------------------------------------------------------------------


def test_intake_collects_the_profile_and_saves_it_before_the_first_question(engine, store, log):
    code, reply = through_intake(engine)
    assert reply.phase == "element" and reply.element == "E01"
    profile = store.load(code).profile
    assert profile is not None
    assert (profile.name, profile.country, profile.city_type) == (
        "Springfield",
        "Utopia",
        "regional_core",
    )
    assert profile.lead_actor == "municipal" and profile.population == 1_200_000
    assert profile.focus_sectors == ["transport", "health"] and profile.focus_areas == []
    assert reply.profile == profile
    last = log.commits[-1]  # the profile and the position past the intake: one commit
    assert last.profile == profile and last.state is not None
    assert last.state["intake_field"] is None and last.state["element"] == "E01"


@pytest.mark.parametrize(
    ("field_answers", "bad", "error_key"),
    [
        (["X", "Y"], "7", "bad_choice"),  # city type: no such number
        (["X", "Y", "1"], "the moon", "bad_choice"),  # lead actor
        (["X", "Y", "1", "2"], "lots of people", "bad_population"),
        (["X", "Y", "1", "2"], "200 million", "bad_population"),
        (["X", "Y", "1", "2", "5000"], ",".join(f"s{i}" for i in range(21)), "bad_list"),
        (["X", "Y", "1", "2", "5000", "skip", "skip"], "Klingon", "bad_language"),  # no numbers
        ([], "   x" * 80, "bad_name"),
    ],
)
def test_intake_re_asks_a_field_after_bad_input(engine, field_answers, bad, error_key):
    code, _ = engine.start("en")
    for line in field_answers:
        engine.handle(code, line)
    before = engine.handle(code, "progress").intake_field
    reply = engine.handle(code, bad)
    assert t(f"interview.{error_key}", "en") in text_of(reply)
    assert reply.phase == "intake" and reply.intake_field == before


def test_intake_offers_the_four_city_types_with_descriptions(engine):
    code, _ = engine.start("en")
    engine.handle(code, "X")
    reply = engine.handle(code, "Y")
    assert reply.intake_field == "city_type"
    assert len(reply.choices) == 4
    for key in ("type_metropolis", "type_area_development"):
        assert t(f"interview.{key}", "en") in text_of(reply)


def test_intake_back_returns_to_the_previous_field(engine):
    code, _ = engine.start("en")
    engine.handle(code, "X")
    reply = engine.handle(code, "back")
    assert reply.intake_field == "name"


# --- one element ------------------------------------------------------------------------


def test_proposal_shows_level_evidence_and_rubric_then_confirm_saves(engine, store):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We have a draft vision. It was written last year.")
    assert reply.phase == "confirm" and reply.proposal is not None
    assert reply.proposal.level == 2
    assert reply.proposal.evidence == "We have a draft vision."
    rubric = get_framework().element("E01").rubric[2].text.en
    assert reply.proposal.rubric == rubric and rubric in text_of(reply)
    assert not reply.saved and "E01" not in store.load(code).answers
    labels = [c.label for c in reply.choices]
    assert labels[0] == "Yes, level 2" and sum(c.action.kind == "level" for c in reply.choices) == 4

    reply = engine.handle(code, "yes")
    stored = store.load(code).answers["E01"]
    assert (stored.level, stored.evidence) == (2, "We have a draft vision.")
    assert stored.text.startswith("We have a draft vision.")
    assert reply.saved and reply.saved_element == "E01" and reply.element == "E02"
    assert "Saved E01" in text_of(reply)


def test_a_confirm_turn_is_one_commit_holding_the_answer_and_the_new_position(engine, log):
    code, _ = through_intake(engine)
    engine.handle(code, "draft only")
    log.commits.clear()
    reply = engine.handle(code, "ok")
    assert len(log.commits) == 1  # one transaction: answer, position and transcript together
    commit = log.commits[0]
    assert list(commit.answers) == ["E01"] and commit.answers["E01"].level == 2
    assert commit.state is not None and commit.state["element"] == "E02"
    assert commit.state["pending"] is None  # no write-ahead copy of the answer any more
    assert [t.role for t in commit.turns] == ["user", "assistant"]
    assert commit.turns[0].text == "ok" and "Saved E01" in commit.turns[1].text
    assert reply.saved and reply.saved_element == "E01"


def test_every_turn_is_exactly_one_commit(engine, log):
    code, _ = engine.start("en")
    # creating the session is its own commit (an empty session), then the welcome turn: one
    assert [c.created for c in log.commits] == [True, False]
    for n, line in enumerate(["Springfield", "?", "draft", "back"], start=3):
        engine.handle(code, line)
        assert len(log.commits) == n
    engine.resume(code)
    engine.switch_language(code, "ja")
    assert len(log.commits) == 8
    assert not any(c.created for c in log.commits[1:])


@pytest.mark.parametrize("choice", ["4", "level 4", "Level 4.", "レベル４", "4です"])
def test_picking_another_level_keeps_the_persons_words(engine, store, choice):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    reply = engine.handle(code, choice)
    stored = store.load(code).answers["E01"]
    assert stored.level == 4 and stored.evidence == "We have a draft vision."
    assert reply.element == "E02"


def test_adding_detail_reinterprets_the_combined_answer(engine, store):
    code, _ = through_intake(engine)
    interpreter = engine.interpreter
    engine.handle(code, "We have a draft vision.")
    reply = engine.handle(code, "Actually the council adopted it in March.")
    assert reply.phase == "confirm" and reply.proposal.level == 3
    assert interpreter.calls[-1] == (
        "E01",
        "We have a draft vision.\nActually the council adopted it in March.",
    )
    engine.handle(code, "yes")
    assert store.load(code).answers["E01"].level == 3


def test_thin_answer_gets_the_probe_then_the_five_levels(engine, store):
    code, _ = through_intake(engine)
    fw = get_framework()
    reply = engine.handle(code, "hmm")
    assert reply.phase == "element" and reply.proposal is None
    assert fw.element("E01").probes[0].en in text_of(reply)
    reply = engine.handle(code, "it depends")
    for r in fw.element("E01").rubric:
        assert r.text.en in text_of(reply)
    assert [c.action.level for c in reply.choices if c.action.kind == "level"] == [0, 1, 2, 3, 4]
    reply = engine.handle(code, "1")
    stored = store.load(code).answers["E01"]
    assert stored.level == 1 and stored.text == "hmm\nit depends"


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("en", "In another city they have a portal.", "others"),
        ("en", "I think it matters a lot.", "opinion"),
        ("ja", "隣の市ではポータルがあります。", "others"),
        ("ja", "大事だと思います。", "opinion"),
        # the session's language wins: English words in a Japanese session, a Japanese reply
        ("ja", "In another city they have a portal.", "others"),
    ],
)
def test_an_answer_about_someone_else_or_a_view_says_why_and_asks_again(
    engine, store, lang, text, reason
):
    code, _ = through_intake(engine, lang)
    probe = get_framework().element("E01").probes[0].get(lang)
    reply = engine.handle(code, text)
    assert reply.phase == "element" and reply.element == "E01" and reply.proposal is None
    assert t(f"interview.no_basis_{reason}", lang, probe=probe) in text_of(reply)
    assert t("interview.probe", lang, probe=probe) not in text_of(reply)
    assert "E01" not in store.load(code).answers  # nothing saved


def test_yes_before_any_proposal_is_an_answer_not_a_confirmation(engine, store):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "yes")
    assert not reply.saved and reply.element == "E01"
    assert "E01" not in store.load(code).answers


@pytest.mark.parametrize("words", ["don't know", "skip", "わからない", "スキップ", "Not sure."])
@pytest.mark.parametrize("confirm", ["yes", "はい", "AGAIN", "BUTTON"])
def test_typed_dont_know_is_proposed_and_saved_only_when_confirmed(engine, store, words, confirm):
    code, _ = through_intake(engine)
    reply = engine.handle(code, words)
    assert not reply.saved and reply.element == "E01" and reply.phase == "element"
    assert "E01" not in store.load(code).answers and reply.progress.done == 0
    first = reply.choices[0]
    assert first.action.kind == "confirm" and first.label == "Yes, save as “don't know”"
    assert [c.action.level for c in reply.choices if c.action.kind == "level"] == [0, 1, 2, 3, 4]
    assert "unknown" not in [c.action.kind for c in reply.choices]  # the confirm is it
    assert "Save E01 as “don't know”?" in text_of(reply)
    if confirm == "BUTTON":
        reply = engine.act(code, first.action)
    else:  # a yes, or "don't know" said again
        reply = engine.handle(code, words if confirm == "AGAIN" else confirm)
    assert reply.saved and reply.element == "E02"
    assert store.load(code).answers["E01"].level is None
    assert reply.progress.done == 1


def test_the_dont_know_button_is_a_direct_choice(engine, store):
    code, _ = through_intake(engine)
    reply = engine.act(code, Action(kind="unknown"))
    assert reply.saved and reply.element == "E02"
    assert store.load(code).answers["E01"].level is None


@pytest.mark.parametrize(
    ("after", "level"), [("no", None), ("2", 2), ("We have a draft vision.", None)]
)
def test_a_proposed_dont_know_can_be_declined(engine, store, after, level):
    """"No" shows the levels, a level is saved as chosen, more words are read as the answer."""
    code, _ = through_intake(engine)
    engine.handle(code, "no idea")
    reply = engine.handle(code, after)
    answers = store.load(code).answers
    if level is None:
        assert not reply.saved and "E01" not in answers and reply.element == "E01"
        assert "Save E01 as" not in text_of(reply)
    else:
        assert reply.saved and answers["E01"].level == level
    if after.startswith("We have"):
        assert reply.proposal is not None and reply.proposal.level == 2
        assert reply.proposal.evidence == "We have a draft vision."


def test_a_side_question_keeps_the_proposed_dont_know(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "わかりません")
    reply = engine.handle(code, "does JICA fund testbeds?")
    assert any(m.citations for m in reply.messages) and "Save E01 as" in text_of(reply)
    reply = engine.handle(code, "yes")
    assert reply.saved and store.load(code).answers["E01"].level is None


def test_a_long_answer_mentioning_not_sure_is_an_answer(engine, store):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We are not sure the draft plan is funded")
    assert reply.phase == "confirm" and reply.proposal.level == 2


def test_back_goes_to_the_previous_element_and_then_forward_again(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "3")
    engine.handle(code, "2")
    reply = engine.handle(code, "back")
    assert reply.element == "E02"
    assert "Your current answer: level 2" in text_of(reply)
    reply = engine.handle(code, "4")
    assert store.load(code).answers["E02"].level == 4
    assert reply.element == "E03"


def test_back_at_the_first_element_stays(engine):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "back")
    assert reply.element == "E01" and t("interview.first_element", "en") in text_of(reply)


@pytest.mark.parametrize("command", ["change E01", "E1を変更", "edit e01", "E01"])
def test_change_an_earlier_answer_then_return(engine, store, command):
    code, _ = through_intake(engine)
    for _ in range(4):
        engine.handle(code, "2")
    reply = engine.handle(code, command)
    assert reply.element == "E01"
    reply = engine.handle(code, "0")
    assert store.load(code).answers["E01"].level == 0
    assert reply.element == "E05"


def test_change_to_an_unknown_element_is_refused(engine):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "change E25")
    assert reply.element == "E01" and "E25" in text_of(reply)


@pytest.mark.parametrize("command", ["go to technology", "Technology", "技術へ", "jump to tech"])
def test_domain_jump_then_continue_and_wrap_round(engine, store, command):
    fw = get_framework()
    tech = [e.id for e in fw.domain_elements("technology")]
    code, _ = through_intake(engine)
    reply = engine.handle(code, command)
    assert reply.element == tech[0]
    for _ in tech:
        reply = engine.handle(code, "3")
    following = [e.id for e in fw.domain_elements("operation")]
    assert reply.element == following[0]
    for _ in following:
        reply = engine.handle(code, "3")
    assert reply.element == "E01"  # wraps round to the first unanswered element


def test_side_question_is_answered_with_citations_and_the_element_asked_again(engine, answerer):
    code, _ = through_intake(engine)
    engine.handle(code, "2")
    reply = engine.handle(code, "Does JICA fund testbeds?")
    assert answerer.asked == [("Does JICA fund testbeds?", "en", None)]
    cited = [m for m in reply.messages if m.citations]
    assert cited and cited[0].citations[0].title == "Cooperation menu"
    assert reply.element == "E02" and reply.phase == "element" and not reply.saved
    assert get_framework().element("E02").question.en in text_of(reply)


def test_side_question_during_confirmation_keeps_the_proposal(engine, answerer):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    reply = engine.handle(code, "how does JICA choose cities?")
    assert reply.phase == "confirm" and reply.proposal.level == 2 and len(answerer.asked) == 1


def test_side_question_without_a_knowledge_base_says_so(store):
    engine = InterviewEngine(get_framework(), KeywordInterpreter(), store, None, clock=now)
    code, _ = through_intake(engine)
    reply = engine.handle(code, "Can JICA help us?")
    assert t("interview.no_knowledge", "en") in text_of(reply) and reply.element == "E01"


class BrokenAnswerer:
    def ask(self, question, lang, element_id=None):
        raise RuntimeError("chroma is down")


def test_a_failing_knowledge_base_does_not_end_the_interview(store):
    engine = InterviewEngine(
        get_framework(), KeywordInterpreter(), store, BrokenAnswerer(), clock=now
    )
    code, _ = through_intake(engine)
    reply = engine.handle(code, "Can JICA help us?")
    assert t("interview.no_knowledge", "en") in text_of(reply) and reply.element == "E01"
    reply = engine.handle(code, "what does this mean?")
    assert get_framework().element("E01").desired_state.en in text_of(reply)


@pytest.mark.parametrize("words", ["what does this mean?", "explain", "どういう意味？"])
def test_explain_uses_the_desired_state_and_the_knowledge_base(engine, answerer, words):
    code, _ = through_intake(engine)
    reply = engine.handle(code, words)
    element = get_framework().element("E01")
    assert element.desired_state.en in text_of(reply)
    assert answerer.asked[0][2] == "E01"
    assert any(m.citations for m in reply.messages)
    assert reply.element == "E01" and not reply.saved


def test_progress_counts_overall_and_per_domain(engine):
    code, _ = through_intake(engine)
    for _ in range(7):
        engine.handle(code, "1")
    reply = engine.handle(code, "progress")
    assert reply.progress.done == 7 and reply.progress.total == 21
    per = {d.id: (d.done, d.total) for d in reply.progress.domains}
    policy_total = len(get_framework().domain_elements("policy"))
    assert per["policy"] == (policy_total, policy_total)
    assert sum(d.done for d in reply.progress.domains) == 7
    assert "7 of 21" in text_of(reply)
    assert engine.progress(code).done == 7
    assert [e.level for e in reply.progress.elements[:7]] == [1] * 7


def test_pause_tells_the_code_and_how_to_resume(engine):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "pause")
    assert reply.paused and code in text_of(reply) and "--resume" in text_of(reply)
    assert engine.resume(code).element == "E01"


# --- read-back and finish ------------------------------------------------------------


def test_readback_lists_every_element_then_edit_then_finish(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "The vision is fully adopted by every department.")
    engine.handle(code, "yes")
    answer_all(engine, code, level=2)
    reply = engine.resume(code)
    assert reply.phase == "readback"
    body = text_of(reply)
    for eid in ELEMENT_IDS:
        assert eid in body
    assert "every department" in body and "level 4" in body
    reply = engine.handle(code, "change E05")
    assert reply.element == "E05"
    reply = engine.handle(code, "don't know")
    assert reply.element == "E05" and store.load(code).answers["E05"].level == 2
    reply = engine.handle(code, "yes")
    assert reply.phase == "readback"
    assert store.load(code).answers["E05"].level is None
    reply = engine.handle(code, "finish")
    assert reply.phase == "done" and reply.assessment is not None
    assessment = reply.assessment
    assert assessment.elements["E01"].level == 4 and assessment.elements["E05"].level is None
    assert assessment.elements["E01"].evidence.startswith("The vision is fully adopted")
    assert engine.assessment(code) == assessment


def test_finish_before_all_answered_is_refused(engine):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "finish")
    assert reply.phase == "element" and "0 of 21" in text_of(reply)


def test_after_done_an_answer_can_still_be_changed(engine, store):
    code, _ = through_intake(engine)
    answer_all(engine, code)
    engine.handle(code, "finish")
    reply = engine.handle(code, "change E10")
    assert reply.element == "E10"
    reply = engine.handle(code, "4")
    assert reply.phase == "readback"
    reply = engine.handle(code, "finish")
    assert reply.assessment.elements["E10"].level == 4


# --- buttons, languages, sessions ------------------------------------------------------


def test_quick_reply_actions_drive_the_same_flow(engine, store):
    code, _ = engine.start("en")
    reply = engine.act(code, Action(kind="say", text="Springfield"))
    assert reply.intake_field == "country"
    for line in ["skip", "1", "1", "skip", "skip", "skip", "en"]:
        reply = engine.handle(code, line)
    assert reply.element == "E01"
    engine.handle(code, "draft vision")
    reply = engine.act(code, Action(kind="confirm"))
    assert reply.saved and store.load(code).answers["E01"].level == 2
    reply = engine.act(code, Action(kind="level", level=0))
    assert store.load(code).answers["E02"].level == 0
    reply = engine.act(code, Action(kind="unknown"))
    assert store.load(code).answers["E03"].level is None
    reply = engine.act(code, Action(kind="explain"))
    assert reply.element == "E04" and any(m.citations for m in reply.messages)
    reply = engine.act(code, Action(kind="back"))
    assert reply.element == "E03"
    reply = engine.act(code, Action(kind="change", element="E01"))
    assert reply.element == "E01"
    reply = engine.act(code, Action(kind="domain", domain="operation"))
    assert get_framework().element(reply.element).domain == "operation"
    assert engine.act(code, Action(kind="pause")).paused


def test_japanese_interview(engine, store):
    code, reply = engine.start("ja")
    assert "セッションコード" in text_of(reply)
    for line in ["名古屋", "日本", "大都市", "自治体", "230万", "交通、防災", "スキップ", "日本語"]:
        reply = engine.handle(code, line)
    profile = store.load(code).profile
    assert profile.city_type == "metropolis" and profile.population == 2_300_000
    assert profile.focus_sectors == ["交通", "防災"] and profile.language == "ja"
    assert reply.element == "E01" and "質問 1/21" in text_of(reply)
    reply = engine.handle(code, "ビジョンの草案があります。")
    assert reply.proposal.level == 2
    assert reply.proposal.rubric == get_framework().element("E01").rubric[2].text.ja
    assert reply.choices[0].label == "はい、レベル2"
    reply = engine.handle(code, "はい")
    assert reply.saved and "保存しました" in text_of(reply)
    reply = engine.handle(code, "レベル3")
    assert store.load(code).answers["E02"].level == 3
    reply = engine.handle(code, "わからない")
    assert "E03" not in store.load(code).answers and reply.choices[0].label == "はい、「わからない」で保存"
    reply = engine.handle(code, "はい")
    assert store.load(code).answers["E03"].level is None
    reply = engine.handle(code, "JICAはどのような支援をしていますか？")
    assert any(m.citations for m in reply.messages) and reply.element == "E04"
    reply = engine.handle(code, "E1を変更")
    assert reply.element == "E01"
    reply = engine.handle(code, "進捗")
    assert "21エレメント中3件" in text_of(reply)


def test_language_chosen_in_intake_switches_the_conversation(engine):
    code, _ = engine.start("en")
    for line in ["X", "Y", "1", "1", "skip", "skip", "skip"]:
        engine.handle(code, line)
    reply = engine.handle(code, "Japanese")
    assert reply.lang == "ja" and "質問 1/21" in text_of(reply)


def test_every_message_exists_in_both_languages():
    interview = {k: v for k, v in catalogue().messages.items() if k.startswith("interview.")}
    assert interview
    for key, texts in interview.items():
        assert set(texts) == {"en", "ja"}, key
        assert all(v.strip() for v in texts.values()), key


def test_wrong_code(engine):
    assert engine.resume("nope") is None
    with pytest.raises(SessionNotFound):
        engine.handle("nope", "hello")


def test_turns_are_recorded(engine, store):
    code, _ = through_intake(engine)
    engine.handle(code, "draft vision")
    turns = store.turns(code)
    assert [t.role for t in turns[-2:]] == ["user", "assistant"]
    assert turns[-2].text == "draft vision" and "level 2" in turns[-1].text


def test_interpreter_unknown_is_proposed_then_recorded_as_unknown(engine, store):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "Honestly I have no idea about that")
    assert not reply.saved and "E01" not in store.load(code).answers
    assert "(“Honestly I have no idea about that”)" in text_of(reply)
    reply = engine.handle(code, "yes")
    assert reply.saved and store.load(code).answers["E01"].level is None
    assert store.load(code).answers["E01"].text == "Honestly I have no idea about that"


def test_an_imported_session_starts_at_its_first_unanswered_element(store):
    from tests.conftest import make_answers

    engine = InterviewEngine(
        get_framework(), KeywordInterpreter(), store, CannedAnswerer(), clock=now
    )
    levels = dict.fromkeys(ELEMENT_IDS, 2)
    del levels["E07"]
    code = store.import_answers(make_answers(levels))
    reply = engine.resume(code)
    assert reply.phase == "element" and reply.element == "E07"
    reply = engine.handle(code, "3")
    assert reply.phase == "readback"
    full = store.import_answers(make_answers(1))
    assert engine.resume(full).phase == "readback"


def test_a_question_during_intake_is_answered_and_the_field_asked_again(engine, answerer):
    code, _ = engine.start("en")
    reply = engine.handle(code, "Does JICA work with small towns?")
    assert reply.intake_field == "name" and len(answerer.asked) == 1
    reply = engine.handle(code, "Can Tho")  # a city name, not a question
    assert reply.intake_field == "country"


def test_switching_language_asks_the_same_question_in_the_other_language(engine):
    code, _ = through_intake(engine)
    engine.handle(code, "draft vision")
    reply = engine.switch_language(code, "ja")
    assert reply.lang == "ja" and reply.phase == "confirm" and reply.proposal.level == 2
    assert "レベル2と考えます" in text_of(reply)
    assert reply.proposal.rubric == get_framework().element("E01").rubric[2].text.ja
    assert engine.resume(code).lang == "ja"


def test_history_replays_the_conversation(engine):
    code, _ = through_intake(engine)
    engine.handle(code, "draft vision")
    history = engine.history(code)
    assert history[0].role == "assistant" and code in history[0].text
    assert [m.text for m in history if m.role == "user"][-1] == "draft vision"


# --- start with a profile from a form -------------------------------------------------------


@pytest.mark.parametrize("name", ["Back", "戻る", "Help"])
def test_start_with_a_profile_saves_it_and_asks_the_first_element_in_one_commit(
    engine, store, log, name
):
    from assistant.models import CityProfile

    profile = CityProfile(name=name, city_type="metropolis", focus_sectors=["transport"])
    code, reply = engine.start("en", profile)
    created, commit = log.commits  # the empty session, then profile, position and welcome
    assert created.created and created.profile is None and not created.turns
    assert not commit.created
    assert commit.profile == profile
    assert commit.state is not None and commit.state["phase"] == "element"
    assert commit.state["intake_field"] is None and commit.state["element"] == "E01"
    assert reply.phase == "element" and reply.element == "E01" and reply.intake_field is None
    assert reply.profile == profile and store.load(code).profile == profile
    text = text_of(reply)
    assert code in text and name in text  # the welcome, then the profile summary
    assert get_framework().element("E01").question.get("en") in text
    # the interview goes on from there: the name was never read as a command
    assert engine.handle(code, "We have a draft vision.").proposal is not None


def test_start_without_a_profile_still_begins_with_the_intake(engine, store):
    code, reply = engine.start("ja")
    assert reply.phase == "intake" and reply.intake_field == "name"
    assert store.load(code).profile is None


def test_a_proposal_message_carries_the_proposal_and_its_heading(engine):
    code, _ = through_intake(engine)
    reply = engine.handle(code, "We have a draft vision. Nothing more.")
    assert reply.phase == "confirm" and reply.proposal is not None
    card = [m for m in reply.messages if m.proposal is not None]
    assert len(card) == 1
    assert card[0].proposal == reply.proposal
    assert card[0].heading == card[0].text.splitlines()[0] and "E01" in card[0].heading


def test_switch_language_re_asks_the_proposal_in_the_new_language(engine):
    code, _ = through_intake(engine)
    engine.handle(code, "We have a draft vision.")
    reply = engine.switch_language(code, "ja")
    assert reply.lang == "ja" and reply.phase == "confirm" and reply.proposal is not None
    rubric_ja = get_framework().element("E01").rubric[reply.proposal.level].text.get("ja")
    assert reply.proposal.rubric == rubric_ja
    assert engine.act(code, Action(kind="confirm")).saved_element == "E01"


def test_intake_choice_words_match_whole_words_only() -> None:
    """A sentence that merely contains "en" (in "department") is not a language choice."""
    from assistant.interview.intake import INVALID, parse_field

    assert parse_field("language", "We have a draft from the IT department") is INVALID
    assert parse_field("language", "English, please") == "en"
    assert parse_field("language", "日本語でお願いします") == "ja"
    assert parse_field("lead_actor", "the national government leads") == "national"


@pytest.mark.parametrize(("said", "lang"), [("日本語で", "ja"), ("in Japanese", "ja")])
def test_saying_a_language_continues_in_it(engine, said, lang):
    """The terminal interview has no language switch button: saying it works the same way."""
    code, _ = through_intake(engine)
    engine.handle(code, "draft vision")
    reply = engine.handle(code, said)
    assert reply.lang == lang and reply.phase == "confirm"
    assert "ここからは日本語で続けます" in text_of(reply)
    assert "レベル2と考えます" in text_of(reply)
    back = engine.handle(code, "English")
    assert back.lang == "en" and "We will continue in English" in text_of(back)
    assert engine.resume(code).lang == "en"


def test_language_words_during_intake_are_intake_answers(engine):
    code, reply = engine.start("en")
    assert reply.phase == "intake"
    reply = engine.handle(code, "Japanese")  # the city's name, however odd
    assert reply.lang == "en" and reply.profile is None
