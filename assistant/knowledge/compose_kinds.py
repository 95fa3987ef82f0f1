"""The per-kind composers: each builds 1-3 sentences from the structured framework data for one
common kind of question (cooperation menu lines, two items side by side, city-type directions,
where to start, an element's desired state, contact, the not-in-sources reply), each sentence
carrying the chunk ids it rests on. ``compose`` decides which kind a question is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.retrieval import Filters

if TYPE_CHECKING:
    from assistant.knowledge.retrieval import Hit, HybridRetriever
    from assistant.models import Element, Framework, Lang

CONTACT_BASE = "contact-jica"
_NAME_STOP = {"of", "and", "the", "visio", "polic"}  # shared by six policy names: no clue alone


def _spelling(text: str) -> str:
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
    extra: list[str] = field(default_factory=list)  # further chunk ids to list as sources


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
        if prefer:
            for lid in score:
                if lines.get(lid) is not None and lines[lid].type == prefer:
                    score[lid] += 1.0
        out: list[tuple[float, str]] = []
        for lid in sorted(score, key=lambda x: (-score[x], x)):
            line = lines.get(lid)
            if line is None or any(lines[o].text.en == line.text.en for _, o in out):
                continue
            out.append((score[lid], lid))
            if len(out) == n:
                break
        return out

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
        return {lid: lex[lid] + dense[lid] for lid in lex}

    def mixed_terms(self, question: str) -> dict[str, float]:
        """Mixed script: the English term is what the question is about ("Testbedの構築支援"), so
        the menu lines that share it lexically weigh more."""
        latin = " ".join(re.findall(r"[A-Za-z][A-Za-z-]{2,}", question))
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

    def line_parts(self, lid: str) -> tuple[dict[str, str], str]:
        """Template fields for a menu line, and the chunk id to cite (answer language)."""
        line = next(c for c in self.fw.cooperation if c.id == lid)
        twins = [c for c in self.fw.cooperation if c.text.en == line.text.en]
        levels = {c.level for c in twins}
        level = (
            t("answer.compose.both_levels", self.lang)
            if len(levels) > 1
            else t(f"answer.compose.level.{line.level}", self.lang)
        )
        ctype = next(x for x in self.fw.cooperation_types if x.id == line.type)
        short = line.type == "survey"  # its heading is long: name only, purpose in the line
        fields = {
            "type": self.type_name(ctype.name.get(self.lang), short),
            "level": level,
            "text": self.strip(line.text.get(self.lang)),
            "printed": self.printed(line.text.ja, self.type_name(ctype.name.ja, short)),
        }
        return fields, self.cid(f"coop-{line.id}") or f"coop-{line.id}.{self.lang}"

    def first_clause(self, text: str) -> str:
        """English renderings quote the printed sentence beside them: their first clause will do."""
        return text.split(": ")[0] if self.lang == "en" else text

    @staticmethod
    def type_name(name: str, short: bool) -> str:
        return name.split("：")[0].split(":")[0] if short else name

    def help(self, question: str, vector: list[float] | None, hits: list[Hit]) -> Draft | None:
        lines = self.menu_lines(question, vector, hits=hits)
        if not lines:
            return None
        fields, cid = self.line_parts(lines[0][1])
        sentences = [Sentence(t("answer.compose.yes_line", self.lang, **fields), [cid])]
        if len(lines) > 1 and lines[1][0] >= 0.6 * lines[0][0]:
            f2, c2 = self.line_parts(lines[1][1])
            sentences.append(Sentence(t("answer.compose.also_line", self.lang, **f2), [c2]))
        return Draft("help", sentences)

    def stage_sentence(self, sid: str) -> Sentence | None:
        st = next((s for s in self.fw.stages if s.id == sid), None)
        cid = self.cid(f"stage-{sid}")
        if st is None or cid is None:
            return None
        steps = self.join([self.lower(self.strip(a.get(self.lang))) for a in st.approach])
        name = st.name.en if self.lang == "en" else st.name.ja
        fits = self.strip(st.fits.get(self.lang))
        fits = fits[0].lower() + fits[1:] if self.lang == "en" else fits
        printed = self.printed(st.fits.ja, *(a.ja for a in st.approach))
        return Sentence(
            t(
                "answer.compose.stage",
                self.lang,
                name=name,
                fits=fits,
                steps=steps,
                printed=printed,
            ),
            [cid],
        )

    def scale_sentence(self, sid: str, full: bool = False) -> Sentence | None:
        """One scale-up way; ``full``: quote all of its printed description (asked alone)."""
        su = next((s for s in self.fw.scale_up if s.id == sid), None)
        cid = self.cid(f"scaleup-{sid}")
        if su is None or cid is None:
            return None
        name = su.name.en.lower() if self.lang == "en" else su.name.ja
        return Sentence(
            t(
                "answer.compose.scale",
                self.lang,
                name=name,
                summary=self.strip(su.summary.get(self.lang)).lower()
                if self.lang == "en"
                else self.strip(su.summary.ja),
                desc=self.lower(self.strip(self.first_clause(su.description.get(self.lang)))),
                printed=self.printed(
                    su.name.ja,
                    su.summary.ja,
                    *(su.description.ja.split("。")[: None if full else 1]),
                ),
            ),
            [cid],
        )

    def city_sentence(self, tid: str) -> Sentence | None:
        ct = next((c for c in self.fw.city_types if c.id == tid), None)
        cid = self.cid(f"citytype-{tid}")
        if ct is None or cid is None:
            return None
        name = ct.name.en.lower() if self.lang == "en" else ct.name.ja
        dirs = self.join(
            [
                self.strip(d.get(self.lang)).lower() if self.lang == "en" else self.strip(d.ja)
                for d in ct.directions
            ]
        )
        printed = self.printed(ct.name.ja, *(d.ja for d in ct.directions))
        return Sentence(
            t("answer.compose.city_type", self.lang, name=name, dirs=dirs, printed=printed), [cid]
        )

    def levels(self) -> Draft | None:
        picks: dict[str, tuple[str, ...]] = {  # one line of each main kind of cooperation
            "national": ("nat-organization-1", "nat-masterplan-1", "nat-institution-1"),
            "city": ("city-organization-2", "city-finance-1", "city-masterplan-2"),
        }
        out = []
        for level, ids in picks.items():
            ids = ids[: 3 if self.lang == "ja" else 2]  # English also quotes the printed lines
            lines = [c for c in self.fw.cooperation if c.id in ids]
            cids = [x for x in (self.cid(f"coop-{i}") for i in ids) if x]
            if len(lines) != len(ids) or not cids:
                return None
            quote = "“{}”" if self.lang == "en" else "「{}」"
            items = [quote.format(self.strip(x.text.get(self.lang))) for x in lines]
            joined = (
                ", ".join(items[:-1]) + " and " + items[-1] if self.lang == "en" else "".join(items)
            )
            heading = t(f"answer.compose.level.{level}", "ja")
            printed = self.printed(heading, *(x.text.ja for x in lines))
            text = t(
                "answer.compose.levels_nat"
                if level == "national"
                else "answer.compose.levels_city",
                self.lang,
                items=joined,
                printed=printed,
            )
            out.append(Sentence(text, cids))
        return Draft("difference", out)

    def difference(self, question: str) -> Draft | None:
        for table, make in (
            (it.STAGES, self.stage_sentence),
            (it.SCALE_WAYS, self.scale_sentence),
            (it.CITY_TYPES, self.city_sentence),
        ):
            keys = it.found(table, question)
            if len(keys) >= 2:
                sentences = [s for s in (make(k) for k in keys[:2]) if s]
                if len(sentences) == 2:
                    if table is it.SCALE_WAYS:
                        sentences.append(
                            Sentence(t("answer.compose.combine", self.lang), sentences[0].cites)
                        )
                    return Draft("difference", sentences)
        if len(it.found(it.LEVELS, question)) >= 2:
            return self.levels()
        return None

    def start(self) -> Draft | None:
        st = next(s for s in self.fw.stages if s.id == "small_start")
        cid = self.cid("stage-small_start")
        if cid is None:
            return None
        steps = self.join([self.lower(self.strip(a.get(self.lang))) for a in st.approach])
        out = [
            Sentence(
                t(
                    "answer.compose.start",
                    self.lang,
                    steps=steps,
                    printed=self.printed(*(a.ja for a in st.approach)),
                ),
                [cid],
            )
        ]
        assess = self.cid("brochure-position") or self.cid("position-assessment")
        if assess:
            out.append(self.assess_sentence(assess))
        return Draft("start", out)

    def assessment(self) -> Draft | None:
        cid = self.cid("brochure-position") or self.cid("position-assessment")
        if cid is None:
            return None
        return Draft("start", [self.assess_sentence(cid)])

    def assess_sentence(self, cid: str) -> Sentence:
        printed = self.printed(*ASSESS_JA)
        return Sentence(t("answer.compose.assess", self.lang, printed=printed), [cid])

    def about_jica(self) -> Draft | None:
        """What JICA is, as the brochure's colophon prints it."""
        cid = self.cid(CONTACT_BASE)
        chunk = self.r.get(cid or "")
        paras = chunk.text.split("\n\n") if chunk else []
        if len(paras) < 2:
            return None
        ja = self.r.get(f"{CONTACT_BASE}.ja")
        jap = ja.text.split("\n\n") if ja else []
        printed = self.printed(jap[1]) if len(jap) > 1 else ""
        text = t("answer.compose.about_jica", self.lang, text=self.strip(paras[1]), printed=printed)
        cites = [c for c in (cid, ja.id if printed and ja is not None else None) if c]
        return Draft("about", [Sentence(text, list(dict.fromkeys(cites)))])

    def report(self) -> Draft | None:
        """The study the brochure summarises and where its report is (printed colophon)."""
        cid = self.cid("brochure-source")
        chunk = self.r.get(cid or "")
        if chunk is None:
            return None
        study = re.search(r"「([^」]+)」", chunk.text)
        url = re.search(r"https?://\S+[^\s).]", chunk.text)
        if not study or not url:
            return None
        text = t("answer.compose.report", self.lang, study=study.group(1), url=url.group(0))
        return Draft("report", [Sentence(text, [cid])]) if cid else None

    def element(self, question: str, hits: list[Hit] | None = None) -> Draft | None:
        el = self.find_element(question)
        if el is None and hits and it.ELEMENTS_OF.search(it.norm(question)):
            # "the promoting-body element": the element chunk retrieval ranks first names it
            top = hits[0].chunk.base_id
            if top.startswith("element-"):
                el = next((e for e in self.fw.elements if f"element-{e.id}" == top), None)
        cid = self.cid(f"element-{el.id}") if el else None
        if el is None or cid is None:
            return None
        dom = next(d for d in self.fw.domains if d.id == el.domain).name.get(self.lang)
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
        return Draft("element", [Sentence(text, [cid])])

    def find_element(self, question: str) -> Element | None:
        match = it.ELEMENT_ID.search(it.norm(question))
        if match:
            eid = f"E{int(match.group(1)):02d}"
            return next((e for e in self.fw.elements if e.id == eid), None)
        q = _spelling(it.squash(question))
        best = None
        for el in self.fw.elements:
            for name in (el.name.en, el.name.ja):
                key = _spelling(it.squash(name))
                if len(key) >= 4 and key in q and (best is None or len(key) > best[0]):
                    best = (len(key), el)
        if best:
            return best[1]
        return self.element_by_words(question) if it.ELEMENTS_OF.search(question) else None

    def element_by_words(self, question: str) -> Element | None:
        """An element named loosely ("the element on trust", "partnerships with other
        cities"): most of its English name's words occur in the question, and no other
        element matches as well."""
        words = {w[:5] for w in re.findall(r"[a-z]+", _spelling(it.norm(question)))}
        scored = []
        for el in self.fw.elements:
            name = [w[:5] for w in re.findall(r"[a-z]+", _spelling(el.name.en.lower()))]
            name = [w for w in name if w not in _NAME_STOP]
            hit = sum(w in words for w in name)
            if name and hit:
                scored.append((hit / len(name), hit, el))
        scored.sort(key=lambda x: (-x[0], -x[1]))
        if not scored or scored[0][0] < 0.5:
            return None
        if len(scored) > 1 and scored[1][:2] == scored[0][:2]:
            return None
        return scored[0][2]

    def stage(self, question: str) -> Draft | None:
        keys = it.found(it.STAGES, question)
        if len(keys) != 1:
            return None
        s = self.stage_sentence(keys[0])
        return Draft("stage", [s]) if s else None

    def city_direction(self, question: str) -> Draft | None:
        keys = it.found(it.CITY_TYPES, question)
        if len(keys) != 1:
            return None
        s = self.city_sentence(keys[0])
        return Draft("direction", [s]) if s else None

    def scale_up(self) -> Draft | None:
        out = [s for s in (self.scale_sentence("area"), self.scale_sentence("sector")) if s]
        if len(out) != 2:
            return None
        return Draft(
            "scale_up", [*out, Sentence(t("answer.compose.combine", self.lang), out[0].cites)]
        )

    def limit(
        self, kind: str, label: dict[str, str], question: str, vector: list[float] | None
    ) -> Draft:
        what = label[self.lang]
        prefer = "finance" if kind in ("loan", "amount") else None
        lines = self.menu_lines(question, vector, n=1, prefer=prefer)
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
