"""The offline answer: 1-3 sentences composed from the structured framework data, each sentence
carrying the chunk ids it rests on (numbered [n] by the caller).

Common kinds of question get a composed answer (cooperation menu lines, two items side by side,
city-type directions, where to start, an element's desired state, contact: ``compose_kinds``);
anything else gets the best sentences of the retrieved passages, printed text before the
project's glosses. No model is involved, so every statement is traceable to one chunk. This
module decides which kind a question is and holds that fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import Composer, Draft, Sentence
from assistant.knowledge.compose_overview import MENU_TYPES, Overview
from assistant.knowledge.lexical import bigram_tokenize
from assistant.knowledge.retrieval import Hit

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk
    from assistant.knowledge.retrieval import HybridRetriever
    from assistant.models import Framework, Lang

__all__ = ["Draft", "Sentence", "best_sentences", "compose", "limit", "split_sentences"]

_PROV_RANK = {"printed": 0, "reading": 1, "added": 2}
# Asking what something is or contains (not whether JICA can help with it).
WHAT = re.compile(
    r"^(what|which)|purpose|\binclude|\bcover|consist|list|in practice|concretely|目的|内容|どのような|"
    r"どんな|何が|何を(する|し|や)|具体的|とは|教えて",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[。！？!?])|(?<=[.;])\s+(?=[A-Z「“\"(])|\n+")

# Words nearly every passage shares: they say nothing about which sentence answers.
_COMMON = frozenset(
    [
        "brochure",
        "jica",
        "smart",
        "city",
        "citie",
        "mean",
        "say",
        "does",
        "approach",
        "element",
        "elements",
        "スマ",
        "マー",
        "ート",
        "シテ",
        "ティ",
        "ィア",
        "アプ",
        "プロ",
        "ロー",
        "ーチ",
        "とは",
        "です",
        "ます",
        "すか",
    ]
)


def _overlap(q: set[str], sentence: str) -> float:
    """Share of the question's tokens in the sentence; long English words match by stem prefix
    ("leapfrogging" ~ "leapfrog-type")."""
    toks = set(bigram_tokenize(sentence))
    low = sentence.lower()
    hit = sum(t in toks or (len(t) >= 7 and t.isascii() and t[: len(t) - 3] in low) for t in q)
    return hit / (len(q) or 1)


def split_sentences(text: str) -> list[str]:
    """Sentences of a passage: hard-wrapped lines joined first, list items and labels kept."""
    text = re.sub(r"\n(?![-•*\n]|[A-Z][a-z ]+:|\S+：)", " ", text.strip())
    out: list[str] = []
    for s in (s.strip() for s in _SENTENCE.split(text) if s and s.strip()):
        link = _LINK_AFTER.match(s)
        if (
            link and out
        ):  # 「…ご覧になれます。(https://…)」: the address belongs to the sentence before
            out[-1] += " " + link.group(0).strip()
            s = s[link.end() :].strip()
        if s:
            out.append(s)
    return out


_LINK_AFTER = re.compile(r"^\(https?://[^)\s]+\)\s*")


def as_lang(lang: str) -> Lang:
    """The answer language as the framework's texts are keyed (callers pass a detected code)."""
    return "ja" if lang == "ja" else "en"


MIN_OVERLAP = 0.1
# A heading the chunk asks or a label whose content follows: neither answers anything.
_NOT_ANSWERS = ("?", "？", ":", "：")
# Lines of an element chunk that are the project's own (its question, keywords, top level).
_PROJECT_LINES = ("In plain words:", "わかりやすく言うと：", "Keywords:", "キーワード：")
ALIGNED = ("brochure-", "contact-")  # translated sentence by sentence from the printed text
_COUNT = re.compile(r"how many|number of|何件|何か国|何カ国|いくつ|何個|何人|何都市|何つ", re.I)
_PARTS = {  # the brochure's part headings, as a question may name them
    "why": ("jica's mind", "jicas mind", "jica’s mind"),
    "what": ("what are smart city elements",),
    "where": ("where is your position",),
    "how": ("how to scale-up", "how to scale up"),
    "support": ("jica's support", "jica’s support"),
}
PART_CHUNKS = {  # the printed text of each part
    "why": ("brochure-mind", "brochure-mind-trust"),
    "what": ("brochure-elements",),
    "where": ("brochure-position",),
    "how": ("brochure-scale",),
    "support": ("brochure-support",),
}


def _brochure_part(question: str) -> str | None:
    q = it.norm(question)
    return next((p for p, names in _PARTS.items() if any(n in q for n in names)), None)


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


def _printed_twin(c: Composer, chunk: Chunk, i: int) -> tuple[str, str] | None:
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


Scored = tuple[tuple[float, int, int], str, "Chunk", int]


def _pool(c: Composer, hits: list[Hit], part: str | None) -> list[Hit]:
    """The top hits, plus the printed text of a brochure part the question names."""
    pool = list(hits[:4])
    if part:
        have = {h.chunk.id for h in pool}
        for base in PART_CHUNKS[part]:
            chunk = c.r.get(c.cid(base) or "")
            if chunk is not None and chunk.id not in have:
                pool.append(Hit(chunk, 0.0, None, None))
    return pool


def _score(c: Composer, question: str, hits: list[Hit]) -> list[Scored]:
    """Every usable sentence with its sort key (best first): shared words, the hit's rank and
    the sentence's place, a number for "how many", the printed text of a part named."""
    q = set(bigram_tokenize(question)) - _COMMON
    counting = bool(_COUNT.search(it.norm(question)))
    part = _brochure_part(question)
    scored: list[Scored] = []
    for rank, hit in enumerate(_pool(c, hits, part)):
        rank = 0 if rank >= 4 else rank  # a named part's printed text ranks as if first
        if part and hit.chunk.section != part:
            continue  # "what does JICA's MIND say about data?": that part's words, not others'
        printed_part = bool(part) and hit.chunk.section == part
        printed_part = printed_part and hit.chunk.provenance == "printed"
        for i, sent in enumerate(split_sentences(hit.chunk.text)):
            if len(sent) < 12 or sent.startswith(_PROJECT_LINES) or sent.endswith(_NOT_ANSWERS):
                continue
            if part and hit.chunk.provenance != "printed" and _brochure_part(sent) == part:
                continue  # "JICA's MIND, the first part of…" speaks of the part, not its content
            score = _overlap(q, sent) - 0.08 * rank - 0.02 * i
            score += 0.2 * bool(counting and re.search(r"\d", sent)) + 0.3 * printed_part
            score += 0.1 * (hit.chunk.provenance == "printed")  # printed text before glosses
            key = (-round(score, 3), _PROV_RANK.get(hit.chunk.provenance, 3), rank)
            scored.append((key, sent, hit.chunk, i))
    return sorted(scored, key=lambda x: x[0])


def best_sentences(c: Composer, question: str, hits: list[Hit], budget: int) -> Draft | None:
    """The question's best-matching sentences, printed text before the project's glosses; an
    English sentence translated from the printed text quotes the printed sentence."""
    scored = _score(c, question, hits)
    if not scored or -scored[0][0][0] < MIN_OVERLAP:  # no sentence shares the question's words
        return None
    best = -scored[0][0][0]
    out: list[Sentence] = []
    used = 0
    for key, sent, chunk, i in scored:
        if out and (used + len(sent) > budget or -key[0] < max(0.15, best * 0.6)):
            continue
        text = c.strip(sent)
        if text.startswith("- "):  # a list item: say what it is a list of
            text = t("answer.compose.item", c.lang, title=chunk.title, text=text[2:])
        cites = [chunk.id]
        printed = _printed_twin(c, chunk, i)
        if printed:
            text += c.printed(printed[0])
            cites.append(printed[1])
        if chunk.provenance == "added":
            who = chunk.extra.get("added_by") or t("answer.a_user", c.lang)
            text = t("answer.compose.added", c.lang, who=who, text=text)
        out.append(Sentence(text, cites))
        used += len(text)
        if len(out) == 3 or used >= budget * 0.8:
            break
    return Draft("sentences", out, overlap=best)


def compose(
    question: str,
    lang: str,
    hits: list[Hit],
    retriever: HybridRetriever,
    fw: Framework,
    vector: list[float] | None = None,
) -> Draft | None:
    """The offline answer for ``question`` (None when nothing usable was found)."""
    c = Overview(retriever, fw, as_lang(lang))
    q = it.norm(question).strip()
    helps = bool(it.HELP.search(q)) and not it.NOT_HELP.search(q)
    one_stage = len(it.found(it.STAGES, question)) == 1
    asks_what = bool(WHAT.search(q))
    city_type = bool(it.found(it.CITY_TYPES, question))
    element = None if helps else c.find_element(question)
    # (does the question look like this kind?, how to answer it), tried in order
    kinds: list[tuple[bool, Callable[[], Draft | None]]] = [
        (bool(it.CONTACT.search(q)) and not it.HELP.search(q.replace("contact", "")), c.contact),
        (bool(it.DIFFERENCE.search(q)), lambda: c.difference(question)),
        (bool(it.START.search(q)) and not city_type, c.start),
        (bool(it.HEADING.search(q) and _brochure_part(question)), lambda: heading(c, question)),
        (bool(it.WHY_JICA.search(q)), lambda: why(c, question)),
        (
            bool(it.ABBREV.search(q)) and not it.ABOUT_JICA.search(q),
            lambda: abbreviations(c, question),
        ),
        (bool(it.ELEMENTS_OF.search(q) and it.ABOUT_USE.search(q)), lambda: elements_use(c)),
        (not helps, lambda: c.stage(question)),
        (bool(it.STAGES_ALL.search(q)) and not one_stage, c.stages),
        (
            bool(it.DOMAINS_ALL.search(q) or it.ELEMENTS_OF.search(q)),
            lambda: c.domains_if(question),
        ),
        (bool(it.POLICY.search(q)), c.policy),
        (bool(it.ASSETS.search(q)), c.assets),
        (bool(it.CHART.search(q)), c.chart),
        (
            bool(it.DIRECTION.search(q) or it.found(it.CITY_TYPES, question)) and not helps,
            lambda: c.city_direction(question),
        ),
        (
            bool(it.ELEMENT_ASK.search(q) or it.ELEMENTS_OF.search(q)) and not helps,
            lambda: c.element(question, hits),
        ),
        (bool(it.ASSESS.search(q)), c.assessment),
        (bool(it.ABOUT_JICA.search(q)), c.about_jica),
        (bool(it.REPORT.search(q)), c.report),
        (asks_what and bool(it.found(MENU_TYPES, question)), lambda: c.menu_type(question)),
        (
            bool(it.MENU_ASK.search(q))
            or bool(it.MENU_WHAT.search(q) and it.found(it.LEVELS, question)),
            lambda: c.menu(question),
        ),
        (helps, lambda: c.help(question, vector, hits)),
        (not helps, lambda: c.scale_one(question)),
        (bool(it.SCALE_UP.search(q)) and not city_type, lambda: c.scale_up(question)),
        # an element named by its name or number, asked about in any words
        (element is not None, lambda: c.element(question, hits)),
    ]
    for applies, build in kinds:
        draft = build() if applies else None
        if draft:
            return draft
    return best_sentences(c, question, hits, 420 if lang == "en" else 200)


# The printed sentences of JICA's MIND that give its reason, and the condition it sets.
_REASON = re.compile(r"賢くマネジメント|managed wisely|smartly")
_POTENTIAL = re.compile(r"リープフロッグ|leapfrog")
_CONDITION = re.compile(r"データの安全|safety and reliability of data|信頼性が担保")
_ASKS_CONDITION = re.compile(
    r"data|safe|secur|trust|privacy|risk|データ|安全|信頼|リスク|プライバシー", re.I
)


_REFERENCE = re.compile(r"レファレンス|as the reference")
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
        printed = _printed_twin(c, chunk, i)
        if printed:
            text += c.printed(printed[0])
            cites.append(printed[1])
        out.append(Sentence(text, cites))
    return out


def why(c: Overview, question: str) -> Draft | None:
    """Why JICA supports smart cities: JICA's MIND, as printed (its reason, what smart cities
    can change, and its condition when the question asks about data, safety or trust)."""
    wanted = [_REASON, _POTENTIAL]
    if _ASKS_CONDITION.search(it.norm(question)):
        wanted.insert(0, _CONDITION)  # what the question asks about first
    out = quote_printed(c, "brochure-mind", wanted)
    return Draft("why", out) if out else None


_PRINTED_ABBREVIATIONS = re.compile(r"(?<![a-z])(m/p|sc)(?![a-z])")


def abbreviations(c: Overview, question: str) -> Draft | None:
    """The abbreviations the brochure spells out (M/P, SC), as printed on its back page, when
    the question names one of them."""
    if not _PRINTED_ABBREVIATIONS.search(it.norm(question)):
        return None
    out = quote_printed(c, "brochure-source", [_ABBREVIATIONS])
    return Draft("abbreviation", out) if out else None


def heading(c: Overview, question: str) -> Draft | None:
    """The printed heading of the brochure part the question names (its chunks' titles)."""
    part = _brochure_part(question)
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
    out = quote_printed(c, "brochure-elements", [_REFERENCE])
    return Draft("overview", out) if out else None


def limit(
    question: str,
    lang: str,
    specific: tuple[str, dict[str, str]],
    retriever: HybridRetriever,
    fw: Framework,
    vector: list[float] | None = None,
) -> Draft:
    """The honest not-in-sources reply: what is missing, the closest menu line, the contact."""
    return Composer(retriever, fw, as_lang(lang)).limit(specific[0], specific[1], question, vector)
