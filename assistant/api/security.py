"""The session code's header: ``Authorization: Session <code>`` (documented in OpenAPI as an
API-key scheme, so /docs offers to fill it in)."""

from __future__ import annotations

from fastapi.security import APIKeyHeader

from assistant.api.problems import ApiProblem

auth_header = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    scheme_name="SessionCode",
    description="`Session <code>`: the code returned when the session was created.",
)


def header_code(value: str | None) -> str | None:
    """The code in an Authorization header value; a header of another scheme is a 401."""
    if value is None:
        return None
    scheme, _, rest = value.strip().partition(" ")
    if scheme.lower() != "session" or not rest.strip():
        raise ApiProblem("code-required", "use the header Authorization: Session <code>",
                         {"WWW-Authenticate": "Session"})  # fmt: skip
    return rest.strip()
