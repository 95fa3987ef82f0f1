"""What the interview says and offers at each position: pure functions of the engine's state,
the framework and the language (plus the confirmed answers where a prompt quotes them).

The engine decides where the interview goes; this module only words it, so the same position is
always rendered the same way by every front end and after every reload.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.catalogue import t
from assistant.interview.intake import field_prompt
from assistant.interview.state import (
    Action,
    Candidate,
    Choice,
    DocumentPassage,
    DomainProgress,
    ElementStatus,
    EngineState,
    Message,
    Progress,
    Proposal,
)
from assistant.limits import MAX_EVIDENCE
from assistant.models import DOMAIN_IDS, Element, Framework, Lang
from assistant.ports import StoredAnswer

LOW_CONFIDENCE = 0.5
Answers = Mapping[str, StoredAnswer]


def order(fw: Framework) -> list[str]:
    """The elements in interview order: domain by domain."""
    return [e.id for d in DOMAIN_IDS for e in fw.domain_elements(d)]


def header(fw: Framework, element: Element, lang: Lang) -> str:
    domain = next(d.name.get(lang) for d in fw.domains if d.id == element.domain)
    ids = order(fw)
    return t("interview.question_header", lang, n=ids.index(element.id) + 1, total=len(ids),
             domain=domain, id=element.id, name=element.name.get(lang))  # fmt: skip


def level_word(level: int | None, lang: Lang) -> str:
    return t("interview.dont_know", lang) if level is None else t("interview.level_n", lang, n=level)


def quote(text: str, lang: Lang, limit: int = 160) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    return f" (“{text}”)" if lang == "en" else f"（「{text}」）"


def origin(document: str, page: int | None, section: str | None, lang: Lang) -> str:
    """Where a document's words are: 'plan.pdf, p. 12', 'plan.md, “Governance”' or the name."""
    if page is not None:
        return t("interview.origin.page", lang, document=document, page=page)
    if section:
        return t("interview.origin.section", lang, document=document, section=section)
    return document


def passage_lines(passages: list[DocumentPassage], lang: Lang) -> str:
    """The disagreeing passages, one line each: where, the level it reads, the quote."""
    return "\n".join(
        t("interview.disputed_line", lang, origin=origin(p.document, p.page, p.section, lang),
          level=p.level, quote=" ".join(p.quote.split())[:MAX_EVIDENCE])
        for p in passages
    )  # fmt: skip


def candidates(element: Element, levels: list[int], lang: Lang) -> list[Candidate]:
    """Two levels with their full rubric texts (never cut)."""
    return [Candidate(level=n, rubric=element.rubric[n].text.get(lang)) for n in levels]


def candidate_lines(cands: list[Candidate], lang: Lang) -> str:
    return "\n".join(t("interview.level_line", lang, n=c.level, text=c.rubric) for c in cands)


def proposal_text(p: Proposal, lang: Lang) -> str:
    if p.source == "earlier" and not p.unsure:
        lines = [t("interview.proposal_earlier", lang, quote=p.evidence, level=p.level, rubric=p.rubric),
                 t("interview.earlier_hint", lang)]  # fmt: skip
        return "\n".join(lines)
    if p.source == "document" and not p.unsure:
        lines = [t("interview.proposal_document", lang, origin=p.origin, quote=p.evidence, level=p.level,
                   rubric=p.rubric), t("interview.document_hint", lang)]  # fmt: skip
        return "\n".join(lines)
    if p.unsure:
        lines = [t("interview.proposal_pair", lang), candidate_lines(p.candidates, lang)]
    else:
        key = "interview.proposal" if p.confidence >= LOW_CONFIDENCE else "interview.proposal_unsure"
        lines = [t(key, lang, level=p.level, rubric=p.rubric)]
    if p.evidence:
        lines.append(t("interview.because_you_said", lang, evidence=p.evidence))
    if p.unsure:
        a, b = sorted(c.level for c in p.candidates[:2])
        lines.append(t("interview.pair_hint", lang, a=a, b=b))
    else:
        lines.append(t("interview.confirm_hint", lang))
    return "\n".join(lines)


def levels_text(element: Element, lang: Lang) -> str:
    return "\n".join(
        t("interview.level_line", lang, n=r.level, text=r.text.get(lang)) for r in element.rubric
    )


def _pair(state: EngineState) -> list[int]:
    """The two levels shown side by side as equal choices now (none when sure)."""
    if state.separating is not None:
        return sorted(state.separating.levels)  # equal choices: by level, not by likelihood
    if state.proposal is not None and state.proposal.unsure:
        return sorted(c.level for c in state.proposal.candidates[:2])
    return []


def element_choices(state: EngineState, fw: Framework, element: Element) -> list[Choice]:
    """Confirm (only when sure, or "don't know" when it was said in words), the two candidates
    at full length (when unsure), the other levels, then don't know / explain / back."""
    lang = state.lang
    choices: list[Choice] = []
    if state.unknown_proposed:  # "don't know" said in words: its confirm is the one primary
        label = t("interview.btn_confirm_unknown", lang)
        choices.append(Choice(label=label, action=Action(kind="confirm")))
    pair = _pair(state)
    sure = state.proposal if state.proposal is not None and not pair else None
    if sure is not None:
        label = t("interview.btn_confirm", lang, level=sure.level)
        choices.append(Choice(label=label, action=Action(kind="confirm")))
    for n in pair:
        label = t("interview.btn_level", lang, n=n, text=element.rubric[n].text.get(lang))
        choices.append(Choice(label=label, action=Action(kind="level", level=n), candidate=True))
    for r in element.rubric:
        if r.level in pair or (sure is not None and r.level == sure.level):
            continue
        # the whole rubric text: a label cut with "…" would have the official choose a level
        # without reading it (and a phone has no hover to show the rest)
        label = t("interview.btn_level", lang, n=r.level, text=r.text.get(lang))
        choices.append(Choice(label=label, action=Action(kind="level", level=r.level)))
    if not state.unknown_proposed:
        label = t("interview.btn_unknown", lang)
        choices.append(Choice(label=label, action=Action(kind="unknown")))
    choices.append(Choice(label=t("interview.btn_explain", lang), action=Action(kind="explain")))
    if order(fw).index(element.id) > 0:
        choices.append(Choice(label=t("interview.btn_back", lang), action=Action(kind="back")))
    return choices


def element_prompt(state: EngineState, fw: Framework, answers: Answers) -> Message:
    """The current element's question: the proposal to confirm, the separating question, or
    the question itself (with the answer already saved, and the levels once offered)."""
    lang = state.lang
    assert state.element is not None
    element = fw.element(state.element)
    head = header(fw, element, lang)
    if state.proposal is not None:
        text = f"{head}\n{proposal_text(state.proposal, lang)}"
        return Message(text=text, heading=head, proposal=state.proposal.model_copy())
    if state.unknown_proposed:
        said = quote(state.draft, lang)
        text = "\n".join([head, t("interview.unknown_proposed", lang, id=element.id, said=said)])
        return Message(text=text, heading=head)
    if state.separating is not None:
        pair = candidates(element, sorted(state.separating.levels), lang)
        asked = state.separating.question
        lines = [head, asked, t("interview.separate_or_pick", lang), candidate_lines(pair, lang)]
        return Message(text="\n".join(lines), heading=head, question=asked, candidates=pair)
    passages = state.disputed.get(element.id, []) if element.id not in answers else []
    if passages:
        # the documents disagree: both passages, neither taken, and the question in full
        asked = element.question.get(lang)
        if state.levels_offered:
            asked += "\n" + levels_text(element, lang)
        lines = [head, t("interview.disputed_intro", lang), passage_lines(passages, lang), asked]
        return Message(text="\n".join(lines), heading=head, passages=passages, question=asked)
    text = f"{head}\n{element.question.get(lang)}"
    have = answers.get(element.id)
    if have is not None:
        text += "\n" + t(
            "interview.current_answer", lang, level=level_word(have.level, lang),
            evidence=quote(have.evidence or have.text, lang),
        )  # fmt: skip
    if state.levels_offered:
        text += "\n" + levels_text(element, lang)
    return Message(text=text)


def readback_messages(fw: Framework, answers: Answers, lang: Lang) -> list[Message]:
    texts = [t("interview.readback_intro", lang)]
    for d in fw.domains:
        lines = [t("interview.readback_domain", lang, domain=d.name.get(lang))]
        for e in fw.domain_elements(d.id):
            have = answers.get(e.id)
            level = level_word(have.level if have else None, lang)
            said = quote(have.evidence or have.text, lang) if have else ""
            lines.append(t("interview.readback_line", lang, id=e.id, name=e.name.get(lang), level=level,
                           evidence=said))  # fmt: skip
        texts.append("\n".join(lines))
    texts.append(t("interview.readback_hint", lang))
    return [Message(text=x) for x in texts]


def done_choices(fw: Framework, lang: Lang) -> list[Choice]:
    return [
        Choice(label=t("interview.btn_change", lang, id=eid), action=Action(kind="change", element=eid))
        for eid in order(fw)
    ]


def readback_choices(fw: Framework, lang: Lang) -> list[Choice]:
    finish = Choice(label=t("interview.btn_finish", lang), action=Action(kind="finish"))
    return [finish, *done_choices(fw, lang)]


def prompt(
    state: EngineState, fw: Framework, answers: Answers
) -> tuple[list[Message], list[Choice]]:
    """What the person is asked at this position, and the quick replies for it."""
    lang = state.lang
    if state.phase == "intake":
        assert state.intake_field is not None
        text, choices = field_prompt(state.intake_field, lang, fw)
        return [Message(text=text)], choices
    if state.phase == "readback":
        return readback_messages(fw, answers, lang), readback_choices(fw, lang)
    if state.phase == "done":
        return [Message(text=t("interview.already_done", lang))], done_choices(fw, lang)
    assert state.element is not None
    message = element_prompt(state, fw, answers)
    return [message], element_choices(state, fw, fw.element(state.element))


def progress(fw: Framework, answers: Answers, lang: Lang) -> Progress:
    domains = []
    for d in fw.domains:
        ids = [e.id for e in fw.domain_elements(d.id)]
        done = sum(e in answers for e in ids)
        domains.append(DomainProgress(id=d.id, name=d.name.get(lang), done=done, total=len(ids)))
    elements = [
        ElementStatus(id=e.id, domain=e.domain, name=e.name.get(lang), answered=e.id in answers,
                      level=answers[e.id].level if e.id in answers else None)
        for e in fw.elements
    ]  # fmt: skip
    ids = order(fw)
    return Progress(done=sum(e in answers for e in ids), total=len(ids), domains=domains,
                    elements=elements)  # fmt: skip


def progress_text(fw: Framework, answers: Answers, lang: Lang) -> str:
    p = progress(fw, answers, lang)
    sep = "; " if lang == "en" else "、"
    parts = sep.join(
        t("interview.progress_domain", lang, name=d.name, done=d.done, total=d.total) for d in p.domains
    )
    return t("interview.progress", lang, done=p.done, total=p.total, domains=parts)
