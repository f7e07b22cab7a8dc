"""Quiz attempts: starting within the limit, grading on the server, refusing tampered submissions."""

import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Attempt, Choice, Question, QuestionKind
from . import TrainingError
from .progress import issue_certificate_if_complete, self_enrol

FIELD_PREFIX = "q-"


class IncompleteAnswers(TrainingError):
    """Some questions were left unanswered; the form is shown again with what was chosen."""

    def __init__(self, message, chosen):
        super().__init__(message)
        self.chosen = chosen


def quiz_status(quiz, user):
    """Attempts used, best score, whether passed and whether another attempt may start (one query)."""
    attempts = list(Attempt.objects.filter(quiz=quiz, user=user).order_by("number"))
    submitted = [attempt for attempt in attempts if attempt.is_submitted]
    open_attempt = next((attempt for attempt in attempts if not attempt.is_submitted), None)
    used = len(submitted)
    remaining = None if quiz.max_attempts == 0 else max(quiz.max_attempts - used, 0)
    return {
        "attempts": attempts,
        "used": used,
        "remaining": remaining,
        "passed": any(attempt.passed for attempt in submitted),
        "best": max((attempt.score for attempt in submitted), default=None),
        "open_attempt": open_attempt,
        "can_start": open_attempt is not None or remaining is None or remaining > 0,
    }


def start_attempt(user, quiz):
    """The learner's open attempt, or a new one if the limit allows."""
    self_enrol(user, quiz.course)
    open_attempt = Attempt.objects.filter(user=user, quiz=quiz, submitted_at__isnull=True).first()
    if open_attempt:
        return open_attempt
    numbers = Attempt.objects.filter(user=user, quiz=quiz).aggregate(last=Max("number"))
    used = numbers["last"] or 0
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise TrainingError(
            ngettext(
                "Bạn đã dùng hết %(count)d lượt làm bài kiểm tra này.",
                "Bạn đã dùng hết %(count)d lượt làm bài kiểm tra này.",
                quiz.max_attempts,
            )
            % {"count": quiz.max_attempts}
        )
    try:
        with transaction.atomic():
            return Attempt.objects.create(user=user, quiz=quiz, number=used + 1, seed=secrets.randbelow(2**31))
    except IntegrityError:  # a double click started the same attempt twice
        return Attempt.objects.filter(user=user, quiz=quiz, submitted_at__isnull=True).first() or start_attempt(
            user, quiz
        )


def questions_for(attempt):
    quiz = attempt.quiz
    return quiz.ordered_questions(attempt.seed, quiz.questions.prefetch_related("choices"))


def parse_answers(questions, data):
    """Reads ``q-<question id>`` fields from ``data`` (a QueryDict); refuses anything not offered.

    Returns ``{question_id: set(choice_ids)}``. Raises TrainingError for a tampered form."""
    tampered = TrainingError(_("Bài làm gửi lên không hợp lệ (câu hỏi hoặc đáp án không thuộc bài kiểm tra này)."))
    by_id = {question.pk: question for question in questions}
    chosen = {}
    for key in data:
        if not key.startswith(FIELD_PREFIX):
            continue
        try:
            question_id = int(key[len(FIELD_PREFIX) :])
        except ValueError:
            raise tampered from None
        question = by_id.get(question_id)
        if question is None:
            raise tampered
        values = data.getlist(key)
        try:
            choice_ids = [int(value) for value in values]
        except ValueError:
            raise tampered from None
        offered = {choice.pk for choice in question.choices.all()}
        if len(set(choice_ids)) != len(choice_ids) or not set(choice_ids) <= offered:
            raise tampered
        if not question.is_multiple and len(choice_ids) > 1:
            raise tampered
        if choice_ids:
            chosen[question_id] = set(choice_ids)
    return chosen


def submit_attempt(attempt_id, user, data):
    """Grades the attempt on the server and records it; returns ``(attempt, certificate_or_None)``.

    Refuses a second submission of the same attempt, answers to questions not in the quiz and
    choices not offered for a question."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt_id, user=user)
        if attempt.is_submitted:
            raise TrainingError(_("Bài làm này đã được nộp và chấm điểm; không thể nộp lại."))
        questions = questions_for(attempt)
        chosen = parse_answers(questions, data)
        missing = [number for number, question in enumerate(questions, start=1) if question.pk not in chosen]
        if missing:
            raise IncompleteAnswers(
                _("Bạn chưa trả lời câu: %(numbers)s.") % {"numbers": ", ".join(str(n) for n in missing)}, chosen
            )
        correct = sum(1 for question in questions if chosen.get(question.pk) == question.correct_ids())
        score = (Decimal(100) * correct / len(questions)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        attempt.answers = {str(question_id): sorted(ids) for question_id, ids in chosen.items()}
        attempt.score = score
        attempt.passed = score >= attempt.quiz.pass_mark
        attempt.submitted_at = timezone.now()
        attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
    certificate = None
    if attempt.passed and attempt.quiz.is_final:
        certificate = issue_certificate_if_complete(user, attempt.quiz.course)
    return attempt, certificate


def review(attempt):
    """Questions in the order shown, each choice marked chosen/correct, with explanations."""
    questions = questions_for(attempt)
    answers = {int(key): set(value) for key, value in (attempt.answers or {}).items()}
    for question in questions:
        picked = answers.get(question.pk, set())
        correct_ids = question.correct_ids()
        question.answered_correctly = picked == correct_ids
        for choice in question.shown_choices:
            choice.was_chosen = choice.pk in picked
    return questions


def add_question(quiz, text, choices, kind=QuestionKind.SINGLE, explanation=""):
    """Adds a question with its ``choices``, ``[(text, is_correct)]``, after the quiz's last one."""
    question = Question.objects.create(
        quiz=quiz, text=text, kind=kind, explanation=explanation, sort_order=quiz.questions.count()
    )
    Choice.objects.bulk_create(
        [
            Choice(question=question, text=choice, is_correct=correct, sort_order=i)
            for i, (choice, correct) in enumerate(choices)
        ]
    )
    return question
