from __future__ import annotations

from django.urls import path

from cadis.apps.treatment import views

app_name = "treatment"

urlpatterns = [
    path("", views.home, name="home"),
    path("episodes/", views.episodes, name="episodes"),
    path("episodes/new/", views.episode_new, name="episode_new"),
    path("episodes/import/", views.episode_import, name="import"),
    path("episodes/import/template.csv", views.import_template, name="import_template"),
    path("episodes/import/template.xlsx", views.import_template_xlsx, name="import_template_xlsx"),
    path("episodes/<int:pk>/", views.episode_detail, name="episode"),
    path("episodes/<int:pk>/edit/", views.episode_edit, name="episode_edit"),
    path("episodes/<int:pk>/delete/", views.episode_delete, name="episode_delete"),
    path("tables/<str:code>/<int:year>/", views.tdi_tables, name="tables"),
    path("tables/<str:code>/<int:year>/release/", views.tdi_release, name="release"),
    path("tables/<str:code>/<int:year>/euda.xlsx", views.euda_tdi_workbook, name="euda_tdi"),
    path("harms/<str:code>/<int:year>/euda.xlsx", views.euda_harms_workbook, name="euda_harms"),
    path("harms/", views.harms, name="harms"),
    path("harms/new/", views.harm_new, name="harm_new"),
    path("harms/import/", views.harm_import, name="harm_import"),
    path("aggregates/import/", views.dhis2_import_page, name="dhis2_import"),
    path("harms/import/template.xlsx", views.harm_template_xlsx, name="harm_template_xlsx"),
]
