"""Session codes: 140 random bits in Crockford base32, shown as seven groups of four.

Crockford's alphabet leaves out I, L, O and U, so a code read aloud or copied by hand survives:
input is upper-cased, dashes and spaces are dropped, and O/I/L are read as 0/1/1. Only the
SHA-256 of the normalised code is stored, so the database alone does not reveal codes; with 140
bits of randomness the hash cannot be reversed by guessing.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 28
CODE_BITS = CODE_CHARS * 5  # 140
GROUP = 4
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_MAX_INPUT = 200  # longer input cannot be a code; hashed as empty so the path stays the same


def new_code() -> str:
    """A fresh code in its display form, e.g. ``K7Q4-1ZD8-...``."""
    n = secrets.randbits(CODE_BITS)
    chars = [ALPHABET[(n >> (5 * i)) & 31] for i in range(CODE_CHARS)]
    return format_code("".join(chars))


def normalise_code(text: str) -> str | None:
    """The canonical 28 characters of a code typed by a person, or None if it cannot be one."""
    if len(text) > _MAX_INPUT:
        return None
    raw = "".join(ch for ch in text.upper() if ch not in "- \t\r\n").translate(_READ_AS)
    if len(raw) != CODE_CHARS or any(ch not in ALPHABET for ch in raw):
        return None
    return raw


def format_code(raw: str) -> str:
    """Groups of four joined by dashes, for reading and copying."""
    return "-".join(raw[i : i + GROUP] for i in range(0, len(raw), GROUP))


def code_key(text: str) -> str:
    """The stored key (SHA-256 hex) for a code as typed; a malformed code gets a key no row has.

    Malformed and unknown codes take the same path (one hash, one lookup), so a caller cannot
    tell them apart.
    """
    canonical = normalise_code(text)
    material = canonical if canonical is not None else "!" + text[:_MAX_INPUT]
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()
