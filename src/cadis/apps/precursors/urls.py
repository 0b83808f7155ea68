from __future__ import annotations

from django.urls import path

from cadis.apps.precursors import views

app_name = "precursors"

urlpatterns = [
    path("", views.home, name="home"),
    path("screening/", views.screening_list, name="screening_list"),
    path("screening/new/", views.screening_new, name="screening_new"),
    path("screening/<int:pk>/", views.screening_results, name="screening_results"),
    path("screening/<int:pk>/export.<str:fmt>", views.screening_export, name="screening_export"),
    path("notifications/", views.notification_list, name="notification_list"),
    path("notifications/new/", views.notification_new, name="notification_new"),
    path("notifications/<int:pk>/", views.notification_detail, name="notification_detail"),
    path("notifications/<int:pk>/edit/", views.notification_edit, name="notification_edit"),
    path(
        "notifications/<int:pk>/respond/", views.notification_respond, name="notification_respond"
    ),
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/new/", views.incident_new, name="incident_new"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/edit/", views.incident_edit, name="incident_edit"),
]
