"""Composers for questions about the framework as a whole: the three stages, the five domains
(and the elements of one), JICA's four assets, JICA's policy, and what one kind of cooperation
covers. Each lists the framework's own items in their printed wording, cited to the chunks
that carry them. ``compose`` decides when a question is of one of these kinds.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_framework import FrameworkKinds
from assistant.knowledge.compose_kinds import Draft, Sentence

if TYPE_CHECKING:
    from assistant.models import CooperationLine

MAX_LINES = {"en": 3, "ja": 4}
# Every element asked for by name ("list all 21 elements", 「全部挙げて」), not only the domains.
LIST_ALL = it._any(
    r"全部|すべて|全て|一覧|列挙|\blist (of )?(the |all )?(21 )?elements|all (the |of the )?(21 )?elements|"
    r"(every|each) element|name (them )?all|elements (by|per|in each) domain|分野ごとに"
)
SHARED_KINDS = {"survey", "knowledge"}  # printed once, read as serving both levels


def _short_kind(name: str) -> str:
    """A kind of cooperation by its own words ("Technical assistance: building a platform" →
    "building a platform"; the survey without its long purpose)."""
    for sep in (": ", "："):
        head, _, rest = name.partition(sep)
        if rest:
            return rest if head in ("Technical assistance", "技術支援") else head
    return name


POLICY_JA = "「信頼」に基づく「共創」によるスマートシティへの協力"

# Words naming each kind of cooperation (the menu's headings), en + ja.
MENU_TYPES: dict[str, tuple[str, ...]] = {
    "survey": ("datacollection", "confirmationsurvey", "情報収集確認調査", "情報収集・確認調査"),
    "masterplan": ("masterplan", "m/p", "マスタープラン", "m/p策定"),
    "knowledge": ("knowledgeshar", "knowledgeplatform", "ナレッジシェア"),
    "institution": ("institutionsandtheiroperation", "制度・体制", "制度体制"),
    "finance": (
        "financialcooperation",
        "financial",
        "infrastructuresupport",
        "smeandsdgs",
        "sme/sdgs",
        "businessverification",
        "資金協力",
        "中小sdgs",
        "インフラ支援",
        "実証事業の実施",
        "demonstrationprojects",
    ),
}


class Overview(FrameworkKinds):
    """The framework-wide kinds, in the answer language, with printed wording quoted."""

    def quote(self, en: str, ja: str) -> str:
        return (
            f"{self.lower(self.strip(en))} (「{self.strip(ja)}」)"
            if self.lang == "en"
            else (f"「{self.strip(ja)}」")
        )

    def stages(self) -> Draft | None:
        cites = [c for c in (self.cid(f"stage-{s.id}") for s in self.fw.stages) if c]
        if not cites:
            return None
        items = [
            f"{s.name.en} ({self.quote(s.fits.en, s.fits.ja)})"
            if self.lang == "en"
            else f"{s.name.ja}（{self.strip(s.fits.ja)}）"
            for s in self.fw.stages
        ]
        text = t("answer.compose.stages", self.lang, items=self.join(items))
        return Draft("overview", [Sentence(text, cites)])

    def stages_each(self) -> Draft | None:
        """Each stage with its printed approach ("the three stages and what each should do")."""
        out = [s for s in (self.stage_sentence(st.id) for st in self.fw.stages) if s]
        return Draft("stage", out) if len(out) == len(self.fw.stages) else None

    def domains_if(self, question: str) -> Draft | None:
        """The domains (or one domain's elements) when the question asks for them as a list."""
        if self.named_domain(question) is None and not it.DOMAINS_ALL.search(it.norm(question)):
            return None
        return self.domains(question)

    def scale_one(self, question: str) -> Draft | None:
        keys = it.found(it.SCALE_ONE, question)
        if len(keys) != 1:
            return None
        s = self.scale_sentence(keys[0], full=True)
        return Draft("scale_up", [s]) if s else None

    def domains(self, question: str) -> Draft | None:
        dom = self.named_domain(question)
        if dom is not None:
            els = [e for e in self.fw.elements if e.domain == dom.id]
            items = [
                f"{e.id} {e.name.en} (「{e.name.ja}」)"
                if self.lang == "en"
                else f"{e.id}「{e.name.ja}」"
                for e in els
            ]
            cite = self.cid(f"elements-{dom.id}") or self.cid(f"element-{els[0].id}")
            # English: the printed domain name beside it, as an element's answer gives it
            name = f"{dom.name.en.lower()} 「{dom.name.ja}」" if self.lang == "en" else dom.name.ja
            text = t(
                "answer.compose.domain_elements",
                self.lang,
                domain=name,
                n=str(len(els)),
                items=self.join(items),
            )
            return Draft("overview", [Sentence(text, [cite])]) if cite else None
        cites = [c for c in (self.cid("brochure-position"), self.cid("brochure-elements")) if c]
        if not cites:
            return None
        items = []
        for d in self.fw.domains:
            ids = [e.id for e in self.fw.elements if e.domain == d.id]
            span = f"{ids[0]}-{ids[-1]}"
            items.append(
                f"{d.name.en} (「{d.name.ja}」, {span})"
                if self.lang == "en"
                else f"「{d.name.ja}」（{span}）"
            )
        joined = self.join(items)
        if LIST_ALL.search(it.norm(question)):  # every element asked for: each domain's names
            sep = (", ", "; ", ": ") if self.lang == "en" else ("、", "／", "：")
            joined = sep[1].join(
                f"{item}{sep[2]}"
                + sep[0].join(e.name.get(self.lang) for e in self.fw.elements if e.domain == d.id)
                for item, d in zip(items, self.fw.domains, strict=True)
            )
        text = t("answer.compose.domains", self.lang, items=joined)
        # English: the brochure's printed count beside the gloss (a count question asks it)
        text += self.printed("５つの分野・21のエレメント")
        return Draft("overview", [Sentence(text, cites)])

    def named_domain(self, question: str):
        """The domain a question asks the elements of ("elements of the organization domain")."""
        q = it.norm(question)
        # "what's in the organization domain?" names it with the word domain; 「組織」 alone needs
        # the elements asked for
        listed = bool(
            it.ELEMENTS_OF.search(q)
            or re.search(r"what'?s in|what is in|\b(contain|include|cover|consist)", q)
            # 「運用分野って何がある？」: a domain named with 分野 and asked what it holds
            or re.search(r"分野(って|には|に|は)(何|なに|どんな)", q)
        )
        if not listed:
            return None
        bare = re.sub(r"[\"'“”‘’『』]", "", q)  # "the 'Operation' domain"
        for d in self.fw.domains:
            for name in (d.name.en.lower(), d.name.ja, d.id):
                if name and (
                    f"「{name}」" in q
                    or f"{name} domain" in bare
                    or f"{name} domain" in q
                    or f"{name}分野" in q
                    or f"{name}の分野" in q
                    or f"{name} 分野" in q
                ):
                    return d
        return None

    def city_types_all(self) -> Draft | None:
        """The four city characters, each with its first printed direction."""
        cites = [c for c in (self.cid(f"citytype-{ct.id}") for ct in self.fw.city_types) if c]
        if not cites:
            return None
        items = [
            f"{ct.name.en} (「{ct.name.ja}」): {self.quote(ct.directions[0].en, ct.directions[0].ja)}"
            if self.lang == "en"
            else f"{ct.name.ja}（{self.strip(ct.directions[0].ja)}）"
            for ct in self.fw.city_types
        ]
        text = t("answer.compose.city_types", self.lang, items=self.join(items))
        return Draft("direction", [Sentence(text, cites)])

    def chart(self) -> Draft | None:
        """The four aims printed on the maturity × character chart (position-chart lists them
        as "自立発展：企業や市民の自発的な取組みを促進。"; the English chunk names them in a sentence)."""
        cid = self.cid("position-chart")
        ja = self.r.get("position-chart.ja")
        if cid is None or ja is None:
            return None
        aims = re.findall(r"^(\S{2,8})：(.+?)。?$", ja.text, re.M)
        if len(aims) < 2:
            return None
        if self.lang == "en":
            chunk = self.r.get(cid)
            sent = (
                next((s for s in re.split(r"(?<=\.)\s+", chunk.text) if "aims" in s), "")
                if chunk
                else ""
            )
            if not sent:
                return None
            text = self.strip(" ".join(sent.split())) + self.printed(
                *(f"{a}：{b}" for a, b in aims)
            )
            return Draft("chart", [Sentence(text, [cid, ja.id])])
        items = "、".join(f"{a}（{b}）" for a, b in aims)
        return Draft("chart", [Sentence(t("answer.compose.chart", "ja", items=items), [ja.id])])

    def assets(self) -> Draft | None:
        cid = self.cid("brochure-support") or self.cid("support-assets")
        if cid is None:
            return None
        items = [self.quote(a.en, a.ja) for a in self.fw.assets]
        return Draft(
            "overview",
            [Sentence(t("answer.compose.assets", self.lang, items=self.join(items)), [cid])],
        )

    def policy(self) -> Draft | None:
        cid = self.cid("brochure-support")
        if cid is None:
            return None
        text = t("answer.compose.policy", self.lang, printed=self.printed(POLICY_JA))
        return Draft("overview", [Sentence(text, [cid])])

    def menu(self, question: str) -> Draft | None:
        """What the menu holds: its kinds of cooperation, or (one level named) one line of each
        kind at that level."""
        q = it.norm(question).strip()
        if (
            it.found(MENU_TYPES, question)
            or re.match(r"(is|are|does|do|can|could|will)\b", q)
            # a need stated, then asked as yes/no ("We need X. Is that on JICA's menu?")
            or re.search(r"[.!]\s+(is|are|does|do|can|could|will)\b[^.!?]*\?$", q)
            or it.ON_MENU.search(q)
        ):
            return None  # one kind named, or a yes/no question: menu_type or help answers
        if re.search(
            r"\banything\b|何か|について|に関して|に関する|regarding|related to|when it comes to", q
        ):
            return None  # "anything in the menu for that?", 「人材育成について」: that need's lines
        if it.HELP.search(q) and re.search(r"\bmenu line\b", q):
            return None  # "the procurement support menu line": that line answers, not the menu
        if re.search(r"「.+?」", question) or self.mixed_terms(question):
            return None  # a term quoted or in English within Japanese: its menu line answers
        levels = it.found(it.LEVELS, question)
        if len(levels) > 1:
            return None  # national vs city: the difference composer
        if not levels and re.search(r"\bcit(y|ies)\b|municipal|都市|自治体", it.norm(question)):
            levels = ["city"]
        return self.menu_level(levels[0]) if levels else self.menu_kinds()

    def menu_kinds(self) -> Draft | None:
        cid = self.cid("brochure-support") or self.cid("support-approach")
        if cid is None:
            return None
        kinds = self.fw.cooperation_types
        names = [_short_kind(k.name.get(self.lang)) for k in kinds]
        if self.lang == "ja":
            names = [f"「{n}」" for n in names]
        printed = self.printed(*(k.name.ja for k in kinds))
        text = t("answer.compose.menu_kinds", self.lang, items=self.join(names), printed=printed)
        return Draft("menu", [Sentence(text, [cid])])

    def listed(self, lines: list[CooperationLine]) -> tuple[list[str], list[str]]:
        """Menu lines quoted as printed (English with the printed Japanese beside it), at most
        ``MAX_LINES`` of them, and the chunk ids they cite."""
        lines = lines[: MAX_LINES[self.lang]]
        items = [
            self.quote(x.text.en, x.text.ja)
            if self.lang == "en"
            else f"「{self.strip(x.text.ja)}」"
            for x in lines
        ]
        cites = [c for c in (self.cid(f"coop-{x.id}") for x in lines) if c]
        return items, cites

    def menu_level(self, level: str) -> Draft | None:
        seen, lines = set(SHARED_KINDS), []
        for line in self.fw.cooperation:  # one line of each kind of cooperation at that level
            if line.level == level and line.type not in seen:
                seen.add(line.type)
                lines.append(line)
        items, cites = self.listed(lines)
        if not cites:
            return None
        name = t(f"answer.compose.level_named.{level}", self.lang)
        text = t("answer.compose.menu_level", self.lang, level=name, items=self.join(items))
        return Draft("menu", [Sentence(text, cites)])

    def menu_type(self, question: str) -> Draft | None:
        keys = it.found(MENU_TYPES, question)
        if len(keys) != 1:
            return None
        ctype = self.fw.cooperation_type(keys[0])
        seen: set[str] = set()
        lines = []
        for line in self.fw.cooperation:  # each distinct line of that kind, either level
            if line.type == ctype.id and line.text.en not in seen:
                seen.add(line.text.en)
                lines.append(line)
        items, cites = self.listed(named_first(lines, question))
        if not cites:
            return None
        text = t(
            "answer.compose.menu_type",
            self.lang,
            type=ctype.name.get(self.lang),
            printed=self.printed(ctype.name.ja),
            items=self.join(items),
        )
        return Draft("menu_type", [Sentence(text, cites)])


def named_first(lines: list[CooperationLine], question: str) -> list[CooperationLine]:
    """The lines of one kind of cooperation, those naming what the question names first ("the
    institutions menu: anything on e-government?"), then those of a level it names: only the
    first few are listed. Words every line of the kind shares name nothing in particular."""
    q = it.norm(question)
    words = {w.removesuffix("s") for w in re.findall(r"[a-z][a-z-]{3,}", q)}
    texts = [f"{x.text.en} {x.text.ja}".lower() for x in lines]
    named = {w for w in words if 0 < sum(w in t for t in texts) < len(lines)}
    levels = set(it.found(it.LEVELS, question))

    def score(i: int) -> tuple[int, int]:
        return -sum(w in texts[i] for w in named), -int(lines[i].level in levels)

    return [lines[i] for i in sorted(range(len(lines)), key=score)]
