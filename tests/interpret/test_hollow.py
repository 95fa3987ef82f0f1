"""What sounds like something in place but is not, or only partly (``hollow``): en and ja.

Wording here is new (not from any dataset): each pattern is found where it is said and not where
the opposite is said, and it reaches the learned combiner as a feature.
"""

from __future__ import annotations

import pytest

from assistant.interpret.analysis import Analysis
from assistant.interpret.hollow import HOLLOW_FEATURES, hollow_features
from assistant.interpret.model import FEATURES, features
from assistant.interpret.offline import OfflineInterpreter
from assistant.models import Framework, Lang

FOUND = [
    # (feature, lang, text)
    ("each_own", "en", "Every directorate buys its own software; nothing is shared."),
    ("each_own", "en", "Honestly the departments work in silos."),
    ("each_own", "ja", "推進役はおらず、各部署がそれぞれ業者と契約しています。"),
    ("each_own", "ja", "システムは部ごとにばらばらで、それぞれ独自に入れています。"),
    ("case_by_case", "en", "Permits for trials are handled case by case by whoever is free."),
    ("case_by_case", "ja", "実証の相談が来たら、その都度、関係課と個別に相談しています。"),
    ("slogan_only", "en", "The plan is really just a slogan on the cover of the budget book."),
    ("slogan_only", "ja", "計画には「未来を拓くまち」というスローガンがあるだけです。"),
    ("slogan_only", "ja", "総合計画に「デジタル化を進める」と書いてあるだけです。"),
    ("funding_ends", "en", "The kiosks went dark when the donor money ran out in 2021."),
    ("funding_ends", "ja", "見守りセンサーは、補助金が切れたら撤去する予定です。"),
    ("none_listed_ja", "ja", "推進条例も指針もありません。"),
    ("hedged_absence", "en", "I don't think there is any written rule for that."),
    ("hedged_absence", "ja", "そういう評価の仕組みは、たぶんないと思います。"),
    ("once_only", "en", "We held a one-off hackathon in 2022."),
    ("once_only", "ja", "去年、住民説明会を一度だけ開きました。"),
    ("what_remains", "en", "The lab closed; what is left is the open data page."),
    ("what_remains", "ja", "実証は終わり、今残っているのは地図アプリだけです。"),
    ("work_under_way", "en", "We are drafting the data charter with legal."),
    ("work_under_way", "ja", "指標の案を課内で作っているところです。"),
    ("de_facto", "en", "In practice the GIS officer coordinates it, though no one appointed her."),
    ("de_facto", "ja", "広報課が事実上の窓口ですが、正式に決まってはいません。"),
]


@pytest.mark.parametrize(("feature", "lang", "text"), FOUND)
def test_each_pattern_is_found(feature: str, lang: Lang, text: str) -> None:
    values = dict(zip(HOLLOW_FEATURES, hollow_features(text, lang), strict=True))
    assert values[feature] > 0, (feature, text)


NOT_FOUND = [
    # the opposite said: something shared, adopted, regular, funded by the city
    (
        "each_own",
        "ja",
        "データ基盤は交通課だけで使っていて、ほかの課はそれぞれ独自のシステムです。",
    ),
    ("each_own", "en", "One platform serves every department, run by the digital office."),
    ("slogan_only", "en", "It is not just a slogan: every project is scored against it."),
    ("funding_ends", "ja", "市の予算で毎年運用を続けています。"),
    ("funding_ends", "en", "The city pays for the sensors from its own budget every year."),
    ("once_only", "en", "We run the survey every year, and have since 2019."),
    ("once_only", "ja", "毎年二回、住民アンケートを実施しています。"),
    ("work_under_way", "en", "Council adopted the charter last year."),
    ("none_listed_ja", "ja", "条例も指針も制定済みです。"),
    ("de_facto", "en", "The digital office was set up by council resolution in 2021."),
    ("de_facto", "ja", "推進室は条例で正式に設置され、室長が任命されています。"),
]


@pytest.mark.parametrize(("feature", "lang", "text"), NOT_FOUND)
def test_the_opposite_is_not_found(feature: str, lang: Lang, text: str) -> None:
    values = dict(zip(HOLLOW_FEATURES, hollow_features(text, lang), strict=True))
    assert values[feature] == 0.0, (feature, text)


def test_english_has_no_japanese_list_reading() -> None:
    assert hollow_features("No ordinance, no guideline, no sandbox.", "en")[4] == 0.0


@pytest.mark.parametrize(
    ("element_id", "lang", "text", "feature"),
    [
        ("E07", "en", "Each department runs its own projects; no one coordinates.", "each_own"),
        ("E03", "ja", "目標は「住みよいまち」というスローガンだけです。", "slogan_only"),
    ],
)
def test_the_model_reads_the_pattern(
    fw: Framework,
    interpreter: OfflineInterpreter,
    element_id: str,
    lang: Lang,
    text: str,
    feature: str,
) -> None:
    analysis = interpreter.analyse(fw.element(element_id), text, lang)
    assert isinstance(analysis, Analysis)
    assert features(analysis)[FEATURES.index(feature)] > 0
