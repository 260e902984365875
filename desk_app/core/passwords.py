"""Password hashes: the standard library's scrypt, memory-hard so a stolen database file is
slow to attack on graphics cards.

A hash is stored as "scrypt$n$r$p$<salt>$<hash>" (base64) so the cost can be raised in a later
version: old hashes still verify with their own parameters, and `needs_rehash` tells the login
to store a new one while the clear password is at hand.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import unicodedata

_SCHEME = "scrypt"
N, R, P = 2**14, 8, 1
_SALT_BYTES = 16
_HASH_BYTES = 32


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P)
    return "$".join([_SCHEME, str(N), str(R), str(P), _b64(salt), _b64(digest)])


def verify(password: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    return hmac.compare_digest(_scrypt(password, salt, n, r, p, len(expected)), expected)


def needs_rehash(stored: str) -> bool:
    parsed = _parse(stored)
    return parsed is None or parsed[:3] != (N, R, P)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, size: int = _HASH_BYTES) -> bytes:
    # NFC: "mật khẩu" typed with a Telex keyboard (precomposed) or pasted decomposed is one
    # password. maxmem: scrypt needs 128·n·r bytes; OpenSSL's default cap (32 MiB) would refuse
    # a raised n.
    return hashlib.scrypt(
        unicodedata.normalize("NFC", password).encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=size,
        maxmem=256 * n * r + 1024 * 1024,
    )


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != _SCHEME:
        return None
    try:
        n, r, p = (int(v) for v in parts[1:4])
        return n, r, p, base64.b64decode(parts[4], validate=True), base64.b64decode(
            parts[5], validate=True)
    except ValueError:
        return None


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
