"""Course and lesson pages stay within 15 queries whatever the number of lessons and learners."""

from django.contrib.auth import get_user_model

import pytest

from training.factories import build_course, make_quiz
from training.models import Enrolment, LessonCompletion
from training.services import progress


@pytest.fixture
def big_course(training_index):
    course, lessons = build_course(training_index, modules=4, lessons_per_module=8, title="Khóa lớn")
    make_quiz(course, lesson=lessons[5], questions=5)
    make_quiz(course, questions=10)
    User = get_user_model()
    users = User.objects.bulk_create([User(username=f"hv{i}", password="!") for i in range(300)])
    Enrolment.objects.bulk_create([Enrolment(user=user, course=course) for user in users])
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(user=user, lesson=lesson, course=course) for user in users for lesson in lessons[:3]]
    )
    return course, lessons


@pytest.mark.django_db
def test_course_page_queries_are_bounded(client, student, big_course, django_assert_max_num_queries):
    course, lessons = big_course
    progress.complete_lesson(student, lessons[0])
    client.force_login(student)
    client.get(course.url)  # warm the site and settings caches like a running server
    with django_assert_max_num_queries(15):
        response = client.get(course.url)
    assert response.status_code == 200
    assert lessons[-1].title in response.content.decode()


@pytest.mark.django_db
def test_lesson_page_queries_are_bounded(client, student, big_course, django_assert_max_num_queries):
    _course, lessons = big_course
    progress.complete_lesson(student, lessons[4])
    client.force_login(student)
    client.get(lessons[5].url)
    with django_assert_max_num_queries(15):
        response = client.get(lessons[5].url)
    assert response.status_code == 200
    assert "Làm bài kiểm tra" in response.content.decode()


@pytest.mark.django_db
def test_anonymous_course_and_lesson_pages_are_bounded(client, big_course, django_assert_max_num_queries):
    course, lessons = big_course
    client.get(course.url)
    with django_assert_max_num_queries(12):
        assert client.get(course.url).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(lessons[20].url).status_code == 200


@pytest.mark.django_db
def test_my_courses_queries_do_not_grow_with_courses(client, student, training_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def enrol_in_new_course(n):
        course, lessons = build_course(training_index, modules=2, lessons_per_module=3, title=f"Khóa {n}")
        progress.complete_lesson(student, lessons[0])

    enrol_in_new_course(0)
    client.force_login(student)
    client.get("/khoa-hoc-cua-toi/")
    with CaptureQueriesContext(connection) as one_course:
        client.get("/khoa-hoc-cua-toi/")
    for n in range(1, 7):
        enrol_in_new_course(n)
    with CaptureQueriesContext(connection) as seven_courses:
        response = client.get("/khoa-hoc-cua-toi/")
    assert "Khóa 6" in response.content.decode()
    assert len(seven_courses) == len(one_course) <= 20
