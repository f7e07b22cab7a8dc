import pytest

from accounts.factories import editor, learner, training_manager
from training.factories import TrainingIndexPageFactory
from training.models import Certificate, Choice, Enrolment, Question, Quiz
from training.services import progress


@pytest.mark.django_db
def test_training_managers_edit_pages_only_inside_the_catalogue(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    manager = training_manager()
    assert index.permissions_for_user(manager).can_add_subpage()
    assert index.permissions_for_user(manager).can_publish()
    assert not home_page.permissions_for_user(manager).can_edit()
    assert not index.permissions_for_user(editor()).can_publish()


@pytest.mark.django_db
def test_quiz_add_view_renders_nested_questions_and_answers(client, course_with_lessons):
    client.force_login(training_manager())
    response = client.get("/admin/dao-tao/bai-kiem-tra/new/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Câu hỏi" in html and "Đáp án" in html and "Điểm đạt (%)" in html


def quiz_post_data(course, kind="single", correct=(True, False)):
    data = {
        "title": "Kiểm tra nhanh",
        "course": course.pk,
        "lesson": "",
        "instructions": "",
        "pass_mark": 70,
        "max_attempts": 2,
        "shuffle": "on",
        "questions-TOTAL_FORMS": 1,
        "questions-INITIAL_FORMS": 0,
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
        "questions-0-kind": kind,
        "questions-0-text": "Giám sát là gì?",
        "questions-0-explanation": "Vì vậy.",
        "questions-0-ORDER": 1,
        "questions-0-id": "",
        "questions-0-DELETE": "",
        "questions-0-choices-TOTAL_FORMS": len(correct),
        "questions-0-choices-INITIAL_FORMS": 0,
        "questions-0-choices-MIN_NUM_FORMS": 0,
        "questions-0-choices-MAX_NUM_FORMS": 1000,
    }
    for i, is_correct in enumerate(correct):
        data.update(
            {
                f"questions-0-choices-{i}-text": f"Đáp án {i}",
                f"questions-0-choices-{i}-ORDER": i + 1,
                f"questions-0-choices-{i}-id": "",
                f"questions-0-choices-{i}-DELETE": "",
            }
        )
        if is_correct:
            data[f"questions-0-choices-{i}-is_correct"] = "on"
    return data


@pytest.mark.django_db
def test_manager_builds_a_quiz_with_questions_and_answers(client, training_index):
    from training.factories import build_course

    course, _lessons = build_course(training_index)
    client.force_login(training_manager())
    response = client.post("/admin/dao-tao/bai-kiem-tra/new/", quiz_post_data(course))
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = Quiz.objects.get(title="Kiểm tra nhanh")
    assert quiz.is_final
    question = Question.objects.get(quiz=quiz)
    assert [c.is_correct for c in Choice.objects.filter(question=question).order_by("sort_order")] == [True, False]


@pytest.mark.django_db
def test_single_choice_question_needs_exactly_one_correct_answer(client, training_index):
    from training.factories import build_course

    course, _lessons = build_course(training_index)
    client.force_login(training_manager())
    response = client.post("/admin/dao-tao/bai-kiem-tra/new/", quiz_post_data(course, correct=(True, True)))
    assert response.status_code == 200
    assert "phải có đúng một đáp án đúng" in response.content.decode()
    assert not Quiz.objects.exists()


@pytest.mark.django_db
def test_manager_revokes_a_certificate_with_a_reason(client, student, training_index):
    from training.factories import build_course

    course, lessons = build_course(training_index, modules=1, lessons_per_module=1)
    certificate = progress.complete_lesson(student, lessons[0])
    manager = training_manager()
    client.force_login(manager)
    url = f"/admin/dao-tao/chung-nhan/edit/{certificate.pk}/"
    response = client.post(url, {"revoked": "on", "revoked_reason": ""})
    assert "Cần ghi lý do thu hồi." in response.content.decode()
    response = client.post(url, {"revoked": "on", "revoked_reason": "Cấp nhầm người"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert not certificate.is_valid and certificate.revoked_by == manager
    assert "Chứng nhận đã bị thu hồi" in client.get(f"/chung-nhan/{certificate.code}/").content.decode()


@pytest.mark.django_db
def test_manager_corrects_the_reason_then_restores_a_certificate(client, student, training_index):
    from training.factories import build_course

    course, lessons = build_course(training_index, modules=1, lessons_per_module=1)
    certificate = progress.complete_lesson(student, lessons[0])
    first = training_manager()
    progress.revoke_certificate(certificate, by=first, reason="Cấp nhầm")
    revoked_at = certificate.revoked_at
    client.force_login(training_manager())
    url = f"/admin/dao-tao/chung-nhan/edit/{certificate.pk}/"
    assert client.post(url, {"revoked": "on", "revoked_reason": "Cấp nhầm người"}).status_code == 302
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoked_by, certificate.revoked_reason) == (
        revoked_at,
        first,
        "Cấp nhầm người",
    )
    assert client.post(url, {"revoked_reason": ""}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_valid and certificate.revoked_by is None
    assert "Chứng nhận đã bị thu hồi" not in client.get(f"/chung-nhan/{certificate.code}/").content.decode()


@pytest.mark.django_db
def test_manager_enrols_a_learner_individually(client, course_with_lessons):
    course = course_with_lessons[0]
    person = learner(full_name="Đỗ Thị Hoa")
    manager = training_manager()
    client.force_login(manager)
    response = client.post("/admin/dao-tao/ghi-danh/new/", {"user": person.pk, "course": course.pk})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=person)
    assert enrolment.source == "manager" and enrolment.enrolled_by == manager
    again = client.post("/admin/dao-tao/ghi-danh/new/", {"user": person.pk, "course": course.pk})
    assert "đã được ghi danh" in again.content.decode()


@pytest.mark.django_db
def test_training_menu_is_for_managers_only(client, course_with_lessons):
    client.force_login(training_manager())
    html = client.get("/admin/").content.decode()
    assert "/admin/dao-tao/bao-cao/" in html and "/admin/dao-tao/nhap-danh-sach/" in html
    client.force_login(editor())
    html = client.get("/admin/").content.decode()
    assert "/admin/dao-tao/bao-cao/" not in html


@pytest.mark.django_db
def test_learner_never_reaches_the_training_admin(client, course_with_lessons):
    client.force_login(learner())
    for url in ("/admin/dao-tao/bao-cao/", "/admin/dao-tao/bai-kiem-tra/", "/admin/dao-tao/chung-nhan/"):
        assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_certificate_list_escapes_names(client, training_index):
    from training.factories import build_course

    course, lessons = build_course(training_index, modules=1, lessons_per_module=1)
    progress.complete_lesson(learner(full_name="<script>alert(1)</script>"), lessons[0])
    client.force_login(training_manager())
    html = client.get("/admin/dao-tao/chung-nhan/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert Certificate.objects.count() == 1
