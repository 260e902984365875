"""Web account passwords: scrypt (memory-hard, in the standard library), with a random salt
and the cost stored beside each hash so that it can be raised later without breaking old ones."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets

# One of OWASP's equivalent scrypt minimums (Password Storage Cheat Sheet): N=2^15, r=8, p=3,
# 32 MiB per hash; the 128 MiB variant (N=2^17, p=1) would weigh on a small server running
# several workers.
COST, BLOCK, PARALLEL = 2**15, 8, 3
_MAXMEM = 64 * 1024 * 1024
_SCHEME = "scrypt"
MIN_LENGTH = 12  # OWASP ASVS 4.0 2.1.1
MAX_LENGTH = 128  # ASVS 2.1.2 allows 64 and more; a bound keeps hashing a huge body out


def _derive(password: str, salt: bytes, cost: int, block: int, parallel: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=cost, r=block, p=parallel,
                          maxmem=_MAXMEM, dklen=32)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    derived = _derive(password, salt, COST, BLOCK, PARALLEL)
    return "$".join((_SCHEME, str(COST), str(BLOCK), str(PARALLEL),
                     base64.b64encode(salt).decode(), base64.b64encode(derived).decode()))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, cost, block, parallel, salt, derived = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(derived)
        actual = _derive(password, base64.b64decode(salt), int(cost), int(block), int(parallel))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


@functools.cache
def dummy_hash() -> str:
    """Checked against for unknown user names, so that a refusal takes as long whether the name
    exists or not (made on first use: hashing costs time at import)."""
    return hash_password(secrets.token_urlsafe(16))


def password_problem(password: str) -> str | None:
    """Why a new password is not accepted."""
    if len(password) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"a password has at most {MAX_LENGTH} characters"
    if any(ord(ch) < 32 or ch == "\x7f" for ch in password):
        return "a password cannot contain control characters"
    return None
