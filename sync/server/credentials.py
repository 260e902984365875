"""Device tokens and one-time enrollment codes. Both are random and high-entropy, so a plain
SHA-256 is enough to keep them useless to whoever reads the database."""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L: a clerk types the code from a phone call or a paper note.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 10


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_enrollment_code() -> str:
    """Shown as two groups of five, e.g. `K7QXM-3RTPW`."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()
