from django.urls import path

from . import qa_views, views

app_name = "consultations"

urlpatterns = [
    path("y-kien/du-thao/<int:page_id>/", views.comment_submit, name="comment_submit"),
    path("y-kien/cau-hoi/<int:page_id>/", qa_views.ask_submit, name="ask_submit"),
]
