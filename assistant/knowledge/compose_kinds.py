"""The per-kind composers: each builds 1-3 sentences from the structured framework data for one
common kind of question (cooperation menu lines, two items side by side, city-type directions,
where to start, an element's desired state, contact, the not-in-sources reply), each sentence
carrying the chunk ids it rests on. ``compose`` decides which kind a question is.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge.lexical import stem
from assistant.knowledge.menu_match import MENU_COMMON, heading_names, most_specific, names_need
from assistant.knowledge.menu_words import (
    ASKER_LEVEL,
    BROAD,
    EVERYDAY,
    EVERYDAY_WEIGHT,
    LEVEL_ASKED,
    LEVEL_NAMED,
    LEVEL_WEIGHT,
    ONE_LINE,
    PREFER_TYPE,
    SME,
)
from assistant.knowledge.retrieval import Filters

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import Hit, HybridRetriever
    from assistant.models import Framework, Lang

CONTACT_BASE = "contact-jica"
NAME_STOP = {"of", "and", "the", "visio", "polic"}  # shared by six policy names: no clue alone
# A compound the question splits ("cyber security") and a menu line writes as one word: as
# strong as a shared word (BM25 gives a shared word about 1.5)
JOINED_WEIGHT = 1.5


def _near(a: str, b: str) -> bool:
    """Same stem (a shared start of 6+ letters, or 5 with one letter dropped or swapped)."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    if n >= 6 and n >= 0.6 * min(len(a), len(b)):
        return True
    if n >= 4 and abs(len(a) - len(b)) <= 1:  # one letter dropped/added/replaced after the stem
        short, long_ = sorted((a, b), key=len)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))) or (
            len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
        )
    return False


def spelling(text: str) -> str:
    """US and British spellings alike (utilization / utilisation, organization)."""
    return text.replace("iz", "is").replace("yz", "ys")


# The printed sentences behind the "assess" template (brochure, Where is your position).
ASSESS_JA = (
    "「政策」「組織」「システム」「技術」「運用」の５つの分野の取組み状況をアセスメントした上で、"
    "その都市の成熟段階に応じて最適な取組みを実施していきます",
    "新たに取組みを始める都市にも、適した協力プログラムを用意します",
)


@dataclass
class Sentence:
    text: str
    cites: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """What the composer says: sentences with their chunk ids, and whether it answers."""

    kind: str
    sentences: list[Sentence]
    answered: bool = True
    reason: str | None = None
    overlap: float = 1.0  # best share of the question's words in a quoted sentence (fallback)
    extra: list[str] = field(default_factory=list)  # further chunk ids to list as sources
    by_topic: bool = False  # found by the quoted passage's topic, not by the question's words
    judged: Draft | None = None  # the quoted sentences it stands in for: whether it stands


class Composer:
    """Builds a ``Draft`` for one question from the framework and the retrieved hits."""

    def __init__(self, retriever: HybridRetriever, fw: Framework, lang: Lang):
        self.r = retriever
        self.fw = fw
        self.lang = lang

    # -- helpers -------------------------------------------------------------------------------
    def cid(self, base: str) -> str | None:
        """The chunk id of ``base`` in the answer language (or the other one), if indexed."""
        for lang in (self.lang, "ja" if self.lang == "en" else "en"):
            if self.r.get(f"{base}.{lang}") is not None:
                return f"{base}.{lang}"
        return None

    def join(self, items: list[str]) -> str:
        return ("、" if self.lang == "ja" else "; ").join(items)

    def lower(self, text: str) -> str:
        """English: lower-case the first letter of a fragment set inside a sentence."""
        if self.lang != "en" or not text or text[:2].isupper():
            return text
        return text[0].lower() + text[1:]

    def strip(self, text: str) -> str:
        return text.strip().rstrip(".。")

    def printed(self, *ja: str) -> str:
        """English only: the brochure's printed (Japanese) wording of what the sentence renders."""
        quotes = "".join(f"「{self.strip(x)}」" for x in ja if x and x.strip())
        if not quotes or self.lang != "en":
            return ""
        return t("answer.compose.printed", self.lang, quotes=quotes)

    # -- kinds ---------------------------------------------------------------------------------
    def contact(self) -> Draft | None:
        cid = self.cid(CONTACT_BASE)
        if cid is None:
            return None
        cites = [cid]
        printed = ""
        if self.lang == "en" and self.r.get(f"{CONTACT_BASE}.ja") is not None:
            printed = self.printed(self.contact_text("ja"))
            cites.append(f"{CONTACT_BASE}.ja")
        text = t("answer.compose.contact", self.lang, text=self.contact_text(), printed=printed)
        return Draft("contact", [Sentence(text, cites)])

    def contact_text(self, lang: str | None = None) -> str:
        chunk = self.r.get(f"{CONTACT_BASE}.{lang}" if lang else self.cid(CONTACT_BASE) or "")
        return self.strip(chunk.text.split("\n\n")[0]).replace("\n", " ") if chunk else ""

    def menu_lines(
        self,
        question: str,
        vector: list[float] | None,
        n: int = 2,
        hits: list[Hit] | None = None,
        prefer: str | None = None,
    ) -> list[tuple[float, str]]:
        """The best menu lines as (score, line id): the lines' own ranking, plus the lines that
        the best guidance passages discuss (their ``cooperation_ids``)."""
        score = self.line_scores(question, vector)
        for rank, h in enumerate((hits or [])[:6]):
            ids = h.chunk.cooperation_ids
            for lid in ids:
                score[lid] = score.get(lid, 0.0) + 0.3 / (rank + 1) / len(ids)
        lines = {c.id: c for c in self.fw.cooperation}
        self.boost(score, question.lower(), prefer)
        out: list[tuple[float, str]] = []
        for lid in sorted(score, key=lambda x: (-score[x], x)):
            line = lines.get(lid)
            if line is None or any(lines[o].text.en == line.text.en for _, o in out):
                continue
            out.append((score[lid], lid))
            if len(out) == n:
                break
        return out

    def boost(self, score: dict[str, float], low: str, prefer: str | None) -> None:
        """Lines at the asker's own level (a city, a ministry) and of the kind of cooperation
        asked for (money, small firms) weigh more."""
        lines = {c.id: c for c in self.fw.cooperation}
        levels = {level for words, level in ASKER_LEVEL if words.search(low)}
        if len(levels) == 1:  # the asker says who they are: lines printed at that level first
            for lid in score:
                if lid in lines and lines[lid].level in levels:
                    score[lid] += LEVEL_WEIGHT
        if not prefer:
            return
        sme = prefer == "finance" and bool(SME.search(low))
        if sme:  # the heading names them: its lines are candidates, whatever words match
            for line in self.fw.cooperation:
                if line.type == prefer:
                    score.setdefault(line.id, 0.0)
        for lid in score:
            if lid in lines and lines[lid].type == prefer:
                score[lid] += 2.0 if sme else 1.0

    def line_scores(self, question: str, vector: list[float] | None) -> dict[str, float]:
        """Each menu line's own match: shared words weigh most (TOR, cybersecurity…), in either
        language version of the line, plus its best dense similarity."""
        own = self.r.search(question, k=8, filters=Filters(base_prefix="coop-"), vector=vector)
        top_lex = max((h.lexical or 0.0 for h in own), default=0.0) or 1.0
        top_dense = max((h.dense or 0.0 for h in own), default=0.0) or 1.0
        lex: dict[str, float] = {}
        dense: dict[str, float] = {}
        for h in own:
            if (h.lexical or 0) > 0 or (h.dense or 0) >= 0.3:
                lid = h.chunk.base_id.removeprefix("coop-")
                lex[lid] = lex.get(lid, 0.0) + 1.5 * (h.lexical or 0.0) / top_lex
                dense[lid] = max(dense.get(lid, 0.0), (h.dense or 0.0) / top_dense)
        for lid, value in self.mixed_terms(question).items():
            lex[lid] = lex.get(lid, 0.0) + value
            dense.setdefault(lid, 0.0)
        for lid, value in [*self.near_words(question).items(), *self.everyday(question).items()]:
            lex[lid] = lex.get(lid, 0.0) + value
            dense.setdefault(lid, 0.0)
        return {lid: lex[lid] + dense[lid] for lid in lex}

    def everyday(self, question: str) -> dict[str, float]:
        """Menu lines named in an official's everyday words ("write the specs", 「入札」) rather
        than the printed ones (terms of reference, 調達)."""
        q = question.lower()
        out: dict[str, float] = {}
        for words, printed in EVERYDAY:
            if not words.search(q):
                continue
            for line in self.fw.cooperation:
                if printed in line.text.en.lower() or printed in line.text.ja:
                    weight = 1.0 if printed in BROAD else EVERYDAY_WEIGHT
                    weight += 1.0 if printed in ONE_LINE else 0.0
                    out[line.id] = out.get(line.id, 0.0) + weight
        return out

    def mixed_terms(self, question: str) -> dict[str, float]:
        """Mixed script: the English term is what the question is about ("Testbedの構築支援"), so
        the menu lines that share it lexically weigh more."""
        latin = " ".join(
            w
            # a word, or a two-letter capitalised term (都市OS, DX)
            for w in re.findall(
                r"[A-Za-z][A-Za-z-]{2,}|(?<![A-Za-z])[A-Z]{2}(?![A-Za-z])", question
            )
            if w.lower() not in MENU_COMMON
        )
        if not latin or not re.search(r"[^\x00-\x7f]", question):
            return {}
        terms = self.r.search(latin, k=4, filters=Filters(base_prefix="coop-"), mode="lexical")
        top = max((h.lexical or 0.0 for h in terms), default=0.0) or 1.0
        out: dict[str, float] = {}
        for h in terms:
            if (h.lexical or 0) > 0:
                lid = h.chunk.base_id.removeprefix("coop-")
                out[lid] = max(out.get(lid, 0.0), 1.5 * (h.lexical or 0.0) / top)
        return out

    def near_words(self, question: str) -> dict[str, float]:
        """Menu lines sharing a word's stem but not its form ("procurement" ~ "procuring") or a
        slip of the keyboard ("securty"): what BM25's exact tokens miss. Words most lines share
        ("support", "building") say nothing."""
        found = re.findall(r"[a-z]+", question.lower())
        pairs = {a + b for a, b in itertools.pairwise(found)}  # "cyber securty"
        words = {w for w in [*found, *pairs] if len(w) >= 5 and w not in MENU_COMMON}
        if not words:
            return {}
        out: dict[str, float] = {}
        for line in self.fw.cooperation:
            own = set(re.findall(r"[a-z]{5,}", line.text.en.lower())) - MENU_COMMON
            stems = {stem(x) for x in own}
            near = sum(stem(w) not in stems and any(_near(w, x) for x in own) for w in words)
            # "cyber security" spelled as two words is the line's own "cybersecurity", which
            # BM25's single tokens never match: it weighs as a shared word, not a near one
            joined = sum(stem(w) in stems for w in pairs & words)
            if near or joined:
                out[line.id] = 0.5 * near + JOINED_WEIGHT * joined
        return out

    def line_parts(self, lid: str, level_asked: bool = False) -> tuple[dict[str, str], str]:
        """Template fields for a menu line, and the chunk id to cite (answer language); asked
        which level, an English answer quotes the printed level heading too."""
        line = self.fw.cooperation_line(lid)
        twins = [c for c in self.fw.cooperation if c.text.en == line.text.en]
        levels = {c.level for c in twins}
        level = (
            t("answer.compose.both_levels", self.lang)
            if len(levels) > 1
            else t(f"answer.compose.level.{line.level}", self.lang)
        )
        ctype = self.fw.cooperation_type(line.type)
        short = line.type == "survey"  # its heading is long: name only, purpose in the line
        fields = {
            "type": self.type_name(ctype.name.get(self.lang), short),
            "level": level,
            "text": self.strip(line.text.get(self.lang)),
            "printed": self.printed(line.text.ja, self.type_name(ctype.name.ja, short)),
        }
        if level_asked and self.lang == "en":
            heads = [t(f"answer.compose.level.{v}", "ja") for v in sorted(levels, reverse=True)]
            fields["printed"] = self.printed(
                line.text.ja, self.type_name(ctype.name.ja, short), *heads
            )
        return fields, self.cid(f"coop-{line.id}") or f"coop-{line.id}.{self.lang}"

    def first_clause(self, text: str) -> str:
        """English renderings quote the printed sentence beside them: their first clause will do."""
        return text.split(": ")[0] if self.lang == "en" else text

    @staticmethod
    def type_name(name: str, short: bool) -> str:
        return name.split("：")[0].split(":")[0] if short else name

    def help(
        self,
        question: str,
        vector: list[float] | None,
        hits: list[Hit],
        yes: bool = True,
        asked_help: bool = True,
    ) -> Draft | None:
        """The best menu lines with their heading and level; ``yes`` when help was asked for
        (not when the lines are what retrieval found for a question of another kind). Help asked
        for a need no line names: that said first, then the nearest line labelled as related."""
        q = question.lower()
        prefer = next((kind for words, kind in PREFER_TYPE if words.search(q)), None)
        named = self.everyday(question)
        if any("資金調達" in x.text.ja for x in self.fw.cooperation if x.id in named):
            prefer = None  # a scheme to raise the city's own funds, not JICA's money
        lines = self.menu_lines(question, vector, n=4, hits=hits, prefer=prefer)
        if not lines:
            return None
        # the line the question's rarest word names first, whatever the level or a frame word
        # ("our city wants a cybersecurity policy": the cybersecurity line, not "urban policy")
        order = most_specific(question, [lid for _, lid in lines], self.fw.cooperation)
        score = dict((lid, s) for s, lid in lines)
        lines = [(score[lid], lid) for lid in order][:2]
        asked = bool(LEVEL_ASKED.search(q))
        # a level asked or named ("at the national level, ..."): its printed heading is quoted
        heads = asked or bool(LEVEL_NAMED.search(q))
        fields, cid = self.line_parts(lines[0][1], heads)
        top = self.fw.cooperation_line(lines[0][1])
        pointed = self.pointed(question, named)
        # no "Yes" for a line that is merely nearby ("finance a metro line?" -> infrastructure)
        need_named = names_need(question, top, pointed)
        yes = yes and need_named
        listed = need_named or heading_names(question, self.fw.cooperation_type(top.type))
        # said only with the printed menu to cite (a knowledge base without it lists the line)
        if asked_help and not listed and not asked and self.cid("brochure-support"):
            return self.not_listed(question, lines[1:], pointed)
        first = "answer.compose.yes_line" if yes and not asked else "answer.compose.listed_line"
        sentences = [Sentence(t(first, self.lang, **fields), [cid])]
        if len(lines) > 1 and lines[1][0] >= 0.6 * lines[0][0]:
            f2, c2 = self.line_parts(lines[1][1], heads)
            sentences.append(Sentence(t("answer.compose.also_line", self.lang, **f2), [c2]))
        return Draft("help", sentences)

    def pointed(self, question: str, everyday: dict[str, float] | None = None) -> set[str]:
        """The lines the question's own words point to: its everyday words, mixed-script terms
        and near spellings (``everyday``: already computed)."""
        named = self.everyday(question) if everyday is None else everyday
        return {*named, *self.mixed_terms(question), *self.near_words(question)}

    def related(self, question: str, lid: str, pointed: set[str] | None = None) -> bool:
        """A line related to the question: it shares one of its content words, or its heading
        does, or the question's everyday words point to it (not merely the closest by score)."""
        line = self.fw.cooperation_line(lid)
        if pointed is None:
            pointed = self.pointed(question)
        heading = self.fw.cooperation_type(line.type)
        return names_need(question, line, pointed) or heading_names(question, heading)

    def not_listed(self, question: str, others: list[tuple[float, str]], pointed: set[str]) -> Draft:
        """Help asked for a need no menu line names: said plainly first; a further candidate
        line only when related, and labelled as related, not as the answer; then JICA's contact."""
        menu = self.cid("brochure-support")
        sentences = [Sentence(t("answer.compose.not_listed", self.lang), [menu] if menu else [])]
        near = next((lid for _, lid in others if self.related(question, lid, pointed)), None)
        if near is not None:
            fields, cid = self.line_parts(near)
            sentences.append(Sentence(t("answer.compose.related_line", self.lang, **fields), [cid]))
        contact = self.cid(CONTACT_BASE)
        if contact:
            text = t("answer.compose.ask_jica", self.lang, text=self.contact_text())
            sentences.append(Sentence(text, [contact]))
        return Draft("help", sentences)

    def limit(
        self, kind: str, label: dict[str, str], question: str, vector: list[float] | None
    ) -> Draft:
        what = label[self.lang]
        prefer = "finance" if kind in ("loan", "amount", "finance_form") else None
        lines = self.menu_lines(question, vector, n=1, prefer=prefer)
        # only a line the question's own words relate to is named as the closest
        lines = [x for x in lines if self.related(question, x[1])]
        sentences: list[Sentence] = []
        if lines:
            fields, cid = self.line_parts(lines[0][1])
            text = t("answer.compose.limit", self.lang, what=what, **fields)
            sentences.append(Sentence(text, [cid]))
        contact = self.cid(CONTACT_BASE)
        if contact:
            text = t("answer.compose.ask_jica", self.lang, text=self.contact_text())
            sentences.append(Sentence(text, [contact]))
        if not lines:
            first = Sentence(
                t("answer.compose.limit_bare", self.lang, what=what), [contact] if contact else []
            )
            sentences.insert(0, first)
        return Draft("limit", sentences, answered=False, reason="not_in_sources")
