"""Sending the outbox's messages, with each failure recorded on the message and retried later."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from django_tasks import default_task_backend, task

from .models import Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


def backoff(attempts):
    """Time to wait after the n-th failure: 5, 15, 45 minutes, then every 2 hours."""
    return datetime.timedelta(minutes=min(5 * 3 ** (attempts - 1), 120))


@task()
def deliver(message_id):
    """Sends one message; returns "sent", "failed" or "skipped"."""
    with transaction.atomic():
        message = Message.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state in (Message.State.SENT, Message.State.GAVE_UP):
            return "skipped"
        if not message.recipient:
            message.state = Message.State.GAVE_UP
            message.save(update_fields=["state"])
            return "skipped"
        message.attempts += 1
        try:
            _send(message)
        except Exception as error:
            _record_failure(message, error)
            return "failed"
        message.state = Message.State.SENT
        message.sent_at = timezone.now()
        message.next_attempt_at = None
        fields = ["state", "attempts", "sent_at", "next_attempt_at"]
        if message.confidential:  # the link it carried is no one's business once delivered
            message.body_text = message.body_html = ""
            fields += ["body_text", "body_html"]
        message.save(update_fields=fields)
        return "sent"


def _send(message):
    email = EmailMultiAlternatives(message.subject, message.body_text, settings.DEFAULT_FROM_EMAIL, [message.recipient])
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    email.send()


def _record_failure(message, error):
    gave_up = message.attempts >= getattr(settings, "OUTBOX_MAX_ATTEMPTS", MAX_ATTEMPTS)
    message.state = Message.State.GAVE_UP if gave_up else Message.State.FAILED
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    message.next_attempt_at = None if gave_up else timezone.now() + backoff(message.attempts)
    message.save(update_fields=["state", "attempts", "last_error", "next_attempt_at"])
    logger.warning("message %s failed (attempt %s): %s", message.pk, message.attempts, error)
    if not gave_up and default_task_backend.supports_defer:
        run_after, message_id = message.next_attempt_at, message.pk
        transaction.on_commit(lambda: deliver.using(run_after=run_after).enqueue(message_id))
