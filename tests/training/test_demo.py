from django.core.management import call_command

import pytest

from accounts.models import User
from training.models import (
    Attempt,
    CoursePage,
    LessonCompletion,
    LessonPage,
    ModulePage,
    Question,
    Quiz,
    TrainingEventPage,
    TrainingIndexPage,
)
from training.services.page_context import course_context


def counts():
    return tuple(
        model.objects.count()
        for model in (CoursePage, ModulePage, LessonPage, Quiz, Question, TrainingEventPage, LessonCompletion, Attempt)
    )


@pytest.mark.django_db
def test_demo_course_is_complete_idempotent_and_served(settings, client):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first

    index = TrainingIndexPage.objects.get()
    assert index.url == "/dao-tao/" and index.show_in_menus
    course = CoursePage.objects.get(title="Kỹ năng giám sát, phản biện xã hội cho cán bộ Hội cơ sở")
    assert ModulePage.objects.child_of(course).count() >= 3
    lessons = LessonPage.objects.descendant_of(course)
    assert lessons.count() >= 6
    modules_with_quiz = {quiz.lesson.get_parent().pk for quiz in Quiz.objects.filter(lesson__isnull=False)}
    assert len(modules_with_quiz) >= 3
    assert Quiz.objects.get(course=course, lesson__isnull=True).questions.count() >= 10
    assert any(event.is_past() for event in TrainingEventPage.objects.all())

    hocvien = User.objects.get(username="hocvien")
    state = course_context(course, hocvien)["progress"]
    assert 0 < state["completed_lessons"] < state["total_lessons"]
    assert User.objects.filter(username="quanlydaotao", groups__name="Quản lý đào tạo").exists()

    for url in [index.url, course.url, lessons.first().url, *[e.url for e in TrainingEventPage.objects.all()]]:
        assert client.get(url).status_code == 200
