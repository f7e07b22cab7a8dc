"""The sync of what a learner did offline: each action once, validated by training's own rules."""

import json

import pytest

from offline.models import SyncedAction
from training.models import Attempt, LessonCompletion

URL = "/khoa-hoc-cua-toi/dong-bo/"


def send(client, *actions):
    return client.post(URL, json.dumps({"actions": list(actions)}), content_type="application/json")


def correct_answers(quiz):
    return {str(q.pk): [c.pk for c in q.choices.all() if c.is_correct] for q in quiz.questions.all()}


def wrong_answers(quiz):
    return {str(q.pk): [next(c.pk for c in q.choices.all() if not c.is_correct)] for q in quiz.questions.all()}


def quiz_action(key, quiz, answers, student):
    """A quiz answered offline, as the phone queues it."""
    return {"key": key, "kind": "quiz", "quiz": quiz.pk, "answers": answers, "user": student.pk}


@pytest.fixture
def signed_in(client, student):
    client.force_login(student)
    return client


def test_lesson_completed_offline_is_recorded_once_however_often_it_is_sent(signed_in, student, course):
    _course, lessons, _quiz, _final = course
    action = {"key": "lesson-key-0001", "kind": "lesson", "lesson": lessons[0].pk, "user": student.pk}
    first = send(signed_in, action).json()["results"][0]
    again = send(signed_in, action, action).json()["results"]
    assert first["status"] == "done" and first["replayed"] is False
    assert [result["replayed"] for result in again] == [True, True]
    assert all(result["status"] == "done" for result in again)
    assert LessonCompletion.objects.filter(user=student, lesson=lessons[0]).count() == 1
    assert SyncedAction.objects.filter(user=student).count() == 1


def test_quiz_answered_offline_is_graded_once(signed_in, student, course):
    _course, _lessons, quiz, _final = course
    action = quiz_action("quiz-key-00001", quiz, correct_answers(quiz), student)
    result = send(signed_in, action).json()["results"][0]
    assert result["status"] == "done" and result["passed"] is True and result["score"] == "100"
    replay = send(signed_in, action).json()["results"][0]
    assert replay["replayed"] is True and replay["attempt"] == result["attempt"]
    assert Attempt.objects.filter(user=student, quiz=quiz, submitted_at__isnull=False).count() == 1


def test_replay_with_changed_content_is_refused_as_tampered(signed_in, student, course):
    _course, _lessons, quiz, _final = course
    action = quiz_action("quiz-key-00002", quiz, wrong_answers(quiz), student)
    assert send(signed_in, action).json()["results"][0]["passed"] is False
    tampered = {**action, "answers": correct_answers(quiz)}
    result = send(signed_in, tampered).json()["results"][0]
    assert result["status"] == "invalid"
    attempts = Attempt.objects.filter(user=student, quiz=quiz)
    assert attempts.count() == 1 and attempts.get().passed is False


def test_answers_not_offered_by_the_quiz_are_refused(signed_in, student, course, other_student):
    _course, _lessons, quiz, final = course
    foreign_choice = final.questions.first().choices.first().pk
    answers = {str(q.pk): [foreign_choice] for q in quiz.questions.all()}
    action = quiz_action("quiz-key-00003", quiz, answers, student)
    result = send(signed_in, action).json()["results"][0]
    assert result["status"] == "refused"
    assert "không hợp lệ" in result["message"]
    assert not Attempt.objects.filter(user=student, quiz=quiz, submitted_at__isnull=False).exists()


def test_attempt_beyond_the_limit_is_refused_and_the_learner_told(signed_in, student, course):
    _course, _lessons, quiz, _final = course  # two attempts allowed
    actions = [quiz_action(f"quiz-limit-{n:04d}", quiz, wrong_answers(quiz), student) for n in range(3)]
    results = send(signed_in, *actions).json()["results"]
    assert [result["status"] for result in results] == ["done", "done", "refused"]
    assert results[2]["message"] == "Bạn đã dùng hết 2 lượt làm bài kiểm tra này."
    assert Attempt.objects.filter(user=student, quiz=quiz, submitted_at__isnull=False).count() == 2


def test_action_queued_under_another_learner_is_not_applied(signed_in, student, other_student, course):
    _course, lessons, _quiz, _final = course
    action = {"key": "lesson-key-0002", "kind": "lesson", "lesson": lessons[0].pk, "user": other_student.pk}
    result = send(signed_in, action).json()["results"][0]
    assert result["status"] == "refused"
    assert not LessonCompletion.objects.exists()
    assert not SyncedAction.objects.exists()


def test_another_learner_reusing_a_key_gets_their_own_action(client, student, other_student, course):
    _course, lessons, _quiz, _final = course
    client.force_login(student)
    send(client, {"key": "shared-key-001", "kind": "lesson", "lesson": lessons[0].pk, "user": student.pk})
    client.force_login(other_student)
    result = send(
        client, {"key": "shared-key-001", "kind": "lesson", "lesson": lessons[1].pk, "user": other_student.pk}
    )
    assert result.json()["results"][0]["replayed"] is False
    assert LessonCompletion.objects.filter(user=other_student, lesson=lessons[1]).exists()
    assert not LessonCompletion.objects.filter(user=other_student, lesson=lessons[0]).exists()


@pytest.mark.parametrize(
    "action",
    [
        {"key": "short", "kind": "lesson", "lesson": 1},
        {"key": "good-key-0001", "kind": "delete_everything"},
        {"key": "good-key-0002", "kind": "lesson", "lesson": "1; DROP TABLE"},
        {"key": "good-key-0003", "kind": "quiz", "quiz": 1, "answers": ["not", "a", "mapping"]},
        "not an object",
    ],
)
def test_malformed_actions_are_answered_invalid_without_error(signed_in, student, course, action):
    if isinstance(action, dict) and action["key"] != "short" and action["kind"] != "delete_everything":
        action = {**action, "user": student.pk}
    response = send(signed_in, action)
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "invalid"
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize("body", [b"not json", b'{"actions": "x"}', b"[]", b'{"actions": [' + b"{}," * 60 + b"{}]}"])
def test_bad_bodies_get_a_400_in_vietnamese(signed_in, body):
    response = signed_in.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "Dữ liệu không hợp lệ."


def test_a_deeply_nested_body_gets_a_400_in_vietnamese(signed_in):
    body = b'{"actions": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"  # small enough, but nested past any parser
    response = signed_in.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == "Dữ liệu không hợp lệ."


def test_an_action_nested_too_deep_is_answered_invalid(student, course):
    from offline.services.sync import apply_action

    nested = []
    for _ in range(5_000):
        nested = [nested]
    action = {"key": "deep-key-0001", "kind": "quiz", "quiz": course[2].pk, "user": student.pk, "answers": nested}
    assert apply_action(student, action)["status"] == "invalid"
    assert not Attempt.objects.exists()


def test_oversized_body_is_refused(signed_in):
    response = signed_in.post(URL, b'{"actions": []}' + b" " * 70_000, content_type="application/json")
    assert response.status_code == 413


def test_signed_out_visitor_cannot_sync(client, course):
    _course, lessons, _quiz, _final = course
    response = send(client, {"key": "lesson-key-0003", "kind": "lesson", "lesson": lessons[0].pk, "user": 1})
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()


def test_sync_needs_the_csrf_token(student, course):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    _course, lessons, _quiz, _final = course
    response = send(client, {"key": "lesson-key-0004", "kind": "lesson", "lesson": lessons[0].pk, "user": student.pk})
    assert response.status_code == 403
    assert not LessonCompletion.objects.exists()
