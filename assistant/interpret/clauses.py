"""Reading a mixed answer clause by clause: what exists, what is missing, what stopped, what is
only planned, and which rubric level's own words it uses.

Officials rarely answer with one level's words. "The IT department has firewalls and backups, but
there is no written security policy" states something that exists and something missing; the
rubric places it by what exists (the missing part caps it). "We plan to build a portal" with
nothing in place is a plan (level 1); "the portal runs, and we plan to add APIs" is read by what
runs. "It was stopped when the mayor changed" says what is true now. These measurements become
features of the learned combiner (``model.features``), which weighs them against the cue votes
and the rubric similarity; no level is decided here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.interpret.cues import EN_NEGATED_CLAUSE, JA_NEGATED_CLAUSE
from assistant.interpret.signals import LEVELS, Hit, Span
from assistant.interpret.stops import says_stopped
from assistant.models import Element, Lang

# Something is there, said of the present: "we have / run / publish / use ...".
EN_PRESENCE = re.compile(
    r"\b(?:we|they|it|he|she|there|the \w+(?: \w+)?|our \w+(?: \w+)?)\s+"
    r"(?:(?:already|now|currently|also|only|just|still)\s+)?"
    r"(?:ha(?:ve|s)(?! (?:no|not|never|yet|to)\b)|run|runs|ran|publish(?:es|ed)?|use[sd]?|keeps?"
    r"|maintains?|hold(?:s)?|held|did|do(?:es)?(?! not|n't)|made|wrote|signed|hired|trained|built"
    r"|installed|launched|set up|opened|collect(?:s|ed)?|post(?:s|ed)?)\b"
    r"|\bthere (?:is|are|was|were) (?:a|an|one|two|three|some|several|about|\d+)\b",
    re.IGNORECASE,
)
JA_PRESENCE = re.compile(
    r"(?:があります|がある|(?:は|も)あります|(?:は|も)ある(?:が|けど|もの)|を(?:行って|実施して|公開して|使って|運用して|作成し|導入し|設置し|設け)"
    r"|しています|しました|ています|ておりま|ました|(?<!しか)あり(?=[、。,・\s]|$)|済み"
    # a count of people or things that are there: 「職員が2人いて」「事業は7件あります」
    r"|[0-9０-９一二三四五六七八九十数]+(?:人|名|件|つ|か所|カ所|社|本|基)(?:が|ほど|くらい|ぐらい)?"
    r"(?:い(?:て|ます|る)|おり|あり(?:ます|ますが)?|ある))"
)
# The speaker's own post ("I work in the planning unit", 「産業振興を担当しています」) is not
# something the city has in place.
SPEAKER_ROLE = {
    "en": re.compile(
        r"\b(?:i|i'm|i am)\s+(?:\w+\s+)?(?:work(?:ing)?|sit|sitting|am|serve|head|run|lead|manage)"
        r"\s+(?:in|at|for|with|as)\b|\b(?:i'm|i am) (?:in charge of|responsible for)\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"(?:を|の)?担当して(?:い|お)|に(?:勤め|所属し|勤務し)て|で働いて|に在籍"),
}
EN_WORD = re.compile(r"[a-z][a-z-]{3,}")
JA_CHUNK = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ffー]{2,}")
EN_STOP = frozenset(
    [
        "with",
        "that",
        "this",
        "from",
        "have",
        "been",
        "being",
        "into",
        "their",
        "there",
        "which",
        "when",
        "where",
        "what",
        "about",
        "only",
        "some",
        "more",
        "than",
        "also",
        "such",
        "other",
        "each",
        "city",
        "city's",
        "smart",
        "smart-city",
        "project",
        "projects",
        "level",
        "used",
        "does",
        "done",
        "make",
        "made",
        "they",
        "them",
        "these",
        "those",
        "very",
        "much",
        "many",
        "most",
        "work",
        "works",
        "working",
        "part",
        "partly",
        "exists",
        "exist",
    ]
)


THE_REST = {
    "en": re.compile(
        r"\b(?:the|all) other \w+|\bthe rest\b|\b(?:everyone|everything|everybody) else\b"
        r"|\bother (?:departments|units|offices|projects|services|sectors|districts)\b",
        re.IGNORECASE,
    ),
    "ja": re.compile(
        r"(?:ほか|他|その他|それ以外)の(?:課|部署|部局|事業|地区|分野|部門|プロジェクト)|それ以外は|ほかは|他は"
    ),
}


@dataclass(frozen=True)
class LevelWords:
    """Per rubric level of one element: the words only that level's texts use."""

    words: tuple[frozenset[str], ...]
    texts: tuple[str, ...] = ()  # each level's rubric text and example, lower-cased


def terms(text: str, lang: Lang) -> set[str]:
    if lang == "ja":
        out: set[str] = set()
        for chunk in JA_CHUNK.findall(text):
            out.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
        return out
    return {w[:6] for w in EN_WORD.findall(text.lower()) if w not in EN_STOP}


def level_words(element: Element, lang: Lang) -> LevelWords:
    """Each level's distinguishing words: in its rubric text or example, in no other level's."""
    texts = tuple((r.text.get(lang) + " " + r.evidence.get(lang)).lower() for r in element.rubric)
    per = [terms(t, lang) for t in texts]
    own = tuple(
        frozenset(per[lv] - set().union(*(per[o] for o in range(LEVELS) if o != lv)))
        for lv in range(LEVELS)
    )
    return LevelWords(own, texts)


def rubric_cue_votes(text: str, hits: list[Hit], words: LevelWords, lang: Lang) -> np.ndarray:
    """Per level: the weight of the answer's cues whose own words that level's rubric text uses.

    A general cue means different rungs in different rubrics: "only a few" is level 0 where the
    rubric says "known only to a few officials" and level 2 where it says "shared with some
    partners". Cues said of now (not negated, planned or past) vote for the levels of this
    element whose text holds the cue's words, split among them. Only limit words ("only",
    "some", "once", 「一部」「だけ」) are read so: they are the ones whose rung depends on the
    rubric; absence and establishment words are left to the cue votes.
    """
    out = np.zeros(LEVELS)
    for h in hits:
        if h.negated or h.intent or h.past or not (h.scope or h.level == 2):
            continue
        word = text[h.start : h.end].lower().strip()
        if len(word) < 2:
            continue
        if lang == "ja":
            levels = [lv for lv, t in enumerate(words.texts) if word in t]
        else:
            pattern = re.compile(r"\b" + re.escape(word) + r"\b")
            levels = [lv for lv, t in enumerate(words.texts) if pattern.search(t)]
        for lv in levels:
            out[lv] += h.weight / len(levels)
    return np.log1p(out)


def _clauses(text: str, lang: Lang) -> list[str]:
    return [c for c in re.split(r"[,;、。.!?！？\n]|\bbut\b|\band\b", text) if c.strip()]


def ja_runs(clause: str, own: frozenset[str]) -> set[str]:
    """Japanese: runs of consecutive matching bigrams, one per word (「ウイルス」 is one, not 3)."""
    out: set[str] = set()
    for chunk in JA_CHUNK.findall(clause):
        run = ""
        for i in range(len(chunk) - 1):
            if chunk[i : i + 2] in own:
                run = run + chunk[i + 1] if run else chunk[i : i + 2]
            elif run:
                out.add(run)
                run = ""
        if run:
            out.add(run)
    return out


def level_overlap(
    text: str, lang: Lang, words: LevelWords, past: list[tuple[int, int]] | None = None
) -> np.ndarray:
    """How many of each level's own words the answer uses in clauses that are not negated
    and not said of something that later stopped (``past``: offsets into ``text``).

    A clause about "the other departments" / 「ほかの課は」 describes the rest, the limit of
    what exists ("only transport uses it; the other departments keep their own systems"): its
    words do not count for levels 0 and 1.
    """
    negated = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    found: list[set[str]] = [set() for _ in range(LEVELS)]
    for a, b in clause_spans(text):
        clause = text[a:b]
        if negated.search(clause) or any(p <= a and b <= q + 1 for p, q in past or []):
            continue
        levels = range(2, LEVELS) if THE_REST[lang].search(clause) else range(LEVELS)
        if lang == "ja":
            for lv in levels:
                found[lv] |= ja_runs(clause, words.words[lv])
            continue
        said = terms(clause, lang)
        for lv in levels:
            found[lv] |= said & words.words[lv]
    return np.log1p(np.asarray([len(f) for f in found], dtype=np.float64))


@dataclass(frozen=True)
class Clauses:
    """What a mixed answer says exists, lacks, stopped and plans."""

    presence: float  # log1p of statements that say something is there now
    absence_beside_presence: bool  # "X exists, but there is no Y"
    stopped: bool  # something was stopped, abandoned or restarted
    stopped_now_absent: bool  # ...and the answer says nothing is there now
    plan_only: bool  # plans, and nothing in place
    plan_on_top: bool  # plans beside something that runs
    established_now: bool  # a level-3+ cue, not negated, not a plan, not limited


CLAUSE_BREAK = re.compile(r"[,;、。.!?！？\n]|\bbut\b|\band\b|が、|けど", re.IGNORECASE)


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of ``text`` (split at punctuation, "but", "and", 「が、」)."""
    cuts = [0]
    for m in CLAUSE_BREAK.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if text[a:b].strip()]


def read_clauses(
    text: str,
    spans: list[Span],
    hits: list[Hit],
    lang: Lang,
    past: list[tuple[int, int]] | None = None,
) -> Clauses:
    """Clause by clause: which say something is there now, which that something is missing.

    ``text`` is the answer the hits' offsets point into. A clause is present when it says
    something is there (and is not negated) or holds a level-2+ cue said of now (not negated,
    not a plan, not of something that later stopped); absent when it holds an absence cue or a
    negated level cue.
    """
    presence_re = JA_PRESENCE if lang == "ja" else EN_PRESENCE
    negated_re = JA_NEGATED_CLAUSE if lang == "ja" else EN_NEGATED_CLAUSE
    present: set[int] = set()
    absent: set[int] = set()
    bounds = clause_spans(text)

    def where(h: Hit) -> int:
        return next((i for i, (a, b) in enumerate(bounds) if a <= h.start < b), -1)

    for i, (a, b) in enumerate(bounds):
        clause = text[a:b]
        in_past = any(p <= a and b <= q + 1 for p, q in past or [])
        if (
            presence_re.search(clause)
            and not negated_re.search(clause)
            and not in_past
            and not SPEAKER_ROLE[lang].search(clause)
        ):
            present.add(i)
    for h in hits:
        if h.level >= 2 and not (h.negated or h.intent or h.past):
            present.add(where(h))
        if h.past:
            continue
        if (h.level == 0 and not h.negated) or (h.negated and h.level >= 1 and not h.scope):
            absent.add(where(h))
    beside = bool(absent) and bool(present - absent)
    plans = any((h.intent or (h.level == 1 and not h.negated)) and not h.past for h in hits)
    runs = bool(present)
    stopped = says_stopped(text, lang)
    established = any(
        h.level >= 3 and not (h.negated or h.intent or h.limited or h.past) for h in hits
    ) or any(h.scope and h.negated for h in hits)
    return Clauses(
        presence=float(np.log1p(len(present))),
        absence_beside_presence=beside,
        stopped=stopped,
        stopped_now_absent=stopped and not runs,
        plan_only=plans and not runs,
        plan_on_top=plans and runs,
        established_now=established,
    )
