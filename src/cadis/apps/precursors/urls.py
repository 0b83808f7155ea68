from __future__ import annotations

from django.urls import path

from cadis.apps.precursors.views import records, screening

app_name = "precursors"

urlpatterns = [
    path("", screening.home, name="home"),
    path("screening/", screening.screening_list, name="screening_list"),
    path("screening/new/", screening.screening_new, name="screening_new"),
    path("screening/<int:pk>/", screening.screening_results, name="screening_results"),
    path("screening/<int:pk>/file/", screening.screening_file, name="screening_file"),
    path(
        "screening/<int:pk>/export.<str:fmt>", screening.screening_export, name="screening_export"
    ),
    path("notifications/", records.notification_list, name="notification_list"),
    path("notifications/new/", records.notification_new, name="notification_new"),
    path(
        "notifications/pen-online.<str:fmt>",
        records.notification_export,
        name="notification_export",
    ),
    path("form-d/<str:code>/<int:year>.xlsx", records.form_d_workbook, name="form_d"),
    path("notifications/<int:pk>/", records.notification_detail, name="notification_detail"),
    path("notifications/<int:pk>/edit/", records.notification_edit, name="notification_edit"),
    path(
        "notifications/<int:pk>/respond/", records.notification_respond, name="notification_respond"
    ),
    path("incidents/", records.incident_list, name="incident_list"),
    path("incidents/new/", records.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", records.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", records.incident_edit, name="incident_edit"),
]
