"""The composers built from the framework's structured data: a stage, a way to scale up or a city
type in one sentence each, two of them side by side, where to start, the menu's levels, what JICA
assesses, what JICA is, the source report, and one element's question and desired state. The menu
lines, contact and the not-in-sources reply stay with the base ``Composer``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_elements import ElementKinds
from assistant.knowledge.compose_kinds import (
    ASSESS_JA,
    CONTACT_BASE,
    Draft,
    Sentence,
)
from assistant.knowledge.retrieval import Filters

if TYPE_CHECKING:
    pass

# The words of a national-vs-city question that are not its topic.
LEVEL_TALK = re.compile(
    r"\b(jica|support|assistance|help|offers?|provides?|gives?|cooperation|national|governments?|"
    r"ministr\w*|cit(y|ies)|municipal\w*|levels?|differen\w*|differ|what|which|how|between|and|"
    r"the|it|its|does|do|is|are|on|for|to|in|of|s|at|versus|vs|compared?|with|menu|seems?|split|"
    r"two|both|sides?|parts?|we|our|us|can|get|they|them|there|this|that|lists?|offered|whats)\b|"
    r"[^\w\s]|支援|協力|国|自治体|都市|市|地区|レベル|内容|違い|違う|異なる|どう|どのように|"
    r"について|では|とで|とは|ですか|ますか|メニュー|受けられる|[のでとはをにがもや]"
)
# Asking where a way of scaling up leads ("where do you end up", "what is it supposed to lead to",
# 「最終的に何を目指す」): its printed outcome line is quoted too.
LEADS_TO = it._any(
    r"\bend (up|result)|\blead(s|ing)? to\b|\bleads?\b|result in|outcome|\bgoal|"
    r"where (does|do|will|would) (it|each|they|that|this)( one)? (go|lead|end)|"
    r"最終的|行き着|目指す(もの|ところ|姿)|何を目指|どこに向か|ゴール"
)


def leads_to(question: str) -> bool:
    return bool(LEADS_TO.search(it.norm(question)))


TYPE_COMMON = {"support", "technical", "assistance", "experts", "dispatch", "smart", "cooperation"}


class FrameworkKinds(ElementKinds):
    """The kinds of answer that come from the framework's stages, ways, types and elements."""

    def combine_sentence(self, cites: list[str]) -> Sentence:
        """The two ways can be combined, as the brochure's How To Scale-up part prints it."""
        clause = "これらを組合せることも可能です"
        part = self.r.get("brochure-scale.ja")
        if part is None or clause not in part.text:
            return Sentence(t("answer.compose.combine", self.lang, printed=""), cites)
        own = [c for c in (self.cid("brochure-scale"), part.id) if c]
        printed = self.printed(clause)
        return Sentence(
            t("answer.compose.combine", self.lang, printed=printed), [*dict.fromkeys(own)]
        )

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
        """One scale-up way; ``full``: quote all of its printed description (asked alone, or
        asked where it leads: its printed "→" line)."""
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

    def topic_lines(self, question: str) -> dict[str, tuple[str, ...]] | None:
        """Each level's menu lines on the question's topic ("support for institutions: national
        vs city"): lines sharing the question's words, none when a level has none."""
        topic = LEVEL_TALK.sub(" ", it.norm(question)).strip()
        if len(topic) < 2:
            return None
        own = self.r.search(topic, k=24, filters=Filters(base_prefix="coop-"))
        ranked = [h.chunk.base_id.removeprefix("coop-") for h in own if (h.lexical or 0.0) > 0]
        near = self.near_words(topic)  # "organisational" ~ "organisations"
        ranked += sorted(near, key=lambda x: -near[x])
        # the kind of cooperation the topic names ("organisational support") comes first
        heads = {w[:6] for w in re.findall(r"[a-z]{5,}", topic) if w not in TYPE_COMMON}
        share: dict[str, float] = {}  # how much of a kind's name the topic is
        for k in self.fw.cooperation_types:
            words = [w[:6] for w in re.findall(r"[a-z]{5,}", k.name.en.lower())]
            hit = sum(w in heads for w in words)
            if hit:
                share[k.id] = hit / len(words)
        kind = {c.id: c.type for c in self.fw.cooperation}
        ranked += [c.id for c in self.fw.cooperation if c.type in share]
        ranked.sort(key=lambda lid: -share.get(kind.get(lid, ""), 0.0))  # stable within a kind
        level = {c.id: c.level for c in self.fw.cooperation}
        picks: dict[str, list[str]] = {"national": [], "city": []}
        for lid in ranked:
            if lid in level and lid not in picks[level[lid]]:
                picks[level[lid]].append(lid)
        if not all(picks.values()):
            return None
        return {k: tuple(v[:2]) for k, v in picks.items()}

    def levels(self, question: str = "") -> Draft | None:
        picks: dict[str, tuple[str, ...]] = {  # one line of each main kind of cooperation
            "national": ("nat-organization-1", "nat-masterplan-1", "nat-institution-1"),
            "city": ("city-organization-2", "city-finance-1", "city-masterplan-2"),
        }
        picks = (self.topic_lines(question) if question else None) or picks
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
            # two ways side by side (and where each leads, when that is asked)
            (it.SCALE_WAYS, lambda k: self.scale_sentence(k, full=leads_to(question))),
            (it.CITY_TYPES, self.city_sentence),
        ):
            keys = it.found(table, question)
            if len(keys) >= 2:
                take = keys[:3] if table is it.STAGES else keys[:2]  # all three stages named
                sentences = [s for s in (make(k) for k in take) if s]
                if len(sentences) == len(take):
                    if table is it.SCALE_WAYS:
                        sentences.append(self.combine_sentence(sentences[0].cites))
                    return Draft("difference", sentences)
        levels = set(it.found(it.LEVELS, question))
        q = it.norm(question)  # one level by its word, the other named loosely ("国と自治体")
        levels |= {"city"} if re.search(r"\bcit(y|ies)\b|都市|自治体", q) else set()
        levels |= (
            {"national"}
            if re.search(
                r"\bnational\b|\b(a |the )?countr(y|ies)\b|\bministr(y|ies)\b|国(と|で|は|が|も|向け)|政府",
                q,
            )
            else set()
        )
        if len(levels) >= 2 and (
            it.found(it.LEVELS, question) or re.search(r"\bvs\.?\b|versus|between|\bonly\b", q)
        ):
            return self.levels(question)
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

    def about_jica(self, question: str = "") -> Draft | None:
        """What JICA is, as the brochure's colophon prints it; asked what JICA stands for, its
        English name first (the Japanese colophon gives only the Japanese one)."""
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
        out = [Sentence(text, list(dict.fromkeys(cites)))]
        en = self.r.get(f"{CONTACT_BASE}.en")
        name = re.search(r"Japan International Cooperation Agency", en.text) if en else None
        if en and name and self.lang == "ja" and it.ABBREV.search(it.norm(question)):
            out.insert(0, Sentence(t("answer.compose.jica_name", self.lang, name=name[0]), [en.id]))
        return Draft("about", out)

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
        cites = [cid] if cid else []
        ja = self.r.get("brochure-source.ja")
        where = re.search(r"報告書は[^。]*ご覧になれます", ja.text) if ja else None
        if ja and where and self.lang == "en":  # the printed line that says where to read it
            text += self.printed(where.group(0))
            cites = list(dict.fromkeys([*cites, ja.id]))
        return Draft("report", [Sentence(text, cites)]) if cites else None

    def stage(self, question: str) -> Draft | None:
        keys = it.found(it.STAGES, question)
        if len(keys) != 1:
            return None
        s = self.stage_sentence(keys[0])
        return Draft("stage", [s]) if s else None

    def city_is_type(self, question: str) -> Draft | None:
        """A city character taken for a stage: what it is (the printed heading), then its
        directions."""
        keys = it.found(it.CITY_TYPES, question)
        ct = next((c for c in self.fw.city_types if keys and c.id == keys[0]), None)
        s = self.city_sentence(keys[0]) if ct else None
        if ct is None or s is None:
            return None
        name = f"“{ct.name.en}” (「{ct.name.ja}」)" if self.lang == "en" else ct.name.ja
        lead = t("answer.compose.is_city_type", self.lang, name=name)
        return Draft("direction", [Sentence(lead, s.cites), s])

    def city_direction(self, question: str) -> Draft | None:
        keys = it.found(it.CITY_TYPES, question)
        if len(keys) != 1:
            return None
        s = self.city_sentence(keys[0])
        return Draft("direction", [s]) if s else None

    def scale_up(self, question: str = "") -> Draft | None:
        """Both ways to scale up, the one the question's situation names first."""
        ways = it.found(it.SCALE_WAYS, question)
        order = ["sector", "area"] if ways and ways[0] == "sector" else ["area", "sector"]
        # the way the situation names, with where it leads when that is asked
        out = [
            s
            for s in (
                self.scale_sentence(w, full=bool(ways) and i == 0 and leads_to(question))
                for i, w in enumerate(order)
            )
            if s
        ]
        if len(out) != 2:
            return None
        printed = self.r.get("brochure-scale.ja")
        if it.COMBINE.search(it.norm(question)) and printed is not None:
            # asked whether both can be used: the printed line says so, first
            line = self.strip(printed.text)
            text = t(
                "answer.compose.combine_first",
                self.lang,
                printed=self.printed(line) if self.lang == "en" else line,
            )
            cites = [c for c in (self.cid("brochure-scale"), printed.id) if c]
            return Draft("scale_up", [Sentence(text, list(dict.fromkeys(cites))), *out])
        combine = self.combine_sentence(out[0].cites)
        return Draft("scale_up", [*out, combine])
