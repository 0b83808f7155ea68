"""Mounted by ``supply.urls`` under ``prices/`` (names in the ``supply`` namespace)."""

from __future__ import annotations

from django.urls import path

from cadis.apps.supply.prices import views

urlpatterns = [
    path("", views.price_list, name="price_list"),
    path("new/", views.price_create, name="price_create"),
    path("import/", views.price_import, name="price_import"),
    path("import/template.xlsx", views.price_import_template, name="price_import_template"),
    path("<int:pk>/", views.price_detail, name="price_detail"),
    path("<int:pk>/edit/", views.price_edit, name="price_edit"),
]
