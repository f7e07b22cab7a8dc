"""Enrolment, lesson completion, progress, the completion rule, certificate issue and revocation.

What the course and lesson pages show is assembled in ``page_context`` from these rules."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Attempt,
    Certificate,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonCompletion,
    LessonPage,
    Quiz,
)
from . import TrainingError

LESSON_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "estimated_minutes", "required")


def course_lessons(course):
    """The live lessons of a course in reading order (one query)."""
    return list(LessonPage.objects.descendant_of(course).live().only(*LESSON_FIELDS).order_by("path"))


def enrol(user, course, *, source=EnrolmentSource.SELF, by=None):
    """Enrols ``user`` (idempotent); returns ``(enrolment, created)``."""
    try:
        with transaction.atomic():
            return Enrolment.objects.get_or_create(
                user=user, course=course, defaults={"source": source, "enrolled_by": by}
            )
    except IntegrityError:  # the same enrolment created concurrently
        return Enrolment.objects.get(user=user, course=course), False


def self_enrol(user, course):
    """A learner enrols on their own: only in courses open to it."""
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.self_enrolment:
        raise TrainingError(_("Khóa học này do quản lý đào tạo ghi danh. Xin liên hệ Hội để được ghi danh."))
    return enrol(user, course, source=EnrolmentSource.SELF)[0]


def complete_lesson(user, lesson, *, by_package=False):
    """Marks ``lesson`` completed for ``user`` and issues the certificate when the course is done.

    A lesson that plays a package (SCORM, H5P) is completed only by the package (``by_package``,
    from ``training.services.packages``), never by the learner's button. Returns the certificate
    issued now, if any."""
    course = lesson.course
    if course is None or not lesson.live:
        raise TrainingError(_("Bài học này không còn được công bố."))
    if lesson.package_id and not by_package:
        raise TrainingError(_("Bài này được tính là hoàn thành khi bạn học xong nội dung bài giảng điện tử."))
    self_enrol(user, course)
    LessonCompletion.objects.get_or_create(user=user, lesson=lesson, defaults={"course": course})
    return issue_certificate_if_complete(user, course)


def note_visit(user, course_id, now=None):
    """The learner opened the course (or one of its lessons): reminders count inactivity from here.
    One UPDATE, and only when the last visit is more than an hour old."""
    from datetime import timedelta

    now = now or timezone.now()
    Enrolment.objects.filter(user=user, course_id=course_id).filter(
        Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=now - timedelta(hours=1))
    ).update(last_seen_at=now)


def final_quiz(course):
    return Quiz.objects.filter(course=course, lesson__isnull=True).first()


def course_is_complete(required_ids, done_ids, final_test_passed):
    """The one definition of a completed course: every required live lesson is done and the final
    test is passed. ``final_test_passed`` is True for a course without a final test."""
    return set(required_ids) <= set(done_ids) and bool(final_test_passed)


def has_completed_course(user, course):
    """Whether ``user`` has completed ``course`` (``course_is_complete`` read from the database)."""
    required = LessonPage.objects.descendant_of(course).live().filter(required=True).values_list("id", flat=True)
    quiz = final_quiz(course)
    passed = quiz is None or Attempt.objects.filter(user=user, quiz=quiz, passed=True).exists()
    return course_is_complete(required, done_lesson_ids(user, course.pk), passed)


def issue_certificate_if_complete(user, course):
    """Issues the course's certificate once (returns it only when issued by this call)."""
    if Certificate.objects.filter(user=user, course=course).exists() or not has_completed_course(user, course):
        return None
    quiz = final_quiz(course)
    best = None
    if quiz is not None:
        best = (
            Attempt.objects.filter(user=user, quiz=quiz, passed=True).order_by("-score").values_list("score", flat=True)
        ).first()
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user, course=course, holder_name=user.get_full_name(), course_title=course.title, score=best
            )
    except IntegrityError:
        return None
    Enrolment.objects.filter(user=user, course=course, completed_at__isnull=True).update(
        completed_at=certificate.issued_at
    )
    return certificate


def issue_attendance_certificates(event, users):
    """Certificates of attendance for ``users`` at ``event`` (when the event gives them), once each;
    returns how many were issued now."""
    if not event.attendance_certificate:
        return 0
    have = set(Certificate.objects.filter(event=event, user__in=users).values_list("user_id", flat=True))
    issued = 0
    for user in users:
        if user.pk in have:
            continue
        try:
            with transaction.atomic():
                Certificate.objects.create(
                    user=user, event=event, holder_name=user.get_full_name(), course_title=event.title
                )
        except IntegrityError:  # issued meanwhile
            continue
        issued += 1
    return issued


def revoke_certificate(certificate, *, by, reason):
    """Revokes ``certificate`` with a reason (required); revoking it again only corrects the reason,
    keeping who revoked it and when."""
    if not reason or not reason.strip():
        raise TrainingError(_("Cần ghi lý do thu hồi."))
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
    certificate.revoked_reason = reason.strip()[:500]
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    return certificate


def restore_certificate(certificate):
    """Makes a revoked certificate valid again; the public verification then says so."""
    certificate.revoked_at = None
    certificate.revoked_by = None
    certificate.revoked_reason = ""
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    return certificate


def progress_summary(lessons, done_ids):
    """Lessons done out of ``lessons``, the percentage and the next lesson to read."""
    total = len(lessons)
    completed = sum(1 for lesson in lessons if lesson.id in done_ids)
    next_lesson = next((lesson for lesson in lessons if lesson.id not in done_ids), None)
    return {
        "total_lessons": total,
        "completed_lessons": completed,
        "percent": round(100 * completed / total) if total else 0,
        "next_lesson": next_lesson,
    }


def done_lesson_ids(user, course_id):
    """The ids of the lessons ``user`` has completed in the course."""
    return set(LessonCompletion.objects.filter(user=user, course_id=course_id).values_list("lesson_id", flat=True))


def my_courses(user):
    """The learner's enrolments with progress and certificates, in a fixed number of queries."""
    enrolments = list(Enrolment.objects.filter(user=user).select_related("course").order_by("-enrolled_at"))
    course_ids = [enrolment.course_id for enrolment in enrolments]
    done = {}
    for course_id, lesson_id in LessonCompletion.objects.filter(user=user, course_id__in=course_ids).values_list(
        "course_id", "lesson_id"
    ):
        done.setdefault(course_id, set()).add(lesson_id)
    lessons_by_course = {}
    courses = {enrolment.course_id: enrolment.course for enrolment in enrolments}
    if courses:
        path_filter = Q()
        for course in courses.values():
            path_filter |= Q(path__startswith=course.path, depth__gt=course.depth)
        for lesson in LessonPage.objects.live().filter(path_filter).only(*LESSON_FIELDS).order_by("path"):
            for course in courses.values():
                if lesson.path.startswith(course.path):
                    lessons_by_course.setdefault(course.id, []).append(lesson)
    certificates = {
        certificate.course_id: certificate
        for certificate in Certificate.objects.filter(user=user, course_id__in=course_ids)
    }
    for enrolment in enrolments:
        enrolment.progress = progress_summary(
            lessons_by_course.get(enrolment.course_id, []), done.get(enrolment.course_id, set())
        )
        enrolment.certificate = certificates.get(enrolment.course_id)
    return enrolments


def available_courses(user):
    enrolled = Enrolment.objects.filter(user=user).values("course_id")
    return CoursePage.objects.live().public().filter(self_enrolment=True).exclude(id__in=enrolled).order_by("title")
