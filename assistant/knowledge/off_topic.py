"""Off-topic whatever words a question shares with the brochure: a pastime (games, food,
gadgets) that names no part of JICA's work except as its theme, or the asker's own affairs (a job
application, a passport). Kept apart from ``intents`` (the kinds of answerable question).
"""

from __future__ import annotations

from assistant.knowledge.framework_terms import _any, norm

ABOUT_JICA_WORDS = _any(r"jica|smart ?city|smart-city|スマートシティ")

# Leisure and shopping (games, food, gadgets, weather): unless JICA or the smart city is named,
# such a question is off-topic however much it shares with a passage ("a board game about
# building cities"); quoted sentences do not answer it.
LEISURE = _any(
    r"\bgames?\b|\bgaming\b|worth playing|\bplay(ing)? (it|the game|online|with)|\brecipes?\b|"
    r"\bmovies?\b|\bfilms?\b|birthday|\bparty\b|wedding|vacation|\bholidays?\b|誕生日|"
    r"\bplot of\b|\bfootball\b|\bsoccer\b|world cup|\bpasswords?\b|カフェ|"
    r"\bnovels?\b|\bsongs?\b|restaurant|\bhotels?\b|smart ?phones?|"
    r"smart ?watch|battery life|\bgadgets?\b|horoscope|"
    r"ゲーム|攻略|レシピ|映画|小説|レストラン|ホテル|スマホ|スマートフォン|スマートウォッチ|占い|"
    r"\bmy (first |new |own )?(car|house|home|flat|apartment)\b|mortgage|住宅ローン|マイカー|"
    r"night ?life|ナイトライフ|夜遊び"
)
# a game, film or song whose theme is the smart city is still a pastime ("a smart city board game")
LEISURE_ABOUT = _any(
    r"smart[ -]?cit(y|ies)[\w\s-]{0,12}\b(games?|movies?|films?|novels?|songs?)\b|"
    r"\b(games?|movies?|films?|novels?|songs?) (about|on|set in) (a |the )?smart[ -]?cit|"
    r"スマートシティ[^。？?]{0,8}(ゲーム|映画|小説|歌)"
)


def leisure(question: str) -> bool:
    """A pastime asked about (games, food, gadgets), naming no part of JICA's work except as its
    theme: off-topic, whatever the words it shares with the brochure."""
    q = norm(question)
    return bool(LEISURE.search(q)) and (
        not ABOUT_JICA_WORDS.search(q) or bool(LEISURE_ABOUT.search(q))
    )


# The asker's own affairs (a job application, a passport): off-topic whatever JICA word they hold.
PERSONAL = _any(
    r"cover letter|\bresum[eé]\b|\bcv\b|job (application|interview|offer)|\bjica job|"
    # an internship asked of JICA's programmes ("an internship for engineers?", 「インターンはありますか」)
    # is a detail the brochure does not give, not the asker's own affair
    r"internship(?![^.?!。？]{0,60}(\bfor\b|向け))|\bvisa\b|passport|履歴書|職務経歴書|就職|採用試験|求人|"
    r"インターン(?![^。？?]{0,12}(は|って|が|も)?(あり|ある|やって|実施|募集))|ビザ|パスポート"
)
