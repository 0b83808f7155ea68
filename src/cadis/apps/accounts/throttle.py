"""Login throttling, keyed by account, with a much higher per-address ceiling.

- An account is locked after ``LOGIN_MAX_FAILURES`` wrong passwords within
  ``LOGIN_FAILURE_WINDOW_SECONDS``: further attempts for that username are refused, the right
  password included, until the window passes.
- An address is counted too, but only as a ceiling against password spraying: after
  ``LOGIN_ADDRESS_MAX_FAILURES`` failures from one address, each further wrong password from it
  locks the account it was tried on at once. A correct password for an account that is not
  locked is never refused, so one visitor behind a shared proxy cannot lock out the others.
- The client address is ``REMOTE_ADDR`` unless that peer is one of ``TRUSTED_PROXIES``; then it
  is the right-most address of ``X-Forwarded-For`` that is not itself a trusted proxy.
"""

from __future__ import annotations

import hashlib
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache


def _user_key(username: str) -> str:
    return "login-fail:user:" + hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]


def _address_key(address: str) -> str:
    return f"login-fail:addr:{address}"


def _count(key: str) -> int:
    return int(cache.get(key) or 0)


def _increment(key: str, by: int = 1) -> None:
    window = settings.LOGIN_FAILURE_WINDOW_SECONDS
    if cache.add(key, by, window):
        return
    try:
        cache.incr(key, by)
    except ValueError:  # expired between add() and incr()
        cache.set(key, by, window)


def is_locked(username: str) -> bool:
    """The account has reached its failure limit within the window."""
    return _count(_user_key(username)) >= settings.LOGIN_MAX_FAILURES


def address_over_ceiling(address: str) -> bool:
    return _count(_address_key(address)) >= settings.LOGIN_ADDRESS_MAX_FAILURES


def register_failure(username: str, address: str) -> None:
    """Count a wrong password for the account and the address; over the address ceiling the
    account is locked at once."""
    if address_over_ceiling(address):
        cache.set(_user_key(username), settings.LOGIN_MAX_FAILURES, settings.LOGIN_FAILURE_WINDOW_SECONDS)
    else:
        _increment(_user_key(username))
    _increment(_address_key(address))


def clear(username: str) -> None:
    """A successful sign-in clears the account's count (never the address's)."""
    cache.delete(_user_key(username))


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The client's address: X-Forwarded-For is read only when the immediate peer is trusted."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _is_trusted(address):
        return address
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for hop in reversed(forwarded):
        if not _is_trusted(hop):
            return hop
        address = hop
    return address
