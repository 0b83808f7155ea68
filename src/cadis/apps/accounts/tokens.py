"""Per-user API tokens: shown once, stored as a SHA-256 hash, revocable."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from cadis.apps.accounts.models import ApiToken

TOKEN_PREFIX = "cadis"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def generate() -> tuple[str, str, str]:
    """Return (full token, lookup prefix, hash of the secret part)."""
    prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    return f"{TOKEN_PREFIX}_{prefix}_{secret}", prefix, _hash(secret)


def authenticate(raw: str) -> ApiToken | None:
    """The active token matching ``raw``, or None. Constant-time comparison of the hash."""
    parts = (raw or "").strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(prefix=parts[1])
        .first()
    )
    if token is None or not token.is_active or not token.user.is_active:
        return None
    if not secrets.compare_digest(token.key_hash, _hash(parts[2])):
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def second_factor_ready(user) -> bool:
    """A user whose role requires 2FA (administrators, focal points) has a confirmed device;
    everyone else is ready as they are. Their API tokens work only when this holds."""
    from django_otp import user_has_device

    from cadis.apps.accounts.middleware import two_factor_required

    return not two_factor_required(user) or user_has_device(user, confirmed=True)
