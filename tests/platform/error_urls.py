"""The project's URLs plus one view that raises the error it is asked for (middleware tests)."""

from __future__ import annotations

from django.urls import path

from cadis.config.urls import urlpatterns as project_urls
from cadis.platform import errors

RAISED = {
    "not_found": errors.NotFound("No such seizure."),
    "permission": errors.PermissionDenied("You may not change this seizure."),
    "validation": errors.ValidationError("The date is in the future."),
    "conflict": errors.Conflict("This file has already been imported."),
    "anonymous": errors.NotAuthenticated("Sign in first."),
}


def raising_view(request, kind: str):
    raise RAISED[kind]


urlpatterns = [*project_urls, path("_raise/<str:kind>/", raising_view)]
