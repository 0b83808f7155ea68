from __future__ import annotations

from django.urls import path

from cadis.apps.ews.views import alerts, detections, evidence, places, simulator

app_name = "ews"

urlpatterns = [
    path("", detections.home, name="home"),
    path("detections/", detections.detection_list, name="detections"),
    path("detections/new/", detections.detection_new, name="detection_new"),
    path("detections/<int:pk>/", detections.detection_detail, name="detection_detail"),
    path("detections/<int:pk>/evidence/", evidence.detection_evidence, name="detection_evidence"),
    path(
        "detections/<int:pk>/spectra/<int:spectrum_pk>/file/",
        evidence.spectrum_file,
        name="spectrum_file",
    ),
    path("spectra/", evidence.library, name="spectra"),
    path("spectra/contribute/", evidence.contribute, name="spectra_contribute"),
    path("simulator/", simulator.simulator, name="simulator"),
    path("detections/places/", places.place_review, name="place_review"),
    path("substances/", detections.profile_list, name="profiles"),
    path("substances/<int:pk>/", detections.profile_detail, name="profile_detail"),
    path("alerts/", alerts.alert_list, name="alerts"),
    path("alerts/feed/", alerts.AlertFeed(), name="feed"),
    path("alerts/<int:pk>/", alerts.alert_detail, name="alert_detail"),
    path("alerts/<int:pk>/issue/", alerts.alert_issue, name="alert_issue"),
    path("alerts/<int:pk>/dismiss/", alerts.alert_dismiss, name="alert_dismiss"),
    path("alerts/<int:pk>/withdraw/", alerts.alert_withdraw, name="alert_withdraw"),
    path("subscription/", alerts.subscription, name="subscription"),
    path("notifications/", alerts.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", alerts.notification_read, name="notification_read"),
]
