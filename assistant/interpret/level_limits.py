"""Cue words that limit a level rather than name one: scope and frequency (level 2: "only one
department", 「一回きり」; level 0: ad hoc, vendor-dependent) and "it happened once, then stopped".
``level_cues`` compiles them with the general ladder; kept apart as their own kind of cue.
"""

from __future__ import annotations

# Limits: what an answer at level 2 says of its scope or frequency, and at level 0 of how ad hoc
# or dependent things are. Negated ("not only", "no longer just one department", 「一回きりでは
# ない」, 「ベンダー任せではありません」), a limit says the thing goes beyond it.
EN_SCOPE: dict[int, list[tuple[str, float]]] = {
    0: [
        (r"\bcase by case\b|\bwhoever\b|\bon (?:our|their|its) own\b|\b(?:its|their) own\b", 0.6),
        (r"\bseparate(?:ly)?\b|\bin isolation\b|\bin silos?\b|\bunrelated\b", 0.6),
        (
            r"\bdifferent (?:departments|donors|vendors|suppliers|systems|teams|offices|agencies|platforms)\b",
            0.6,
        ),
        (r"\bdepend(?:s|ed)? (?:entirely |only |fully |completely )?on\b", 0.4),
    ],
    2: [
        (r"\bonly\b|\bthat's (?:about )?(?:it|all)\b", 0.7),
        # "we just sign the form" is "merely", said of how things are done, not of their scope
        # ...nor is "the report just lists what was bought": "just" limits a count or a place
        (
            r"(?<!\bwe )(?<!\bthey )(?<!\bi )(?<!\byou )(?<!\bit )\bjust\b"
            r"(?= (?:one|two|three|a|an|the|for|in|at|on|within|inside|among|some|few|\d))",
            0.4,
        ),
        (
            r"\b(?:limited|confined|restricted) to\b|\bto (?:some|a certain) (?:extent|degree)\b",
            0.7,
        ),
        (r"\bsingle\b|\bone-off\b|\bone[- ]time\b|\bonce\b|\bad hoc\b|\boccasional(?:ly)?\b", 0.9),
        (r"\b(?:every )?now and (?:then|again)\b|\bfrom time to time\b|\bevery so often\b", 0.7),
    ],
}
JA_SCOPE: dict[int, list[tuple[str, float]]] = {
    0: [
        (
            r"それぞれ|別々|ばらばら|バラバラ|個別に|場当たり|単独で|任せ|提案どおり|言われるまま",
            0.7,
        ),
        (r"その都度|都度|ケースバイケース|その場しのぎ|頼み|頼って|依存", 0.7),
    ],
    2: [
        (
            r"一度|一回|1回|単発|一回限り|一回きり|一度きり|限定|だけは|のみ|たことがあ|たことはあ",
            0.9,
        ),
        (r"だけで|だけに|だけの|くらい|程度|単年度", 0.5),
        (r"その時だけ|そのときだけ|その場限り|一時的", 0.9),
        (r"に限った|に限られ|に限って|ある程度|一定程度|それなりに", 0.7),
        # 「〜にとどまる」「仕様書づくりまではできる」: as far as that, no further
        (r"にとどま|に留ま|まではでき|まではやって|までは(?:行って|して)", 0.8),
    ],
}

# Phrases that say "it happened once, then stopped": level 2, and a negation after them is
# part of the phrase, not a denial of it.
EN_ONCE: dict[int, list[tuple[str, float]]] = {
    0: [
        (
            r"\bnot (?:a|one) single\b|\b(?:can't|cannot|couldn't|could not) (?:name|think of|find|point to|recall)"
            r" (?:a single|any|one|an?)\b|\bnot (?:one|any) (?:that|i) (?:i )?(?:know|can think) of\b",
            1.0,
        ),
    ],
    2: [
        (r"\bsince then,? (?:not much|nothing|little|hardly|no)\b", 1.0),
        (
            r"\b(?:the|all) other (?:departments?|projects?|sections?|offices?|districts?|wards?)\b",
            0.9,
        ),
        (r"\bthe (?:only|sole) (?:one|case|project|department|example)\b", 0.9),
        (r"\bthe rest\b|\beverything else\b", 0.9),
        (
            r"\bno other (?:departments?|projects?|sections?|offices?|districts?|wards?|units?|services?|agenc(?:y|ies)|sectors?)\b|\bnobody else\b|\bno one else\b",
            0.9,
        ),
        (r"\b(?:what's|what is|all that's|all that is) (?:still )?left\b|\bwhat remains\b", 0.8),
        (r"\bnothing (?:\w+ )?(?:came|has come|ever came) (?:of|out of) (?:it|that|them)\b", 0.9),
        # "GIS runs a hub ... nothing beyond that": the limit of what is there
        (r"\bnothing (?:beyond|else|more than|other than|outside (?:of )?) ?(?:that|this|it)\b", 0.9),
    ],
}
JA_ONCE: dict[int, list[tuple[str, float]]] = {
    2: [
        (r"その後は?(?:ほとんど|何も|特に|あまり)|それ以降は?(?:ほとんど|何も|特に|あまり)", 1.0),
        (
            r"(?:ほか|他|その他|それ以外)の(?:課|部署|部局|事業|地区|プロジェクト)(?:は|では|で|には|に|へ)",
            0.8,
        ),
        (r"[^\s、。]{1,8}(?:課|部|室|事業|地区)(?:だけ|のみ)", 0.7),
        (r"それ以外は|ほかは|他は", 1.0),
        (r"しか", 0.8),
        (r"残っているのは|残ったのは|残っているのが", 0.8),
    ],
}
