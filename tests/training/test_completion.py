""" "The course is complete" is one rule: the certificate and the course page read it the same way."""

from django.utils import timezone

import pytest

from training.models import Attempt
from training.services import progress
from training.services.page_context import course_context
from training.services.progress import course_is_complete


def test_complete_when_every_required_lesson_is_done_and_the_final_test_passed():
    assert course_is_complete({1, 2}, {1, 2, 3}, final_test_passed=True)


def test_not_complete_while_a_required_lesson_is_left():
    assert not course_is_complete({1, 2}, {1}, final_test_passed=True)


def test_not_complete_until_the_final_test_is_passed():
    assert not course_is_complete({1, 2}, {1, 2}, final_test_passed=False)


def test_a_course_without_required_lessons_needs_only_the_final_test():
    assert course_is_complete(set(), set(), final_test_passed=True)
    assert not course_is_complete(set(), set(), final_test_passed=False)


def attempt(student, quiz, number, *, passed):
    Attempt.objects.create(
        user=student,
        quiz=quiz,
        number=number,
        seed=number,
        score=100 if passed else 50,
        passed=passed,
        submitted_at=timezone.now(),
    )


def state(student, course):
    return progress.has_completed_course(student, course), course_context(course, student)["completed"]


@pytest.mark.django_db
def test_the_course_page_and_the_certificate_agree_at_every_step(student, course_with_lessons):
    course, lessons, _quiz, final = course_with_lessons
    assert state(student, course) == (False, False)
    for lesson in lessons:
        progress.complete_lesson(student, lesson)
    assert state(student, course) == (False, False)  # the final test is still to pass
    attempt(student, final, 1, passed=False)
    assert state(student, course) == (False, False)
    attempt(student, final, 2, passed=True)
    assert state(student, course) == (True, True)


@pytest.mark.django_db
def test_an_unpublished_required_lesson_no_longer_counts(student, course_with_lessons):
    course, lessons, _quiz, final = course_with_lessons
    for lesson in lessons[:-1]:
        progress.complete_lesson(student, lesson)
    attempt(student, final, 1, passed=True)
    assert state(student, course) == (False, False)
    lessons[-1].unpublish()
    assert state(student, course) == (True, True)
