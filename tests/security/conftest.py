"""Fixtures borrowed from the knowledge tests (a small knowledge dir and its settings); the web
page tests import the app fixtures themselves (they build a knowledge base once per session)."""

from tests.knowledge.conftest import knowledge_dir, settings  # noqa: F401
