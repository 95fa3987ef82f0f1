"""Whose thing it is, on paper only, nothing listed (``ownership``): the patterns, en and ja."""

from __future__ import annotations

import pytest

from assistant.interpret.analysis import Analysis
from assistant.interpret.model import FEATURES, features
from assistant.interpret.offline import OfflineInterpreter
from assistant.interpret.ownership import ownership_features
from assistant.models import Framework, Lang


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "There is the province's strategy, and we follow it."),
        ("en", "The platform is run by the national ministry, not by us."),
        ("en", "The company wrote the papers and we only signed."),
        ("en", "It is the utility's own dashboard, not the city's."),
        ("ja", "県のDX計画はあるんですが、それに従っているだけです。"),
        ("ja", "システムはベンダーが用意したものをそのまま使っています。"),
        ("ja", "町として作った計画はありません。"),
        ("ja", "仕様は業者任せです。"),
    ],
)
def test_someone_elses_thing_is_found(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[0] > 0, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The strategy exists on paper, but nobody uses it."),
        ("en", "The committee was set up in 2021 and has never met."),
        ("en", "The data page is out of date; it has not been updated since the election."),
        ("en", "The survey was a one-off."),
    ],
)
def test_on_paper_only_is_found(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[1] > 0, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our own data office publishes forty datasets and updates them every month."),
        ("en", "Council adopted the city's digital strategy, and every department uses it."),
        ("ja", "市の推進計画を議会で議決し、毎年見直しています。"),
        ("ja", "オープンデータは毎月更新して、多くの事業者が使っています。"),
    ],
)
def test_the_citys_own_working_thing_is_neither(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang) == (0.0, 0.0, 0.0, 0.0), text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "There is no budget line, no dedicated staff and no maintenance contract."),
        ("en", "A smart parking idea came up once but was shelved."),
    ],
)
def test_nothing_listed_is_found(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[2] > 0, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "There is no written policy, but the IT team keeps firewalls and daily backups."),
    ],
)
def test_one_absence_or_a_list_of_things_there_is_not_nothing_listed(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[2] == 0.0, text


def test_japanese_feeds_only_whose_thing_it_is() -> None:
    """Japanese on-paper / nothing-listed patterns did not help when measured: not fed."""
    text = "県の計画はありますが、町の要綱は形だけで、予算も職員もありません。"
    others, paper, listed, _ = ownership_features(text, "ja")
    assert others > 0
    assert (paper, listed) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "There's been a fair bit of chat about charging for the data."),
        ("en", "A data charter is being scoped now; nothing is written yet."),
        ("en", "A paper is going to cabinet about a programme board."),
        ("ja", "データの扱い方を決めようかと、課内で話しているところです。"),
        ("ja", "町長同士でそういう話が出た程度です。"),
        ("ja", "やり方を変えるかどうか、まだ議論してる途中です。"),
    ],
)
def test_talk_under_way_is_found(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[3] > 0, text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Council adopted the charter in 2022 and we publish a report on it every year."),
        ("ja", "条例を制定し、毎年運用状況を公表しています。"),
    ],
)
def test_something_decided_is_not_talk(lang: Lang, text: str) -> None:
    assert ownership_features(text, lang)[3] == 0.0, text


def test_the_model_reads_whose_thing_it_is(fw: Framework, interpreter: OfflineInterpreter) -> None:
    """The reading reaches the learned combiner as a feature (ja: ownership only)."""
    text = "県の計画はありますが、町として作ったものはなく、形だけです。"
    analysis = interpreter.analyse(fw.element("E01"), text, "ja")
    assert isinstance(analysis, Analysis)
    x = features(analysis)
    assert x[FEATURES.index("others_own")] > 0
    assert x[FEATURES.index("paper_only")] == 0


@pytest.mark.parametrize(
    "text",
    [
        "Before anyone talks about apps, we map the users and the rules, on every project.",
        "Nobody talks about what happens after the grant.",
    ],
)
def test_talk_under_a_condition_or_denied_is_not_talk_under_way(text: str) -> None:
    assert ownership_features(text, "en")[3] == 0.0, text
    assert ownership_features("We're talking about an app for it.", "en")[3] > 0
