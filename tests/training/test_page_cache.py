"""The catalogue, courses and public lessons are cached for anonymous readers; members-only lessons
and learners' pages never are."""

import pytest

from training.models import CoursePage

pytestmark = pytest.mark.django_db


def test_the_catalogue_a_course_and_a_public_lesson_are_cached(client, page_cache, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    for url in (course.get_parent().url, course.url, lessons[0].url):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "HIT", url


def test_a_learner_sees_their_own_progress_not_the_cached_page(client, page_cache, course_with_lessons, student):
    course, lessons, _quiz, _final = course_with_lessons
    client.get(lessons[0].url)
    client.force_login(student)
    response = client.get(lessons[0].url)
    assert "X-Page-Cache" not in response and "Đánh dấu đã học xong" in response.content.decode()


def test_members_only_lessons_are_never_cached(client, page_cache, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    CoursePage.objects.filter(pk=course.pk).update(members_only=True)
    from training.services.structure import bump_version

    bump_version()
    for _view in range(2):
        response = client.get(lessons[0].url)
        assert response.status_code == 302 and "X-Page-Cache" not in response
