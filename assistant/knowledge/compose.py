"""The offline answer: 1-3 sentences composed from the structured framework data, each sentence
carrying the chunk ids it rests on (numbered [n] by the caller).

Common kinds of question get a composed answer (cooperation menu lines, two items side by side,
city-type directions, where to start, an element's desired state, contact: ``compose_kinds``;
one printed line quoted: ``compose_printed``);
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
from assistant.knowledge.asked import asked_part
from assistant.knowledge.compose_kinds import Composer, Draft, Sentence
from assistant.knowledge.compose_overview import MENU_TYPES, Overview
from assistant.knowledge.compose_printed import (
    PART_CHUNKS,
    SAYS_ABOUT,
    abbreviations,
    brochure_part,
    elements_use,
    heading,
    help_for_new,
    printed_twin,
    says_about,
    split_sentences,
    title,
    topic_hits,
    why,
)
from assistant.knowledge.compose_route import route
from assistant.knowledge.compose_topic import by_topic
from assistant.knowledge.lexical import bigram_tokenize
from assistant.knowledge.retrieval import Hit

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk
    from assistant.knowledge.retrieval import HybridRetriever
    from assistant.models import Framework, Lang

__all__ = ["Draft", "Sentence", "best_sentences", "compose", "limit", "split_sentences"]

_PROV_RANK = {"printed": 0, "reading": 1, "added": 2}
# Asking what something is or contains (not whether JICA can help with it).
# A question open for content (what / which / how ...), answered without a leading "Yes".
OPEN_ASK = re.compile(
    r"^(what|which|how|where|list|tell me|describe|explain)\b|どのような|どんな|何が|何を|どういう|どの(支援|協力)",
    re.I,
)
WHAT = re.compile(
    r"^(what|which)|purpose|\binclude|\bcover|consist|list|in practice|concretely|目的|内容|どのような|"
    r"どんな|何が|何を(する|し|や)|具体的|とは|教えて",
    re.I,
)

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


def as_lang(lang: str) -> Lang:
    """The answer language as the framework's texts are keyed (callers pass a detected code)."""
    return "ja" if lang == "ja" else "en"


MIN_OVERLAP = 0.1
# A heading the chunk asks or a label whose content follows: neither answers anything.
_NOT_ANSWERS = ("?", "？", ":", "：")
# A sentence that asks (an interview question of the project's): it answers nothing.
_ASKS = re.compile(r"(ますか|ですか|でしょうか|ませんか)[。]?$")
# Lines of an element chunk that are the project's own (its question, keywords, top level).
_PROJECT_LINES = (
    "In plain words:",
    "わかりやすく言うと：",
    "Keywords:",
    "キーワード：",
    "Level 4:",  # the project's rubric, not what the brochure prints
    "レベル4：",
)
# What to take care of when using data or technology: JICA's MIND prints its condition.
CAUTION = it._any(
    r"(気をつけ|気を付け|注意(す|点|が)|留意|配慮す|懸念|不安|リスク|心配|careful|caution|watch out|beware|pitfalls?|"
    r"\brisks?\b|dangers?|concerns?|worr(y|ies)|"
    r"conditions? (does|do|on|for|attached)|safeguards?|be aware|precautions?)"
    r"[^。？?]{0,40}(data|technolog|digital|データ|技術|デジタル)|"
    r"(data|technolog|digital|データ|技術|デジタル)[^。？?]{0,40}(気をつけ|気を付け|注意|留意|配慮|懸念|"
    r"不安|リスク|心配|careful|caution|watch out|beware|pitfalls?|conditions?|safeguards?|precautions?|"
    r"\brisks?\b|dangers?)"
)
# Why use the elements at all: what they are for (the brochure's reference line), not why smart
# cities matter.
_WHY_USE = it._any(
    r"why (should|would|do|does|must) [\w\s,-]{0,30}\buse\b[\w\s-]{0,20}\belements?\b"
)
_COUNT = re.compile(r"how many|number of|何件|何か国|何カ国|いくつ|何個|何人|何都市|何つ", re.I)
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
    part = brochure_part(question)
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
            if _ASKS.search(sent):
                continue
            if part and hit.chunk.provenance != "printed" and brochure_part(sent) == part:
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
    if scored[0][2].provenance == "reading":
        # a printed sentence nearly as close goes first: the brochure's words before the gloss
        printed = next((x for x in scored if x[2].provenance == "printed"), None)
        if printed is not None and -printed[0][0] >= 0.75 * best:
            scored.remove(printed)
            scored.insert(0, printed)
        else:  # a printed sentence the gloss restates goes first: the brochure's own words
            said = set(bigram_tokenize(scored[0][1])) - _COMMON
            same = next(
                (x for x in scored if x[2].provenance == "printed" and _overlap(said, x[1]) >= 0.6),
                None,
            )
            if same is not None:
                scored.remove(same)
                scored.insert(0, same)
    out: list[Sentence] = []
    used = 0
    for key, sent, chunk, i in scored:
        if out and (used + len(sent) > budget or -key[0] < max(0.15, best * 0.6)):
            continue
        text = c.strip(sent)
        if text.startswith("- "):  # a list item: say what it is a list of
            text = t("answer.compose.item", c.lang, title=chunk.title, text=text[2:])
        cites = [chunk.id]
        twin = printed_twin(c, chunk, i)
        if twin:
            text += c.printed(twin[0])
            cites.append(twin[1])
        if chunk.provenance == "added":
            who = chunk.extra.get("added_by") or t("answer.a_user", c.lang)
            text = t("answer.compose.added", c.lang, who=who, text=text)
        out.append(Sentence(text, cites))
        used += len(text)
        if len(out) == 3 or used >= budget * 0.8:
            break
    return Draft("sentences", out, overlap=best)


def start_for(c: Overview, q: str) -> Draft | None:
    """Where to start, read from the city's stated situation: mature across domains, already
    under way (going full-scale), else the first stage."""
    for pattern, sid in ((it.MATURE, "sustainable_growth"), (it.UNDERWAY, "accelerate")):
        if pattern.search(q):
            s = c.stage_sentence(sid)
            if s:
                return Draft("start", [s])
    return c.start()


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
    helps = bool(it.HELP.search(q) or it.MENU_LINE_ASKED.search(q)) and not it.NOT_HELP.search(q)
    one_stage = len(it.found(it.STAGES, question)) == 1
    asks_what = bool(WHAT.search(q))
    city_type = bool(it.found(it.CITY_TYPES, question))
    element = None if helps else c.find_element(question)
    named = None if helps else c.find_element(question, loose=False)
    # (does the question look like this kind?, how to answer it), tried in order
    kinds: list[tuple[bool, Callable[[], Draft | None]]] = [
        (
            # the help words of a scene-setting clause (「相談したいのですが、宛先は？」) do not count
            bool(it.CONTACT.search(q)) and not it.HELP.search(asked_part(q).replace("contact", "")),
            c.contact,
        ),
        (bool(it.DIFFERENCE.search(q)), lambda: c.difference(question)),
        (
            bool(it.START.search(q) or (it.UNDERWAY.search(q) and it.STAGE_TALK.search(q)))
            and not city_type
            and not it.found(it.SCALE_ONE, question)
            # "what does the first survey in the menu cover?": that kind of cooperation
            and not (asks_what and it.found(MENU_TYPES, question)),
            lambda: start_for(c, q),
        ),
        (bool(it.HEADING.search(q) and brochure_part(question)), lambda: heading(c, question)),
        (
            bool(it.TITLE.search(q) and it.BROCHURE_ASKED.search(q))
            and not brochure_part(question)
            and not it.REPORT.search(q),  # "the name of the study it is based on": the report
            lambda: title(c),
        ),
        (bool(_WHY_USE.search(q)), lambda: elements_use(c)),
        (bool(it.WHY_JICA.search(q)) and named is None, lambda: why(c, question)),
        # a city character asked about as if it were a stage ("is 'area development' a stage?")
        (
            city_type and bool(it.STAGE_TALK.search(q)) and not it.found(it.STAGES, question),
            lambda: c.city_is_type(question),
        ),
        (
            bool(it.ABBREV.search(q)) and not it.ABOUT_JICA.search(q),
            lambda: abbreviations(c, question),
        ),
        # what JICA itself stands for: its name, as the colophon gives it
        (bool(it.ABBREV.search(q)) and "jica" in q, lambda: c.about_jica(question)),
        (bool(it.ELEMENTS_OF.search(q) and it.ABOUT_USE.search(q)), lambda: elements_use(c)),
        (not helps, lambda: c.stage(question)),
        (bool(it.STAGES_ALL.search(q)) and not one_stage, c.stages),
        # an element named by its name, number or a term only it uses: that element, not the list
        (named is not None, lambda: c.element(question, hits)),
        (
            bool(it.DOMAINS_ALL.search(q) or it.ELEMENTS_OF.search(q) or c.named_domain(question))
            and not it.found(it.SCALE_ONE, question),  # "which sector does sector-based start from"
            lambda: c.domains_if(question),
        ),
        (bool(it.POLICY.search(q)), c.policy),
        (bool(it.ASSETS.search(q)), c.assets),
        (bool(it.CHART.search(q)), c.chart),
        (
            # a city type named as background to a question about widening is not asked about
            bool(it.DIRECTION.search(q) or (city_type and not it.SCALE_UP.search(q))) and not helps,
            lambda: c.city_direction(question),
        ),
        (
            bool(it.CITY_TYPES_ALL.search(q)) and not city_type and not helps,
            c.city_types_all,
        ),
        (
            bool(it.ELEMENT_ASK.search(q) or it.ELEMENTS_OF.search(q)) and not helps,
            lambda: c.element(question, hits),
        ),
        (bool(it.ASSESS.search(q)), c.assessment),
        (bool(it.ABOUT_JICA.search(q)), lambda: c.about_jica(question)),
        (bool(it.REPORT.search(q)), c.report),
        (asks_what and bool(it.found(MENU_TYPES, question)), lambda: c.menu_type(question)),
        (
            bool(
                it.MENU_ASK.search(q)
                and not (helps and it.REFERS_BACK.search(q))
                and not it.MENU_LINE_ASKED.search(q)  # one line asked by its name, not the menu
            )
            or bool(it.MENU_WHAT.search(q) and it.found(it.LEVELS, question)),
            lambda: c.menu(question),
        ),
        (
            helps and bool(it.NOT_STARTED.search(q)),
            lambda: help_for_new(c, c.help(question, vector, hits)),
        ),
        # "What support is there for X?" is not a yes/no question: no "Yes:" before the line
        (helps, lambda: c.help(question, vector, hits, yes=not OPEN_ASK.search(q))),
        (not helps, lambda: c.scale_one(question)),
        (
            bool(it.SCALE_UP.search(q)) and not (city_type and it.DIRECTION.search(q)),
            lambda: c.scale_up(question),
        ),
        # what to take care of with data and technology: JICA's MIND, its condition first
        (bool(CAUTION.search(q)) and named is None and not helps, lambda: why(c, question)),
        # the problems cities face: JICA's MIND, its challenges first
        (bool(it.CHALLENGES.search(q)) and named is None, lambda: why(c, question)),
        # an element named by its name or number, asked about in any words
        (element is not None, lambda: c.element(question, hits)),
    ]
    for applies, build in kinds:
        draft = build() if applies else None
        if draft:
            return draft
    budget = 420 if lang == "en" else 200
    quoted = best_sentences(c, question, hits, budget)

    def routed(quoted: Draft | None) -> Draft | None:
        """What retrieval found decides the kind (a count is quoted with its number)."""
        if _COUNT.search(q):
            return quoted
        return route(c, question, hits, vector, quoted, budget) or quoted

    if SAYS_ABOUT.search(q) and not brochure_part(question):
        # "what does the brochure say about X" that no kind answers: the printed sentences on X,
        # unless the best-matching sentence already speaks of more of X
        said = says_about(c, question)
        if said and (quoted is None or topic_hits(question, said) > topic_hits(question, quoted)):
            return said
        if (
            said
            and quoted is not None
            and topic_hits(question, said) == topic_hits(question, quoted)
            and not any(cid.startswith("brochure-") for cid in quoted.sentences[0].cites)
        ):
            return said  # as close, and printed prose rather than a gloss
    reading = quoted_reading(c, quoted)
    if reading and not _COUNT.search(q):  # a count is quoted with its number, whatever the part
        # the best sentences are the project's own reading: its topic's printed line instead
        topic = by_topic(c, question, reading, hits, vector)
        if topic is not None and quoted is not None:
            topic.overlap = quoted.overlap  # as weak a match as the sentences it stands for
        return topic or routed(quoted)
    return routed(quoted)


def quoted_reading(c: Composer, draft: Draft | None) -> str | None:
    """The base id of the passage a quoted answer leads with, when it is the project's reading
    rather than printed text."""
    if draft is None or not draft.sentences or not draft.sentences[0].cites:
        return None
    chunk = c.r.get(draft.sentences[0].cites[0])
    if chunk is None:
        return None
    # a framework item's chunk quoted as prose: its composer gives the printed lines instead
    framework = chunk.base_id.startswith(("stage-", "scaleup-", "citytype-"))
    return chunk.base_id if chunk.provenance == "reading" or framework else None


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
