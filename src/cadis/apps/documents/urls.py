from __future__ import annotations

from django.urls import path

from cadis.apps.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.home, name="home"),
    path("upload/", views.upload, name="upload"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/extract/", views.extract, name="extract"),
    path("facts/<int:pk>/accept/", views.fact_accept, name="fact_accept"),
    path("facts/<int:pk>/reject/", views.fact_reject, name="fact_reject"),
    path("facts/<int:pk>/edit/", views.fact_edit, name="fact_edit"),
]
