import pytest

from assistant.knowledge.retrieval import Filters


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Can JICA help us write the TOR for procuring a data platform?", "test-procurement"),
        ("How do residents take part in designing services?", "test-participation"),
        ("データ基盤を調達するための仕様書づくりを手伝ってもらえますか", "test-procurement"),
        ("市民参加の仕組みを作るにはどうすればよいですか", "test-participation"),
        ("What does cybersecurity look like for the city's IT infrastructure?", "element-E17"),
        ("スモールスタートとは何ですか", "stage-small_start"),
    ],
)
def test_hybrid_retrieval_finds_the_expected_chunk(real_kb, question, expected):
    hits = real_kb.retriever.search(question, k=5)
    assert expected in [h.chunk.base_id for h in hits][:5]
    assert all(0 < h.score <= 1 for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_hits_carry_chunk_metadata(real_kb):
    hits = real_kb.retriever.search(
        "experts to draft the TOR and the technical evaluation", k=3, filters=Filters(lang="en")
    )
    hit = next(h for h in hits if h.chunk.base_id == "test-procurement")
    assert hit.chunk.id == "test-procurement.en"
    assert hit.chunk.element_ids == ("E09", "E18")
    assert hit.chunk.cooperation_ids == ("city-organization-2",)
    assert hit.chunk.provenance == "printed" and hit.chunk.source.endswith("docs/en/test.md")
    assert hit.dense is not None and hit.lexical is not None


def test_language_filter(real_kb):
    for lang in ("en", "ja"):
        hits = real_kb.retriever.search(
            "citizen participation 市民参加", k=8, filters=Filters(lang=lang)
        )
        assert hits and all(h.chunk.lang == lang for h in hits)


def test_element_filter(real_kb):
    hits = real_kb.retriever.search(
        "how to build the organisation", k=6, filters=Filters(element_id="E07")
    )
    assert hits and all("E07" in h.chunk.element_ids for h in hits)


def test_cooperation_level_filter(real_kb):
    for level, prefix in (("national", "nat-"), ("city", "city-")):
        hits = real_kb.retriever.search(
            "support for cybersecurity and data", k=6, filters=Filters(level=level)
        )
        assert hits
        assert all(any(c.startswith(prefix) for c in h.chunk.cooperation_ids) for h in hits)


def test_filter_that_matches_nothing_returns_nothing(real_kb):
    assert real_kb.retriever.search("anything", filters=Filters(element_id="E99")) == []


def test_dense_only_baseline_mode(real_kb):
    hits = real_kb.retriever.search("市民参加の仕組み", k=3, mode="dense")
    assert hits and all(h.lexical is None for h in hits)
    assert all(h.score == pytest.approx(h.dense, abs=1e-3) for h in hits)


def test_dense_search_is_exact_over_the_stored_vectors(real_kb):
    """The approximate index may miss the best passage in one build and find it in the next
    (「リープフロッグとは」 flipped its decline that way): dense ranking is computed over the
    stored vectors, so it equals brute force whatever the index returns."""
    import numpy as np

    from assistant.knowledge.retrieval import HybridRetriever

    class ForgetfulIndex:
        """The real store, but its approximate query returns the worst matches."""

        def __init__(self, store):
            self.store = store

        def __getattr__(self, name):
            return getattr(self.store, name)

        def dense(self, vector, n, ids=None, where=None):
            return list(reversed(self.store.dense(vector, 10_000, ids=ids)))[:n]

    base = real_kb.retriever
    retriever = HybridRetriever(ForgetfulIndex(base.store), base.embeddings)
    question = "citizen participation in designing services"
    vector = base.embeddings.embed_query(question)
    ids, matrix = base.store.vectors()
    sims = (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)) @ (
        np.asarray(vector) / np.linalg.norm(vector)
    )
    ranked = [ids[i] for i in np.argsort(-sims)]
    got = retriever.search(question, k=3, mode="dense", vector=vector)
    assert [h.chunk.id for h in got] == ranked[:3]
    only_en = retriever.search(
        question, k=2, mode="dense", vector=vector, filters=Filters(lang="en")
    )
    assert [h.chunk.id for h in only_en] == [i for i in ranked if i.endswith(".en")][:2]


def test_a_large_base_keeps_the_approximate_index(real_kb, monkeypatch):
    """Exact ranking reads every vector per question: above the limit Chroma's index serves."""
    from assistant.knowledge import retrieval

    monkeypatch.setattr(retrieval, "EXACT_DENSE_MAX", len(real_kb.retriever) - 1)
    big = retrieval.HybridRetriever(real_kb.retriever.store, real_kb.retriever.embeddings)
    assert big._matrix is None
    hits = big.search("citizen participation", k=3, mode="dense")
    assert len(hits) == 3 and all(h.dense is not None for h in hits)
    assert real_kb.retriever._matrix is not None  # the small base is ranked exactly
