"""Several questions in one message ("What are the five domains, and which one covers citizen
participation?", 「JICAの強みは何ですか？また、連絡先も教えてください。」): each part is composed on
its own and the answers joined in the order asked, so the second question is not dropped.

Only parts that a structured composer answers (stages, elements, menu lines, contact...) are
joined; a part answered by quoted sentences alone adds nothing the whole-question answer lacks.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.knowledge import intents as it
from assistant.knowledge.asked import asked_part
from assistant.knowledge.compose import Draft, compose

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.knowledge.retrieval import Hit, HybridRetriever
    from assistant.models import Framework

# Where a second question starts: after a question mark, at 「また、」「それと」, or at ", and
# which/what/how/..." joining a new question word.
_SPLIT = re.compile(
    r"(?<=[?？])\s*(?=\S)|(?<=[。])\s*(?:また|それと|あと|さらに)、?|"
    r"(?:[,;]\s*|\s+)(?:and|also|plus)\s+(?=(?:which|what|how|where|who|when|whom|why|does|do|is|"
    r"are|can|could|would|will|should)\b)|;\s+(?=(?:which|what|how|where|who|when|does|do|is|are|"
    r"can|could|would|will|should)\b)|,\s+(?=(?:what|which|how|where|who)\s+(?:is|are|does|do|one|element|stage)\b)",
    re.I,
)
# A part that points back ("… and is there a menu line for it?") is asked of the part before.
_POINTS_BACK = re.compile(
    r"\b(for|about|on|with|to|of|covers?|includes?)\s+(it|that|them|this|those|these)\s*[?？.]?$|"
    r"(それ|これ)(に|を|について|は|も)(?!と)",
    re.I,
)
_FRAME = re.compile(
    r"\b(which|what) (element|one|stage|domain)\b|\b(elements?|stages?|domains?)\b|"
    r"どの(エレメント|段階|分野)|エレメント|[?？]",
    re.I,
)
# Numbered parts ("(1) … and (2) …", 「①…②…」): each number starts a question.
_NUMBERED = re.compile(r"\s*(?:\(\d\)|(?<![\w(])\d\)|[①②③④⑤])\s*")
_QUESTION_WORD = re.compile(
    r"[?？]|\b(which|what|how|where|who|when|does|do|is|are|can|could|would|should|tell|give)\b|"
    r"教えて|ですか|ますか|でしょうか|何|どこ|どの|どう",
    re.I,
)
MAX_PARTS = 3
QUOTED_ONLY = {"sentences"}  # kinds that only quote retrieved sentences


def question_parts(question: str) -> list[str]:
    """The separate questions of a message, in order; one part when it asks one thing."""
    if it.DIFFERENCE.search(it.norm(question)):
        return [question]  # "what's different between what X offers and what Y offers": one ask
    pieces = [p for n in _NUMBERED.split(question.strip()) for p in _SPLIT.split(n) if p]
    parts = [re.sub(r"(?:[,、]\s*|\s+)(?:and|also|そして)$", "", p.strip(" 、,")) for p in pieces]
    parts = [p for p in parts if len(p) >= 6]
    if len(parts) >= 3 and not _QUESTION_WORD.search(parts[0]):
        parts = parts[1:]  # "Two things:" before the numbered questions
    asking = [p for p in parts if _QUESTION_WORD.search(p)]
    if len(asking) >= 2 and not _QUESTION_WORD.search(parts[0]):
        # the scene set first ("We are an island town. We have done nothing yet."), then two
        # questions: the scene goes with the first question, the second is asked on its own
        lead = parts.index(asking[0])
        parts = [" ".join(parts[: lead + 1]), *parts[lead + 1 :]]
    if len(parts) < 2 or not all(_QUESTION_WORD.search(p) for p in parts):
        return [question]
    return parts[:MAX_PARTS]


def _asked(part: str) -> str:
    """A part cut before ", and which …" asks all the same: its question mark makes it so."""
    if part.endswith(("?", "？", ".", "。", "!", "！")):
        return part
    return part + ("？" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]$", part) else "?")


def _scene(part: str) -> str:
    """The sentences of a part that set the scene rather than ask (「観光の町です。」)."""
    asked = asked_part(part)
    return part.replace(asked, "").strip() if asked != part else ""


def compose_parts(
    question: str,
    lang: str,
    retriever: HybridRetriever,
    fw: Framework,
    search: Callable[[str], tuple[list[Hit], list[float] | None]],
) -> Draft | None:
    """One draft answering each part in turn, or None when fewer than two parts get a
    structured answer of their own (then the whole-question answer stands)."""
    parts = question_parts(question)
    if len(parts) < 2:
        return None
    drafts: list[Draft] = []
    alike = 0  # parts answered exactly as an earlier part was
    for i, part in enumerate(parts):
        part = _asked(part)
        if i and _POINTS_BACK.search(part) and len(part) < 80:
            # "for it": the thing the part before names, without that part's own question frame
            before = it.HELP.sub(" ", _FRAME.sub(" ", it.norm(parts[i - 1])))
            part = f"{part} {before.strip()}"
        hits, vector = search(part)
        draft = compose(part, lang, hits, retriever, fw, vector)
        scene = _scene(_asked(parts[0])) if i else ""
        if scene and (draft is None or draft.kind in QUOTED_ONLY or draft.judged):
            # 「どんな方向性が合いますか」 alone names no city: asked of the city described first
            part = f"{scene} {part}"
            hits, vector = search(part)
            draft = compose(part, lang, hits, retriever, fw, vector)
        # a draft routed by the passages found stands in for quoted sentences: no part of its own
        if draft is None or not draft.sentences or draft.kind in QUOTED_ONLY or draft.judged:
            continue
        if any(
            d.kind == draft.kind and d.sentences[0].text == draft.sentences[0].text for d in drafts
        ):
            alike += 1
            continue  # two parts answered alike: say it once
        drafts.append(draft)
    if len(drafts) == 1 and alike == len(parts) - 1:
        return drafts[0]  # every part asks the same thing ("what comes after X? and at that top…")
    if len(drafts) < 2:
        return None
    sentences = [s for d in drafts for s in d.sentences]
    return Draft(drafts[0].kind, sentences, extra=[x for d in drafts for x in d.extra])
