"""Is the answer placeable at all? Who speaks, what they say they cannot know, where they send you.

An answer is left unplaced (no level, the probe question or "don't know") when it says nothing
about the city's state of the element: "I don't know", "not my department", "ask the planning
director", a newcomer's account of their own job, a question back, talk on another topic. It is
placed when it states a fact, even hedged ("I think we have a draft") or as an absence said by
the office that would know ("we don't have any such policy", 「聞いたことがありません」 about the
thing itself: level 0).

This module finds, per language, the phrases and statements behind that decision; the offline
interpreter (``offline.OfflineInterpreter.analyse``) weighs them against the level support said
elsewhere in the answer. Nothing here changes how a placeable answer is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.interpret.signals import Span
from assistant.models import Lang

# -- "I don't know" in further words (beside ``cues.EN_UNKNOWN`` / ``JA_UNKNOWN``) ---------------

EN_MORE_UNKNOWN = re.compile(
    r"\bcan(?:'t|not)\s+(?:really\s+)?speak\s+(?:for|to|about|on)\b"
    r"|\b(?:i'm|i am) not (?:the (?:best|right) person|familiar with|up to date on|across)\b"
    r"|\bi (?:really |honestly )?(?:do not|don't|dont) know what (?:\w+ ){1,3}(?:do|does|did|is doing"
    r"|are doing|have done|has done)\b"
    r"|\bmaybe\b[^.;!?]{0,80}\bmaybe not\b|\bmay or may not\b|\bmight or might not\b"
    r"|\b(?:i'd|i would) (?:only )?be guessing\b|\b(?:i )?can only guess\b"
    r"|\b(?:can't|cannot|couldn't) say (?:either way|one way or the other)\b"
    r"|\bnever heard (?:of )?(?:it|that|this|the (?:term|word|expression|phrase))\b"
    r"|\b(?:i'm|i am|we're|we are) not (?:allowed|permitted|authori[sz]ed) to (?:say|comment"
    r"|discuss|share|talk)\b|\b(?:i'd|i would) rather not (?:say|comment|answer|go into)\b"
    r"|\b(?:let's|let us|can we|could we) (?:just )?(?:move on|skip|go to the next)\b"
    r"|\b(?:is|are|would be|'s) the (?:one|ones|person|people) (?:who (?:knows?|would know)|to ask)\b"
    r"|\byou (?:might|could|may|can) (?:want to )?try (?:the|asking|calling|someone)\b"
    r"|\b(?:isn't|is not|not) something i (?:see|know about|deal with|handle|follow|work on)\b"
    r"|\b(?:out of|not in) the loop\b|\babove my pay ?grade\b"
    r"|\bi (?:really |honestly )?(?:can't|cannot|couldn't) (?:really )?say (?:whether|if)\b"
    r"|\bbefore my time\b|\b(?:i )?(?:don't|do not) (?:follow|deal with) (?:that|this|it)\b",
    re.IGNORECASE,
)
# 「あるかどうかも分かりません」「今どうなっているかはわかりません」: not knowing whether the thing
# exists or how it stands is not a fact about it (unlike 「いくらかかるのかもわかりません」, which
# ``signals.unknown_spans`` keeps as a description of the state).
_JA_DK = (
    r"(?:わかりません|分かりません|わからない|分からない|知りません|存じません"
    r"|把握して(?:い|お)(?:ません|ない)|答えられません|言えません)"
)
JA_MORE_UNKNOWN = re.compile(
    r"(?<!効果が)(?<!意味が)(?<!必要が)(?<!価値が)(?<!成果が)(?<!問題が)(?<!効果は)"
    r"(?:どうなって(?:い)?る|どうなった|ある|ない|あった|やって(?:い)?る|動いて(?:い)?る"
    r"|進んで(?:い)?る)の?か(?:どうか)?(?:は|も)?[、,]?\s*"
    r"(?:正直|正直なところ|よく|まだ|全く|はっきり|ちょっと|私には|私は)*[、,]?\s*" + _JA_DK
    + r"|かどうか(?:は|も)?[、,]?\s*"
    r"(?:正直|正直なところ|よく|まだ|全く|はっきり|ちょっと|私には|私は)*[、,]?\s*" + _JA_DK
    + r"|あるともないとも|判断(?:でき|が(?:つき|でき))(?:ません|ない)|(?:何|なん)とも(?:[…。．.]|$)"
    r"|持ち帰(?:って|らせて)|あるのかないのか|どちらとも(?:言え|いえ)"
    r"|(?:言葉|用語|名前|単語)(?:自体)?(?:は|も|を)?(?:初めて|はじめて)聞|初めて聞きました|初耳"
    r"|(?:言葉|用語)(?:自体)?(?:は|も|を)?聞いたことが(?:ない|ありません)"
    r"|担当が(?:違う|ちがう)|畑違い|専門外|門外漢|部署が(?:違う|ちがう)"
    r"|(?:お)?答えしにく|答えにくい|(?:正確な|はっきりした|確かな)ことは[^。]{0,8}(?:答え|言え)(?:られ)?(?:ない|ません)"
    r"|(?:私|わたし|自分)(?:から|に)は[^。]{0,15}(?:答えられ|言え)(?:ない|ません)"
    r"|ご存じ(?:だと|かと|のはず)|の方が(?:よく)?(?:分かる|わかる|詳しい)"
    r"|(?:ご確認|お問い合わせ|お聞き)(?:ください|下さい|いただ)"
    r"|確認して(?:から)?(?:ご)?(?:回答|お返事|返事)|(?:後日|改めて)(?:ご)?回答"
    r"|(?:質問|この質問|その質問)は?飛ばして|次の質問に"
)
# The subject is someone else: what they do not know is a fact about the city.
EN_OTHERS = re.compile(
    r"\b(?:residents|citizens|people|the public|staff|employees|officials|companies|businesses"
    r"|nobody|no one|everyone|most|many|they)\b",
    re.IGNORECASE,
)
# 「効果があるかどうかは分かりません」: whether it works is not measured, a fact about the state.
JA_EFFECT = re.compile(r"効果|成果|意味|効き目|役に立|満足|評判")
JA_OTHERS = re.compile(r"市民|住民|職員|企業|事業者|多く|誰も|ほとんど|皆|みんな")
# 「効果が分からないじゃないかと議会から指摘され」: someone else's words, not the speaker's.
JA_NOT_OWN = re.compile(r"^(?:じゃない|ではない|んじゃない)?か?(?:と|って)(?:言われ|指摘され|聞かれ|いう声)|^じゃないか")
# "my team handles that", 「当課が所管ですが」: the office that would know is speaking.
JA_OWN_OFFICE = re.compile(r"(?:当課|うち|私ども|我々|私たち|弊課|この課|当部|当室|当係)(?:の課)?(?:が|で|の|として)?\s*$")
EN_OWN_OFFICE = re.compile(
    r"\b(?:my|our) (?:office|team|unit|department|section|division)(?: (?:really|actually))?\s*$",
    re.IGNORECASE,
)
# "we don't know of any such policy", 「当課では、そのような計画は把握していません」: not aware of
# any, said by the office itself, is an absence (level 0), not a deflection.
EN_KNOW_OF = re.compile(r"\s+(?:of|about) (?:any|anything|such)\b", re.IGNORECASE)
JA_OWN_AWARE = re.compile(r"(?:当課|当部|当室|当係|うちの課|私ども|我々|担当課|所管課)(?:で|と)?(?:は|として|の方で|で)")
IN_CHARGE = re.compile(r"所管|担当|handles|deals with|is in charge|is responsible", re.IGNORECASE)
EN_NOT_OWN = re.compile(r"^[^.;]{0,40}\b(?:they|people|residents|the council) (?:said|asked|complained)\b")

# -- who is speaking: statements about the speaker's own job, arrival or absence ----------------

EN_BACKGROUND = re.compile(
    r"\bi (?:only |just |recently )?(?:joined|started (?:here|working|in|at)|arrived"
    r"|(?:came|moved|transferred) (?:over |across )?(?:here|to|from|in))\b|\b(?:i'm|i am) (?:new|fairly new|quite new|relatively new|still new)\b"
    r"|\bi was (?:transferred|moved|seconded|posted|reassigned)\b|\bbefore (?:that |this )?i was\b"
    r"|\bi used to (?:be|work)\b|\bmy (?:office|unit|section|desk|job|role|work) (?:is|was)\b"
    r"|\bi (?:mostly |mainly |usually |only )?(?:deal with|look after|handle) (?:the )?(?!it\b|that\b|this\b)\w+"
    r"|\b(?:i'm|i am|i work|i'm based|i sit) (?:in|at|with|from) (?:the )?\w+ (?:section|office|unit"
    r"|department|division|team|utility|desk)\b|\bon (?:leave|maternity leave|sick leave)\b",
    re.IGNORECASE,
)
JA_BACKGROUND = re.compile(
    r"異動して(?:き|参り|まいり)|異動になっ|着任|入庁|配属(?:され|になっ)|前の(?:部署|課|職場|部|係)|前任|引継ぎ|引き継ぎ|復帰"
    r"|(?:移って|来て|戻って)(?:き)?た?ばかり|移ってきて"
    r"|産休|育休|休職|(?:私|わたし|自分)は[^。、]{0,14}(?:課|係|担当|部|室|部門|窓口|センター)"
    r"(?:なので|ですので|なもので|でして|です|の者)"
)

# New, transferred, back from leave, or from another office "so" they would not know: an outsider.
# Beside such a speaker "I've never heard of anything like that" is not a level 0 but a don't-know
# (the office that would know saying it is: 「産業振興を担当していますが…聞いたことがありません」).
EN_OUTSIDER = re.compile(
    r"\bi (?:only |just |recently )?(?:joined|started|arrived|came)\b[^.;]*\b(?:ago|last|this|week|month"
    r"|year|recently)\b|\b(?:i'm|i am) (?:new|fairly new|quite new|still new)\b"
    r"|\bi was (?:transferred|moved|seconded|reassigned)\b|\bon (?:maternity |sick )?leave\b"
    r"|\b(?:i'm|i am|i work|i'm based|i sit) (?:in|at|with|from) [^.;]{1,40}?,? so\b|\b(?:i'm|i am) not in\b",
    re.IGNORECASE,
)
JA_OUTSIDER = re.compile(
    r"異動して(?:き|参り|まいり)|異動になっ|着任|入庁|配属(?:され|になっ)|復帰したばかり|産休|育休|休職"
    r"|(?:移って|来て|戻って)(?:き)?た?ばかり|移ってきて"
    r"|(?:私|わたし|自分)は[^。、]{0,14}(?:課|係|担当|部|室|部門|窓口|センター)(?:なので|ですので|なもので"
    r"|でして|だから|ですから)"
)
EN_NOT_HEARD = re.compile(
    r"\b(?:never heard (?:of|about)|not aware of|haven't heard (?:of|about)|(?:don't|do not) know of)\b",
    re.IGNORECASE,
)
JA_NOT_HEARD = re.compile(r"聞いたこと(?:が|も)(?:ない|ありません)|聞いていません|耳にしたこと(?:が|も)(?:ない|ありません)")

# -- the question turned back, or the topic changed -----------------------------------------

# A Japanese statement ending as a question to the interviewer (「予算のことですか」「答えればいい
# ですか」); a tag 「〜じゃないですか」 is not one, nor a hedge 「3年前でしょうか」 without a question word.
JA_QUESTION_END = re.compile(
    r"(?<!じゃない)(?<!ではない)(?<!じゃありません)(?<!いただけ)(?<!もらえ)(?<!くれ)(?<!ください)"
    r"(?<!てもいい)(?<!でもいい)(?<!てもよろしい)"
    r"(?<!…)(?<!‥)(?<!\.\.\.)(?:ですか|ますか|ばいい(?:です|の)?か)[?？]?[。\s]*$"
    r"|(?:どう|何|どの|どちら|どれ|いつ|誰|どこ|なぜ|それとも)[^。]*(?:でしょうか|ですかね)[?？]?[。\s]*$"
    r"|[?？][。\s]*$"
)
JA_ECHO = re.compile(r"^[^、。]{0,12}の(?:話|件|こと)(?:です|でしょう)か[。？?\s]*$")
# Said at the start of the answer: what follows is another topic (「それより、うちは…」, "what I can
# tell you is that our biggest problem ...").
EN_TOPIC_SHIFT = re.compile(
    r"^\W*(?:(?:well|honestly|frankly)\W+)?(?:what i can tell you is|the (?:real|bigger) (?:issue|problem)"
    r" (?:here )?is|more importantly|(?:a bit|slightly|somewhat|a little) off[- ]topic"
    r"|not (?:exactly|quite|really) what you asked)\b",
    re.IGNORECASE,
)
JA_TOPIC_SHIFT = re.compile(
    r"^\W*(?:(?:そうですね|うーん|ええと|あの)[、,]?\s*)*(?:それより(?:も)?|そんなことより)"
    r"|(?:の話|話題|ご質問)とは(?:少し|ちょっと)?(?:ずれ|それ|外れ)|(?:少し|ちょっと)話が(?:ずれ|それ)"
)


@dataclass(frozen=True)
class Placeability:
    """What the answer says about itself rather than about the city."""

    unknown: list[Span]  # further "don't know" / deflection phrases
    background: set[int]  # statements about the speaker (new, transferred, their own job)
    asked: set[int]  # further statements asking back (Japanese question endings)
    shifted: bool  # the answer opens on another topic


def more_unknown(text: str, lang: Lang) -> list[Span]:
    """Further "I don't know / ask them" phrases, beyond ``signals.unknown_spans``; not when
    said of others in the same sentence ("residents have never heard of it" is a fact)."""
    pattern, others = (JA_MORE_UNKNOWN, JA_OTHERS) if lang == "ja" else (EN_MORE_UNKNOWN, EN_OTHERS)
    found = []
    for m in pattern.finditer(text):
        before = re.split(r"[.!?;,。！？、\n]", text[max(0, m.start() - 80) : m.start()])[-1]
        if not others.search(before) and not (lang == "ja" and JA_EFFECT.search(before[-14:])):
            found.append(Span(m.start(), m.end(), m.group(0)))
    return found


def own_words(text: str, found: list[Span], lang: Lang) -> list[Span]:
    """``found`` without the "don't know" someone else said ("効果が分からないじゃないかと指摘され")
    and without "in charge of it" said of the speaker's own office (「当課が所管ですが」)."""
    after, office = (JA_NOT_OWN, JA_OWN_OFFICE) if lang == "ja" else (EN_NOT_OWN, EN_OWN_OFFICE)
    return [
        s
        for s in found
        if not after.search(text[s.end : s.end + 40])
        and not (IN_CHARGE.match(s.text) and office.search(text[max(0, s.start - 30) : s.start]))
        and not (lang == "en" and EN_KNOW_OF.match(text, s.end))
        and not (lang == "ja" and s.text.startswith("把握") and JA_OWN_AWARE.search(text[max(0, s.start - 40) : s.start]))
    ]


def background(spans: list[Span], lang: Lang) -> set[int]:
    """Statements about the speaker's own job, arrival, transfer or leave."""
    pattern = JA_BACKGROUND if lang == "ja" else EN_BACKGROUND
    return {i for i, s in enumerate(spans) if pattern.search(s.text)}


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


def placeability(text: str, spans: list[Span], lang: Lang) -> Placeability:
    """Everything in the answer that speaks about the answer or the speaker, not the city."""
    unknown = more_unknown(text, lang)
    outsider, not_heard = (JA_OUTSIDER, JA_NOT_HEARD) if lang == "ja" else (EN_OUTSIDER, EN_NOT_HEARD)
    if outsider.search(text):
        unknown += [Span(m.start(), m.end(), m.group(0)) for m in not_heard.finditer(text)]
    return Placeability(
        unknown=unknown,
        background=background(spans, lang),
        asked=asks_back_more(spans, lang),
        shifted=shifts_topic(text, lang),
    )
