from __future__ import annotations

from django.urls import path

from cadis.apps.supply import views, views_imports, views_records

app_name = "supply"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("country/<str:code>/", views.country_dashboard, name="country_dashboard"),
    path("data/<str:dimension>.<str:fmt>", views.data_download, name="data_download"),
    path("seizures/", views_records.seizure_list, name="seizure_list"),
    path("seizures/new/", views_records.seizure_create, name="seizure_create"),
    path("seizures/<int:pk>/", views_records.seizure_detail, name="seizure_detail"),
    path("seizures/<int:pk>/edit/", views_records.seizure_edit, name="seizure_edit"),
    path("cases/", views_records.case_list, name="case_list"),
    path("cases/new/", views_records.case_create, name="case_create"),
    path("cases/<int:pk>/", views_records.case_detail, name="case_detail"),
    path("statistics/", views_records.statistic_list, name="statistic_list"),
    path("statistics/new/", views_records.statistic_create, name="statistic_create"),
    path("imports/", views_imports.import_upload, name="import_upload"),
    path("imports/<int:pk>/", views_imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/commit/", views_imports.import_commit, name="import_commit"),
]
