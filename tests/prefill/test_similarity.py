"""How much a sentence speaks of an element (``prefill/similarity.py``): the element's own texts
and words, and not the document's genre."""

from __future__ import annotations

import numpy as np

from assistant.prefill.calibration import ReaderCalibration
from assistant.prefill.passages import passages
from assistant.prefill.reader import DocumentReader
from assistant.prefill.similarity import ElementSimilarity
from tests.prefill.test_reader import STRATEGY, _doc


def test_each_sentence_scores_highest_for_the_element_it_speaks_of(
    reader: DocumentReader,
) -> None:
    doc = _doc("strategy.md", STRATEGY)
    scorer = ElementSimilarity(reader.framework, reader.embeddings)
    score, named = scorer.scores_and_words(doc, passages(doc, 600), ReaderCalibration())
    ids = [e.id for e in reader.framework.elements]
    assert score.shape == named.shape == (len(doc.sentences), len(ids))
    office = next(i for i, s in enumerate(doc.sentences) if "Smart City Office" in doc.quote(s))
    policy = next(i for i, s in enumerate(doc.sentences) if "security policy" in doc.quote(s))
    assert ids[int(np.argmax(score[office]))] == "E07"
    assert ids[int(np.argmax(score[policy]))] == "E17" and named[policy, ids.index("E17")]
    assert np.allclose(score, reader.scores(doc, passages(doc, 600)))  # the reader's own


ROADS_PLAN = """# Northgate Master Plan 2040: Roads and Land

## Roads

The master plan widens the ring road to four lanes by 2032.
Under the master plan, the bus terminal moves to the northern gate.
The master plan reserves land for a new fire station in Ward 6.
Zoning regulations in the master plan limit buildings near the river to three floors.
The master plan sets building permit fees for the new industrial zone.
Street trees will be planted along every road the master plan widens.
The master plan protects the old market square from new construction.
Parking regulations in the master plan apply to the whole city centre.
The master plan designates two areas for affordable housing.
Drainage works under the master plan are funded by the national roads fund.
"""


def test_a_plans_own_vocabulary_is_not_evidence(reader: DocumentReader) -> None:
    """A master plan about roads says "master plan" and "regulations" all through: neither
    policy coherence (E04) nor smart-city rules (E12) are drafted from that."""
    result = reader.read([_doc("roads.md", ROADS_PLAN)])
    assert result.elements["E04"] is None and result.elements["E12"] is None
