"""Training events: registration (capacity, deadline, optional approval), who sees the meeting link,
and attendance. The sign-in sheet's import is in ``enrolment_import``; the figures in ``reports``."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from ..models import ACTIVE_STATUSES, Attendance, AttendanceSource, Registration, RegistrationStatus, TrainingEventPage
from . import TrainingError
from .progress import issue_attendance_certificates

MANAGER_PERMISSION = "training.change_registration"


def seats_taken(event):
    return Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES).count()


def registration_of(user, event):
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(event=event, user=user).first()


def registration_closed_reason(event, now=None):
    """Why a learner cannot register now (a Vietnamese sentence), or None."""
    now = now or timezone.now()
    if not event.registration_open:
        return _("Lớp này không nhận đăng ký trên cổng thông tin.")
    if event.is_past(now) or event.starts_at <= now:
        return _("Lớp đã bắt đầu hoặc đã diễn ra; không nhận đăng ký nữa.")
    if event.registration_deadline and event.registration_deadline < now:
        deadline = formats.date_format(timezone.localtime(event.registration_deadline), "d/m/Y H:i")
        return _("Đã hết hạn đăng ký (hạn cuối: %(deadline)s).") % {"deadline": deadline}
    return None


def register(user, event, now=None):
    """Registers ``user``: approved at once, or pending when the event needs approval. Refuses past the
    deadline and when every seat is taken (counted under a lock, so two last clicks do not both win)."""
    reason = registration_closed_reason(event, now)
    if reason:
        raise TrainingError(reason)
    with transaction.atomic():
        locked = TrainingEventPage.objects.select_for_update().only("id", "capacity").get(pk=event.pk)
        existing = Registration.objects.filter(event=event, user=user).first()
        if existing is not None and existing.is_active:
            return existing
        if existing is not None and existing.status == RegistrationStatus.REJECTED:
            raise TrainingError(_("Đăng ký của bạn đã không được duyệt. Xin liên hệ đơn vị tổ chức."))
        if locked.capacity is not None and seats_taken(event) >= locked.capacity:
            raise TrainingError(_("Lớp đã đủ chỗ."))
        status = RegistrationStatus.PENDING if event.requires_approval else RegistrationStatus.APPROVED
        try:
            with transaction.atomic():
                registration, _created = Registration.objects.update_or_create(
                    event=event, user=user, defaults={"status": status, "decided_at": None, "decided_by": None}
                )
        except IntegrityError:  # a double click registered concurrently
            registration = Registration.objects.get(event=event, user=user)
    return registration


def cancel(user, event, now=None):
    now = now or timezone.now()
    registration = registration_of(user, event)
    if registration is None or not registration.is_active:
        raise TrainingError(_("Bạn chưa đăng ký lớp này."))
    if event.starts_at <= now:
        raise TrainingError(_("Lớp đã bắt đầu; không thể hủy đăng ký."))
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    return registration


def decide(registration, *, approve, by):
    """A manager approves or refuses a pending (or earlier refused) registration."""
    if registration.status == RegistrationStatus.CANCELLED:
        raise TrainingError(_("Học viên đã hủy đăng ký."))
    registration.status = RegistrationStatus.APPROVED if approve else RegistrationStatus.REJECTED
    registration.decided_at = timezone.now()
    registration.decided_by = by
    registration.save(update_fields=["status", "decided_at", "decided_by"])
    return registration


def may_see_meeting_link(user, event, registration=None):
    """Only approved participants (and training managers) see an online event's link."""
    if not (event.is_online and event.meeting_link and user.is_authenticated):
        return False
    if user.has_perm(MANAGER_PERMISSION):
        return True
    registration = registration if registration is not None else registration_of(user, event)
    return registration is not None and registration.status == RegistrationStatus.APPROVED


def set_attendance(event, user_ids, *, by):
    """The manager's list: exactly ``user_ids`` attended (those recorded by import stay unless unticked).

    Only people on the list can be ticked: the registered and those already recorded; any other id is
    ignored. Returns how many are now recorded as present.
    """
    with transaction.atomic():
        present = set(Attendance.objects.filter(event=event).values_list("user_id", flat=True))
        registered = set(Registration.objects.filter(event=event).values_list("user_id", flat=True))
        user_ids = set(user_ids) & (registered | present)
        Attendance.objects.filter(event=event, user_id__in=present - user_ids).delete()
        Attendance.objects.bulk_create(
            [
                Attendance(event=event, user_id=uid, source=AttendanceSource.LIST, recorded_by=by)
                for uid in user_ids - present
            ],
            ignore_conflicts=True,
        )
        issue_attendance_certificates(event, list(get_user_model().objects.filter(pk__in=user_ids - present)))
    return len(user_ids)


def record_attendance(event, users, *, by, source=AttendanceSource.IMPORT):
    """Adds ``users`` to those who attended (an import); returns how many were new."""
    present = set(Attendance.objects.filter(event=event).values_list("user_id", flat=True))
    new = [user for user in users if user.pk not in present]
    Attendance.objects.bulk_create(
        [Attendance(event=event, user=user, source=source, recorded_by=by) for user in new], ignore_conflicts=True
    )
    issue_attendance_certificates(event, new)
    return len(new)


def attendance_list(event):
    """Registrations and attendances of ``event`` for the manager's list (two queries)."""
    registrations = list(Registration.objects.filter(event=event).select_related("user", "user__unit"))
    attended = {a.user_id: a for a in Attendance.objects.filter(event=event).select_related("user", "user__unit")}
    rows = [{"user": r.user, "registration": r, "attendance": attended.get(r.user_id)} for r in registrations]
    registered_ids = {r.user_id for r in registrations}
    rows += [
        {"user": a.user, "registration": None, "attendance": a}
        for uid, a in attended.items()
        if uid not in registered_ids
    ]
    return rows
