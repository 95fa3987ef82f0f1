"""The knowledge base: sources → chunks → Chroma + BM25 → hybrid retrieval → cited answers.

Kept import-light on purpose: the CLI imports `commands` for every sub-command, so chromadb, the
embedding model and torch are only imported inside the functions that need them.
"""
