"""Reminders of overdue recommendations to their round's lead, through the outbox, at most daily.

A recommendation is overdue when it is still "sent" after its response deadline. Each lead gets one
message listing theirs; each recommendation is reminded at most once a calendar day (``reminded_at``)
and the reminder is a line of its history. A round without a lead (or whose lead has no e-mail) is
reminded to the active supervision staff instead.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from feedback.workflow import record
from outbox import mail

from .models import Recommendation

AUDIENCE = "supervision.view_recommendation"
STAFF_PERMISSION = "supervision.change_recommendation"


def _start_of_today():
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))


def _staff():
    users = get_user_model().objects.with_perm(STAFF_PERMISSION, include_superusers=False)
    return list(users.filter(is_active=True).exclude(email=""))


def _reachable(user):
    return user is not None and user.is_active and bool(user.email)


def send_reminders(today=None):
    """Queues the day's reminders; returns ``(people reminded, recommendations reminded)``."""
    overdue = (
        Recommendation.objects.overdue(today)
        .exclude(reminded_at__gte=_start_of_today())
        .select_related("round", "round__lead")
        .order_by("deadline", "pk")
    )
    by_user = defaultdict(list)
    staff = None
    for recommendation in overdue:
        lead = recommendation.round.lead
        if _reachable(lead):
            by_user[lead].append(recommendation)
            continue
        staff = _staff() if staff is None else staff
        for user in staff:
            by_user[user].append(recommendation)
    reminded = set()
    for user, recommendations in by_user.items():
        mail.queue(
            "supervision_reminder",
            user.email,
            _("Có %(count)s kiến nghị sau giám sát quá hạn trả lời") % {"count": len(recommendations)},
            "supervision/email/reminder",
            {
                "recipient": user,
                "recommendations": [
                    (r, mail.absolute_url(reverse("wagtailsnippets_supervision_recommendation:inspect", args=[r.pk])))
                    for r in recommendations
                ],
            },
            audience=AUDIENCE,
        )
        reminded.update(r.pk for r in recommendations)
    for recommendation in Recommendation.objects.filter(pk__in=reminded):
        record(recommendation, "reminder")
    Recommendation.objects.filter(pk__in=reminded).update(reminded_at=timezone.now())
    return len(by_user), len(reminded)
