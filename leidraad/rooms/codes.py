"""Room codes people can read off a projector and type on a phone, and the secret tokens behind them."""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: nothing one can mistake for another on a projector or a phone keyboard.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str | None) -> str | None:
    """What a person typed, as a code: upper case, spaces and dashes dropped; None if it cannot be one."""
    code = "".join((text or "").split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def new_token() -> str:
    """A secret for the URL (trainer or participant); only its hash is stored."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
