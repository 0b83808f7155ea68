"""Two-factor authentication: verify users who have a device; enrol those who must."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

from cadis.platform.roles import Role

_EXEMPT_PREFIXES = ("/static/", "/media/", "/i18n/", "/api/")


def two_factor_required(user) -> bool:
    return settings.CADIS_REQUIRE_2FA and (
        user.is_superuser or user.role in (Role.ADMINISTRATOR, Role.FOCAL_POINT)
    )


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified():
            path = request.path
            allowed = {
                reverse("accounts:otp_verify"),
                reverse("accounts:otp_setup"),
                reverse("accounts:logout"),
            }
            if path not in allowed and not path.startswith(_EXEMPT_PREFIXES):
                if user_has_device(user, confirmed=True):
                    return redirect(f"{reverse('accounts:otp_verify')}?next={path}")
                if two_factor_required(user):
                    return redirect(reverse("accounts:otp_setup"))
        return self.get_response(request)
