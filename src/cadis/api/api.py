"""The django-ninja root at /api/v1. Each installed cadis app contributes ``<app>.api.router``."""

from __future__ import annotations

from importlib import import_module

from django.apps import apps
from ninja import NinjaAPI, Schema

from cadis.api.auth import read_auth
from cadis.api.errors import install_error_handlers

api = NinjaAPI(
    title="cadis API",
    version="1.0.0",
    description=(
        "Central Asian Drug Information System. Authenticate with `Authorization: Bearer <token>` "
        "(create tokens on the API tokens page) or the browser session. Anonymous requests see public "
        "data only. Errors are `{code, message, details}`."
    ),
    docs_url="/docs",
    auth=read_auth,
)
install_error_handlers(api)


class MeOut(Schema):
    authenticated: bool
    username: str | None
    role: str | None
    organisation: str | None
    country: str | None


@api.get("/me", response=MeOut, tags=["accounts"], summary="Who am I")
def me(request):
    user = request.user
    if not user.is_authenticated:
        return MeOut(authenticated=False, username=None, role=None, organisation=None, country=None)
    org = user.organisation
    return MeOut(authenticated=True, username=user.get_username(), role=user.role,
                 organisation=org.name_en if org else None,
                 country=org.country.code if org and org.country_id else None)


for config in apps.get_app_configs():
    if config.name.startswith("cadis.apps."):
        try:
            module = import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.api":
                raise
            continue
        api.add_router(f"/{config.label}/", module.router)
