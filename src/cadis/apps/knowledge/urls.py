from __future__ import annotations

from django.urls import path

from cadis.apps.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.home, name="home"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/compare/", views.compare, name="compare"),
    path("programmes/<slug:code>/", views.programme_detail, name="programme"),
    path("services/", views.services_list, name="services"),
    path("services/new/", views.service_edit, name="service_new"),
    path("services/<int:pk>/edit/", views.service_edit, name="service_edit"),
    path("documents/", views.documents, name="documents"),
    path("documents/upload/", views.document_upload, name="document_upload"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("documents/<int:pk>/file/", views.document_file, name="document_file"),
]
