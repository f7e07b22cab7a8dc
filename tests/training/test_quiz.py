import re

import pytest

from training.models import Attempt, Certificate
from training.services import progress
from training.services import quiz as quiz_service


def start(client, quiz):
    response = client.post(f"/khoa-hoc-cua-toi/bai-kiem-tra/{quiz.pk}/")
    assert response.status_code == 302
    return Attempt.objects.filter(quiz=quiz).order_by("-number").first()


def correct_answers(quiz):
    return {f"q-{q.pk}": [str(c.pk) for c in q.choices.all() if c.is_correct] for q in quiz.questions.all()}


def wrong_answers(quiz):
    return {f"q-{q.pk}": [str(next(c.pk for c in q.choices.all() if not c.is_correct))] for q in quiz.questions.all()}


@pytest.mark.django_db
def test_quiz_page_does_not_contain_the_correct_answers(client, student, course_with_lessons):
    _course, _lessons, quiz, _final = course_with_lessons
    client.force_login(student)
    attempt = start(client, quiz)
    html = client.get(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/").content.decode()
    for question in quiz.questions.all():
        assert question.text in html
        for choice in question.choices.all():
            assert f'value="{choice.pk}"' in html
    assert "is_correct" not in html and "correct" not in html.lower().replace("incorrect", "")
    assert "Giải thích câu" not in html  # explanations only after submission


@pytest.mark.django_db
def test_grading_happens_on_the_server_and_explanations_follow(client, student, course_with_lessons):
    _course, _lessons, quiz, _final = course_with_lessons
    client.force_login(student)
    attempt = start(client, quiz)
    response = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", correct_answers(quiz), follow=True)
    html = response.content.decode()
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    assert "Chúc mừng, bạn đã đạt!" in html
    assert "Giải thích câu 1." in html


@pytest.mark.django_db
def test_multiple_choice_needs_exactly_the_correct_set(student, course_with_lessons):
    from django.http import QueryDict

    from training.models import QuestionKind
    from training.services.quiz import add_question

    _course, _lessons, quiz, _final = course_with_lessons
    question = add_question(
        quiz, "Chọn các ý đúng", [("A", True), ("B", True), ("C", False)], kind=QuestionKind.MULTIPLE
    )
    attempt = quiz_service.start_attempt(student, quiz)
    data = QueryDict(mutable=True)
    for key, values in correct_answers(quiz).items():
        data.setlist(key, values)
    data.setlist(f"q-{question.pk}", [str(question.choices.get(text="A").pk)])  # only half of the set
    attempt, _ = quiz_service.submit_attempt(attempt.pk, student, data)
    assert str(attempt.score) == "66.67"


@pytest.mark.parametrize("tamper", ["foreign_question", "foreign_choice", "two_for_single", "not_a_number"])
@pytest.mark.django_db
def test_tampered_submission_is_refused_without_error_page(client, student, course_with_lessons, tamper):
    _course, _lessons, quiz, final = course_with_lessons
    client.force_login(student)
    attempt = start(client, quiz)
    data = correct_answers(quiz)
    question = quiz.questions.first()
    if tamper == "foreign_question":
        data[f"q-{final.questions.first().pk}"] = [str(final.questions.first().choices.first().pk)]
    elif tamper == "foreign_choice":
        data[f"q-{question.pk}"] = [str(final.questions.first().choices.first().pk)]
    elif tamper == "two_for_single":
        data[f"q-{question.pk}"] = [str(c.pk) for c in question.choices.all()]
    else:
        data[f"q-{question.pk}"] = ["abc"]
    response = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", data)
    assert response.status_code == 400
    assert "Bài làm gửi lên không hợp lệ" in response.content.decode()
    attempt.refresh_from_db()
    assert not attempt.is_submitted


@pytest.mark.django_db
def test_a_submitted_attempt_cannot_be_submitted_again(client, student, course_with_lessons):
    _course, _lessons, quiz, _final = course_with_lessons
    client.force_login(student)
    attempt = start(client, quiz)
    client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", wrong_answers(quiz))
    response = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", correct_answers(quiz), follow=True)
    assert response.status_code == 200
    assert "đã được nộp và chấm điểm; không thể nộp lại" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.score == 0 and not attempt.passed


@pytest.mark.django_db
def test_no_attempt_beyond_the_limit(client, student, course_with_lessons):
    _course, _lessons, _quiz, final = course_with_lessons  # max 3 attempts
    client.force_login(student)
    for _ in range(3):
        attempt = start(client, final)
        client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", wrong_answers(final))
    response = client.post(f"/khoa-hoc-cua-toi/bai-kiem-tra/{final.pk}/", follow=True)
    assert response.status_code == 200
    assert "Bạn đã dùng hết 3 lượt làm bài kiểm tra này." in response.content.decode()
    assert Attempt.objects.filter(quiz=final).count() == 3


@pytest.mark.django_db
def test_unanswered_questions_keep_the_choices_already_made(client, student, course_with_lessons):
    _course, _lessons, _quiz, final = course_with_lessons
    client.force_login(student)
    attempt = start(client, final)
    first = final.questions.first()
    chosen = first.choices.first()
    response = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", {f"q-{first.pk}": [chosen.pk]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bạn chưa trả lời câu" in html
    assert re.search(rf'value="{chosen.pk}" id="c-{chosen.pk}" checked', html)


@pytest.mark.django_db
def test_shuffled_order_is_fixed_by_the_attempt_seed(student, course_with_lessons):
    _course, _lessons, _quiz, final = course_with_lessons
    attempt = quiz_service.start_attempt(student, final)
    first = [q.pk for q in quiz_service.questions_for(attempt)]
    again = [q.pk for q in quiz_service.questions_for(Attempt.objects.get(pk=attempt.pk))]
    assert first == again
    orders = {tuple(q.pk for q in final.ordered_questions(seed)) for seed in range(20)}
    assert len(orders) > 1  # different attempts see different orders


@pytest.mark.django_db
def test_fail_then_pass_final_test_issues_the_certificate(client, student, course_with_lessons):
    _course, lessons, _quiz, final = course_with_lessons
    for lesson in lessons:
        progress.complete_lesson(student, lesson)
    client.force_login(student)
    attempt = start(client, final)
    client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", wrong_answers(final))
    assert not Certificate.objects.exists()
    attempt = start(client, final)
    assert attempt.number == 2
    response = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", correct_answers(final), follow=True)
    certificate = Certificate.objects.get(user=student)
    assert certificate.score == 100
    assert certificate.get_print_url() in response.content.decode()


@pytest.mark.django_db
def test_right_answers_stay_hidden_while_another_attempt_is_possible(client, student, course_with_lessons):
    _course, _lessons, _quiz, final = course_with_lessons
    client.force_login(student)
    attempt = start(client, final)
    html = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", wrong_answers(final), follow=True).content.decode()
    assert "Giải thích câu 1." in html
    assert "đáp án đúng</strong>" not in html
    attempt = start(client, final)
    html = client.post(f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/", correct_answers(final), follow=True).content.decode()
    assert "đáp án đúng</strong>" in html
