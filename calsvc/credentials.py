"""Organisers' secrets: made at random, kept only as a scrypt hash (hashlib's, from OpenSSL:
a memory-hard function for exactly this, in the standard library), checked in constant time.
A name that does not exist costs the same check, so the time of an answer tells nothing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# scrypt's cost (n), block size (r) and parallelism (p): OWASP's minimum for scrypt, about
# 50 ms and 16 MB a check on this machine.
N, R, P = 2**14, 8, 1
SECRET_BYTES = 24


def new_secret() -> str:
    """A secret to give an organiser once: 32 URL-safe characters, 192 random bits."""
    return secrets.token_urlsafe(SECRET_BYTES)


def hashed(secret: str, *, salt: bytes | None = None) -> str:
    """'scrypt$n$r$p$salt$hash', what the store keeps in place of the secret."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=N, r=R, p=P, maxmem=64 * 2**20)
    encode = base64.urlsafe_b64encode
    return f"scrypt${N}${R}${P}${encode(salt).decode()}${encode(digest).decode()}"


def matches(secret: str, stored: str | None) -> bool:
    """Whether a secret is the one whose hash is stored; None (no such organiser) is
    checked against a hash no secret matches, in the same time."""
    kept = stored or _NOBODY
    try:
        _, n, r, p, salt, digest = kept.split("$")
        made = hashlib.scrypt(
            secret.encode(),
            salt=base64.urlsafe_b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            maxmem=64 * 2**20,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(made, base64.urlsafe_b64decode(digest)) and stored is not None


_NOBODY = hashed(secrets.token_urlsafe(SECRET_BYTES))
