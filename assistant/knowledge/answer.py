"""Answers with numbered citations: composed offline (default, no LLM) or written by a chat model.

Offline (mode "extractive"), ``compose`` builds 1-3 sentences from the framework data and the
retrieved chunks, each sentence carrying [n] markers to the listed sources; a sentence taken
from a user's document says so inline. With a chat model the same sources are wrapped and
labelled as data in the prompt; its markers are checked and any number it cites must occur in
the sources, otherwise the offline answer is shown with a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.catalogue import t
from assistant.framework import get_framework
from assistant.knowledge import intents
from assistant.knowledge.answer_llm import llm_answer
from assistant.knowledge.answer_types import AnswerResult, SourceRef
from assistant.knowledge.asked import ABOUT_THIS, without_markup
from assistant.knowledge.cited import render_draft, source_ref
from assistant.knowledge.compose import compose
from assistant.knowledge.compose import limit as compose_limit
from assistant.knowledge.compose_printed import meaning_quoted
from assistant.knowledge.delivery import JICA_ACTS
from assistant.knowledge.framework_terms import mend
from assistant.knowledge.gate import gate_proba, gate_reason, in_domain
from assistant.knowledge.names import bare_contact, foreign_subject, unknown_name
from assistant.knowledge.partial import partial_answer
from assistant.knowledge.parts import compose_parts
from assistant.knowledge.passages import (
    BROCHURE_OVERLAP,
    DEFAULT_RELEVANCE,
    WEAK_MATCH_OVERLAP,
    Relevance,
    given_text,
    question_lang,
    select_passages,
    strong,
)
from assistant.knowledge.retrieval import Filters, Hit
from assistant.knowledge.specifics import RULE_ASKED, SERVED, asked_part, label

Mode = Literal["extractive", "llm"]
GROUNDED = {
    "difference",
    "element",
    "direction",
    "stage",
    "abbreviation",
    "who_leads",  # national, local or private implementers named: the printed line on them
}  # kinds that name framework items
# kinds that stand below the relevance bar when the question is about JICA or its approach
# (「JICAのEメールアドレスは何ですか」 scores low on embeddings)
ON_DOMAIN = {
    "contact", "report", "overview", "start", "menu_type", "menu", "chart", "scale_up", "about", "why",
    "help",
}  # fmt: skip

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.knowledge.retrieval import HybridRetriever

__all__ = ["DECLINE", "AnswerResult", "SourceRef", "answer"]


# The refusal in each language, as tests and callers compare answers with it.
DECLINE: dict[str, str] = {"en": t("answer.not_covered", "en"), "ja": t("answer.not_covered", "ja")}


def _limit(
    question: str,
    lang: str,
    specific: tuple[str, dict[str, str]],
    retriever: HybridRetriever,
    hits: list[Hit],
    vector: list[float] | None,
) -> AnswerResult:
    """Not in the sources: says which detail the brochure does not give, then the closest line."""
    limit = compose_limit(question, lang, specific, retriever, get_framework(), vector)
    text, sources = render_draft(limit, retriever, hits, lang)
    return AnswerResult(
        question=question, answered=False, answer=text, mode="extractive", sources=sources,
        reason="not_in_sources", kind="limit",
    )  # fmt: skip


def _missing_specific(
    question: str,
    hits: list[Hit],
    retriever: HybridRetriever,
    filters: Filters | None,
    vector: list[float] | None,
) -> tuple[str, dict[str, str]] | None:
    """The kind of specific asked that no passage gives (amount, date, count, name...)."""
    specific = intents.specific_kind(question, [given_text(h.chunk) for h in hits])
    if specific and specific[0] == "count":  # a count printed beyond the first few passages
        wide = retriever.search(question, k=12, filters=filters, vector=vector)
        specific = intents.specific_kind(question, [given_text(h.chunk) for h in wide])
    # a name in a sentence that sets the scene ("a thesis on cities in Southeast Asia.") is
    # background, not the thing asked about
    if not specific and unknown_name(asked_part(question), retriever.lexical_overlap):
        specific = "other_name", label("other_name")
    return specific


def _searcher(
    retriever: HybridRetriever, lang: str, k: int, filters: Filters | None
) -> Callable[[str], tuple[list[Hit], list[float] | None]]:
    """Retrieval for one part of a several-part message (embedded once)."""

    def search(part: str) -> tuple[list[Hit], list[float] | None]:
        vec = retriever.embeddings.embed_query(part) if retriever.mode != "lexical" else None
        return select_passages(part, retriever, lang, max(k, 4), filters, vec)[0], vec

    return search


def _rule_asked(question: str) -> bool:
    """A rule, obligation or permission asked ("Does JICA need to approve our press release?"),
    not a question about the framework, a request for help or what the brochure says."""
    q = intents.norm(question)
    return bool(
        RULE_ASKED.search(asked_part(question))
        and not intents.names_framework(question)
        and not intents.BROCHURE_ASKED.search(q)
        and not intents.HELP.search(q)
        and not intents.COMBINE.search(q)
    )


def _elsewhere(question: str, retriever: HybridRetriever) -> bool:
    """Asked of a subject the sources never mention ("the stages of grief", "the population of
    New York City") and naming nothing of JICA's domain: off-topic, whatever words it shares."""
    q = intents.norm(question)
    return (
        not intents.DOMAIN.search(q)
        and not intents.REPORT.search(q)
        and foreign_subject(question, retriever.lexical_overlap)
    )


def _gated(
    question: str,
    lang: str,
    mode: Mode,
    kind: str,
    retriever: HybridRetriever,
    found: tuple[list[Hit], float, list[float] | None, str],
) -> AnswerResult | None:
    """The learned gate's decline of an answer the rules composed (a question the brochure cannot
    answer, in a wording no rule knows: ``gate.py``), or None when the answer stands. It learned
    what the brochure does not give: when a user's document is among the passages, the rules
    alone decide (the document may give it)."""
    hits, overlap, vector, text = found
    if any(h.chunk.provenance == "added" for h in hits):
        return None
    verdict = gate_reason(question, vector, kind, hits, overlap, text)
    if verdict == "not_in_sources":
        # the kind of specific asked, when a pattern names it ("the brochure does not give loan
        # terms"), else "this detail"
        specific = intents.specific_kind(question) or ("detail", label("detail"))
        return _limit(question, lang, specific, retriever, hits, vector)
    if verdict == "off_topic":
        return _declined(question, lang, mode)
    return None


@dataclass
class _Seen:
    """What answering a question already computed (its embedding, passages, composer's kind), so
    that a decline re-judged by the gate does not embed, retrieve and compose it again."""

    vector: list[float] | None = None
    embedded: bool = False
    found: tuple[list[Hit], float] | None = None  # the top 4 passages and the word overlap
    kind: str | None = None
    composed: bool = False

    def searched(self, vector: list[float] | None, found: tuple[list[Hit], float], k: int) -> None:
        self.vector, self.embedded = vector, True
        if k == 4:  # the gate judges the top 4 passages, as it learned
            self.found = found

    def drafted(self, kind: str | None) -> None:
        if self.found is not None:
            self.kind, self.composed = kind, True


def _domain_decline(
    question: str,
    retriever: HybridRetriever,
    lang: str | None,
    filters: Filters | None,
    seen: _Seen,
) -> AnswerResult | None:
    """An off_topic decline the gate reads as JICA's business (``gate.in_domain``): said as a
    detail the brochure does not give, with the closest line and JICA's contact. Reuses what
    ``_answer`` computed (``seen``) and computes only what it had not reached."""
    lang = lang or question_lang(question)
    if not seen.embedded:
        seen.vector = (
            retriever.embeddings.embed_query(question) if retriever.mode != "lexical" else None
        )
    vector = seen.vector
    if seen.found is None:
        seen.found = select_passages(question, retriever, lang, 4, filters, vector)
        seen.composed = False
    hits, overlap = seen.found
    if not seen.composed:
        draft = compose(question, lang, hits, retriever, get_framework(), vector)
        seen.kind = draft.kind if draft else None
    p = gate_proba(question, vector, seen.kind, hits, overlap)
    if p is None or not in_domain(question, p):
        return None
    specific = intents.specific_kind(question) or ("detail", label("detail"))
    return _limit(question, lang, specific, retriever, hits, vector)


def _declined(question: str, lang: str, mode: Mode) -> AnswerResult:
    return AnswerResult(
        question=question,
        answered=False,
        answer=t("answer.not_covered", "ja" if lang == "ja" else "en"),
        mode=mode,
        reason="off_topic",
    )


def answer(
    question: str,
    retriever: HybridRetriever,
    lang: str | None = None,
    k: int = 4,
    chat_model: BaseChatModel | None = None,
    filters: Filters | None = None,
    relevance: Relevance = DEFAULT_RELEVANCE,
    use_gate: bool = True,
) -> AnswerResult:
    """A short answer composed from the knowledge base with [n] citations; says plainly when the
    brochure lacks a specific (not_in_sources) and declines the off-topic (off_topic).
    ``use_gate=False``: the hand-written rules alone (the gate's trainer measures them)."""
    asked = question.strip()
    question = mend(without_markup(asked))  # "elemnts" read as "elements"; tags read past
    seen = _Seen()
    result = _answer(question, retriever, lang, k, chat_model, filters, relevance, use_gate, seen)
    if use_gate and question and result.reason == "off_topic":
        result = _domain_decline(question, retriever, lang, filters, seen) or result
    return result if question == asked else result.model_copy(update={"question": asked})


def _answer(
    question: str,
    retriever: HybridRetriever,
    lang: str | None,
    k: int,
    chat_model: BaseChatModel | None,
    filters: Filters | None,
    relevance: Relevance,
    use_gate: bool = True,
    seen: _Seen | None = None,
) -> AnswerResult:
    seen = seen if seen is not None else _Seen()
    lang = lang or question_lang(question)
    mode: Mode = "llm" if chat_model is not None else "extractive"
    if not question or intents.PERSONAL.search(question) or _elsewhere(question, retriever):
        return _declined(question, lang, mode)
    if intents.TRANSLATE.search(question) and not intents.BROCHURE_WORDING.search(question):
        return _declined(question, lang, mode)
    vector = retriever.embeddings.embed_query(question) if retriever.mode != "lexical" else None
    hits, overlap = select_passages(question, retriever, lang, max(k, 4), filters, vector)
    seen.searched(vector, (hits, overlap), max(k, 4))
    relevant = bool(hits) and relevance.relevant(hits, overlap)
    fw = get_framework()
    # Asked for a specific (amount, date, count, name...) that no passage gives: say so.
    specific = _missing_specific(question, hits, retriever, filters, vector)
    on_domain = intents.about_jica(question)
    on_domain = on_domain or bool(
        specific
        and specific[0] in ("detail", "delivery", "terms", "procedure")
        and SERVED.search(question)
    )
    # "too rich for this?", "under this programme": "this" is JICA's cooperation (round 5)
    on_domain = on_domain or bool(specific and ABOUT_THIS.search(question))
    # a loan for one's own car or flat is the asker's affair, not a specific of JICA's cooperation
    leisure = intents.leisure(question)
    if specific and not leisure and (relevant or on_domain or intents.GOVERNMENT.search(question)):
        # "what support is there for X, and what is the grant amount?": X answered, then the limit
        searcher = _searcher(retriever, lang, k, filters)
        partial = partial_answer(question, lang, retriever, fw, searcher, given_text)
        if partial is not None:
            text, sources = render_draft(partial[0], retriever, hits, lang)
            return AnswerResult(
                question=question, answered=True, mode="extractive", answer=text, sources=sources,
                kind=partial[0].kind, missing=partial[1],
            )  # fmt: skip
        return _limit(question, lang, specific, retriever, hits, vector)
    shown = compose(question, lang, hits, retriever, fw, vector)
    seen.drafted(shown.kind if shown is not None else None)
    # a draft routed by what retrieval found stands or falls as the quoted sentences it replaces
    draft = shown.judged if shown is not None and shown.judged is not None else shown
    # Below the relevance bar only an answer grounded in named framework items stands
    # (「Small StartとAccelerateの違い」 scores low on embeddings but names two stages).
    stands = relevant or (
        draft is not None
        and not draft.by_topic  # found by a passage's topic: it needs the relevance bar
        and (
            draft.kind in GROUNDED
            # a printed slogan or label of one way to scale up (「点から面へ」) names it
            or (draft.kind == "scale_up" and bool(intents.found(intents.SCALE_ONE, question)))
            # a part of the brochure named by its heading: its printed text is quoted
            or (draft.kind == "sentences" and bool(intents.brochure_part(question)))
            # "Does the brochure say anything about leapfrogging?": the brochure named, and a
            # quoted sentence that shares the word asked about
            or (
                draft.kind == "sentences"
                and bool(intents.BROCHURE_ASKED.search(intents.norm(question)))
                and draft.overlap >= BROCHURE_OVERLAP
            )
            or (draft.kind in ON_DOMAIN and on_domain)
            # "what does X mean" answered by sentences that use X itself
            or (draft.kind == "sentences" and meaning_quoted(question, draft))
            # "Is there a phone number I can call?": the publisher's contact (names nothing else)
            or (draft.kind == "contact" and bare_contact(question))
        )
    )
    # Quoted sentences for a question with no word of JICA's domain and a weak match: they must
    # share much of the question ("the weather in Tokyo" shares only the address's "Tokyo").
    quoted = draft is not None and (draft.kind == "sentences" or draft.by_topic)
    if (
        stands
        and quoted
        and draft is not None
        and not on_domain
        and not meaning_quoted(question, draft)
    ):
        stands = draft.overlap >= WEAK_MATCH_OVERLAP or strong(hits, relevance)
    # Games, food, gadgets: quoted sentences answer them only when JICA or its approach is named.
    # ... and whatever answers them ("the plot of the movie Metropolis" names no city type)
    if stands and draft is not None and intents.LEISURE.search(question):
        stands = not leisure
    if stands and draft is not None and draft.kind == "contact":
        # "the address of the Ministry of Finance", "a cheap phone": another body's contact
        stands = (
            bare_contact(question)
            or bool(intents.DOMAIN.search(intents.norm(question)))
            or bool(intents.OWN_CONTACT.search(intents.norm(question)))
        )
    # a rule or permission of JICA's asked that only quoted sentences answer (naming no part of
    # the framework, asking no help, not what the brochure says): the brochure gives no such rule
    rule = stands and quoted and _rule_asked(question)
    # JICA doing what its menu never names ("Can a JICA expert sign for us?"): a practice of its own
    rule = rule or (
        stands
        and (quoted or (draft is not None and draft.kind in ("help", "contact")))
        and bool(JICA_ACTS.search(asked_part(question)))
    )
    if draft is None or not draft.sentences or not stands or rule:
        # JICA or its approach named but nothing composes an answer: a detail the brochure does
        # not give ("Which security standard does JICA require?"), not an off-topic question
        rule = rule or (on_domain and _rule_asked(question))  # 「進捗報告は毎月必要ですか」
        if rule or (intents.ABOUT_JICA_WORDS.search(intents.norm(question)) and not leisure):
            return _limit(question, lang, ("detail", label("detail")), retriever, hits, vector)
        return _declined(question, lang, mode)

    # several questions in one message: each part answered in turn
    def search(part: str) -> tuple[list[Hit], list[float] | None]:
        vec = retriever.embeddings.embed_query(part) if retriever.mode != "lexical" else None
        return select_passages(part, retriever, lang, max(k, 4), filters, vec)[0], vec

    draft = compose_parts(question, lang, retriever, fw, search) or shown or draft
    text, sources = render_draft(draft, retriever, hits, lang)
    # the learned gate: an unanswerable question in a wording no rule knows
    gated = use_gate and _gated(
        question, lang, mode, draft.kind, retriever, (hits, overlap, vector, text)
    )
    offline = gated or AnswerResult(
        question=question, answered=True, mode="extractive", answer=text, sources=sources,
        kind=draft.kind,
    )  # fmt: skip
    if chat_model is None or gated:
        return offline
    more = [
        source_ref(h.chunk, h.score, lang)
        for h in hits
        if h.chunk.id not in {s.id for s in sources}
    ]
    return llm_answer(question, lang, (sources + more)[: max(k, len(sources))], chat_model, offline)
