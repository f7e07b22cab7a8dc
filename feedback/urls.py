from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("tra-cuu/", views.lookup, name="lookup"),
    path("ket-qua-giai-quyet/", views.resolutions, name="resolutions"),
    path("y-kien/gui/<int:page_id>/", views.comment_submit, name="comment_submit"),
]
