"""Background work: sending the outbox's emails, with retries recorded on the notification."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


def backoff(attempts):
    """Minutes to wait after the n-th failure: 5, 15, 45 minutes, then every 2 hours."""
    return datetime.timedelta(minutes=min(5 * 3 ** (attempts - 1), 120))


@task()
def deliver_notification(notification_id):
    from .models import Notification

    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.state in (Notification.State.SENT, Notification.State.GAVE_UP):
            return "skipped"
        if not notification.recipient:
            notification.state = Notification.State.GAVE_UP
            notification.save(update_fields=["state"])
            return "skipped"
        notification.attempts += 1
        try:
            message = EmailMultiAlternatives(
                notification.subject,
                notification.body_text,
                settings.DEFAULT_FROM_EMAIL,
                [notification.recipient],
            )
            if notification.body_html:
                message.attach_alternative(notification.body_html, "text/html")
            message.send()
        except Exception as error:
            max_attempts = getattr(settings, "FEEDBACK_NOTIFICATION_MAX_ATTEMPTS", MAX_ATTEMPTS)
            gave_up = notification.attempts >= max_attempts
            notification.state = Notification.State.GAVE_UP if gave_up else Notification.State.FAILED
            notification.last_error = f"{type(error).__name__}: {error}"[:2000]
            notification.next_attempt_at = None if gave_up else timezone.now() + backoff(notification.attempts)
            notification.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
            logger.warning("notification %s failed (attempt %s): %s", notification.pk, notification.attempts, error)
            if not gave_up and default_task_backend.supports_defer:
                run_after = notification.next_attempt_at
                transaction.on_commit(lambda: deliver_notification.using(run_after=run_after).enqueue(notification_id))
            return "failed"
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.next_attempt_at = None
        notification.save(update_fields=["state", "attempts", "sent_at", "next_attempt_at"])
        return "sent"
