"""The offline answer: 1-3 sentences composed from the structured framework data, each sentence
carrying the chunk ids it rests on (numbered [n] by the caller).

Common kinds of question get a composed answer (cooperation menu lines, two items side by side,
city-type directions, where to start, an element's desired state, contact: ``compose_kinds``;
one printed line quoted: ``compose_printed``);
anything else is routed by what retrieval found (``compose_route``) or gets the best sentences
of the retrieved passages (``compose_sentences``). No model is involved, so every statement is
traceable to one chunk. This module decides which kind a question is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.knowledge import intents as it
from assistant.knowledge.asked import asked_part
from assistant.knowledge.compose_cues import (
    ABBREV_MEANING,
    BEGIN,
    CAUTION,
    EACH_APPROACH,
    LIKE_OURS,
    NEXT_STAGE,
    NO_SMART_WORK_YET,
    PUBLISHER,
    PURPOSE,
    RESPECTIVELY,
    SUGGEST,
    WHY_USE,
)
from assistant.knowledge.compose_kinds import Composer, Draft, Sentence
from assistant.knowledge.compose_overview import MENU_TYPES, Overview
from assistant.knowledge.compose_printed import (
    SAYS_ABOUT,
    SMART_CITY_MEANING,
    WHO_LEADS,
    abbreviations,
    brochure_part,
    elements_use,
    heading,
    help_for_new,
    mind_asked,
    says_about,
    smart_city_meaning,
    split_sentences,
    title,
    topic_hits,
    who_leads,
    why,
)
from assistant.knowledge.compose_route import route
from assistant.knowledge.compose_sentences import COUNT, best_sentences
from assistant.knowledge.compose_topic import by_topic
from assistant.knowledge.retrieval import Hit

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import HybridRetriever
    from assistant.models import Framework, Lang

__all__ = ["Draft", "Sentence", "compose", "limit", "split_sentences"]

# A question open for content (what / which / how ...), answered without a leading "Yes".
OPEN_ASK = re.compile(
    r"^(what|which|how|where|list|tell me|describe|explain)\b|どのような|どんな|何が|何を|どういう|どの(支援|協力)|どの(協力)?メニュー|どれ(に|が)",
    re.I,
)
# Asking what something is or contains (not whether JICA can help with it).
WHAT = re.compile(
    r"^(what|which)|purpose|\binclude|\bcover|consist|list|in practice|concretely|目的|内容|どのような|"
    r"どんな|何が|何を(する|し|や)|具体的|とは|教えて|"
    # what a named kind of cooperation is for ("what's it used for?", 「何に使う」)
    r"\bused for\b|\b(is|'s) (it|that) for\b|(have|has) (anything )?to do with|何に使|何のための",
    re.I,
)

# The contact details themselves asked for ("Please provide JICA's postal address"): "provide"
# is not a request for help here.
CONTACT_ASKED = it._any(
    r"\b(provide|give|send|share|list|tell)\b[\w\s'’]{0,40}\b(address|phone|telephone|e-?mail|"
    r"contact details|contact information)\b"
)


# Whether the menu holds something for a need ("anything on the menu for SMEs?",
# 「メニューの中に中小企業が使えそうな枠組みはありますか」).
ON_MENU_FOR = it._any(
    r"(メニュー|menu)(の中に|の中には|に|には)[^。？?]{2,30}(あり|ある|含まれ|入って|載って)|"
    r"\b(on|in) (jica'?s |the |your |this )?(cooperation )?menu (for|that|to help|about)\b|"
    r"\b(is|are) (that|this|it|these|those|they|both) (all )?(within|on|in|part of) (jica'?s |the |your "
    r"|this )?(cooperation )?menu\b|"
    r"\bmenu (include|cover|offer|have)s? (anything|something|support|help) (for|on|about|to)\b|"
    # which line is about a thing ("which menu line covers an urban OS?", 「どのメニューが…」)
    r"\b(which|what) (menu |cooperation )?(lines?|items?|headings?|parts? of the menu) "
    r"(covers?|includes?|is about|are about|is for|deals? with|mentions?)\b|"
    r"どの(協力)?メニュー(項目)?(が|に|で)|(メニュー|menu)の?(うち)?(どれ|どの項目|どこ)(に|が)?(当た|該当|入|あた|近)|"
    r"\b(which|what) (one|item|line|part) (of|on|in) (jica'?s |the )?(cooperation )?menu\b"
)


def as_lang(lang: str) -> Lang:
    """The answer language as the framework's texts are keyed (callers pass a detected code)."""
    return "ja" if lang == "ja" else "en"


_ORDER = ["small_start", "accelerate", "sustainable_growth"]


def next_stage(c: Overview, question: str) -> Draft | None:
    """The stage next to the one named, in the staircase's order (after, unless before)."""
    named = it.found(it.STAGES, question)[0]
    step = -1 if re.search(r"before|前", it.norm(question)) else 1
    i = _ORDER.index(named) + step
    if not 0 <= i < len(_ORDER):
        return None  # nothing after the top stage: the named stage answers
    s = c.stage_sentence(_ORDER[i])
    return Draft("stage", [s]) if s else None


def start_for(c: Overview, q: str) -> Draft | None:
    """Where to start, read from the city's stated situation: mature across domains, already
    under way (going full-scale), else the first stage."""
    if it.NOT_STARTED.search(q) or NO_SMART_WORK_YET.search(q):
        return c.start()
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
    helps = bool(it.HELP.search(q) or it.MENU_LINE_ASKED.search(q) or ON_MENU_FOR.search(q))
    helps = helps and not it.NOT_HELP.search(q)
    one_stage = len(it.found(it.STAGES, question)) == 1
    asks_what = bool(WHAT.search(q))
    city_type = bool(it.found(it.CITY_TYPES, question))
    element = None if helps else c.find_element(question)
    named = None if helps else c.find_element(question, loose=False)
    # area-based and sector-based both named (「両方同時にやってもいい？」, "do we have to pick one?")
    both_ways = len(it.found(it.SCALE_ONE, question)) == 2
    widening = bool(it.SCALE_UP.search(asked_part(q)) and not BEGIN.search(asked_part(q)))
    # (does the question look like this kind?, how to answer it), tried in order
    kinds: list[tuple[bool, Callable[[], Draft | None]]] = [
        (
            # the help words of a scene-setting clause (「相談したいのですが、宛先は？」) do not count,
            # nor "provide" asked of the contact details themselves; a website named only in the
            # scene ("a city website nobody updates. Where should we begin?") asks no contact
            bool(it.CONTACT.search(it.norm(asked_part(question))))
            and (
                bool(CONTACT_ASKED.search(q))
                or not it.HELP.search(asked_part(q).replace("contact", ""))
            ),
            c.contact,
        ),
        (
            # two levels' menus asked each in turn (「国向けと都市向けに、それぞれどんな協力メニュー」)
            bool(it.DIFFERENCE.search(q) or (RESPECTIVELY.search(q) and it.MENU_ASK.search(q))),
            lambda: c.difference(question),
        ),
        (
            bool(
                # a next step asked as widening what worked (「次のステップとして…どう広げていく」)
                (it.START.search(q) and not widening)
                or (it.UNDERWAY.search(q) and it.STAGE_TALK.search(q))
            )
            # a city character named only in the scene ("a provincial centre ... where should a
            # city like ours begin?") is background: where to start is asked
            and not it.found(it.CITY_TYPES, asked_part(question))
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
        (bool(WHY_USE.search(q)), lambda: elements_use(c)),
        # what a smart city is: the brochure's line on smart-city work (it prints no definition)
        (bool(SMART_CITY_MEANING.search(q)), lambda: smart_city_meaning(c)),
        # what the approach as a whole is for: JICA's MIND, its reason (not the chart's aims)
        (bool(PURPOSE.search(q)) and not it.brochure_part(question), lambda: why(c, question)),
        # "why JICA (and not another body)?" asks what JICA brings: its assets, not its MIND
        (
            bool(it.WHY_JICA.search(q)) and named is None and not it.ASSETS.search(q),
            lambda: why(c, question),
        ),
        # a city character asked about as if it were a stage ("is 'area development' a stage?")
        (
            city_type and bool(it.STAGE_TALK.search(q)) and not it.found(it.STAGES, question),
            lambda: c.city_is_type(question),
        ),
        (
            bool(it.ABBREV.search(q))
            and not it.ABOUT_JICA.search(q)
            # 「M/P」策定調査 asked about (not what M/P means): that kind of cooperation
            and not (
                (helps or asks_what)
                and it.found(MENU_TYPES, question)
                and not ABBREV_MEANING.search(q)
            ),
            lambda: abbreviations(c, question),
        ),
        # who publishes the brochure: JICA, as the colophon gives it
        (bool(PUBLISHER.search(q)), lambda: c.about_jica(question)),
        # what JICA itself stands for: its name, as the colophon gives it
        (bool(it.ABBREV.search(q)) and "jica" in q, lambda: c.about_jica(question)),
        (bool(it.ELEMENTS_OF.search(q) and it.ABOUT_USE.search(q)), lambda: elements_use(c)),
        # the stage after (or before) one named: that stage ("what comes after Accelerate?")
        (one_stage and bool(NEXT_STAGE.search(q)) and not helps, lambda: next_stage(c, question)),
        (not helps, lambda: c.stage(question)),
        # the three stages with each one's approach asked (「それぞれの方針」): each stage's lines
        (bool(it.STAGES_ALL.search(q) and EACH_APPROACH.search(q)) and not one_stage, c.stages_each),
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
        # a direction asked "for a city like ours" whose character no marker names: the four
        # characters with their directions, to find one's own among them
        (
            bool(LIKE_OURS.search(q) and (it.DIRECTION.search(q) or SUGGEST.search(q)))
            and not city_type
            and not helps
            and not it.START.search(q),
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
                # "is there something on the menu for SMEs?": that need's line, not the menu
                and not (helps and ON_MENU_FOR.search(q))
            )
            or bool(it.MENU_WHAT.search(q) and it.found(it.LEVELS, question)),
            lambda: c.menu(question),
        ),
        (
            helps and bool(it.NOT_STARTED.search(q)),
            lambda: help_for_new(c, c.help(question, vector, hits, asked_help=False)),
        ),
        # "What support is there for X?" is not a yes/no question: no "Yes:" before the line
        # ... nor is "we need X; which cooperation helps?" (the question asked, not its scene)
        (
            helps,
            lambda: c.help(
                question, vector, hits, yes=not OPEN_ASK.search(asked_part(q).strip())
            ),
        ),
        (not helps, lambda: c.scale_one(question)),
        (
            bool(it.SCALE_UP.search(q) or (both_ways and it.COMBINE.search(q)))
            and not (city_type and it.DIRECTION.search(q)),
            lambda: c.scale_up(question),
        ),
        # what to take care of with data and technology: JICA's MIND, its condition first
        (bool(CAUTION.search(q)) and named is None and not helps, lambda: why(c, question)),
        # the JICA's MIND part named and asked to be summed up (「JICA's MINDの要点」)
        (mind_asked(question), lambda: why(c, question)),
        # who implements the work (national, local, private): the printed line on that
        (
            bool(WHO_LEADS.search(q)) and named is None and not helps,
            lambda: who_leads(c),
        ),
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
        if COUNT.search(q):
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
    if reading and not COUNT.search(q):  # a count is quoted with its number, whatever the part
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
