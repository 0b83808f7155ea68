from __future__ import annotations

from django.urls import path

from cadis.apps.extraction import views

app_name = "extraction"
urlpatterns = [
    path("", views.home, name="home"),
    path("upload/", views.upload, name="upload"),
    path("facts/places/", views.place_review, name="place_review"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/extract/", views.extract, name="extract"),
    path("facts/<int:pk>/accept/", views.fact_accept, name="fact_accept"),
    path("facts/<int:pk>/reject/", views.fact_reject, name="fact_reject"),
    path("facts/<int:pk>/edit/", views.fact_edit, name="fact_edit"),
    path("facts/<int:pk>/confirm/", views.fact_confirm, name="fact_confirm"),
]
