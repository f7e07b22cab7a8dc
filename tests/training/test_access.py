"""A learner reaches only their own progress, attempts and certificates."""

import time

import pytest
import time_machine

from training.models import Certificate
from training.services import progress
from training.services import quiz as quiz_service


@pytest.fixture
def others_certificate(other_student, training_index):
    from training.factories import build_course

    course, lessons = build_course(training_index, modules=1, lessons_per_module=1)
    return progress.complete_lesson(other_student, lessons[0])


@pytest.mark.django_db
def test_another_learners_attempt_is_not_found(client, student, other_student, course_with_lessons):
    _course, _lessons, quiz, _final = course_with_lessons
    attempt = quiz_service.start_attempt(other_student, quiz)
    client.force_login(student)
    assert client.get(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/").status_code == 404
    answers = {f"q-{q.pk}": [q.choices.first().pk] for q in quiz.questions.all()}
    assert client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", answers).status_code == 404
    attempt.refresh_from_db()
    assert not attempt.is_submitted


@pytest.mark.django_db
def test_another_learners_printable_certificate_is_not_found(client, student, others_certificate):
    client.force_login(student)
    assert client.get(others_certificate.get_print_url()).status_code == 404


@pytest.mark.django_db
def test_holder_opens_the_printable_a4_certificate(client, other_student, others_certificate):
    client.force_login(other_student)
    response = client.get(others_certificate.get_print_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Lê Thị Khác" in html and others_certificate.code in html
    assert "training/certificate.css" in html
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("training/certificate.css")).read_text(encoding="utf-8")
    assert "@page" in css and "size: A4" in css


@pytest.mark.django_db
def test_my_courses_shows_only_my_own_enrolments(client, student, other_student, others_certificate):
    client.force_login(student)
    html = client.get("/khoa-hoc-cua-toi/").content.decode()
    assert others_certificate.code not in html
    assert "Bạn chưa ghi danh khóa học nào." in html


@pytest.mark.django_db
def test_course_page_progress_is_the_signed_in_learners_own(client, student, other_student, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    for lesson in lessons:
        progress.complete_lesson(other_student, lesson)
    client.force_login(student)
    html = client.get(course.url).content.decode()
    assert "Đã học 0/4 bài (0%)" in html


@pytest.mark.django_db
def test_public_verification_by_code_shows_holder_course_date(client, others_certificate):
    response = client.get(f"/chung-nhan/{others_certificate.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chứng nhận hợp lệ" in html
    assert "Lê Thị Khác" in html and others_certificate.course_title in html


@pytest.mark.django_db
def test_verification_of_a_revoked_certificate_says_so(client, others_certificate, django_user_model):
    progress.revoke_certificate(others_certificate, by=None, reason="Gian lận khi làm bài")
    html = client.get(f"/chung-nhan/{others_certificate.code}/").content.decode()
    assert "Chứng nhận đã bị thu hồi" in html
    assert "Gian lận" not in html  # the reason is for managers


@pytest.mark.django_db
def test_unknown_code_gives_a_vietnamese_not_found(client, home_page):
    response = client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/")
    assert response.status_code == 404
    assert "Không tìm thấy chứng nhận" in response.content.decode()


@pytest.mark.django_db
def test_certificate_codes_are_long_random_and_distinct(others_certificate):
    from training.models.progress import new_certificate_code

    codes = {new_certificate_code() for _ in range(500)}
    assert len(codes) == 500
    assert len(others_certificate.code.replace("-", "")) == 16
    assert not others_certificate.code.isdigit()
    assert Certificate.objects.filter(code=others_certificate.code).count() == 1


@pytest.mark.django_db
def test_verification_lookups_are_rate_limited(client, home_page):
    from training.views import VERIFY_LIMIT

    # The limit counts per fixed window: the clock stands still so that the loop never crosses into the next.
    with time_machine.travel(time.time(), tick=False):
        for _ in range(VERIFY_LIMIT):
            assert client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/").status_code == 404
        response = client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/")
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()


@pytest.mark.django_db
def test_verification_limit_counts_each_visitor_behind_the_proxy(client, home_page, settings):
    """Behind the production reverse proxy every request comes from the proxy's address."""
    from training.views import VERIFY_LIMIT

    settings.TRUSTED_PROXY_COUNT = 1
    first = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    second = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.8"}
    # The clock holds still so that the requests never cross the limit's fixed window.
    with time_machine.travel(time.time(), tick=False):
        for _ in range(VERIFY_LIMIT):
            client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/", **first)
        assert client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/", **first).status_code == 429
        assert client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/", **second).status_code == 404
