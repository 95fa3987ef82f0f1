"""The memory of labelled answers (``assistant.interpret.neighbours``): built from training writers
only, votes per element, a near-copy of a labelled answer votes for its level, read offline."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml

from assistant.interpret.model import FEATURES, features
from assistant.interpret.neighbours import (
    MEMORY_PATH,
    NEIGHBOUR_FEATURES,
    UNPLACED_FEATURES,
    bundled_memory,
    load_memory,
    make_memory,
    neighbour_features,
    unplaced_near,
    votes,
)
from assistant.interpret.offline import OfflineInterpreter
from assistant.models import Framework
from assistant.ports import Interpretation

ROOT = Path(__file__).resolve().parents[2]
BLIND = (
    "interpretation.yaml",
    "interpretation_heldout_v2.yaml",
    "interpretation_heldout_v12.yaml",
    "interpretation_heldout_v13.yaml",
    "interpretation_heldout_v14.yaml",
)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def _memory(rng: np.random.Generator, n: int = 40) -> tuple[np.ndarray, object]:
    vectors = _unit(rng.normal(size=(n, 16)))
    memory = make_memory(
        ["E01" if i % 2 else "E02" for i in range(n)],
        [i % 5 for i in range(n)],
        ["en" if i % 4 < 2 else "ja" for i in range(n)],
        [f"w{i % 5}" for i in range(n)],
        vectors,
    )
    return vectors, memory


def test_the_shipped_memory_holds_only_training_writers() -> None:
    """Every row's writer is one of the trainer's sources; none is a blind set."""
    sys.path.insert(0, str(ROOT / "evals"))
    from train_interpreter import SOURCES

    assert {p.name for p in SOURCES.values()}.isdisjoint(BLIND)
    memory = load_memory(MEMORY_PATH)
    writers = set(np.unique(memory.writers).tolist())
    assert writers <= set(SOURCES)
    # the blind sets (v9 and v10 are training writers since round 6; v11 is development material)
    blind_ids = ("h12-", "h13-", "h14-")
    assert not [w for w in writers if any(v in w for v in ("v12", "v13", "v14"))]
    assert not [w for w in writers if w.startswith(blind_ids)]
    for name in writers:  # no writer contributes more rows than its file has answers
        items = yaml.safe_load(SOURCES[name].read_text(encoding="utf-8"))
        assert (memory.writers == name).sum() <= len(items)
    with np.load(MEMORY_PATH, allow_pickle=False) as data:
        assert data["vectors"].dtype == np.float16
    assert MEMORY_PATH.stat().st_size <= 5_000_000
    # levels vote per element; the unplaced answers (5) are kept for ``unplaced_near`` only
    assert set(np.unique(memory.classes).tolist()) == {0, 1, 2, 3, 4, 5}


def test_a_near_copy_votes_for_its_level_and_only_its_element_votes() -> None:
    rng = np.random.default_rng(5)
    vectors, memory = _memory(rng)
    query = _unit(vectors[7] + rng.normal(scale=0.05, size=16))  # row 7: E01, level 2
    weights, top = votes(memory, "E01", "en", query, k=1, floor=0.0)
    assert top > 0.9
    assert int(weights.argmax()) == 2
    # the same vector asked about E02 finds only E02's rows, none of which is row 7
    other, other_top = votes(memory, "E02", "en", query, k=1, floor=0.0)
    assert other_top < 0.9
    assert other.sum() == pytest.approx(other_top)
    assert votes(memory, "E99", "en", query)[0].sum() == 0.0
    # a vector from another embedding model (another width) finds nothing rather than failing
    assert votes(memory, "E01", "en", np.ones(8) / 8**0.5) == (pytest.approx(np.zeros(6)), 0.0)


def test_writers_can_be_left_out_and_the_floor_silences_far_answers() -> None:
    rng = np.random.default_rng(5)
    vectors, memory = _memory(rng)
    query = vectors[7]  # writer w2
    _, top = votes(memory, "E01", "en", query, k=3, floor=0.0, exclude=frozenset({"w2"}))
    assert top < 0.99  # itself is gone
    far, _ = votes(memory, "E01", "en", query, k=5, floor=0.999, exclude=frozenset({"w2"}))
    assert far.sum() == 0.0
    # row 7 is Japanese: an English answer asked with same_lang does not find it
    assert votes(memory, "E01", "ja", query, same_lang=True)[1] > 0.99
    assert votes(memory, "E01", "en", query, same_lang=True)[1] < 0.99


def test_unplaced_answers_do_not_vote_for_a_level_but_are_measured_across_elements() -> None:
    """A near-copy of an unplaced answer about ANOTHER element: no level vote from it, but the
    unplaced features see it (a newcomer's answer reads the same under every question)."""
    rng = np.random.default_rng(11)
    vectors = _unit(rng.normal(size=(30, 16)))
    classes = [5 if i == 3 else i % 5 for i in range(30)]
    elements = ["E02" if i == 3 else "E01" for i in range(30)]
    memory = make_memory(elements, classes, ["en"] * 30, [f"w{i % 3}" for i in range(30)], vectors)
    query = _unit(vectors[3] + rng.normal(scale=0.05, size=16))
    weights, _ = votes(memory, "E02", "en", query, k=5, floor=0.0)
    assert weights.sum() == 0.0  # E02 holds only the unplaced row: nothing votes
    top, top3, share, over = unplaced_near(memory, query, k=5)
    assert top > 0.9 and share > 0.2 and over > 0.2
    assert top3 <= top
    # its own writer left out (as in training): the copy is not found
    assert unplaced_near(memory, query, k=5, exclude=frozenset({"w0"}))[0] < 0.9
    # precomputed similarities give the same numbers (the trainer's shortcut)
    sims = memory.vectors @ query.astype(np.float32)
    assert unplaced_near(memory, query, k=5, sims=sims) == pytest.approx([top, top3, share, over])
    assert len(UNPLACED_FEATURES) == 4
    assert unplaced_near(memory, np.ones(8) / 8**0.5) == [0.0] * 4  # another embedding size


def test_features_from_votes() -> None:
    shares = neighbour_features(np.array([0.0, 0.0, 1.5, 0.5, 0.0, 0.0]), 0.8)
    assert len(shares) == len(NEIGHBOUR_FEATURES)
    assert shares[:5] == pytest.approx([0.0, 0.0, 0.75, 0.25, 0.0])
    assert shares[5] == pytest.approx(2.25)  # expected level
    assert shares[6] == 0.8
    assert neighbour_features(np.zeros(6), 0.0)[:5] == [0.0] * 5
    assert FEATURES[-len(NEIGHBOUR_FEATURES) :] == NEIGHBOUR_FEATURES


def test_a_near_copy_of_a_training_answer_votes_for_its_level(
    fw: Framework, interpreter: OfflineInterpreter
) -> None:
    """Through the real interpreter and the shipped memory: a labelled answer with a word
    changed finds itself (another writer's answers do not outvote it at k=1)."""
    items = yaml.safe_load(
        (ROOT / "evals/datasets/interpretation_train_t7_en1.yaml").read_text(encoding="utf-8")
    )
    item = next(i for i in items if i.get("level") == 3 and len(i["text"]) > 120)
    text = item["text"].replace(".", ";", 1)
    analysis = interpreter.analyse(fw.element(item["element"]), text, "en")
    assert not isinstance(analysis, Interpretation)
    memory = bundled_memory()
    weights, top = votes(memory, item["element"], "en", analysis.vector, k=1)
    assert top > 0.9
    assert int(weights.argmax()) == 3
    # the interpreter's own features carry the shipped memory's votes on the same vector
    x = features(analysis)
    near = neighbour_features(*votes(memory, item["element"], "en", analysis.vector))
    assert x[-len(NEIGHBOUR_FEATURES) :] == pytest.approx(near)


def test_the_memory_is_read_without_the_network(
    monkeypatch: pytest.MonkeyPatch, fw: Framework, embeddings: object
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    memory = load_memory(MEMORY_PATH)
    assert len(memory.classes) > 1000
    interpreter = OfflineInterpreter(fw, embeddings, memory=memory)  # type: ignore[arg-type]
    result = interpreter.interpret(fw.element("E03"), "KPIs are reviewed every year.", "en")
    assert result.level is not None
