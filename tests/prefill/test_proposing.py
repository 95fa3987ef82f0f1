"""Reading chosen sentences as an answer (``prefill/proposing.py``): what exists wins, level 0
needs words saying something is missing, two voices are both shown, and a model proposing can
never put words in the document."""

from __future__ import annotations

from assistant.prefill.proposing import propose
from assistant.prefill.reader import DocumentReader, ReaderCalibration
from assistant.prefill.review import REVIEW_MIN
from tests.prefill.test_reader import STRATEGY, _all_quotes_exact, _doc


class InventingInterpreter:
    """Stands in for a language model that proposes a level with an invented quote."""

    source = "llm"

    def interpret(self, element, text, lang):  # type: ignore[no-untyped-def]
        from assistant.ports import Interpretation

        return Interpretation(
            element=element.id, level=4, confidence=0.9, source="llm",
            evidence="The city is a world leader in every respect (invented).",
        )  # fmt: skip


def test_a_model_proposing_cannot_put_words_in_the_document(reader: DocumentReader) -> None:
    llm_reader = DocumentReader(reader.framework, InventingInterpreter(), reader.embeddings)
    result = llm_reader.read([_doc("strategy.md", STRATEGY)])
    assert result.elements["E07"] is not None and result.elements["E07"].source == "llm"
    _all_quotes_exact(result, {"strategy.md": STRATEGY})
    assert result.drafted() and all(d.level == 4 for d in result.drafted())


class ZeroInterpreter:
    """Reads every text as level 0 (the interpreter's reading of a thin or negative answer)."""

    source = "offline"

    def interpret(self, element, text, lang):  # type: ignore[no-untyped-def]
        from assistant.ports import Interpretation

        return Interpretation(element=element.id, level=0, confidence=0.9, evidence=text)


def test_level_zero_needs_the_document_to_say_something_is_missing(
    reader: DocumentReader,
) -> None:
    zero = DocumentReader(reader.framework, ZeroInterpreter(), reader.embeddings)
    said = "# Security\n\nThe city adopted an information security policy and backs up every system daily.\n"
    missing = (
        "# Security\n\nThe city has no information security policy and no backups of its systems.\n"
    )
    e17 = zero.read([_doc("said.md", said)]).elements["E17"]
    assert e17 is not None and e17.level == 1  # spoken of, nothing said missing: a first step
    e17 = zero.read([_doc("missing.md", missing)]).elements["E17"]
    # Said missing: a gap the city has written down is at least seen (level 1), and the draft
    # is not sure enough to be confirmed in the review list (walked one by one).
    assert e17 is not None and e17.level == 1 and e17.confidence < REVIEW_MIN
    reader_zero = DocumentReader(
        reader.framework, ZeroInterpreter(), reader.embeddings,
        ReaderCalibration(absence_level=None),
    )  # fmt: skip
    e17 = reader_zero.read([_doc("missing.md", missing)]).elements["E17"]
    assert e17 is not None and e17.level == 0  # the interpreter's level when the floor is off


class TwoVoicesInterpreter:
    """Reads "updated every month" at level 3 and "not updated since" at level 1, surely."""

    source = "offline"

    def interpret(self, element, text, lang):  # type: ignore[no-untyped-def]
        from assistant.ports import Interpretation

        up, down = "every month" in text, "not been updated" in text
        level = 2 if up and down else 3 if up else 1
        return Interpretation(element=element.id, level=level, confidence=0.9, evidence=text)


def test_two_passages_of_one_document_that_disagree_are_shown_and_neither_taken(
    reader: DocumentReader,
) -> None:
    text = (
        "# Open data\n\n"
        "The head of ICT said the open data portal publishes datasets and is updated every month.\n"
        "The secretariat checked the open data portal: its datasets have not been updated since 2023.\n"
    )
    two = DocumentReader(reader.framework, TwoVoicesInterpreter(), reader.embeddings)
    draft = two.read([_doc("minutes.md", text)]).elements["E16"]
    assert draft is not None and draft.level is None  # neither taken
    assert sorted(p.level for p in draft.conflict) == [1, 3]
    quotes = {p.level: p.quotes[0].text for p in draft.conflict}
    assert "every month" in quotes[3] and "not been updated" in quotes[1]
    assert all(q in text for q in quotes.values())


def test_a_relation_said_missing_without_intent_is_not_placed(reader: DocumentReader) -> None:
    zero = DocumentReader(reader.framework, ZeroInterpreter(), reader.embeddings)
    e04 = reader.framework.element("E04")
    seen = _doc("a.md", "# Plans\n\nThe digital plan does not yet refer to the city plan.\n")
    assert propose(zero.interpreter, seen, e04, seen.sentences, 0.5, zero.cal, 3) is None
    planned = _doc(
        "b.md",
        "# Plans\n\nThe digital plan does not yet refer to the city plan, and the office "
        "intends to add these links next year.\n",
    )
    found = propose(zero.interpreter, planned, e04, planned.sentences, 0.5, zero.cal, 3)
    assert found is not None and found.level == 1  # the gap is seen: a first step


def test_one_voice_telling_what_exists_and_what_is_missing_is_placed_in_between(
    reader: DocumentReader,
) -> None:
    text = (
        "# Open data\n\n"
        "The open data portal publishes datasets and is updated every month.\n"
        "Its older datasets have not been updated since 2023.\n"
    )
    two = DocumentReader(reader.framework, TwoVoicesInterpreter(), reader.embeddings)
    draft = two.read([_doc("report.md", text)]).elements["E16"]
    assert draft is not None and draft.level == 2 and not draft.conflict
    assert draft.confidence < REVIEW_MIN  # not sure: walked one by one, not listed
    assert {q.text for q in draft.quotes[:2]} == {
        "The open data portal publishes datasets and is updated every month.",
        "Its older datasets have not been updated since 2023.",
    }


class SloganInterpreter:
    """Reads a slogan beside "adopted and linked" as an unsure 4 (3 the other candidate), the
    "adopted and linked" sentence alone as a sure 3, and the slogan alone as nothing sure."""

    source = "offline"

    def interpret(self, element, text, lang):  # type: ignore[no-untyped-def]
        from assistant.ports import Interpretation

        adopted, slogan = "adopted by the City Council" in text, "welcoming" in text
        if adopted and slogan:
            return Interpretation(element=element.id, level=4, confidence=0.7, evidence=text,
                                  confidence_label="medium", alternatives=[3])  # fmt: skip
        if adopted:
            return Interpretation(element=element.id, level=3, confidence=0.95, evidence=text,
                                  confidence_label="high")  # fmt: skip
        return Interpretation(element=element.id, level=2, confidence=0.3, evidence=text)


def test_a_sure_sentence_at_the_other_candidate_beats_an_unsure_reading_together(
    reader: DocumentReader,
) -> None:
    text = (
        "# Vision\n\n"
        'Our smart city vision is "A connected, safe and welcoming city for every generation".\n'
        "The smart city vision was adopted by the City Council in March 2026 and is linked to "
        "the national digital strategy and to the city's development plan.\n"
    )
    slogan = DocumentReader(reader.framework, SloganInterpreter(), reader.embeddings)
    draft = slogan.read([_doc("plan.md", text)]).elements["E01"]
    assert draft is not None and draft.level == 3
    assert "adopted by the City Council" in draft.quotes[0].text
