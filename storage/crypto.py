"""Field-level authenticated encryption (AES-256-GCM) with a key id on every value."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_FORMAT = "v1"
KEY_BYTES = 32


class KeyConfigError(ValueError):
    """A key is malformed, or a value was sealed under a key that is not configured."""


class DecryptionError(ValueError):
    """A value could not be authenticated: wrong key, or the stored bytes were changed."""


def generate_key() -> str:
    """A new random key in the text form that configuration expects."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def parse_key(text: str) -> bytes:
    """Decode a configured key; raise KeyConfigError with a reason a person can act on."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise KeyConfigError("is not valid base64") from exc
    if len(raw) != KEY_BYTES:
        raise KeyConfigError(f"must decode to {KEY_BYTES} bytes, not {len(raw)}")
    return raw


def key_id(key: bytes) -> str:
    """A short, stable, non-secret name for a key, stored beside each value it seals."""
    return hashlib.sha256(b"meldbot-key-id" + key).hexdigest()[:12]


@dataclass(frozen=True)
class FieldCipher:
    """Seals and opens text fields.

    Each value is bound to its column by the associated data, so a ciphertext copied into
    another column (or another table) does not open. Older keys stay available for opening
    until everything is re-encrypted under the active one.
    """

    active_key: bytes
    older_keys: tuple[bytes, ...] = ()

    @property
    def active_key_id(self) -> str:
        return key_id(self.active_key)

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(self._keys())

    def _keys(self) -> dict[str, bytes]:
        return {key_id(k): k for k in (self.active_key, *self.older_keys)}

    def seal(self, plaintext: str, purpose: str, under: str | None = None) -> str:
        """Seal under the active key, or (`under`, a key id) under one of the older ones."""
        kid = under or self.active_key_id
        nonce = os.urandom(12)
        sealed = AESGCM(self._keys()[kid]).encrypt(nonce, plaintext.encode("utf-8"), purpose.encode())
        token = base64.urlsafe_b64encode(nonce + sealed).decode("ascii")
        return f"{_FORMAT}:{kid}:{token}"

    def is_current(self, stored: str) -> bool:
        """Whether a stored value is sealed under the active key (nothing for a rotation to do)."""
        return stored.startswith(f"{_FORMAT}:{self.active_key_id}:")

    def open(self, stored: str, purpose: str) -> str:
        try:
            version, kid, token = stored.split(":", 2)
        except ValueError as exc:
            raise DecryptionError("not a sealed value") from exc
        if version != _FORMAT:
            raise DecryptionError(f"unknown format {version!r}")
        key = self._keys().get(kid)
        if key is None:
            raise KeyConfigError(f"sealed under key {kid}, which is not configured")
        raw = base64.urlsafe_b64decode(token.encode("ascii"))
        try:
            return AESGCM(key).decrypt(raw[:12], raw[12:], purpose.encode()).decode("utf-8")
        except Exception as exc:  # InvalidTag: wrong key or tampered bytes
            raise DecryptionError("value does not authenticate") from exc

    def lookup_token(self, *parts: str) -> str:
        """A keyed hash for equality search over encrypted values (a blind index).

        Normalised so that case, accents and spacing do not hide a match; prefixed with the
        key id so that a rotation can find and recompute the old tokens.
        """
        index_key = hmac.new(self.active_key, b"meldbot-lookup", hashlib.sha256).digest()
        normal = "\x1f".join(_normalise(p) for p in parts)
        digest = hmac.new(index_key, normal.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{self.active_key_id}:{digest}"


def sealed_key_id(stored: str) -> str:
    """The id of the key a stored value was sealed under."""
    return stored.split(":", 2)[1]


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(without_accents.casefold().split())
