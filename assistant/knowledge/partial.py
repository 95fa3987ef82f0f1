"""A message that asks an answerable thing and a specific the brochure lacks ("What support is
there for flood monitoring, and what is the grant amount?"): the answerable part is answered and
the reply then says plainly that the brochure does not give the rest, that sentence citing
JICA's printed contact. The result is answered (reason null); ``missing`` names what was not given.

Only an open part ("what", "which", 「どのような」) is answered on its own: a yes/no part ("Can
we get support? Is a law a precondition?") hinges on the specific that is missing, so the whole
message stays not_in_sources.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.catalogue import t
from assistant.knowledge import intents
from assistant.knowledge.asked import asked_part
from assistant.knowledge.compose import Draft, Sentence, as_lang, compose
from assistant.knowledge.compose_kinds import CONTACT_BASE, Composer
from assistant.knowledge.parts import question_parts

if TYPE_CHECKING:
    from assistant.knowledge.chunk import Chunk
    from assistant.knowledge.retrieval import Hit, HybridRetriever
    from assistant.models import Framework

# An open question: it asks what something is, not whether something holds.
OPEN = re.compile(
    r"^\W*(what|which|how|where|who|tell me|list|explain|describe|give me)\b|"
    r"(何|なに|どのような|どんな|どういう|どこ|どれ|(?<!ほ)どの|教えて|挙げて)",
    re.I,
)
# Composers that answer from the framework's own data (not quoted sentences, not a limit).
_STRUCTURED_NOT = {"sentences", "limit"}


def partial_answer(
    question: str,
    lang: str,
    retriever: HybridRetriever,
    fw: Framework,
    search: Callable[[str], tuple[list[Hit], list[float] | None]],
    given: Callable[[Chunk], str],
) -> tuple[Draft, str] | None:
    """The answerable parts' drafts followed by the limit sentence, and the kind of specific
    missing; None unless every part is either open and answered by a structured composer or
    asks a specific that no passage gives (and at least one of each)."""
    parts = question_parts(question)
    if len(parts) < 2:
        return None
    drafts: list[Draft] = []
    missing: tuple[str, dict[str, str]] | None = None
    for part in parts:
        hits, vector = search(part)
        specific = intents.specific_kind(part, [given(h.chunk) for h in hits])
        if specific:
            missing = missing or specific
            continue
        if not OPEN.search(asked_part(intents.norm(part))):
            return None  # a yes/no part hinges on what is missing
        draft = compose(part, lang, hits, retriever, fw, vector)
        if draft is None or not draft.sentences or draft.kind in _STRUCTURED_NOT or draft.by_topic:
            return None
        drafts.append(draft)
    if not drafts or missing is None:
        return None
    composer = Composer(retriever, fw, as_lang(lang))
    contact = composer.cid(CONTACT_BASE)
    what = missing[1][as_lang(lang)]
    limit = Sentence(t("answer.compose.limit_bare", as_lang(lang), what=what), [contact] if contact else [])
    sentences = [s for d in drafts for s in d.sentences] + [limit]
    return Draft(drafts[0].kind, sentences, extra=[x for d in drafts for x in d.extra]), missing[0]
