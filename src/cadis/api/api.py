"""The django-ninja root at /api/v1: it mounts the router each app registers (``api_router``)."""

from __future__ import annotations

from django.conf import settings
from ninja import NinjaAPI, Schema, Swagger

from cadis.api.errors import install_error_handlers
from cadis.apps.accounts.auth import read_auth
from cadis.platform.api import responses
from cadis.platform.modules import api_routers


class CadisAPI(NinjaAPI):
    """The API whose OpenAPI ``servers`` is the installation's address (``SITE_URL``), read when
    the document is built so that it follows the settings."""

    def get_openapi_schema(self, *args, **kwargs):
        self.servers = [{"url": settings.SITE_URL.rstrip("/"), "description": "this installation"}]
        return super().get_openapi_schema(*args, **kwargs)


api = CadisAPI(
    title="cadis API",
    version="1.0.0",
    description=(
        "Central Asian Drug Information System. Authenticate with `Authorization: Bearer <token>` "
        "(create tokens on the API tokens page) or the browser session. Anonymous requests see public "
        "data only. Errors are `{code, message, details}`."
    ),
    docs_url="/docs",
    # Without deep links an operation's summary holds no link inside its button (axe:
    # nested-interactive); the page's own anchors still work.
    docs=Swagger(settings={"deepLinking": False}),
    auth=read_auth,
)
install_error_handlers(api)


class MeOut(Schema):
    authenticated: bool
    username: str | None
    role: str | None
    organisation: str | None
    country: str | None


@api.get("/me", response=responses(MeOut), tags=["accounts"], summary="Who am I")
def me(request):
    user = request.user
    if not user.is_authenticated:
        return MeOut(authenticated=False, username=None, role=None, organisation=None, country=None)
    org = user.organisation
    return MeOut(authenticated=True, username=user.get_username(), role=user.role,
                 organisation=org.name_en if org else None,
                 country=org.country.code if org and org.country_id else None)


# Every app's router, as its AppConfig declares it (cadis.platform.modules).
for label, router in api_routers():
    api.add_router(f"/{label}/", router)
