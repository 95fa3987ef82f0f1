"""Whose fact is this? Who each statement of an answer is about, and whether it states a fact.

The rubric scores the official's OWN city. Officials often answer with what they know of someone
else ("In Surabaya they linked everything to their climate plan", 「隣の市は台湾の都市と協定を結ん
でいて」, "the ministry runs a big campaign") or with a view ("trust is everything", 「一緒にやるべき
だと思います」). Such an answer names rubric words but says nothing about the city's state, and was
placed, sometimes with high confidence. Here each statement (``signals.segments``) is read for

- its owner: our city (we, our, here, the city, its departments, 本市, うちの, 市として, 企画課が),
  someone else as the subject or topic (another named city, the neighbours, the ministry /
  national government / province, a company or donor acting elsewhere, 他市は, 国は, 県も,
  隣の町は, 〇〇市さんは; not what they made or gave the city: 「国が整備したクラウドに移行済み」,
  "the ministry gave a grant for the pilot"), or nobody said; a statement that names nobody
  goes on about someone else named before it when it points back (they, there, あちら);
- its kind: a fact (something is or is not there, done, used) or an opinion / wish / advice
  ("I think partnerships are the future", "we should", 「大事だと思います」「べき」「たい」); a hedged
  fact ("I think we have a draft", 「あると思います」) is a fact.

An answer none of whose facts is about the city (or nobody's: "the portal is updated monthly" is
the city's unless it points back to someone else) gives no basis for a level: ``whose_reading``
says why, and the interviewer asks about the city itself. "Not my department, but the IT unit
runs X" (a city office), "we use the national ID platform", "a company runs our bus app", "like
Singapore, we have ..." each hold a fact of the city's own and are read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.interpret.clauses import EN_PRESENCE, JA_PRESENCE, clause_spans
from assistant.interpret.signals import Hit, Span
from assistant.interpret.whose_cues import (
    EN_BACK,
    EN_COMPANY,
    EN_ELSEWHERE,
    EN_FINITE,
    EN_FRAME,
    EN_GIVES,
    EN_HEDGED_FACT,
    EN_OFFICE_NOUN,
    EN_OTHERS,
    EN_OTHERS_ANYWHERE,
    EN_OURS,
    EN_PEOPLE_ELSEWHERE,
    EN_PRAISE,
    EN_SPEAKER,
    EN_THEY_FIRST,
    EN_THINK,
    EN_VIEW,
    JA_BACK,
    JA_COMPANY,
    JA_CONDITIONAL_VIEW,
    JA_ELSEWHERE,
    JA_FINITE,
    JA_FOLLOW_ON,
    JA_FRAME,
    JA_NEWS,
    JA_NOT_A_FACT,
    JA_OFFICE,
    JA_OTHER_PLACE,
    JA_OTHERS,
    JA_OTHERS_ANYWHERE,
    JA_OURS,
    JA_OURS_STRONG,
    JA_REASON,
    JA_RECEIVED,
    JA_RECEIVED_HABIT,
    JA_RELATIVE,
    JA_STORY_ELSEWHERE,
    JA_TOPIC_MARK,
    JA_TURN,
    JA_VIEW,
)
from assistant.models import Lang

Owner = Literal["ours", "others", "none"]
Reason = Literal["others", "opinion"]

@dataclass(frozen=True)
class Reading:
    """One statement: whose, whether it states a fact of the city's own (or nobody's), whether
    it holds a view."""

    owner: Owner
    fact: bool
    view: bool
    text: str


def _masked(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def owner(text: str, lang: Lang) -> Owner:
    """Ours when the statement names the city (someone else's words masked first: "our
    neighbours" is not ours), else another's when another is its subject (or the speaker's own
    visit is), else nobody's."""
    ja = lang == "ja"
    ours = JA_OURS if ja else EN_OURS
    masked = _masked(JA_OTHERS_ANYWHERE if ja else EN_OTHERS_ANYWHERE, text)
    found = [m.group(0) for m in ours.finditer(masked)]
    # "They even have a privacy office": theirs, read by what it points back to
    offices_only = found and all(EN_OFFICE_NOUN.search(f) for f in found)
    if offices_only and not ja and EN_THEY_FIRST.search(text):
        return "none"
    if found:
        return "ours"
    if ja and JA_RECEIVED.search(masked):
        if not JA_OTHERS.search(text):
            return "ours"
        return "others" if JA_RECEIVED_HABIT.search(masked) else "none"
    office = JA_OFFICE.search(masked) if ja else None
    if office and not any(m.start() < office.start() for m in JA_OTHER_PLACE.finditer(text)):
        return "ours"
    if ja:
        abroad = bool(JA_COMPANY.search(text) and JA_ELSEWHERE.search(text))
        named = [m for m in JA_OTHERS.finditer(text) if not _ja_relative(text, m)]
        return "others" if named or abroad or JA_OTHER_PLACE.search(text) else "none"
    elsewhere = bool(EN_ELSEWHERE.search(text))
    if EN_OTHERS.search(text) and EN_GIVES.search(text) and not elsewhere:
        return "none"  # "the ministry gave a grant for the pilot": what the city received
    company = EN_COMPANY.search(text) and elsewhere
    other = bool(EN_OTHERS.search(text) or EN_PEOPLE_ELSEWHERE.search(text))
    return "others" if other or EN_SPEAKER.search(text) or company else "none"


def _ja_relative(text: str, found: re.Match[str]) -> bool:
    """「国が整備したクラウドに移行済み」: a subject with が inside a relative clause names the
    maker of the city's thing, not the subject of the statement."""
    return found.group(0).endswith("が") and bool(JA_RELATIVE.match(text, found.end()))


def is_view(clause: str, lang: Lang, whose: Owner = "none") -> bool:
    """An opinion, a wish or advice rather than a fact; praise and generalities ("amazing",
    "is everything", 「ないと何も進まない」) count only when not said of the city's own thing."""
    if lang == "ja":
        if whose != "ours" and JA_CONDITIONAL_VIEW.search(clause):
            return True
        return bool(JA_VIEW.search(clause))
    if EN_VIEW.search(clause) or (whose != "ours" and EN_PRAISE.search(clause)):
        return True
    return bool(EN_THINK.search(clause)) and not EN_HEDGED_FACT.search(clause)


def _states(clause: str, lang: Lang, cued: bool, whose: Owner) -> bool:
    """Says something is there, absent, done or planned: a level cue or a presence verb; of the
    city (or nobody), any finite verb."""
    if lang == "ja" and JA_NOT_A_FACT.search(clause):
        return False  # 「技術ありきじゃなくて、」「東京の方の話ですけど」: a contrast, a remark
    if lang == "en" and EN_SPEAKER.search(clause):
        return False  # "We went to a presentation about it": the speaker's experience
    if cued or (JA_PRESENCE if lang == "ja" else EN_PRESENCE).search(clause):
        return True
    return whose != "others" and bool((JA_FINITE if lang == "ja" else EN_FINITE).search(clause))


def _ja_clause_owner(statement: str, a: int, b: int) -> Owner:
    """Japanese, one clause of a statement not naming the city: another's when it names one, or
    when an earlier clause made another the topic (「神戸市は、…対応していました」); a subject
    marked by が sets only its own clause (「隣町が被害に遭ってから、…策定する計画です」)."""
    named = [m for m in JA_OTHERS.finditer(statement, a, b) if not _ja_relative(statement, m)]
    if named or JA_COMPANY.search(statement[a:b]) or JA_OTHER_PLACE.search(statement, a, b):
        return "others"
    if JA_ELSEWHERE.search(statement, a, b):  # 「…いくつかの自治体で導入されている」
        return "others"
    earlier = [m.group(0) for m in JA_OTHERS.finditer(statement[:a])]
    earlier += [m.group(0) for m in JA_OTHER_PLACE.finditer(statement[:a])]
    return "others" if any(not m.endswith("が") for m in earlier) else "none"


def _ja_topic(text: str, whose: Owner, topic: bool) -> tuple[Owner, bool]:
    """Japanese keeps a topic across sentences: after 「隣の市はすごいですよ。」 a statement
    naming nobody, or only a mayor or staff (not うち, 本市), is still about that city; a
    contrast or an absence turns back to the city's own."""
    if whose == "others":
        named = [m for m in JA_OTHERS.finditer(text) if not _ja_relative(text, m)]
        if JA_RECEIVED.search(text):  # 「県は研修をしてくれます」: done for the city
            return whose, False
        return whose, topic or any(JA_TOPIC_MARK.search(m.group(0)) for m in named)
    if not topic or JA_OURS_STRONG.search(_masked(JA_OTHERS_ANYWHERE, text)):
        return whose, False
    if JA_TURN.search(text.strip()):
        return whose, False
    return "others", True


def _company_elsewhere(before: str, statement: str) -> bool:
    """A company was the subject just before, and this statement points back and says it was
    elsewhere (national, in the capital)."""
    if not (EN_COMPANY.search(before) and EN_ELSEWHERE.search(statement)):
        return False
    return bool(EN_BACK.search(statement)) and not EN_OURS.search(before + " " + statement)


def _statement_owner(
    text: str, lang: Lang, before: list[Reading], topic: bool
) -> tuple[Owner, bool, bool]:
    """The statement's owner in its place: its own words, then what it points back to, the
    news it reports (「…というニュースは見ました」) and the Japanese topic carried over. Returns
    (owner, topic still another's, owner set for the whole statement rather than by clause)."""
    whose = owner(text, lang)
    back = JA_BACK if lang == "ja" else EN_BACK
    if whose == "none" and any(r.owner == "others" for r in before) and back.search(text):
        whose = "others"
    if lang != "ja":
        return whose, topic, False
    if whose == "none" and JA_NEWS.search(text):
        return "others", topic, True
    carried, topic = _ja_topic(text, whose, topic)
    return carried, topic, carried != whose


def read_statements(spans: list[Span], hits: list[Hit], lang: Lang) -> list[Reading]:
    """Each statement's owner, and clause by clause (``clauses.clause_spans``) whether it states
    a fact of the city's own (or nobody's) or holds a view. A statement naming nobody that
    points back to someone else just named ("everybody talks with everybody there", 「あちらは」)
    is theirs."""
    out: list[Reading] = []
    back = JA_BACK if lang == "ja" else EN_BACK
    topic = False  # Japanese: another place is the topic (「隣の市は」) until the city speaks
    for span in spans:
        whose, topic, kept = _statement_owner(span.text, lang, out, topic)
        # "..., in my view": the frame makes the whole statement a view (not the city's own)
        frame = JA_FRAME if lang == "ja" else EN_FRAME
        framed = whose != "ours" and bool(frame.search(span.text))
        fact = view = False
        for a, b in clause_spans(span.text):
            clause = span.text[a:b]
            who = whose
            if lang == "ja" and whose == "others" and not back.search(span.text) and not kept:
                who = _ja_clause_owner(span.text, a, b)
            lo, hi = span.start + a, span.start + b
            if framed or is_view(clause, lang, who):
                view = True
            elif who != "others" and _states(
                clause, lang, any(lo <= h.start < hi for h in hits), who
            ):
                fact = True
        if lang == "ja" and out and whose == "none" and fact and JA_FOLLOW_ON.search(span.text):
            # 「…必要だと思います。測れないものは改善できないので。」: the reason for a view is a
            # view; 「…ところもありますよね。VCも入ってて。」: a fragment goes on about the same
            last = out[-1]
            if (last.view and JA_REASON.search(span.text)) or last.owner == "others":
                whose, fact, view = last.owner, False, last.view
        if lang == "en" and whose == "none" and out and _company_elsewhere(out[-1].text, span.text):
            # "The big operator has partnerships with universities. It is a national programme
            # though.": the company's story, told elsewhere
            out[-1] = Reading("others", False, out[-1].view, out[-1].text)
            whose, fact = "others", False
        if lang == "ja" and JA_STORY_ELSEWHERE.search(span.text):
            # 「…試しているらしいです。大阪の方の話ですが。」: what came before was elsewhere
            out = [Reading("others", False, r.view, r.text) if r.owner == "none" else r for r in out]
        out.append(Reading(whose, fact, view, span.text))
    return out


def _speaker_only(r: Reading) -> bool:
    """Another's only because the speaker tells their own experience."""
    return bool(EN_SPEAKER.search(r.text)) and not EN_OTHERS.search(r.text)


def whose_reading(spans: list[Span], hits: list[Hit], lang: Lang) -> tuple[Reason, str] | None:
    """Why the answer gives no basis about the city, with the statement that shows it; None
    when some fact in it is the city's own (or nobody's)."""
    readings = read_statements(spans, hits, lang)
    if not readings or any(r.fact for r in readings):
        return None
    others = [r for r in readings if r.owner == "others"]
    views = [r for r in readings if r.view]
    # the speaker's own story ("I did my thesis on it") beside a view is the view's background
    told = [r for r in others if not _speaker_only(r)] or ([] if views else others)
    if told:
        return "others", told[0].text
    return ("opinion", views[0].text) if views else None
