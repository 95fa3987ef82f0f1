"""The learned combiner: shipped weights, feature-list guard, deterministic training, decisions."""

from __future__ import annotations

import json

import numpy as np
import pytest

from assistant.interpret.analysis import Analysis
from assistant.interpret.model import (
    CLASSES,
    FEATURES,
    NULL,
    WEIGHTS_PATH,
    Calibration,
    LevelModel,
    ModelMismatchError,
    candidates,
    feature_hash,
    features,
    load_model,
)
from assistant.interpret.offline import OfflineInterpreter
from assistant.models import Framework


def test_bundled_weights_load_and_match_the_feature_list() -> None:
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["feature_hash"] == feature_hash()
    assert tuple(data["features"]) == FEATURES
    model = load_model()
    assert model.weights.shape == (len(FEATURES), len(CLASSES))
    assert 0.0 <= model.threshold < 1.0
    assert sum(data["meta"]["trained_on"].values()) > 200


def test_weights_for_another_feature_list_fail_loudly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    data["features"] = [*data["features"][:-1], "something_else"]
    data["feature_hash"] = feature_hash(tuple(data["features"]))
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelMismatchError):
        load_model(path)


def _fixed(bias: list[float], threshold: float) -> LevelModel:
    n = len(FEATURES)
    return LevelModel(
        mean=np.zeros(n),
        scale=np.ones(n),
        weights=np.zeros((n, len(CLASSES))),
        bias=np.asarray(bias),
        threshold=threshold,
    )


def test_decide_no_level_when_no_level_wins_or_the_best_is_unsure() -> None:
    x = np.zeros(len(FEATURES))
    clear = _fixed([0, 0, 0, 4.0, 0, 0], 0.3)
    assert clear.decide(x)[0] == 3 and clear.decide(x)[1] >= 0.3
    null = _fixed([0, 0, 0, 0, 0, 4.0], 0.3)
    level, confidence = null.decide(x)
    assert level is None and confidence < 0.3
    flat = _fixed([0, 0, 0, 0.2, 0, -9.0], 0.3)
    level, confidence = flat.decide(x)
    assert level is None and confidence < 0.3
    assert CLASSES[NULL] is None


def test_features_of_a_real_answer(interpreter: OfflineInterpreter, fw: Framework) -> None:
    analysis = interpreter.analyse(
        fw.element("E15"), "We piloted a data platform in one district last year.", "en"
    )
    assert isinstance(analysis, Analysis)
    x = features(analysis)
    assert x.shape == (len(FEATURES),) and np.isfinite(x).all()
    assert x[FEATURES.index("votes_2")] > 0
    assert x[FEATURES.index("lang_ja")] == 0.0


def test_the_hand_rules_remain_available(fw: Framework, interpreter: OfflineInterpreter) -> None:
    rules = OfflineInterpreter(fw, interpreter.embeddings, model=None)
    assert rules.model is None and interpreter.model is not None
    text = "The Digital Office was formally established in 2021 with 9 staff and a budget."
    assert rules.interpret(fw.element("E07"), text, "en").level == 3
    assert rules.threshold == rules.calibration.threshold


def test_assess_is_sure_only_above_the_measured_cut_and_lists_close_alternatives() -> None:
    x = np.zeros(len(FEATURES))
    calibration = Calibration(temperature=1.0, high=0.8, coverage=0.9)
    sure = _fixed([0, 0, 0, 6.0, 0, -9.0], 0.3)
    sure = LevelModel(sure.mean, sure.scale, sure.weights, sure.bias, 0.3, calibration)
    a = sure.assess(x)
    assert (a.level, a.label, a.alternatives) == (3, "high", [])
    close = _fixed([0, 0, 2.0, 2.2, 0, -9.0], 0.3)
    close = LevelModel(close.mean, close.scale, close.weights, close.bias, 0.3, calibration)
    b = close.assess(x)
    assert b.level == 3 and b.label != "high" and b.alternatives[0] == 2
    null = _fixed([0, 0, 0, 0, 0, 4.0], 0.3)
    assert null.assess(x).alternatives == [] and null.assess(x).level is None
    # uncalibrated weights (no measurement in meta) never claim "high"
    assert _fixed([0, 0, 0, 9.0, 0, -9.0], 0.3).assess(x).label != "high"


def test_candidates_stop_at_the_coverage_mass_and_the_cap() -> None:
    p = np.asarray([0.05, 0.1, 0.5, 0.3, 0.05])
    assert candidates(p, 2, 0.75, 2) == [3]
    assert candidates(p, 2, 0.99, 2) == [3, 1]
    assert candidates(p, 2, 0.4, 2) == []


def test_calibration_rides_in_meta_and_round_trips() -> None:
    model = LevelModel(
        np.zeros(len(FEATURES)),
        np.ones(len(FEATURES)),
        np.zeros((len(FEATURES), len(CLASSES))),
        np.zeros(len(CLASSES)),
        0.3,
        Calibration(temperature=0.7, high=0.85, coverage=0.96),
    )
    data = json.loads(json.dumps(model.to_json({"note": "test"})))
    assert data["meta"]["calibration"]["high"] == 0.85
    assert LevelModel.from_json(data).calibration == model.calibration
    assert load_model().calibration.high <= 1.0  # the shipped weights carry a measured cut


def test_the_safest_level_has_support_beside_it() -> None:
    from assistant.interpret.model import safest

    p = np.array([0.42, 0.02, 0.38, 0.18, 0.0])
    assert safest(p, 0.0) == 0  # most likely
    assert safest(p, 0.5) == 2  # 0.38 + 0.5 * 0.58 beats 0.42 + 0.5 * 0.44
    sure = np.array([0.9, 0.05, 0.05, 0.0, 0.0])
    assert safest(sure, 1.0) == 0
