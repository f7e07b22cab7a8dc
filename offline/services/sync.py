"""Applying what a learner did offline, each action exactly once, by training's own rules.

A phone queues actions while offline and sends them when the connection returns. Each carries an
idempotency key drawn on the phone: the first time a key arrives the action is applied through
``training.services.progress.complete_lesson`` or ``training.services.quiz`` (start and submit an
attempt, which enforces the attempt limit and refuses answers not offered), and the result is stored
with the key; the same key sent again gets the stored result and changes nothing. Nothing here decides
what a completion or an attempt is."""

import hashlib
import json
import re

from django.db import IntegrityError, transaction
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from training.models import LessonPage, Quiz
from training.services import TrainingError, progress
from training.services import quiz as quiz_service

from ..models import SyncedAction

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_ACTIONS = 50
MAX_ANSWERS = 200
DONE, REFUSED, INVALID = "done", "refused", "invalid"


class InvalidAction(Exception):
    pass


def fingerprint(action):
    """A hash of what the action says (its key included): a replay must say exactly the same."""
    fields = {name: action.get(name) for name in ("key", "kind", "user", "lesson", "quiz", "answers")}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def _int(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidAction
    return value


def _answers(raw):
    """``{"<question id>": [choice ids]}`` as the QueryDict-like form the quiz service reads."""
    if not isinstance(raw, dict) or len(raw) > MAX_ANSWERS:
        raise InvalidAction
    data = MultiValueDict()
    for question_id, choices in raw.items():
        if not isinstance(choices, list) or len(choices) > MAX_ANSWERS:
            raise InvalidAction
        data.setlist(f"{quiz_service.FIELD_PREFIX}{question_id}", [str(_int(choice)) for choice in choices])
    return data


def _complete_lesson(user, action):
    lesson = LessonPage.objects.live().public().filter(pk=_int(action.get("lesson"))).first()
    if lesson is None:
        raise TrainingError(_("Bài học này không còn được công bố."))
    certificate = progress.complete_lesson(user, lesson)
    result = {"message": _("Đã ghi nhận hoàn thành bài \u201c%(title)s\u201d.") % {"title": lesson.title}}
    if certificate:
        result["certificate"] = certificate.get_print_url()
    return result


def _answer_quiz(user, action):
    data = _answers(action.get("answers"))
    quiz = Quiz.objects.select_related("course").filter(pk=_int(action.get("quiz")), course__live=True).first()
    if quiz is None:
        raise TrainingError(_("Bài kiểm tra này không còn được công bố."))
    attempt = quiz_service.start_attempt(user, quiz)
    attempt, certificate = quiz_service.submit_attempt(attempt.pk, user, data)
    score = f"{attempt.score:.0f}"
    if attempt.passed:
        message = _("Bài \u201c%(title)s\u201d: %(score)s%%, đạt.") % {"title": quiz.title, "score": score}
    else:
        message = _("Bài \u201c%(title)s\u201d: %(score)s%%, chưa đạt.") % {"title": quiz.title, "score": score}
    result = {"message": message, "score": score, "passed": attempt.passed, "attempt": attempt.pk}
    if certificate:
        result["certificate"] = certificate.get_print_url()
    return result


HANDLERS = {"lesson": _complete_lesson, "quiz": _answer_quiz}


def apply_action(user, action):
    """Applies one queued action for ``user`` once; returns its result (a dict with ``status``)."""
    key = action.get("key") if isinstance(action, dict) else None
    if not isinstance(key, str) or not KEY_PATTERN.match(key) or action.get("kind") not in HANDLERS:
        return {"key": key if isinstance(key, str) else None, "status": INVALID, "message": _("Dữ liệu không hợp lệ.")}
    if action.get("user") != user.pk:
        # Queued on this phone under another account: never applied to the one signed in now.
        return {
            "key": key,
            "status": REFUSED,
            "message": _("Thao tác này được ghi dưới tài khoản khác; không gửi được."),
        }
    try:
        sent = fingerprint(action)
    except RecursionError:  # answers nested deeper than any quiz: nothing to apply
        return {"key": key, "status": INVALID, "message": _("Dữ liệu không hợp lệ.")}
    try:
        with transaction.atomic():
            record = SyncedAction.objects.create(user=user, key=key, kind=action["kind"], fingerprint=sent)
            try:
                outcome = {"status": DONE, **HANDLERS[action["kind"]](user, action)}
            except InvalidAction:
                outcome = {"status": INVALID, "message": _("Dữ liệu không hợp lệ.")}
            except TrainingError as error:
                outcome = {"status": REFUSED, "message": error.message}
            record.result = outcome
            record.save(update_fields=["result"])
    except IntegrityError:  # this key was applied before (or is being applied right now)
        record = SyncedAction.objects.filter(user=user, key=key).first()
        if record is None:
            return {"key": key, "status": INVALID, "message": _("Dữ liệu không hợp lệ.")}
        if record.fingerprint != sent:
            return {
                "key": key,
                "status": INVALID,
                "message": _("Thao tác gửi lại đã bị thay đổi; không được ghi nhận."),
            }
        return {"key": key, "replayed": True, **record.result}
    return {"key": key, "replayed": False, **outcome}


def apply_actions(user, actions):
    """Applies a batch in the order the learner did them (a lesson before the quiz after it)."""
    return [apply_action(user, action) for action in actions[:MAX_ACTIONS]]
