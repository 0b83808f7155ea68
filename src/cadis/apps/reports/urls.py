from __future__ import annotations

from django.urls import path

from cadis.apps.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("region.pdf", views.regional_pdf, name="regional_pdf"),
    path("region.sdmx.csv", views.regional_sdmx, name="regional_sdmx"),
    path("region/texts/", views.text_edit, name="regional_text_edit"),
    path("sdmx/", views.sdmx_index, name="sdmx_index"),
    path("sdmx/structure.xml", views.sdmx_structure, name="sdmx_structure"),
    path("sdmx/data/<str:flow>.csv", views.sdmx_data, name="sdmx_data"),
    path("sdmx/data/<str:flow>/<str:code>.csv", views.sdmx_data, name="sdmx_country_data"),
    path("dhis2/<slug:instance>/<str:fmt>", views.dhis2_export, name="dhis2_export"),
    path("<str:code>/", views.country, name="country"),
    path("<str:code>/profile.pdf", views.country_pdf, name="country_pdf"),
    path("<str:code>/texts/", views.text_edit, name="text_edit"),
    path("<str:code>/data.<str:fmt>", views.country_export, name="country_export"),
]
