"""The fallback answer: the retrieved passages' sentences that share most of the question's
words, printed text before the project's glosses (a printed sentence the gloss restates goes
first). Split from ``compose.py``, which decides the kind of question."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents as it
from assistant.knowledge.compose_kinds import Composer, Draft, Sentence
from assistant.knowledge.compose_printed import (
    PART_CHUNKS,
    brochure_part,
    printed_twin,
    split_sentences,
)
from assistant.knowledge.lexical import bigram_tokenize
from assistant.knowledge.retrieval import Hit

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk

__all__ = ["COUNT", "MIN_OVERLAP", "best_sentences"]

_PROV_RANK = {"printed": 0, "reading": 1, "added": 2}
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
        # the frame of a Japanese question (〜でしょうか, 〜べきなんですか, 〜ください): it asks, it
        # names nothing a sentence could share
        *("でし", "しょ", "ょう", "うか", "なん", "んで", "べき", "きな", "くだ", "ださ", "さい"),
    ]
)


def _overlap(q: set[str], sentence: str) -> float:
    """Share of the question's tokens in the sentence; long English words match by stem prefix
    ("leapfrogging" ~ "leapfrog-type")."""
    toks = set(bigram_tokenize(sentence))
    low = sentence.lower()
    hit = sum(t in toks or (len(t) >= 7 and t.isascii() and t[: len(t) - 3] in low) for t in q)
    return hit / (len(q) or 1)


MIN_OVERLAP = 0.1
# A heading the chunk asks or a label whose content follows: neither answers anything.
_NOT_ANSWERS = ("?", "？", ":", "：")
# A sentence that asks (an interview question of the project's): it answers nothing.
_ASKS = re.compile(r"(ますか|ですか|でしょうか|ませんか)[。]?$")
# A sentence of the project's gloss that says only that a topic is asked about ("X is a frequent
# question about …", 「…よく寄せられる質問です」): it tells the asker nothing.
_FILLER = re.compile(
    r"\b(is|are) (a |an )?(frequent|common|popular|recurring|often[- ]asked)[\w\s-]{0,12} "
    r"(question|topic|query)s?\b|\bfrequently asked\b|\b(people|cities|officials) often ask\b|"
    r"よく(寄せられる|ある|聞かれる|尋ねられる)(ご)?(質問|問い合わせ|お問い合わせ)|"
    r"(質問|問い合わせ)が(多い|多く寄せられ)"
)
# Lines of an element chunk that are the project's own (its question, keywords, top level).
_PROJECT_LINES = (
    "In plain words:",
    "わかりやすく言うと：",
    "Keywords:",
    "キーワード：",
    "Level 4:",  # the project's rubric, not what the brochure prints
    "レベル4：",
)
COUNT = re.compile(r"how many|number of|何件|何か国|何カ国|いくつ|何個|何人|何都市|何つ", re.I)
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
    counting = bool(COUNT.search(it.norm(question)))
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
            if _ASKS.search(sent) or _FILLER.search(sent):
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
        if any(o.text.startswith(text) for o in out):
            continue  # a gloss that repeats the printed sentence word for word: said already
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
