from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from cadis.api.api import api

urlpatterns = [
    path("", include("cadis.web.urls")),
    path("accounts/", include("cadis.apps.accounts.urls")),
    path("jobs/", include("cadis.apps.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

# Optional modules add their URLs when installed.
for module, prefix in settings.CADIS_MODULE_URLS:
    urlpatterns.append(path(prefix, include(module)))

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
