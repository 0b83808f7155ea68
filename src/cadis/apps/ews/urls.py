from __future__ import annotations

from django.urls import path

from cadis.apps.ews import views, views_alerts

app_name = "ews"

urlpatterns = [
    path("", views.home, name="home"),
    path("detections/", views.detection_list, name="detections"),
    path("detections/new/", views.detection_new, name="detection_new"),
    path("detections/<int:pk>/", views.detection_detail, name="detection_detail"),
    path("substances/", views.profile_list, name="profiles"),
    path("substances/<int:pk>/", views.profile_detail, name="profile_detail"),
    path("alerts/", views_alerts.alert_list, name="alerts"),
    path("alerts/feed/", views_alerts.AlertFeed(), name="feed"),
    path("alerts/<int:pk>/", views_alerts.alert_detail, name="alert_detail"),
    path("alerts/<int:pk>/issue/", views_alerts.alert_issue, name="alert_issue"),
    path("alerts/<int:pk>/withdraw/", views_alerts.alert_withdraw, name="alert_withdraw"),
    path("subscription/", views_alerts.subscription, name="subscription"),
    path("notifications/", views_alerts.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", views_alerts.notification_read, name="notification_read"),
]
