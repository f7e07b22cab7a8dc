"""Reminder mails through the outbox: an enrolled learner who has not opened a course for
``TRAINING_REMINDER_INACTIVE_DAYS`` days, and registered participants the day before an event.

Every learner gets at most one reminder mail a week (both reasons go in the same mail), none once
they opted out (the one-click link in every mail), and training managers read what was sent in the
admin's "Thư thông báo" (audience ``training.view_enrolment``) and "Thư nhắc học"."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from outbox import mail

from ..models import Enrolment, Registration, RegistrationStatus, Reminder, ReminderOptOut

AUDIENCE = "training.view_enrolment"
WEEK = datetime.timedelta(days=7)
OPT_OUT_SALT = "training.reminder-opt-out"


def opt_out_token(user):
    return signing.dumps(user.pk, salt=OPT_OUT_SALT)


def user_of_token(token):
    """The user id in an opt-out token (no expiry: an old mail's link still works), or None."""
    try:
        return signing.loads(token, salt=OPT_OUT_SALT)
    except signing.BadSignature:
        return None


def opt_out(user):
    ReminderOptOut.objects.get_or_create(user=user)


def opt_in(user):
    ReminderOptOut.objects.filter(user=user).delete()


def _day_bounds(day):
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def due(now=None):
    """``{user: {"courses": [...], "events": [...]}}`` of the reminders due now (a fixed number of queries)."""
    now = now or timezone.now()
    quiet = Q(reminders__sent_at__gte=now - WEEK) | Q(reminder_opt_out__isnull=False)
    inactive_since = now - datetime.timedelta(days=settings.TRAINING_REMINDER_INACTIVE_DAYS)
    found = defaultdict(lambda: {"courses": [], "events": []})
    users = {}
    enrolments = (
        Enrolment.objects.filter(completed_at__isnull=True, course__live=True, user__is_active=True)
        .exclude(user__email="")
        .annotate(last=Coalesce(F("last_seen_at"), F("enrolled_at")))
        .filter(last__lt=inactive_since)
        .exclude(user__in=_quiet_users(quiet))
        .select_related("user", "course")
        .order_by("user_id", "last")
    )
    for enrolment in enrolments:
        users[enrolment.user_id] = enrolment.user
        found[enrolment.user_id]["courses"].append(enrolment.course)
    start, end = _day_bounds(timezone.localdate(now) + datetime.timedelta(days=1))
    registrations = (
        Registration.objects.filter(
            status=RegistrationStatus.APPROVED, event__live=True, event__starts_at__gte=start, event__starts_at__lt=end
        )
        .filter(user__is_active=True)
        .exclude(user__email="")
        .exclude(user__in=_quiet_users(quiet))
        .select_related("user", "event")
        .order_by("user_id", "event__starts_at")
    )
    for registration in registrations:
        users[registration.user_id] = registration.user
        found[registration.user_id]["events"].append(registration.event)
    return {users[user_id]: reasons for user_id, reasons in found.items()}


def _quiet_users(quiet):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(quiet).values("pk")


def send_due(now=None):
    """Queues the reminders due now; returns the number of mails."""
    sent = 0
    for user, reasons in due(now).items():
        with transaction.atomic():
            send(user, reasons["courses"], reasons["events"])
        sent += 1
    return sent


def send(user, courses, events):
    """One mail to ``user`` naming the ``courses`` to continue and the ``events`` of tomorrow."""
    context = {
        "user": user,
        "courses": [(course, mail.absolute_url(course.url or "/")) for course in courses],
        "events": [(event, mail.absolute_url(event.url or "/")) for event in events],
        "opt_out_link": mail.absolute_url(reverse("training:reminder_opt_out", args=[opt_out_token(user)])),
        "days": settings.TRAINING_REMINDER_INACTIVE_DAYS,
    }
    subject = render_to_string("training/email/reminder_subject.txt", context).strip()
    message = mail.queue(
        "training_reminder", user.email, subject, "training/email/reminder", context, audience=AUDIENCE, about=user
    )
    reminder = Reminder.objects.create(user=user, message=message)
    reminder.courses.set(courses)
    reminder.events.set(events)
    return reminder
