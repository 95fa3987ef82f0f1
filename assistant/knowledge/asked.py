"""Which part of a question asks: a sentence that states the asker's situation ("Our budget is
tiny.") asks for nothing, and a specific named only to set JICA against it ("why JICA and not a
consulting firm?") is not asked for. Also the questions about this tool itself and about how to
use the framework, which no missing specific makes unanswerable.
"""

from __future__ import annotations

import re

from assistant.knowledge.framework_terms import _any as _rx

# A question about this assessment tool itself (its levels, its questionnaire) is answered from
# the project's own description, not the brochure: no specific is missing from the brochure.
ABOUT_TOOL = _rx(
    r"this (questionnaire|self-?assessment|assessment|tool|assistant)|the 0 ?(to|-) ?4|"
    r"この(質問票|自己評価|ツール|アシスタント)|本ツール|0〜4|0～4"
)


# Asking what a part of the framework is for or how to use it ("are the elements a checklist to
# score with? how do we use them?"): the brochure answers that, whatever measure it mentions.
ABOUT_USE = _rx(
    r"how (should|do|can|could|would) (we|i|a city|cities|ministries|a ministry|[\w ]{1,20}?) use|what (is|are) "
    r"(it|they|these|those|the (smart[ -]city )?(elements?|stages?|domains?)) (meant |used )?for\b|"
    r"(meant|used|intended) for what|how (is|are) [\w -]{0,30} (meant|"
    r"supposed|intended) to be used|どう使|使い方|使えば|使うもの|ためのもの|何のため|活用(方法|の仕方|すれば)"
)


# "this" on JICA's Ask page ("too rich for this?", "under this programme", 「この協力」) points at
# JICA's cooperation: a specific asked of it is on JICA's domain, whatever words it uses.
ABOUT_THIS = _rx(
    r"\b(for|of|in|to|from|with|under) this\s*[?？]|\bthis (programme|program|support|cooperation|scheme|"
    r"initiative|approach|framework|brochure)\b|この(支援|協力|プログラム|制度|アプローチ|枠組み|パンフレット)"
)


# A sentence that states the asker's situation ("Our budget is tiny.") asks for nothing; the
# question is in the sentences that ask ("What first step ...?", 「…教えてください。」).
_ASKING = _rx(
    r"[?？]|\b(tell|show|give|list|explain|describe|please|need|want|wonders?|looking for)\b|"
    r"\b(needs|wants) to (know|ask|understand|find out|learn)\b|"
    r"教えて|知りたい|ください|ますか|ですか|でしょうか|ほしい|欲しい|か[。.]?$"
)
# Sentences, and in Japanese the clause that sets the scene before the question
# (「人口が少ない町ですが、まず何から…」: the town's size is background, not an eligibility query);
# a full stop between digits ("Urban Agenda 2.0") ends nothing.
_SENTENCE = re.compile(
    r"(?:[^.!?。！？]|\.(?=\d))+?(?:[.!?。！？]+(?!\d)|(?:ですが|ますが|でしたが|けれど(?:も)?|けど|ので)、|$)"
)
# A specific named only to set JICA against it ("why JICA and not a consulting firm?") is not asked.
CONTRAST_BEFORE = re.compile(
    r"(\bnot|instead of|rather than|\bthan|versus|\bvs\.?|differ(ent)? from|compared (to|with)|"
    r"\bunlike)\s+(a |an |the |some )?$"
)
CONTRAST_AFTER = re.compile(
    r"^\S{0,6}?(ではなく|じゃなく|より|と(は)?(どう|何が)?違|と比べ|との違い)"
)


# A tag that asks whether the sentence before it holds ("JICA prefers X. True?", 「…と聞きました。
# 本当ですか」): that sentence is what is asked.
_TAG = re.compile(
    r"^(true|really|right|correct|is (that|this|it) (so|true|right|correct)|am i right|"
    r"本当|ほんと|正しい|そうなの|合って)\W{0,3}(ですか|でしょうか|ますか)?\W*$",
    re.I,
)


def asked_part(q: str) -> str:
    """The sentences of ``q`` that ask; all of it when none stands out."""
    # "e.g." and "i.e." end no sentence ("work in Latin America, e.g. in Brazil?" is one question)
    q = re.sub(r"\b(e\.g|i\.e|etc|vs)\.", lambda m: m.group(1).replace(".", ""), q, flags=re.I)
    parts = [p.strip() for p in _SENTENCE.findall(q) if p.strip()]
    asking = [i for i, p in enumerate(parts) if _ASKING.search(p)]
    if asking and _TAG.match(parts[asking[0]]) and asking[0] > 0:
        asking.insert(0, asking[0] - 1)  # the claim a tag question asks about
    return " ".join(parts[i] for i in asking) if asking and len(asking) < len(parts) else q


# A city's size given as background ("a capital of 8 million", "about 40,000 people",
# 「人口80万人の市」) is not an amount, a count or a threshold asked for ...
_NEAR = r"(?:about |around |roughly |some |nearly |almost |approximately |approx\.? |~|just |only |over )?"
_FIGURE = r"\d[\d,.]*\s?(?:million|mn|m|k|thousand|lakh|crore|billion)?"
BACKGROUND_FIGURE = re.compile(
    rf"(?:(?:a |the |our )?population of |\bof |\bwith |\bhas |\bhave ){_NEAR}{_FIGURE}\s?"
    r"(?:people|residents|inhabitants|citizens|persons|population)\b|"
    rf"\b{_NEAR}{_FIGURE}\s?(?:people|residents|inhabitants|citizens)\b|"
    r"\b(?:city|capital|town|metropolis|municipality|metro|region|province|county|island|district|"
    rf"state|hub|area) of {_NEAR}{_FIGURE}\b|"
    rf"\bpopulation (?:of |is |:\s?)?{_NEAR}{_FIGURE}|"
    r"人口(?:は|が)?(?:約|およそ|ほぼ|ざっと)?\d[\d,.]*(?:万|千|億)?人?(?:ほど|程度|くらい|ぐらい|規模|弱|強)?|"
    r"\d[\d,.]*(?:万|千|億)人(?:ほど|程度|くらい|ぐらい|規模|弱|強)?",
    re.I,
)
# ... unless a size limit is what the question is about ("fewer than 100,000 people eligible?",
# 「人口10万人の都市でも支援を受けられますか」)
_SIZE_ASKED = _rx(
    r"eligib|qualif|minimum|maximum|threshold|enough|too (small|big|large)|consider us|at least|"
    r"(fewer|less|more|bigger|smaller|larger) than|\b(under|below|above|over|up to) \d|"
    r"count as|以上|以下|未満|下限|上限|対象|資格|条件|十分|足り|でも|区切|指す|何万|何人"
)


def without_background(q: str) -> str:
    """``q`` with the city's size, stated as background, taken out (see ``BACKGROUND_FIGURE``)."""
    return q if _SIZE_ASKED.search(q) else BACKGROUND_FIGURE.sub(" ", q)


# Markup typed or pasted around a question (``<script>…</script> What is a smart city?``) is read
# past, never obeyed: the question is what is left. A script or style block goes with its content;
# any other tag leaves its text. The reply still shows the question exactly as typed, as text.
_MARKUP_BLOCK = re.compile(r"(?is)<\s*(script|style)\b[^>]*>.*?(<\s*/\s*\1\s*>|$)")
_MARKUP_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>|<!--.*?-->", re.S)


def without_markup(question: str) -> str:
    """The question as understood: HTML blocks and tags removed, spaces collapsed."""
    if "<" not in question:
        return question
    text = _MARKUP_TAG.sub(" ", _MARKUP_BLOCK.sub(" ", question))
    return re.sub(r"[ \t]{2,}", " ", text).strip()
