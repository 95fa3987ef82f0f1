"""The session tests' databases (SQLite, and PostgreSQL from ASSISTANT_TEST_DATABASE_URL)."""

from tests.sessions.conftest import backend, clock  # noqa: F401  (fixtures, shared)
