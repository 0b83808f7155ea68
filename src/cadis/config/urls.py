from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from cadis.api.api import api
from cadis.platform.modules import modules

urlpatterns = [
    path("", include("cadis.web.urls")),
    path("accounts/", include("cadis.apps.accounts.urls")),
    path("jobs/", include("cadis.apps.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

# Every installed module's pages, at the prefix its AppConfig declares (cadis.platform.modules).
for config in modules():
    urlpatterns.append(path(config.url_prefix, include(f"{config.name}.urls")))
# Uploaded files are never served from MEDIA_URL, in any profile: views that check scope stream
# them (cadis.platform.uploads).

handler500 = "cadis.web.views.server_error"
