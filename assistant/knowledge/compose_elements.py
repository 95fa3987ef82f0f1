"""The composer for one element (or two named side by side): found by its number, its name, a
term only its printed desired state uses, or most of its English name's words, and answered
with its desired state as printed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import NAME_STOP, Composer, Draft, Sentence, spelling
from assistant.knowledge.retrieval import Filters

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import Hit
    from assistant.models import Element

# A term the question quotes: 「…」, "…", '…'
QUOTED = re.compile(r"[「『\"“‘']([^」』\"”’']{2,40})[」』\"”’']")

# Asking which domain something sits in ("which one covers citizen participation?"): the
# element named loosely is what is asked about.
_WHICH_DOMAIN = re.compile(
    r"\bwhich (one|domain)\b.{0,30}\b(covers?|includes?|contains?|falls? under|belongs?)|"
    r"\b(domain|area)\b.{0,40}\b(fall|falls|sit|sits|belong|belongs) (under|in|to)\b|"
    r"\b(fall|falls|sit|sits|belong|belongs) (under|in|to) (which|what)\b|どの分野に(入|含|属)"
)


# Asking which element a situation belongs to ("which element covers that?", 「どのエレメントに
# 関係しますか」): the element chunks themselves are searched (their desired state, levels and the
# project's question speak of such situations).
_WHICH_ELEMENT = it._any(
    r"\b(which|what) (element|one)\b|\belement (is|does|covers?|deals?|relates?|warns?)\b|"
    r"\bthe element (about|on|for|that|dealing)\b|"
    r"relevant element|どの(エレメント|要素)|エレメント(は|の中で)?(どれ|何)|"
    r"(関係|該当|関連)(する|している)?(エレメント|要素)|エレメントの(話|問題)|エレメントに(関係|当た|該当|関連)"
)


# English words for the printed Japanese names that the project's English names render otherwise
# (整合性 "consistency" for "coherence", 具体性 "specificity" for "concreteness").
_NAME_SYNONYMS = {"coherence": "consistency", "concreteness": "specificity"}
# Short names readers give an element ("the cross-domain element", "the platform element").
_READER_NAMES = {
    "E07": (
        "promoting body",
        "promotion body",
        "lead body",
        "leading body",
        "leading organi",
        "lead agency",
        "lead organization",
    ),
    "E14": ("cross-domain element", "cross-sector element", "cross domain element"),
    "E15": ("platform element", "urban os element", "プラットフォームのエレメント"),
}
# ... and a thing only one element is about, when an element is asked for (「都市OSはエレメントでは
# どう書かれていますか」; without the element asked, the urban OS is a menu line too)
_ELEMENT_THINGS = {
    "E14": ("cross-domain", "cross-sector", "cross domain", "分野横断", "領域を横断"),
    "E15": ("都市os", "urban os"),
}
# A situation an element's desired state speaks to, in the words officials use: a plan reset
# by each new mayor (E19: flexible to political and social change); a strategy written apart
# from the urban plan and the digital strategy (E04: not separated).
_SITUATIONS = (
    (
        re.compile(
            r"(mayor|governor|government|administration|leadership)s? (change|changes|changed|"
            r"is replaced)|change (of|in) (the )?(mayor|government|administration|leadership)|"
            r"new (mayor|governor|administration)|after (each|every|the) election|"
            r"(市長|首長|知事|政権)[^。？?]{0,6}(代わ|替わ|変わ|交代)|選挙[^。？?]{0,12}(たび|ごと|度|後)"
        ),
        "E19",
    ),
    (
        re.compile(
            r"separate(ly)? (from|of) (the )?(urban|master|city|digital|existing)|"
            r"(not|n't|never) (aligned|linked|connected|consistent|tied|integrated) (with|to|into) "
            r"(the |our |its |their )?(urban|master|city|digital|land[- ]use|spatial|development)|"
            r"without (looking at|regard to|reference to|considering|checking)[\w\s]{0,20}"
            r"(digital|urban|master|development) (strateg|plan)|"
            r"(都市計画|デジタル戦略|マスタープラン)[^。？?]{0,20}(別々|バラバラ|ばらばら|無関係|切り離|分離)"
        ),
        "E04",
    ),
    (
        re.compile(
            r"(市民|住民)と(一緒|共)に(作|つく|考え|進め)|together with (the )?(citizens|residents)|"
            r"co-?creat"
        ),
        "E13",
    ),
    # people trusting the city, its partners or how their data is used: trust building (E11)
    (
        re.compile(
            r"(citizens?|residents?|people|public|communit(y|ies)|users?)('s?)? (do not |don't |)"
            r"(trust|trusting)|\btrust (in|of|between|among)\b|\b(lack|loss) of trust|distrust|"
            r"(市民|住民|企業|行政)[^。？?]{0,12}(信頼|信用|トラスト)|信頼関係|不信"
        ),
        "E11",
    ),
)


# A situation asked of the framework as a whole ("how does JICA's framework treat this?").
_IN_FRAMEWORK = it._any(
    r"(jica'?s |the |this |your )framework\b|(jica|この|その)の?(枠組み|フレームワーク)(では|で|に|の中で)"
)


def name_variants(name: str) -> list[str]:
    """An English element name as readers also say it: "Policy coherence" as "coherence of
    policy" and "consistency of policy", "Data utilisation" as "utilisation of data"."""
    low = name.lower()
    names = [low]
    words = low.split()
    if len(words) == 2:
        names.append(f"{words[1]} of {words[0]}")
    elif len(words) == 3 and words[1] == "of":
        names.append(f"{words[2]} {words[0]}")
    for word, other in _NAME_SYNONYMS.items():
        names += [n.replace(word, other) for n in names if word in n]
    return names


class ElementKinds(Composer):
    """One element's desired state, in the answer language with the printed wording quoted."""

    def element(self, question: str, hits: list[Hit] | None = None) -> Draft | None:
        named = self.named_elements(question) or self.numbered_elements(question)
        other = self.element_by_reader_name(question) if len(named) == 1 else None
        if other is not None and other not in named:  # "the promoting body and ecosystem building"
            named.append(other)
        if len(named) >= 2:  # two elements named (「AとB、どう違う」): each one's desired state
            out = [s for s in (self.element_sentence(e) for e in named[:2]) if s]
            return Draft("element", out) if out else None
        el = self.find_element(question)
        if el is None and hits and it.ELEMENTS_OF.search(it.norm(question)):
            # "the promoting-body element": the element chunk retrieval ranks first names it
            top = hits[0].chunk.base_id
            if top.startswith("element-"):
                el = next((e for e in self.fw.elements if f"element-{e.id}" == top), None)
        sent = self.element_sentence(el) if el else None
        return Draft("element", [sent]) if sent else None

    def element_sentence(self, el: Element) -> Sentence | None:
        cid = self.cid(f"element-{el.id}")
        if cid is None:
            return None
        domain = next(d for d in self.fw.domains if d.id == el.domain)
        dom = domain.name.get(self.lang)
        if self.lang == "en":  # the printed domain name beside the gloss
            dom = f"{dom} 「{domain.name.ja}」"
        state = self.strip(el.desired_state.get(self.lang))
        if self.lang == "en":
            state = state[0].lower() + state[1:]
        name = el.name.get(self.lang)
        printed = self.printed(el.name.ja, el.desired_state.ja)
        text = t(
            "answer.compose.element",
            self.lang,
            name=name,
            domain=dom,
            id=el.id,
            state=state,
            printed=printed,
        )
        return Sentence(text, [cid])

    def named_elements(self, question: str) -> list[Element]:
        """Elements named in full in the question, in the question's order, none inside
        another's name (「持続可能性の担保」 and 「ビジョン・政策の持続性」)."""
        q = spelling(it.squash(question))
        spans: list[tuple[int, int, Element]] = []
        for el in self.fw.elements:
            for name in (*name_variants(el.name.en), el.name.ja):
                key = spelling(it.squash(name))
                at = q.find(key) if len(key) >= 4 else -1
                if at >= 0:
                    spans.append((at, at + len(key), el))
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out: list[Element] = []
        end = -1
        for start, stop, el in spans:
            if start >= end and el not in out:
                out.append(el)
                end = stop
        return out

    def element_with_term(self, question: str) -> Element | None:
        """The element whose printed desired state uses a term the question quotes ("which
        element mentions 'triple helix'?", 「Well-being」という言葉) when only one uses it."""
        if not it.ELEMENTS_OF.search(question):
            return None
        terms = QUOTED.findall(it.norm(question))
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", question):  # English terms in Japanese
            terms += re.findall(r"[a-z][a-z0-9 -]{2,}[a-z0-9]", it.norm(question))
        domains = {it.norm(n) for d in self.fw.domains for n in (d.name.en, d.name.ja)}
        for term in terms:
            term = term.strip()
            if len(term) < 3 or term in domains:
                continue  # "the 'Operation' domain" names a domain, not an element's term
            uses = [
                el
                for el in self.fw.elements
                if any(
                    term in it.norm(x)
                    for x in (el.desired_state.en, el.desired_state.ja, el.name.en, el.name.ja)
                )
            ]
            if len(uses) == 1:  # a term many elements use names none of them
                return uses[0]
        return None

    def find_element(self, question: str, loose: bool = True) -> Element | None:
        """The element the question names by number, name or a term only it uses; ``loose``
        also by most of its English name's words."""
        match = it.ELEMENT_ID.search(it.norm(question))
        if match:
            eid = f"E{int(match.group(1)):02d}"
            return next((e for e in self.fw.elements if e.id == eid), None)
        q = spelling(it.squash(question))
        best = None
        for el in self.fw.elements:
            for name in (*name_variants(el.name.en), el.name.ja):
                key = spelling(it.squash(name))
                if len(key) >= 4 and key in q and (best is None or len(key) > best[0]):
                    best = (len(key), el)
        if best:
            return best[1]
        by_term = self.element_with_term(question) or self.element_by_runs(question)
        by_term = by_term or self.element_by_reader_name(question)
        if by_term is not None or not loose:
            return by_term
        asks_one = it.ELEMENTS_OF.search(question) or _WHICH_DOMAIN.search(it.norm(question))
        # 「JICAの枠組みではどう扱われていますか」: where the framework places a situation
        asks_one = asks_one or _IN_FRAMEWORK.search(it.norm(question))
        if asks_one:
            return (
                self.element_by_situation(question)
                or self.element_by_search(question)
                or self.element_by_words(question)
            )
        return None

    def element_by_search(self, question: str) -> Element | None:
        """Asked which element a situation belongs to: the best element chunk for it."""
        if not _WHICH_ELEMENT.search(it.norm(question)):
            return None
        top = self.r.search(question, k=1, filters=Filters(base_prefix="element-"))
        eid = top[0].chunk.base_id.removeprefix("element-") if top else None
        return next((e for e in self.fw.elements if e.id == eid), None)

    def numbered_elements(self, question: str) -> list[Element]:
        """Elements named by number, in the question's order (「E16とE17の違い」)."""
        ids = dict.fromkeys(
            f"E{int(m.group(1)):02d}" for m in it.ELEMENT_ID.finditer(it.norm(question))
        )
        return [e for i in ids for e in self.fw.elements if e.id == i]

    def element_by_reader_name(self, question: str) -> Element | None:
        """An element by the short name readers give it ("the 'cross-domain' element")."""
        q = it.norm(question)
        eid = next((e for e, names in _READER_NAMES.items() if any(n in q for n in names)), None)
        if eid is None and it.ELEMENTS_OF.search(q):
            things = _ELEMENT_THINGS.items()
            eid = next((e for e, names in things if any(n in q for n in names)), None)
        return next((e for e in self.fw.elements if e.id == eid), None) if eid else None

    def element_by_situation(self, question: str) -> Element | None:
        """The element whose desired state speaks to the asker's situation ("our plans are
        reset by every new mayor": flexibility to political change)."""
        q = it.norm(question)
        eid = next((e for pattern, e in _SITUATIONS if pattern.search(q)), None)
        return next((e for e in self.fw.elements if e.id == eid), None) if eid else None

    def element_by_runs(self, question: str) -> Element | None:
        """A Japanese element name said in other grammar (「推進体制を柔軟に」 for 推進体制の柔軟性):
        every kanji/katakana run of the name (less a closing 性) occurs, for one element only."""
        q = it.norm(question)
        if not re.search(r"[\u4e00-\u9fff]", q) or re.search(r"支援|協力|メニュー|support|menu", q):
            return None  # 「データ利活用方策の策定支援」 names a menu line, not the element
        found = []
        for el in self.fw.elements:
            runs = re.findall(r"[\u30a0-\u30ff\u4e00-\u9fff]{2,}", el.name.ja)
            if len(runs) >= 2 and all(r in q or r.removesuffix("性") in q for r in runs):
                found.append(el)
        return found[0] if len(found) == 1 else None

    def element_by_words(self, question: str) -> Element | None:
        """An element named loosely ("the element on trust", "partnerships with other
        cities"): most of its English name's words occur in the question, and no other
        element matches as well."""
        words = {w[:5] for w in re.findall(r"[a-z]+", spelling(it.norm(question)))}
        scored = []
        for el in self.fw.elements:
            name = [w[:5] for w in re.findall(r"[a-z]+", spelling(el.name.en.lower()))]
            name = [w for w in name if w not in NAME_STOP]
            hit = sum(w in words for w in name)
            if name and hit:
                scored.append((hit / len(name), hit, el))
        scored.sort(key=lambda x: (-x[0], -x[1]))
        if not scored or scored[0][0] < 0.5:
            return None
        if len(scored) > 1 and scored[1][:2] == scored[0][:2]:
            return None
        return scored[0][2]
