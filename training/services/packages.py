"""Lessons that play an e-learning package (SCORM 1.2/2004, H5P): who may open it, what the player
is given, and what the package's run-time data does to the learner's progress.

The package's own rules (manifest, storage, completion and mastery) are in ``elearning``; completing
the lesson, the course and the certificate stays in ``progress``."""

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse

from elearning import runtime
from elearning.models import PackageRecord
from elearning.vendor import RUNTIME_SCRIPTS

from ..models import Enrolment, LessonCompletion
from . import TrainingError
from .progress import complete_lesson

TOKEN_SALT = "training.package-commit"  # noqa: S105 - a signing salt, not a password
TOKEN_MAX_AGE = 24 * 3600


def may_open(user, lesson):
    """Whether ``user`` may play the lesson's package: signed in, and enrolled in the course or free to
    enrol in it (the lesson is live and public; the caller looked it up so)."""
    if not user.is_authenticated or not lesson.package_id:
        return False
    course = lesson.course
    if course is None:
        return False
    if course.self_enrolment or user.has_perm("training.view_enrolment"):
        return True
    return Enrolment.objects.filter(user=user, course=course).exists()


def record_for(user, package):
    try:
        with transaction.atomic():
            return PackageRecord.objects.get_or_create(user=user, package=package)[0]
    except IntegrityError:  # two tabs opened it at once
        return PackageRecord.objects.get(user=user, package=package)


def commit_token(user, lesson):
    return signing.dumps({"u": user.pk, "l": lesson.pk}, salt=TOKEN_SALT)


def token_is_valid(token, user, lesson):
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return False
    return data == {"u": user.pk, "l": lesson.pk}


def player_context(lesson, user, *, new_visit=True):
    """What the lesson page needs to play the package for ``user`` (None when they may not)."""
    if not may_open(user, lesson):
        return None
    package = lesson.package
    record = record_for(user, package)
    if new_visit:
        runtime.start_visit(record)
    launch_path = package.launch if package.is_scorm else ""
    launch_url = reverse("training:package_file", args=[lesson.pk, launch_path]) if launch_path else ""
    return {
        "package": package,
        "record": record,
        "kind": package.kind,
        "runtime_script": RUNTIME_SCRIPTS[package.kind],
        "launch_url": launch_url or reverse("training:h5p_player", args=[lesson.pk]),
        "base_url": reverse("training:package_file", args=[lesson.pk, "-"])[:-1],
        "commit_url": reverse("training:package_commit", args=[lesson.pk]) + "?t=" + commit_token(user, lesson),
        "cmi": runtime.restore_data(package, record) if package.is_scorm else {},
        "h5p_state": record.suspend_data if package.is_h5p else "",
        "learner": {"id": str(user.pk), "name": user.get_full_name() or user.get_username()},
    }


def lesson_done(user, lesson):
    return LessonCompletion.objects.filter(user=user, lesson=lesson).exists()


def save_commit(user, lesson, payload):
    """Stores what the lesson's package sent (a SCORM commit; for H5P an xAPI statement or its state);
    completes the lesson (and maybe the course) when the package is satisfied. Returns
    ``(lesson_done, certificate_or_None)``."""
    package = lesson.package
    if package is None:
        raise TrainingError("not a package lesson")
    with transaction.atomic():
        record = PackageRecord.objects.select_for_update().filter(user=user, package=package).first()
        if record is None:
            record = record_for(user, package)
        try:
            if package.is_scorm:
                runtime.apply_commit(package, record, payload)
            elif isinstance(payload, dict) and "statement" in payload:
                runtime.apply_statement(package, record, payload["statement"])
            elif isinstance(payload, dict) and "state" in payload:
                runtime.save_h5p_state(record, payload["state"])
            else:
                raise runtime.CommitRefused("nothing to save")
        except runtime.CommitRefused as refused:
            raise TrainingError(str(refused)) from None
    certificate = None
    if record.satisfied_at is not None:
        certificate = complete_lesson(user, lesson, by_package=True)
    return record.satisfied_at is not None, certificate
