"""What the reading produces: per element a draft (level, confidence, quotes) or "not covered".

The JSON shape is the `assistant prefill --json` contract (issue 14):
``{"elements": {"E07": {"level": 2, "confidence": 0.7, "quotes": [{"text", "document", "page"}]}
| null, ...}, "documents": [...]}``. Fields may be added, never changed.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Quote(BaseModel):
    text: str  # an exact substring of the document's extracted text
    document: str
    page: int | None = None  # PDF page, 1-based
    section: str | None = None  # the heading above it (Markdown, Word)
    start: int = Field(default=0, exclude=True)  # offset in the document text (not in JSON)


class Proposal(BaseModel):
    """One document's reading of one element (several of these can disagree)."""

    document: str
    level: int = Field(ge=0, le=4)
    confidence: float = Field(ge=0.0, le=1.0)
    quotes: list[Quote]
    source: str = "offline"
    # Two passages of this document read surely at levels far apart: each passage's reading
    # (merged like two documents: both shown, neither taken). Not part of the JSON.
    inner: list[Proposal] = Field(default_factory=list, exclude=True)


class Draft(BaseModel):
    """The proposed answer for one element; ``level`` None when the documents disagree."""

    element: str
    level: int | None = Field(default=None, ge=0, le=4)
    confidence: float = Field(ge=0.0, le=1.0)
    quotes: list[Quote]
    conflict: list[Proposal] = Field(default_factory=list)  # set: show both, take neither
    source: str = "offline"


class DocumentInfo(BaseModel):
    name: str
    lang: str
    kind: str
    pages: int | None = None
    characters: int
    error: str | None = None


class Prefill(BaseModel):
    elements: dict[str, Draft | None]
    documents: list[DocumentInfo]

    def drafted(self) -> list[Draft]:
        return [d for d in self.elements.values() if d is not None and d.level is not None]

    def to_json(self) -> dict[str, object]:
        """The contract's JSON (``conflict`` only where documents disagree)."""
        elements: dict[str, object] = {}
        for eid, draft in self.elements.items():
            if draft is None:
                elements[eid] = None
                continue
            item = draft.model_dump(mode="json", exclude={"element", "conflict"})
            if draft.conflict:
                item["conflict"] = [p.model_dump(mode="json") for p in draft.conflict]
            elements[eid] = item
        return {
            "elements": elements,
            "documents": [d.model_dump(mode="json", exclude_none=True) for d in self.documents],
        }
