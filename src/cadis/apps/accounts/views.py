from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from cadis.apps.accounts import audit_display, selectors, services
from cadis.apps.accounts.forms import ApiTokenForm, OtpTokenForm, ThrottledAuthenticationForm
from cadis.apps.accounts.models import ApiToken
from cadis.platform.scope import scope_of


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    """A signed-in user changes their own password (the session stays signed in)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


def _safe_next(request, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
def otp_setup(request):
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="default", confirmed=False)
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect("web:home")
        form.add_error(
            "token", _("That code is not valid. Check your device's clock and try again.")
        )
    qr_svg = segno.make(device.config_url).svg_inline(scale=4)
    return render(
        request,
        "accounts/otp_setup.html",
        {"form": form, "qr_svg": qr_svg, "secret": device.bin_key.hex()},
    )


@login_required
def otp_verify(request):
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(_safe_next(request))
        form.add_error("token", _("That code is not valid."))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _token, new_token = services.api_token_create(
            actor=request.user,
            user=request.user,
            name=form.cleaned_data["name"],
            access=form.cleaned_data["access"],
        )
        form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request, "accounts/tokens.html", {"form": form, "tokens": tokens, "new_token": new_token}
    )


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token was revoked."))
    return redirect("accounts:tokens")


@login_required
def audit_log(request):
    scope = scope_of(request.user)
    if not (scope.is_admin or scope.is_focal_point):
        raise PermissionDenied
    params = request.GET
    filters = {
        "object_type": params.get("type") or None,
        "module": params.get("module") or None,
        "object_id": (params.get("object_id") or "").strip() or None,
        "user": (params.get("user") or "").strip() or None,
        "date_from": audit_display.parse_day(params.get("date_from")),
        "date_to": audit_display.parse_day(params.get("date_to")),
    }
    entries = selectors.audit_entry_list(actor=request.user, **filters)
    page = Paginator(entries, 50).get_page(params.get("page"))
    query = params.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": audit_display.display(list(page.object_list)),
        "filters": filters,
        "types": audit_display.type_choices(selectors.audit_entry_list(actor=request.user)),
        "modules": audit_display.module_choices(),
        "query": query.urlencode(),
    }
    return render(request, "accounts/audit_log.html", context)
