from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("giam-sat/", views.round_list, name="index"),
    path("giam-sat/<int:pk>/", views.round_detail, name="round"),
    path("du-lieu-mo/", views.opendata_page, name="opendata"),
    path("du-lieu-mo/<slug:slug>.<str:format>", views.opendata_file, name="opendata_file"),
]
