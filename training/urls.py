from django.urls import path

from . import views, views_events, views_packages, views_programmes, views_reminders

app_name = "training"

urlpatterns = [
    path("khoa-hoc-cua-toi/", views.my_courses, name="my_courses"),
    path("khoa-hoc-cua-toi/ghi-danh/<int:course_id>/", views.enrol, name="enrol"),
    path("khoa-hoc-cua-toi/hoan-thanh/<int:lesson_id>/", views.complete_lesson, name="complete_lesson"),
    path("khoa-hoc-cua-toi/bai-kiem-tra/<int:quiz_id>/", views.start_quiz, name="start_quiz"),
    path("khoa-hoc-cua-toi/bai-lam/<int:attempt_id>/", views.AttemptView.as_view(), name="attempt"),
    path("khoa-hoc-cua-toi/khoa-hoc/<int:course_id>/chung-nhan/", views.course_certificate, name="course_certificate"),
    path("khoa-hoc-cua-toi/chung-nhan/<str:code>/", views.certificate_print, name="certificate_print"),
    path(
        "khoa-hoc-cua-toi/bai-hoc/<int:lesson_id>/goi/<path:path>",
        views_packages.package_file,
        name="package_file",
    ),
    path("khoa-hoc-cua-toi/bai-hoc/<int:lesson_id>/h5p/", views_packages.h5p_player, name="h5p_player"),
    path(
        "khoa-hoc-cua-toi/bai-hoc/<int:lesson_id>/du-lieu-goi/",
        views_packages.package_commit,
        name="package_commit",
    ),
    path("khoa-hoc-cua-toi/lop-tap-huan/<int:event_id>/dang-ky/", views_events.register, name="event_register"),
    path("khoa-hoc-cua-toi/lop-tap-huan/<int:event_id>/huy-dang-ky/", views_events.cancel, name="event_cancel"),
    path("dao-tao/de-an/<slug:slug>/", views_programmes.programme_page, name="programme"),
    path("khoa-hoc-cua-toi/nhac-hoc/tu-choi/<str:token>/", views_reminders.opt_out, name="reminder_opt_out"),
    path("chung-nhan/<str:code>/", views.certificate_verify, name="certificate_verify"),
]
