"""The chunk: the unit that is embedded, indexed, retrieved and quoted (docs/knowledge-format.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

Metadata = dict[str, str]


@dataclass(frozen=True)
class Chunk:
    """One passage with its metadata; ``id`` is ``<base_id>.<lang>``."""

    id: str
    text: str
    title: str
    section: str
    lang: str
    provenance: str
    source: str
    element_ids: tuple[str, ...] = ()
    cooperation_ids: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def base_id(self) -> str:
        return self.id.rsplit(".", 1)[0] if "." in self.id else self.id

    def metadata(self) -> Metadata:
        """Chroma metadata: scalar values only, so id lists are comma-joined."""
        meta: Metadata = {
            "id": self.id,
            "base_id": self.base_id,
            "title": self.title,
            "section": self.section,
            "lang": self.lang,
            "element_ids": ",".join(self.element_ids),
            "cooperation_ids": ",".join(self.cooperation_ids),
            "provenance": self.provenance,
            "source": self.source,
        }
        meta.update(self.extra)
        return meta

    @classmethod
    def from_metadata(cls, text: str, meta: dict[str, object]) -> Chunk:
        """Rebuild a chunk from what Chroma returns."""
        known = {
            "id",
            "base_id",
            "title",
            "section",
            "lang",
            "element_ids",
            "cooperation_ids",
            "provenance",
            "source",
        }
        return cls(
            id=str(meta["id"]),
            text=text,
            title=str(meta.get("title", "")),
            section=str(meta.get("section", "")),
            lang=str(meta.get("lang", "")),
            provenance=str(meta.get("provenance", "")),
            source=str(meta.get("source", "")),
            element_ids=split_ids(meta.get("element_ids")),
            cooperation_ids=split_ids(meta.get("cooperation_ids")),
            extra={k: str(v) for k, v in meta.items() if k not in known},
        )


def split_ids(value: object) -> tuple[str, ...]:
    """'E01,E02' → ('E01', 'E02'); empty or missing → ()."""
    if not value:
        return ()
    return tuple(p.strip() for p in str(value).split(",") if p.strip())
