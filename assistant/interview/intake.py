"""The city-profile questions: what each field accepts, and the prompts that offer the choices.

Pure functions: a field's raw text in, a value (or ``INVALID``) out, so validation is easy to
test and identical in every front end.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.catalogue import t
from assistant.interview.intents import UNKNOWN, normalize
from assistant.interview.state import Action, Choice, IntakeField
from assistant.models import CITY_TYPES, CityProfile, Framework, Lang

INVALID = object()
LEAD_ACTORS: tuple[str, ...] = ("national", "municipal", "private")
SKIP_WORDS = UNKNOWN | {"none", "nothing", "no", "なし", "ない", "特になし", "-"}

_TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "metropolis": ("metropolis", "capital", "large city", "big city", "大都市", "首都", "代表都市"),
    "regional_core": ("regional core", "regional", "core city", "地方中核", "中核都市", "地方都市"),
    "industry_specialized": ("industry", "industrial", "specialised", "specialized", "特定産業",
                             "産業", "観光都市", "港湾都市"),
    "area_development": ("area development", "area", "new town", "district", "sez", "エリア開発",
                         "エリア", "ニュータウン", "新都市", "特区"),
}  # fmt: skip
_ACTOR_WORDS: dict[str, tuple[str, ...]] = {
    "national": ("national", "nation", "government", "ministry", "central", "国", "中央政府",
                 "省庁", "政府"),
    "municipal": ("municipal", "city", "local", "municipality", "local government", "city hall",
                  "city government", "municipal government",
                  "自治体", "市", "地方自治体", "市役所", "県", "州"),
    "private": ("private", "company", "companies", "developer", "business", "民間", "企業",
                "デベロッパー", "開発事業者"),
}  # fmt: skip
_LANG_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("en", "english", "英語", "eng"),
    "ja": ("ja", "japanese", "日本語", "jp", "にほんご"),
}
_SCALE = {
    "million": 1_000_000, "millions": 1_000_000, "m": 1_000_000, "mn": 1_000_000,
    "thousand": 1_000, "k": 1_000, "lakh": 100_000, "billion": 1_000_000_000,
    "万": 10_000, "千": 1_000, "億": 100_000_000, "百万": 1_000_000,
}  # fmt: skip
_POPULATION = re.compile(
    r"^(?:about|around|approx\.?|approximately|roughly|some|約|およそ|大体|だいたい)?\s*"
    r"([0-9][0-9,.\s]*)\s*(million|millions|thousand|billion|lakh|mn|m|k|百万|万|千|億)?\s*"
    r"(?:people|inhabitants|residents|persons|人|人程度|人ほど|人くらい|程度|くらい)?$"
)


def _mentions(text: str, word: str) -> bool:
    """``word`` appears in ``text``: as a whole word for Latin words (so "en" is not found in
    "department"), anywhere for Japanese, which has no spaces."""
    if word.isascii():
        return re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text) is not None
    return word in text


def _pick(text: str, words: dict[str, tuple[str, ...]], order: tuple[str, ...]) -> str | None:
    """A choice by number (1-based), by id, or by a word that names exactly one option."""
    s = normalize(text)
    if s.isdigit() and 1 <= int(s) <= len(order):
        return order[int(s) - 1]
    if s in order:
        return s
    exact = [k for k, ws in words.items() if s in {normalize(w) for w in ws}]
    if len(exact) == 1:
        return exact[0]
    best: dict[str, int] = {}
    for key, ws in words.items():
        for w in ws:
            if len(w) > 1 and _mentions(s, normalize(w)):
                best[key] = max(best.get(key, 0), len(w))
    if not best:
        return None
    top = max(best.values())
    winners = [k for k, n in best.items() if n == top]
    return winners[0] if len(winners) == 1 else None


def parse_population(text: str) -> int | object | None:
    """People as an integer; ``None`` when skipped; ``INVALID`` when it is not a number."""
    s = normalize(text)
    if s in SKIP_WORDS:
        return None
    m = _POPULATION.match(s)
    if not m:
        return INVALID
    digits = m.group(1).replace(" ", "")
    scale = _SCALE.get(m.group(2) or "", 1)
    if scale == 1 or ("," in digits and "." not in digits):
        digits = digits.replace(",", "")
    try:
        value = round(float(digits.replace(",", ".")) * scale)
    except ValueError:
        return INVALID
    return value if 0 <= value <= 100_000_000 else INVALID


def parse_list(text: str) -> list[str] | object:
    """A comma list (ASCII or Japanese commas); an empty list when skipped."""
    if normalize(text) in SKIP_WORDS:
        return []
    raw = unicodedata.normalize("NFKC", text)
    items = [i.strip() for i in re.split(r"[,、;，・]", raw) if i.strip()]
    if not items or len(items) > 20 or any(len(i) > 200 for i in items):
        return INVALID
    return items


def parse_field(field: IntakeField, text: str) -> object:
    """The value for ``field``, or ``INVALID``."""
    s = text.strip()
    if field == "name":
        return s if 1 <= len(s) <= 200 and normalize(s) not in SKIP_WORDS else INVALID
    if field == "country":
        if normalize(s) in SKIP_WORDS:
            return ""
        return s if len(s) <= 200 else INVALID
    if field == "city_type":
        return _pick(s, _TYPE_WORDS, CITY_TYPES) or INVALID
    if field == "lead_actor":
        return _pick(s, _ACTOR_WORDS, LEAD_ACTORS) or INVALID
    if field == "population":
        return parse_population(s)
    if field in ("focus_sectors", "focus_areas"):
        return parse_list(s)
    return _pick(s, _LANG_WORDS, ("en", "ja")) or INVALID


def error_key(field: IntakeField) -> str:
    return {
        "name": "interview.bad_name",
        "country": "interview.bad_country",
        "population": "interview.bad_population",
        "focus_sectors": "interview.bad_list",
        "focus_areas": "interview.bad_list",
        "language": "interview.bad_language",  # no numbers are shown for it
    }.get(field, "interview.bad_choice")


def field_prompt(field: IntakeField, lang: Lang, fw: Framework) -> tuple[str, list[Choice]]:
    """The question for ``field`` with its numbered options and quick replies."""
    text = t(f"interview.ask_{field}", lang)
    choices: list[Choice] = []
    if field == "city_type":
        lines = []
        for i, ct in enumerate(CITY_TYPES, 1):
            name = fw.city_type(ct).name.get(lang)
            lines.append(f"{i}. {name}: {t(f'interview.type_{ct}', lang)}")
            choices.append(Choice(label=name, action=Action(kind="say", text=str(i))))
        text += "\n" + "\n".join(lines)
    elif field == "lead_actor":
        lines = []
        for i, actor in enumerate(LEAD_ACTORS, 1):
            name = t(f"interview.actor_{actor}_name", lang)
            lines.append(f"{i}. {name}: {t(f'interview.actor_{actor}', lang)}")
            choices.append(Choice(label=name, action=Action(kind="say", text=str(i))))
        text += "\n" + "\n".join(lines)
    elif field == "language":
        choices = [
            Choice(label=t("interview.lang_en_name", lang), action=Action(kind="say", text="en")),
            Choice(label=t("interview.lang_ja_name", lang), action=Action(kind="say", text="ja")),
        ]
    elif field in ("country", "population", "focus_sectors", "focus_areas"):
        choices = [Choice(label=t("interview.btn_skip", lang), action=Action(kind="say", text="skip"))]
    return text, choices


def build_profile(values: dict[str, object]) -> CityProfile:
    """The profile from the collected intake values (validated once more by pydantic)."""
    return CityProfile.model_validate(values)


def profile_summary(profile: CityProfile, lang: Lang, fw: Framework) -> str:
    parts = [profile.name]
    if profile.country:
        parts.append(profile.country)
    if profile.city_type is not None:  # "not sure" on the form: left out
        parts.append(fw.city_type(profile.city_type).name.get(lang))
    if profile.lead_actor is not None:
        parts.append(t(f"interview.actor_{profile.lead_actor}_name", lang))
    if profile.population is not None:
        parts.append(t("interview.population_of", lang, n=profile.population))
    parts += profile.focus_sectors + profile.focus_areas
    return ", ".join(parts) if lang == "en" else "、".join(parts)
