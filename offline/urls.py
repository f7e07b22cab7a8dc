from django.urls import path

from . import views

app_name = "offline"

urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("ngoai-tuyen/", views.offline_page, name="offline_page"),
    path("khoa-hoc-cua-toi/ngoai-tuyen/<int:course_id>/", views.package, name="package"),
    path("khoa-hoc-cua-toi/dong-bo/", views.sync, name="sync"),
]
