"""The brochure's own sentences, quoted: splitting a passage into sentences, finding the printed
Japanese sentence an English one renders, the brochure's parts by name, and the kinds of answer
that quote one printed line (why JICA supports smart cities, what the elements are for, the
abbreviations, a part's heading).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import Composer, Draft, Sentence
from assistant.knowledge.intents import brochure_part

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk
    from assistant.knowledge.compose_overview import Overview
    from assistant.models import Framework

_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=[.;])\s+(?=[A-Z「“\"(])|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage: hard-wrapped lines joined first, list items and labels kept."""
    text = re.sub(r"\n(?![-•*\n]|[A-Z][a-z ]+:|\S+：)", " ", text.strip())
    out: list[str] = []
    for s in (s.strip() for s in _SENTENCE.split(text) if s and s.strip()):
        link = _LINK_AFTER.match(s)
        # 「…ご覧になれます。(https://…)」: the address belongs to the sentence before
        if link and out:
            out[-1] += " " + link.group(0).strip()
            s = s[link.end() :].strip()
        if s:
            out.append(s)
    return out


_LINK_AFTER = re.compile(r"^\(https?://[^)\s]+\)\s*")


ALIGNED = ("brochure-", "contact-")  # translated sentence by sentence from the printed text
PART_CHUNKS = {  # the printed text of each part
    "why": ("brochure-mind", "brochure-mind-trust"),
    "what": ("brochure-elements",),
    "where": ("brochure-position",),
    "how": ("brochure-scale",),
    "support": ("brochure-support",),
}


_RENDERINGS: dict[int, dict[str, str]] = {}  # per framework object (shared, read-only data)


def printed_renderings(fw: Framework) -> dict[str, str]:
    """The framework's English renderings of printed text, each to its printed Japanese."""
    if id(fw) in _RENDERINGS:
        return _RENDERINGS[id(fw)]
    pairs = [(s.fits, s.approach) for s in fw.stages]
    texts = [t for fits, approach in pairs for t in (fits, *approach)]
    texts += [d for ct in fw.city_types for d in (ct.name, *ct.directions)]
    texts += [x for su in fw.scale_up for x in (su.summary, su.description)]
    texts += [line.text for line in fw.cooperation] + list(fw.assets)
    texts += [el.desired_state for el in fw.elements if el.desired_state_provenance == "printed"]
    _RENDERINGS[id(fw)] = {_key(t.en): t.ja for t in texts}
    return _RENDERINGS[id(fw)]


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def printed_twin(c: Composer, chunk: Chunk, i: int) -> tuple[str, str] | None:
    """English sentence ``i`` of a chunk translated from the printed Japanese: the printed
    sentence it renders and the Japanese chunk's id (brochure chunks are sentence-aligned;
    framework chunks render printed lines, looked up by their English)."""
    if c.lang != "en" or chunk.lang != "en" or chunk.provenance == "added":
        return None
    twin = c.r.get(f"{chunk.base_id}.ja")
    sent = _key(re.sub(r"^(- |Desired state: )", "", split_sentences(chunk.text)[i]))
    known = [k for k in printed_renderings(c.fw) if len(k) >= 15 and sent.startswith(k)]
    if known and twin is not None:  # a framework line rendered from print (its level may not be)
        return printed_renderings(c.fw)[max(known, key=len)], twin.id
    if chunk.provenance != "printed":
        return None
    if twin is not None and chunk.base_id.startswith("element-") and sent.startswith("Desired"):
        state = re.search(r"望ましい状態：(.+)", twin.text)  # the printed desired state
        return (state.group(1).strip(), twin.id) if state else None
    if twin is None or twin.provenance != "printed" or not chunk.base_id.startswith(ALIGNED):
        return None
    en, ja = split_sentences(chunk.text), split_sentences(twin.text)
    if len(en) != len(ja) or i >= len(ja):
        return None
    return ja[i], twin.id


# The printed sentences of JICA's MIND that give its reason, and the condition it sets.
_REASON = re.compile(r"賢くマネジメント|managed wisely|smartly")
_POTENTIAL = re.compile(r"リープフロッグ|leapfrog")
_CONDITION = re.compile(r"データの安全|safety and reliability of data|信頼性が担保")
_CHALLENGES = re.compile(r"急激な都市化|urbanisation is rapid|rapid urbani")
_ASKS_NEED = re.compile(
    r"\bneed|必要|課題|challenge|problem|urbani|都市化|\bmatters?\b",
    re.I,
)
_ASKS_CONDITION = re.compile(
    r"data|safe|secur|trust|privacy|risk|データ|安全|信頼|リスク|プライバシー", re.I
)


_CO_CREATION = re.compile(r"共創|co-creation")
SUMMARY = re.compile(
    r"short version|in short|summar|gist|brief(ly)?\b|in a nutshell|要約|まとめ|手短|簡単に|概要|要点|要するに|"
    r"\bsum (it |this |that |them )?up\b|\b(key|main) (points|messages|takeaways)\b|ポイント"
)
_REFERENCE = re.compile(r"レファレンス|as the reference")
# what is built alongside the projects: a management set-up and a society that accepts change
_PARALLEL = re.compile(r"並行して|in parallel with")
_ABBREVIATIONS = re.compile(r"M/P(：| means)")


def quote_printed(c: Overview, base: str, patterns: list[re.Pattern[str]]) -> list[Sentence]:
    """The first sentence of a printed brochure chunk matching each pattern, verbatim (English
    with the printed Japanese beside it)."""
    chunk = c.r.get(c.cid(base) or "")
    if chunk is None:
        return []
    sents = split_sentences(chunk.text)
    out = []
    for pattern in patterns:
        i = next((i for i, x in enumerate(sents) if pattern.search(x)), None)
        if i is None:
            continue
        text, cites = c.strip(sents[i]).lstrip("※ "), [chunk.id]
        printed = printed_twin(c, chunk, i)
        if printed:
            text += c.printed(printed[0])
            cites.append(printed[1])
        out.append(Sentence(text, cites))
    return out


# Who carries the work out (national government, local government, private sector), asked
# whether the approach differs: the brochure's printed sentence on the implementing body.
WHO_LEADS = re.compile(
    r"実施主体|(国|政府|省庁|自治体|市町村|都道府県|県|市|民間|企業)[^。？?]{0,6}(が|の)?(主導|主体|進め|担う|担当|実施)"
    r"[^。？?]{0,30}(国|政府|自治体|市町村|県|市|民間|企業)[^。？?]{0,6}(が|の)?(主導|主体|進め|担う|担当|実施)|"
    r"\bwho (implements|leads|drives|runs|carries out)\b|implementing (body|bodies|actor)|"
    r"\b(led|run|driven|implemented) by (the )?(national|central|local|city|municipal|private)\b",
    re.I,
)
_IMPLEMENTER = re.compile(r"実施主体|who implements")


def mind_asked(question: str) -> bool:
    """The JICA's MIND part named and asked to be summed up, or asked what it says about data,
    safety, trust or co-creation: its printed sentences on that, first."""
    q = it.norm(question)
    return it.brochure_part(question) == "why" and bool(
        SUMMARY.search(q) or _ASKS_CONDITION.search(q) or _CO_CREATION.search(q)
    )


def who_leads(c: Overview) -> Draft | None:
    """The printed line: the work differs by who implements it, and so should the approach."""
    out = quote_printed(c, "brochure-elements", [_IMPLEMENTER])
    for sent in out:  # the printed 「また、」 joins it to a sentence not quoted
        sent.text = sent.text.removeprefix("また、")
    return Draft("who_leads", out) if out else None


# What a smart city is, as the brochure uses the word ("what does JICA mean by a smart city?",
# 「スマートシティとは何ですか」): it prints no definition; its line on smart-city work that
# actively uses information technology and data comes closest.
SMART_CITY_MEANING = re.compile(
    r"what (does|do) (jica|the brochure|they|you) mean by (a |the )?[\"'“‘]?smart[ -]?cit|"
    r"^\W*what(?: is|'s) (a |the )?[\"'“‘]?smart[ -]?city[\"'”’]?\s*[?？.]?\s*$|"
    r"definition of (a |the )?[\"'“‘]?smart[ -]?cit|define (a |the )?[\"'“‘]?smart[ -]?cit|"
    r"^\W*[「『]?スマートシティ[」』]?(とは|って)(何|なに|どういう)|スマートシティの定義",
    re.I,
)


def smart_city_meaning(c: Overview) -> Draft | None:
    """The brochure's line on what smart-city work is and can change."""
    out = quote_printed(c, "brochure-mind", [_POTENTIAL])
    return Draft("why", out) if out else None


def why(c: Overview, question: str) -> Draft | None:
    """Why JICA supports smart cities: JICA's MIND, as printed (its reason, what smart cities
    can change, and its condition when the question asks about data, safety or trust)."""
    q = it.norm(question)
    wanted = [_REASON, _POTENTIAL]
    if _ASKS_NEED.search(q):
        wanted = [_CHALLENGES, _REASON]  # why cities need it: the challenges it answers, first
    if _ASKS_CONDITION.search(q):
        wanted.insert(0, _CONDITION)  # what the question asks about first
    # the part named by its heading and summed up: its reason and its condition on data (its
    # main points), then co-creation; co-creation asked about: two sentences, then co-creation
    part = bool(it.brochure_part(question) and SUMMARY.search(q))
    co = part or bool(_CO_CREATION.search(q) or re.search(r"co-?creat", q))
    if part:
        wanted = list(dict.fromkeys([wanted[0], _CONDITION, _REASON]))[:2]
    out = quote_printed(c, "brochure-mind", wanted[:2] if co else wanted)
    if out and co:  # (trust and co-creation)
        out += quote_printed(c, "brochure-mind-trust", [_CO_CREATION])
    return Draft("why", out) if out else None


# A term asked for its meaning (「リープフロッグってどういう意味」, "what does 'leapfrogging' mean").
_MEANING = re.compile(
    r"^(?:その|この)?[「『\"']?(?P<ja>[^「」『』、。？?\s]{2,20}?)[」』\"']?(?:って|とは|というのは|という言葉は)"
    r"[^。？?]{0,12}?(?:どういう|何|なに|どんな|どのような)|"
    r"what (?:does|do|is) (?:the (?:term|word|phrase) )?['\"“‘]?(?P<en>[a-z][\w -]{2,30}?)['\"”’]? "
    r"(?:mean|refer to)",
    re.I,
)


def meaning_quoted(question: str, draft: Draft | None) -> bool:
    """The question asks what a term means and the quoted sentences use that very term."""
    m = _MEANING.search(it.norm(question).strip())
    if m is None or draft is None:
        return False
    term = (m.group("ja") or m.group("en") or "").strip()
    term = term[: len(term) - 3] if term.isascii() and len(term) >= 7 else term  # leapfrog(ging)
    text = it.norm(" ".join(s.text for s in draft.sentences))
    return len(term) >= 2 and term in text


_PRINTED_ABBREVIATIONS = re.compile(r"(?<![a-z])(m/p|sc)(?![a-z])")


_NEW_CITIES = re.compile(r"新たに取組みを始める都市にも|cities starting new work too")


def help_for_new(c: Overview, helped: Draft | None) -> Draft | None:
    """Help asked for a city that has not started: the printed promise of suitable programmes
    for cities starting new work, then the closest menu line."""
    out = quote_printed(c, "brochure-position", [_NEW_CITIES])
    if not out:
        return helped
    if helped and helped.sentences:  # the menu line without its leading "Yes"
        first = helped.sentences[0]
        text = re.sub(r"^(はい。|Yes: )", "", first.text)
        out.append(Sentence(text[:1].upper() + text[1:], first.cites))
    return Draft("help", out)


_TITLE = re.compile(r"titled|新興国都市がスマートシティに変革するためのアプローチ（")


def title(c: Overview) -> Draft | None:
    """The brochure's title (English cover title and the Japanese one), as its colophon prints."""
    if c.lang == "ja":
        out = quote_printed(c, "brochure-source", [_TITLE])
        return Draft("report", out) if out else None
    chunk = c.r.get(c.cid("brochure-source") or "")  # English: it names both titles itself
    sent = (
        next((x for x in split_sentences(chunk.text) if _TITLE.search(x)), None) if chunk else None
    )
    return Draft("report", [Sentence(c.strip(sent), [chunk.id])]) if chunk and sent else None


def abbreviations(c: Overview, question: str) -> Draft | None:
    """The abbreviations the brochure spells out (M/P, SC), as printed on its back page, when
    the question names one of them."""
    if not _PRINTED_ABBREVIATIONS.search(it.norm(question)):
        return None
    out = quote_printed(c, "brochure-source", [_ABBREVIATIONS])
    return Draft("abbreviation", out) if out else None


def heading(c: Overview, question: str) -> Draft | None:
    """The printed heading of the brochure part the question names (its chunks' titles)."""
    part = brochure_part(question)
    out = []
    for base in PART_CHUNKS.get(part or "", ()):
        chunk, ja = c.r.get(c.cid(base) or ""), c.r.get(f"{base}.ja")
        if chunk is None or ja is None:
            continue
        name, _, title = re.split(r"(：|: )", chunk.title, maxsplit=1)
        printed = c.printed(re.split(r"：|: ", ja.title, maxsplit=1)[-1])
        text = t("answer.compose.heading", c.lang, part=name, title=title, printed=printed)
        out.append(Sentence(text, list(dict.fromkeys([chunk.id, ja.id if printed else chunk.id]))))
    return Draft("overview", out) if out else None


def elements_use(c: Overview) -> Draft | None:
    """What the elements are for: the brochure's own line (a reference for initiatives)."""
    out = quote_printed(c, "brochure-elements", [_PARALLEL, _REFERENCE])
    return Draft("overview", out) if out else None


# "What does the brochure say about data?", 「データについてパンフレットは何と言っていますか」:
# the printed sentences that speak of the topic, wherever they stand in the brochure.
SAYS_ABOUT = re.compile(
    r"(what|anything) (does|do|did) (the brochure|the booklet|jica|it|the approach) "
    r"(say|mention|write|state)s? (about|on|regarding) (?P<en>[^?]{2,60})|"
    r"(does|do) (the brochure|the booklet|it|jica) (say|mention|write) anything (about|on) "
    r"(?P<en2>[^?]{2,60})|(does|do) (the brochure|the booklet) (mention|talk about|discuss) "
    r"(?P<en3>[^?]{2,60})|what (does|do|is) ['\"“‘](?P<en4>[^'\"”’]{3,40})['\"”’] (mean|refer to)|"
    r"(?P<ja>[^、。？?]{2,30}?)(について|に関して|の点について)[、,]?(パンフレット|資料|jica)?(は|では|に)?"
    r"(何と|なんと|どう|どのように|何か)(言|書|述|記載|触れ)"
)
_TOPIC_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "for",
        "and",
        "or",
        "to",
        "its",
        "their",
        "our",
        "smart",
        "city",
        "cities",
        "brochure",
        "jica",
        "approach",
        "anything",
        "something",
        "things",
        "say",
        "said",
        "mention",
    ]
)
_PRINTED_PARTS = (
    "brochure-mind", "brochure-mind-trust", "brochure-elements", "brochure-position",
    "brochure-scale", "brochure-support",
)  # fmt: skip


def _topic_terms(topic: str) -> list[str]:
    """The words (English, by stem) or runs of kanji/katakana (Japanese) that name a topic."""
    words = [w for w in re.findall(r"[a-z][a-z-]{3,}", topic) if w not in _TOPIC_STOP]
    terms = [w[: max(4, min(len(w) - 3, 6))] for w in words]  # "leapfrogging" ~ "leapfrog-type"
    terms += [
        r for r in re.findall(r"[\u30a0-\u30ff\u4e00-\u9fff]{2,}", topic) if r != "スマートシティ"
    ]
    return terms


def _topic(question: str) -> str:
    m = SAYS_ABOUT.search(it.norm(question))
    if not m:
        return ""
    groups = ("en", "en2", "en3", "en4", "ja")
    return next((m.group(g) for g in groups if m.group(g)), "")


def topic_hits(question: str, draft: Draft) -> int:
    """How many of the topic's terms the draft's first sentence speaks of."""
    first = draft.sentences[0].text.lower() if draft.sentences else ""
    return sum(term in first for term in _topic_terms(_topic(question)))


def says_about(c: Overview, question: str) -> Draft | None:
    """The brochure's printed sentences on the topic the question names, best first (at most
    two), each as printed (English with the printed Japanese beside it)."""
    terms = _topic_terms(_topic(question))
    if not terms:
        return None
    found: list[tuple[int, int, str, int]] = []  # (-terms matched, order, base, sentence index)
    for order, base in enumerate(_PRINTED_PARTS):
        chunk = c.r.get(c.cid(base) or "")
        if chunk is None or chunk.provenance != "printed":
            continue
        for i, sent in enumerate(split_sentences(chunk.text)):
            hit = sum(term in sent.lower() for term in terms)
            if hit and 2 * hit >= len(terms):  # most of the topic, not one word of it
                found.append((-hit, order, base, i))
    out: list[Sentence] = []
    for _, _, base, i in sorted(found)[:2]:
        chunk = c.r.get(c.cid(base) or "")
        if chunk is None:
            continue
        text, cites = c.strip(split_sentences(chunk.text)[i]), [chunk.id]
        printed = printed_twin(c, chunk, i)
        if printed:
            text += c.printed(printed[0])
            cites.append(printed[1])
        out.append(Sentence(text, cites))
    return Draft("why", out) if out else None
