import pytest

from training.factories import build_course
from training.models import Certificate, Enrolment, LessonCompletion
from training.services import TrainingError, progress


def complete(client, lesson):
    return client.post(f"/khoa-hoc-cua-toi/hoan-thanh/{lesson.pk}/")


@pytest.mark.django_db
def test_marking_a_lesson_completed_enrols_and_moves_to_the_next_lesson(client, student, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    client.force_login(student)
    response = complete(client, lessons[0])
    assert response.status_code == 302
    assert response["Location"] == lessons[1].url
    assert LessonCompletion.objects.filter(user=student, lesson=lessons[0]).exists()
    assert Enrolment.objects.filter(user=student, course=course).exists()


@pytest.mark.django_db
def test_marking_completed_needs_post(client, student, course_with_lessons):
    _course, lessons, _quiz, _final = course_with_lessons
    client.force_login(student)
    assert client.get(f"/khoa-hoc-cua-toi/hoan-thanh/{lessons[0].pk}/").status_code == 405
    assert not LessonCompletion.objects.exists()


@pytest.mark.django_db
def test_marking_completed_needs_csrf(student, course_with_lessons):
    from django.test import Client

    _course, lessons, _quiz, _final = course_with_lessons
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert complete(client, lessons[0]).status_code == 403


@pytest.mark.django_db
def test_course_page_offers_start_then_continue_at_first_unfinished_lesson(client, student, course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    client.force_login(student)
    html = client.get(course.url).content.decode()
    assert "Bắt đầu học" in html
    complete(client, lessons[0])
    complete(client, lessons[2])
    html = client.get(course.url).content.decode()
    assert "Tiếp tục học" in html
    assert f'class="button" href="{lessons[1].url}"' in html
    assert 'value="50"' in html  # progress bar: 2 of 4 lessons
    assert "Đã học 2/4 bài (50%)" in html


@pytest.mark.django_db
def test_lesson_page_links_previous_and_next_lessons(client, course_with_lessons):
    _course, lessons, _quiz, _final = course_with_lessons
    html = client.get(lessons[1].url).content.decode()
    assert f'rel="prev" href="{lessons[0].url}"' in html
    assert f'rel="next" href="{lessons[2].url}"' in html  # across the module boundary


@pytest.mark.django_db
def test_members_only_course_keeps_outline_public_but_lessons_need_sign_in(client, student, training_index):
    course, lessons = build_course(training_index, members_only=True)
    outline = client.get(course.url)
    assert outline.status_code == 200
    assert lessons[0].title in outline.content.decode()
    response = client.get(lessons[0].url)
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/?next=")
    client.force_login(student)
    assert client.get(lessons[0].url).status_code == 200


@pytest.mark.django_db
def test_closed_course_refuses_self_enrolment(client, student, training_index):
    course, lessons = build_course(training_index, self_enrolment=False)
    client.force_login(student)
    response = client.post(f"/khoa-hoc-cua-toi/hoan-thanh/{lessons[0].pk}/", follow=True)
    assert "do quản lý đào tạo ghi danh" in response.content.decode()
    assert not LessonCompletion.objects.exists()
    with pytest.raises(TrainingError):
        progress.self_enrol(student, course)


@pytest.mark.django_db
def test_certificate_needs_required_lessons_and_a_passed_final_test(student, course_with_lessons):
    from training.models import Attempt

    course, lessons, _quiz, final = course_with_lessons
    for lesson in lessons:
        progress.complete_lesson(student, lesson)
    assert not Certificate.objects.exists()  # final test not passed yet
    Attempt.objects.create(user=student, quiz=final, number=1, seed=1, score=100, passed=True)
    certificate = progress.issue_certificate_if_complete(student, course)
    assert certificate is not None
    assert certificate.holder_name == "Vũ Thị Học"
    assert Enrolment.objects.get(user=student, course=course).completed_at is not None
    # Issued once only.
    assert progress.issue_certificate_if_complete(student, course) is None


@pytest.mark.django_db
def test_optional_lessons_are_not_needed_for_the_certificate(student, training_index):
    course, lessons = build_course(training_index, modules=1, lessons_per_module=2)
    lessons[1].required = False
    lessons[1].save_revision().publish()
    certificate = progress.complete_lesson(student, lessons[0])
    assert certificate is not None  # no final test in this course


@pytest.mark.django_db
def test_my_courses_lists_progress_and_certificate(client, student, training_index):
    course, lessons = build_course(training_index, modules=1, lessons_per_module=1, title="Khóa một bài")
    other, _ = build_course(training_index, modules=1, lessons_per_module=2, title="Khóa hai bài")
    progress.complete_lesson(student, lessons[0])
    progress.enrol(student, other)
    client.force_login(student)
    html = client.get("/khoa-hoc-cua-toi/").content.decode()
    certificate = Certificate.objects.get(user=student)
    assert "Khóa một bài" in html and "Khóa hai bài" in html
    assert certificate.code in html
    assert "Đã học 0/2 bài (0%)" in html


@pytest.mark.django_db
def test_my_courses_needs_sign_in(client, home_page):
    response = client.get("/khoa-hoc-cua-toi/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tai-khoan/dang-nhap/")
