"""API authentication: bearer tokens, the browser session, or anonymous (public data only)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from ninja.security import APIKeyCookie, HttpBearer

from cadis.apps.accounts import tokens
from cadis.apps.accounts.models import ApiToken
from cadis.platform.errors import PermissionDenied

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class TokenAuth(HttpBearer):
    """``Authorization: Bearer cadis_...``; read-only tokens may only read. The tokens of a user
    whose role requires two-factor authentication work only once the user has set it up."""

    def authenticate(self, request, token: str):
        api_token = tokens.authenticate(token)
        if api_token is None:
            return None
        if not tokens.second_factor_ready(api_token.user):
            raise PermissionDenied(
                "Your role requires two-factor authentication: set it up in the browser before using API tokens."
            )
        if request.method not in SAFE_METHODS and api_token.access != ApiToken.Access.READ_WRITE:
            raise PermissionDenied(
                "This API token is read-only; create a read-write token to make changes."
            )
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user


class SessionAuth(APIKeyCookie):
    """The signed-in browser session (CSRF-checked for writes); 2FA-verified when required."""

    param_name = "sessionid"

    def _get_key(self, request):
        # Without a signed-in session there is nothing to protect from cross-site forgery: the
        # request is anonymous and is refused with 401 (write_auth), not 403 "CSRF check Failed".
        # A signed-in session still needs the CSRF token for writes.
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request, key):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if hasattr(user, "is_verified") and not user.is_verified():
            from django_otp import user_has_device

            from cadis.apps.accounts.middleware import two_factor_required

            if two_factor_required(user) or user_has_device(user, confirmed=True):
                return None
        return user


class Anonymous:
    """Lets a request through as the anonymous public; endpoints then show public data only."""

    def __call__(self, request):
        if request.headers.get("Authorization"):
            return None  # a bad token is an error, not a silent downgrade to public
        request.user = AnonymousUser()
        return request.user


token_auth = TokenAuth()
session_auth = SessionAuth()
read_auth = [token_auth, session_auth, Anonymous()]
write_auth = [token_auth, session_auth]
