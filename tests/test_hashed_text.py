"""The text features both learned gates read (``assistant/hashed_text.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from assistant import hashed_text


def test_grams_read_latin_and_japanese_runs_of_a_mixed_question():
    grams = hashed_text.grams("Small Startの段階で失敗したcityは？")
    assert "w:small" in grams and "w:city" in grams and "b:small start" in grams
    assert "k:段階" in grams and "t:失敗し" in grams
    assert hashed_text.grams("ＪＩＣＡ") == hashed_text.grams("jica")  # NFKC, case-folded


def test_the_bag_is_unit_length_and_the_same_for_the_same_text():
    x = np.zeros(64, dtype=np.float32)
    y = np.zeros(64, dtype=np.float32)
    hashed_text.put_bag(x, "We publish ten data sets; 当市はオープンデータを公開", 64)
    hashed_text.put_bag(y, "We publish ten data sets; 当市はオープンデータを公開", 64)
    assert np.allclose(x, y) and abs(float(np.linalg.norm(x)) - 1.0) < 1e-5


def test_weights_of_another_layout_are_refused(tmp_path: Path):
    path = tmp_path / "w.npz"
    meta = {"layout": "0" * 16, "threshold": 0.5}
    np.savez(path, weights=np.zeros(3), meta=np.asarray(json.dumps(meta)))
    with pytest.raises(RuntimeError, match=r"retrain with evals/x\.py"):
        hashed_text.load_weights(path, "1" * 16, "evals/x.py")
    weights, threshold = hashed_text.load_weights(path, "0" * 16, "evals/x.py")
    assert threshold == 0.5 and weights.shape == (3,)


def test_saved_weights_load_back_and_refuse_another_layout(tmp_path: Path) -> None:
    load_weights, save_weights = hashed_text.load_weights, hashed_text.save_weights
    path = tmp_path / "w.npz"
    save_weights(path, np.array([[0.5, -1.25]]), {"layout": "abc", "threshold": 0.7})
    weights, threshold = load_weights(path, "abc", "trainer.py")
    assert weights.tolist() == [[0.5, -1.25]] and threshold == 0.7
    with pytest.raises(RuntimeError, match=r"trainer\.py"):
        load_weights(path, "other", "trainer.py")
