"""Learner-facing views: my courses, enrolment, lesson completion, quiz attempts, certificates.

Every object a learner reaches by id is looked up together with ``user=request.user``, so another
learner's id gives a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST

from home.ratelimit import client_ip, rate_limited, too_many_requests

from .models import Attempt, Certificate, CoursePage, LessonPage, Quiz
from .services import TrainingError, progress
from .services import quiz as quiz_service
from .services.page_context import lesson_context


@login_required
def my_courses(request):
    enrolments = progress.my_courses(request.user)
    return render(
        request,
        "training/my_courses.html",
        {
            "enrolments": enrolments,
            "available_courses": progress.available_courses(request.user)[:20],
            "attendance_certificates": Certificate.objects.filter(user=request.user, event__isnull=False)[:50],
        },
    )


@require_POST
@login_required
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    try:
        progress.self_enrol(request.user, course)
    except TrainingError as error:
        messages.error(request, error.message)
        return redirect(course.url)
    messages.success(request, _("Bạn đã ghi danh khóa học \u201c%(title)s\u201d.") % {"title": course.title})
    lessons = progress.course_lessons(course)
    return redirect(lessons[0].url if lessons else course.url)


@require_POST
@login_required
def complete_lesson(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    try:
        certificate = progress.complete_lesson(request.user, lesson)
    except TrainingError as error:
        messages.error(request, error.message)
        return redirect(lesson.url)
    if certificate:
        messages.success(request, _("Chúc mừng! Bạn đã hoàn thành khóa học và được cấp chứng nhận."))
        return redirect(certificate.get_print_url())
    context = lesson_context(lesson, request.user)
    messages.success(request, _("Đã đánh dấu hoàn thành bài \u201c%(title)s\u201d.") % {"title": lesson.title})
    if context["quiz"] is not None and not context["quiz_status"]["passed"]:
        return redirect(f"{lesson.url}#bai-kiem-tra")
    following = context["next_lesson"]
    return redirect(following.url if following else context["course"].url)


@require_POST
@login_required
def start_quiz(request, quiz_id):
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id, course__live=True)
    try:
        attempt = quiz_service.start_attempt(request.user, quiz)
    except TrainingError as error:
        messages.error(request, error.message)
        return redirect(quiz.lesson.url if quiz.lesson_id else quiz.course.url)
    return redirect("training:attempt", attempt_id=attempt.pk)


@method_decorator(login_required, name="dispatch")
class AttemptView(View):
    """Shows the questions of an open attempt and grades it; shows the review once submitted."""

    template_name = "training/attempt.html"

    def get_attempt(self, request, attempt_id):
        return get_object_or_404(
            Attempt.objects.select_related("quiz", "quiz__course", "quiz__lesson"), pk=attempt_id, user=request.user
        )

    def render_form(self, request, attempt, chosen=None, error=None, status=200):
        questions = quiz_service.questions_for(attempt)
        chosen = chosen or {}
        for question in questions:
            for choice in question.shown_choices:
                choice.was_chosen = choice.pk in chosen.get(question.pk, set())
        context = {"attempt": attempt, "quiz": attempt.quiz, "questions": questions, "error": error}
        return render(request, self.template_name, context, status=status)

    def get(self, request, attempt_id):
        attempt = self.get_attempt(request, attempt_id)
        if attempt.is_submitted:
            status = quiz_service.quiz_status(attempt.quiz, request.user)
            return render(
                request,
                "training/attempt_result.html",
                {
                    "attempt": attempt,
                    "quiz": attempt.quiz,
                    "questions": quiz_service.review(attempt),
                    "status": status,
                    # While another attempt is possible, the right answers stay hidden (the
                    # explanations still show); they are revealed once passed or out of attempts.
                    "reveal_answers": status["passed"] or not status["can_start"],
                    "certificate": Certificate.objects.filter(user=request.user, course=attempt.quiz.course).first(),
                },
            )
        return self.render_form(request, attempt)

    def post(self, request, attempt_id):
        attempt = self.get_attempt(request, attempt_id)
        try:
            attempt, certificate = quiz_service.submit_attempt(attempt.pk, request.user, request.POST)
        except quiz_service.IncompleteAnswers as error:
            return self.render_form(request, attempt, chosen=error.chosen, error=error.message, status=400)
        except TrainingError as error:
            if attempt.is_submitted:
                messages.error(request, error.message)
                return redirect("training:attempt", attempt_id=attempt.pk)
            return self.render_form(request, attempt, error=error.message, status=400)
        if certificate:
            messages.success(request, _("Chúc mừng! Bạn đã hoàn thành khóa học và được cấp chứng nhận."))
        return redirect("training:attempt", attempt_id=attempt.pk)


@login_required
def course_certificate(request, course_id):
    """The signed-in learner's certificate for a course (their own only)."""
    certificate = get_object_or_404(Certificate, user=request.user, course_id=course_id)
    return redirect(certificate.get_print_url())


@login_required
def certificate_print(request, code):
    """The printable A4 certificate: only its holder opens it."""
    certificate = get_object_or_404(Certificate.objects.select_related("course"), code=code.upper())
    if certificate.user_id != request.user.pk:
        raise Http404
    return render(request, "training/certificate_print.html", {"certificate": certificate})


VERIFY_LIMIT = 30  # look-ups per address and per minute: plenty for people, useless for guessing
VERIFY_WINDOW = 60


def _too_many_lookups(request):
    return rate_limited("certificate-verify", client_ip(request), VERIFY_LIMIT, VERIFY_WINDOW)


def certificate_verify(request, code):
    """Public verification by code: holder, course, date, valid or revoked. No listing exists."""
    if _too_many_lookups(request):
        response = render(request, "training/certificate_verify.html", {"rate_limited": True})
        return too_many_requests(response, VERIFY_WINDOW)
    certificate = Certificate.objects.filter(code=code.upper()[:19]).first()
    status = 200 if certificate else 404
    return render(
        request, "training/certificate_verify.html", {"certificate": certificate, "code": code[:40]}, status=status
    )
