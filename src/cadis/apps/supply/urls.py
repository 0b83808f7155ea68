from __future__ import annotations

from django.urls import include, path

from cadis.apps.supply.views import dashboard, import_fixes, imports, records, unodc

app_name = "supply"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("country/<str:code>/", dashboard.country_dashboard, name="country_dashboard"),
    path("maps/", dashboard.seizure_maps, name="maps"),
    path("data/<str:dimension>.<str:fmt>", dashboard.data_download, name="data_download"),
    path("seizures/", records.seizure_list, name="seizure_list"),
    path("seizures/new/", records.seizure_create, name="seizure_create"),
    path("seizures/<int:pk>/", records.seizure_detail, name="seizure_detail"),
    path("seizures/<int:pk>/edit/", records.seizure_edit, name="seizure_edit"),
    path("places/review/", records.place_review, name="place_review"),
    path("cases/", records.case_list, name="case_list"),
    path("cases/new/", records.case_create, name="case_create"),
    path("cases/<int:pk>/", records.case_detail, name="case_detail"),
    path("statistics/", records.statistic_list, name="statistic_list"),
    path("statistics/new/", records.statistic_create, name="statistic_create"),
    path("prices/", include("cadis.apps.supply.prices.urls")),
    path("unodc/<str:report>/<str:code>/<int:year>.xlsx", unodc.unodc_workbook, name="unodc"),
    path("imports/", imports.import_upload, name="import_upload"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/commit/", imports.import_commit, name="import_commit"),
    path("imports/mappings/", import_fixes.import_mappings, name="import_mappings"),
    path("imports/template.xlsx", import_fixes.import_template, name="import_template"),
    path("imports/<int:pk>/map/", import_fixes.import_map, name="import_map"),
    path("imports/<int:pk>/errors.csv", import_fixes.import_errors_file, name="import_errors"),
]
