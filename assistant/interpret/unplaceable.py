"""Is the answer placeable at all? Who speaks, what they say they cannot know, where they send you.

An answer is left unplaced (no level, the probe question or "don't know") when it says nothing
about the city's state of the element: "I don't know", "not my department", "ask the planning
director", a newcomer's account of their own job, a question back, talk on another topic. It is
placed when it states a fact, even hedged ("I think we have a draft") or as an absence said by
the office that would know ("we don't have any such policy", 「聞いたことがありません」 about the
thing itself: level 0).

This module finds, per language, the phrases and statements behind that decision; the offline
interpreter (``offline.OfflineInterpreter.analyse``) weighs them against the level support said
elsewhere in the answer (``unplaced_reading``). A placeable answer is read as before, except that
a "don't know" which is someone else's ("residents have no idea"), the office's own ("we don't
know of any", 「当課が所管ですが」) or only about a detail before a fact is no deflection
(``own_words``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.interpret.signals import Hit, Span, asks_back, evasive_spans, says_nothing
from assistant.interpret.unplaceable_cues import (
    EN_ARRIVAL,
    EN_BEYOND_AFTER,
    EN_BEYOND_BEFORE,
    EN_DETAIL,
    EN_FLAT_DENIAL,
    EN_KNOW_OF,
    EN_MORE_UNKNOWN,
    EN_NOT_HEARD,
    EN_NOT_OWN,
    EN_OTHERS_SUBJECT,
    EN_OUTSIDER,
    EN_OWN_OFFICE,
    EN_REFERRAL,
    EN_ROLE,
    EN_THERE,
    EN_TOPIC_SHIFT,
    EN_TURN_TO_CITY,
    IN_CHARGE,
    JA_ARRIVAL,
    JA_BEYOND,
    JA_CITY_SAYS,
    JA_DETAIL,
    JA_ECHO,
    JA_EFFECT,
    JA_FLAT_DENIAL,
    JA_MORE_UNKNOWN,
    JA_NOT_HEARD,
    JA_NOT_OWN,
    JA_OTHERS,
    JA_OUTSIDER,
    JA_OWN_AWARE,
    JA_OWN_OFFICE,
    JA_PREFACE,
    JA_QUESTION_END,
    JA_REFERRAL,
    JA_ROLE,
    JA_THERE,
    JA_TOPIC_SHIFT,
    KNOWING,
)
from assistant.models import Element, Lang
from assistant.ports import Interpretation


@dataclass(frozen=True)
class Placeability:
    """What the answer says about itself rather than about the city."""

    unknown: list[Span]  # further "don't know" / deflection phrases
    background: set[int]  # statements about the speaker (new, transferred, their own job)
    asked: set[int]  # further statements asking back (Japanese question endings)
    shifted: bool  # the answer opens on another topic


def _clause_before(text: str, span: Span) -> str:
    return re.split(r"[.!?;,。！？、\n]", text[max(0, span.start - 80) : span.start])[-1]


def _of_others(text: str, span: Span, lang: Lang) -> bool:
    """Said of others ("residents have never heard of it", 「職員の多くは知りません」): a fact."""
    if not KNOWING.search(span.text):
        return False
    before = _clause_before(text, span)
    if lang == "ja":
        return bool(JA_OTHERS.search(before) or JA_EFFECT.search(before[-14:]))
    return bool(EN_OTHERS_SUBJECT.search(before))


def _a_detail(text: str, span: Span, lang: Lang) -> bool:
    """Only a detail is not known: "not sure of the exact number", 「正確な数はわかりませんが、」;
    or a preface before the fact: 「申し上げにくいのですが、」「どちらとも言えませんが、」."""
    if _beyond_the_fact(text, span, lang):
        return True
    if lang == "ja":
        goes_on = re.match(r"[^。]{0,16}?(?:が|けど|けれど)\s*[、,…‥]+", text[span.end :])
        detail = JA_DETAIL.search(_clause_before(text, span)) or JA_PREFACE.search(span.text)
        return bool(goes_on and (detail or _turns_to_the_city(text, span.end + goes_on.end())))
    goes_on = re.search(
        r"\b(?:but|though|although|however)\b", text[span.end : span.end + 80], re.I
    )
    if goes_on and EN_DETAIL.match(text[span.end :]):
        return True
    # "No idea what the ministry's strategy says — we never linked anything to it": after the
    # hedge, the same sentence turns to what the city itself has or did
    turn = EN_TURN_TO_CITY.match(text, span.end)
    return bool(turn and not EN_REFERRAL.search(text, turn.end(), turn.end() + 60))


def _turns_to_the_city(text: str, at: int) -> bool:
    """「担当外なので詳しくないですが、本市には方針も責任者もいません」: after the hedge the same
    sentence says what the city (an office of it) has or does: the hedge is a preface."""
    rest = re.split(r"[。？！?!\n]", text[at:], maxsplit=1)[0]
    if len(rest) < 8 or JA_REFERRAL.search(rest):
        return False
    return bool(JA_CITY_SAYS.search(rest))


def _beyond_the_fact(text: str, span: Span, lang: Lang) -> bool:
    """After a fact, not knowing only what lies beyond it: "we did one workshop; whether there
    were others, I couldn't say", 「バスアプリは保守契約がありますが、それ以外は分かりません」."""
    said_before = text[: span.start].strip()
    if len(said_before) < 12:
        return False
    if lang == "ja":
        return bool(JA_BEYOND.search(text[max(0, span.start - 20) : span.start]))
    before = re.split(r"[.!?;\n]", text[max(0, span.start - 80) : span.start])[-1]
    return bool(EN_BEYOND_BEFORE.search(before) or EN_BEYOND_AFTER.match(text[span.end :]))


def more_unknown(text: str, lang: Lang) -> list[Span]:
    """Further "I don't know / ask them" phrases, beyond ``signals.unknown_spans``; not when
    said of others in the same clause ("residents have never heard of it" is a fact)."""
    pattern = JA_MORE_UNKNOWN if lang == "ja" else EN_MORE_UNKNOWN
    found = [Span(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
    return [s for s in found if not (_of_others(text, s, lang) or _a_detail(text, s, lang))]


def own_words(text: str, found: list[Span], lang: Lang) -> list[Span]:
    """``found`` without the "don't know" someone else said ("効果が分からないじゃないかと指摘され")
    and without "in charge of it" said of the speaker's own office (「当課が所管ですが」)."""
    after, office = (JA_NOT_OWN, JA_OWN_OFFICE) if lang == "ja" else (EN_NOT_OWN, EN_OWN_OFFICE)
    return [
        s
        for s in found
        if not after.search(text[s.end : s.end + 40])
        and not _of_others(text, s, lang)
        and not _a_detail(text, s, lang)
        and not (IN_CHARGE.match(s.text) and office.search(text[max(0, s.start - 30) : s.start]))
        and not (lang == "en" and EN_KNOW_OF.match(text, s.end))
        and not (
            lang == "ja"
            and s.text.startswith("把握")
            and JA_OWN_AWARE.search(text[max(0, s.start - 40) : s.start])
        )
    ]


def background(
    spans: list[Span], lang: Lang, placed: set[int] | frozenset[int] = frozenset()
) -> set[int]:
    """Statements about the speaker: arrival, transfer, leave, and what was done at the old
    post right after ("There we had an annual audit", 「水道局では毎年…」); their own job unless
    the statement is in ``placed`` (it holds a level cue of its own)."""
    arrival, role = (JA_ARRIVAL, JA_ROLE) if lang == "ja" else (EN_ARRIVAL, EN_ROLE)
    found: set[int] = set()
    for i, s in enumerate(spans):
        if (
            arrival.search(s.text)
            or (role.search(s.text) and i not in placed)
            or (i - 1 in found and _at_the_old_post(spans[i - 1].text, s.text, lang))
        ):
            found.add(i)
    return found


def _at_the_old_post(before: str, statement: str, lang: Lang) -> bool:
    """The statement goes on about the place the one before it came from."""
    if (JA_THERE if lang == "ja" else EN_THERE).search(statement):
        return True
    if lang != "ja":
        return False
    m = re.match(r"^\W*([^\W\d、。]{2,8}?)(?:では|で|には)", statement)  # 「水道局では」
    here = m is not None and re.match(r"当|本|今|この|こちら|ここ|うち|市|町|村|区", m.group(1))
    return bool(m and not here and m.group(1) in before)


def asks_back_more(spans: list[Span], lang: Lang) -> set[int]:
    """Japanese statements that end as a question back (English: ``signals.asks_back``); not a
    request (「確認していただけますか」: a deferral) nor the topic echoed (「データの話ですか。」)."""
    if lang != "ja":
        return set()
    return {
        i
        for i, s in enumerate(spans)
        if JA_QUESTION_END.search(s.text.strip()) and not JA_ECHO.match(s.text.strip())
    }


def shifts_topic(text: str, lang: Lang) -> bool:
    """The answer opens by turning to another topic, or says it is off the question."""
    return bool((JA_TOPIC_SHIFT if lang == "ja" else EN_TOPIC_SHIFT).search(text.strip()))


def placeability(
    text: str, spans: list[Span], lang: Lang, placed: set[int] | frozenset[int] = frozenset()
) -> Placeability:
    """Everything in the answer that speaks about the answer or the speaker, not the city;
    ``placed``: the statements holding a level cue."""
    unknown = more_unknown(text, lang)
    outsider, not_heard = (
        (JA_OUTSIDER, JA_NOT_HEARD) if lang == "ja" else (EN_OUTSIDER, EN_NOT_HEARD)
    )
    if outsider.search(text):
        unknown += [Span(m.start(), m.end(), m.group(0)) for m in not_heard.finditer(text)]
    return Placeability(
        unknown=unknown,
        background=background(spans, lang, placed),
        asked=asks_back_more(spans, lang),
        shifted=shifts_topic(text, lang),
    )


def flat_denial(text: str, lang: Lang) -> bool:
    """The whole answer is a flat "no" ("None.", 「ないです。」): level 0 from the person asked."""
    return bool((JA_FLAT_DENIAL if lang == "ja" else EN_FLAT_DENIAL).match(text.strip()))


def touching(spans: list[Span], found: list[Span]) -> set[int]:
    """Indices of the statements that overlap any of ``found``."""
    return {i for i, s in enumerate(spans) for d in found if s.start < d.end and d.start < s.end}


def unplaced_reading(
    element: Element,
    text: str,
    spans: list[Span],
    hits: list[Hit],
    lang: Lang,
    dks: list[Span],
    described: Callable[..., bool],
) -> Interpretation | None:
    """No level when the answer says nothing placeable about the city, else None.

    A question back, an answer left open or turned to another topic: no level, the probe
    question follows. "Don't know" / "ask them" / a total decline: unknown. Either only when
    ``described(skip, strict=...)`` finds too little level support outside those statements
    (and outside the speaker's own story, which then counts only when a level is clearly said).
    """
    place = placeability(text, spans, lang, {h.segment for h in hits})
    unknown = sorted(dks + place.unknown, key=lambda s: s.start)
    about_speaker = place.background if unknown else set()
    # asked back or left open ("do you mean ...?", 「見方次第です」), with nothing placed
    # outside: not an answer and not "don't know"; the probe question follows
    open_segments = {i for i, s in enumerate(spans) if asks_back(s.text, lang)}
    evasive = [e for e in evasive_spans(text, lang) if not _a_detail(text, e, lang)]
    open_segments |= touching(spans, evasive) | place.asked
    if place.shifted:  # 「それより、うちは…」: the whole answer is about something else
        open_segments |= set(range(len(spans)))
    skip = open_segments | touching(spans, unknown) | about_speaker
    if open_segments and not described(skip):
        first = spans[min(open_segments)].text
        follow_up = element.probes[0].get(lang)
        return Interpretation(
            element=element.id, confidence=0.2, evidence=first, follow_up=follow_up
        )
    declined = says_nothing(text, lang)
    if declined is not None:  # "I can't answer anything now": the rest is background
        return Interpretation(
            element=element.id, confidence=0.9, evidence=declined.text, unknown=True
        )
    # the whole statement holding "ask them" / 「担当外」 is a deflection, cues and all; a
    # newcomer's or an outsider's own story places nothing unless a level is clearly said
    if unknown and not described(skip, strict=bool(about_speaker)):
        return Interpretation(
            element=element.id, confidence=0.9, evidence=unknown[0].text, unknown=True
        )
    return None
