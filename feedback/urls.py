from django.urls import path

from . import tokens, views

app_name = "feedback"

urlpatterns = [
    path("tra-cuu/", views.lookup, name="lookup"),
    path("ket-qua-giai-quyet/", views.resolutions, name="resolutions"),
    path("y-kien/gui/<int:page_id>/", views.comment_submit, name="comment_submit"),
    path("y-kien/phan-anh/<int:page_id>/", views.feedback_submit, name="feedback_submit"),
    path("api/form-token/", tokens.form_token, name="form_token"),
]
