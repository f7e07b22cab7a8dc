"""Sending the outbox's messages, with each failure recorded on the message and retried later.

A message is first claimed by one conditional update (state "sending", with a lease), then sent
with no transaction open, so a slow mail server never holds a database lock; the outcome is written in
a second short step. A process that dies mid-send leaves the claim to lapse, and the retry command
picks the message up again."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.utils import timezone

from django_tasks import default_task_backend, task

from .models import Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# How long a claim holds: well above the SMTP timeout, so a live send is never taken twice.
LEASE = datetime.timedelta(minutes=10)


def backoff(attempts):
    """Time to wait after the n-th failure: 5, 15, 45 minutes, then every 2 hours."""
    return datetime.timedelta(minutes=min(5 * 3 ** (attempts - 1), 120))


@task()
def deliver(message_id):
    """Sends one message; returns "sent", "failed" or "skipped"."""
    message = _claim(message_id)
    if message is None:
        return "skipped"
    try:
        _send(message)
    except Exception as error:
        _record_failure(message, error)
        return "failed"
    _record_sent(message)
    return "sent"


def _claim(message_id):
    # One conditional UPDATE: of two workers racing for the message only one changes the row, and
    # on SQLite it is a single write that waits its turn instead of upgrading a read lock.
    now = timezone.now()
    sendable = Q(state__in=[Message.State.PENDING, Message.State.FAILED]) | Q(
        state=Message.State.SENDING, next_attempt_at__lte=now
    )
    claimed = Message.objects.filter(sendable, pk=message_id).update(
        state=Message.State.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + LEASE
    )
    if not claimed:
        return None
    message = Message.objects.get(pk=message_id)
    if not message.recipient:
        message.state = Message.State.GAVE_UP
        message.save(update_fields=["state"])
        return None
    return message


def _send(message):
    email = EmailMultiAlternatives(message.subject, message.body_text, settings.DEFAULT_FROM_EMAIL, [message.recipient])
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    email.send()


def _record_sent(message):
    message.state = Message.State.SENT
    message.sent_at = timezone.now()
    message.next_attempt_at = None
    fields = ["state", "sent_at", "next_attempt_at"]
    if message.confidential:  # the link it carried is no one's business once delivered
        message.body_text = message.body_html = ""
        fields += ["body_text", "body_html"]
    message.save(update_fields=fields)


def _record_failure(message, error):
    gave_up = message.attempts >= getattr(settings, "OUTBOX_MAX_ATTEMPTS", MAX_ATTEMPTS)
    message.state = Message.State.GAVE_UP if gave_up else Message.State.FAILED
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    message.next_attempt_at = None if gave_up else timezone.now() + backoff(message.attempts)
    message.save(update_fields=["state", "last_error", "next_attempt_at"])
    logger.warning("message %s failed (attempt %s): %s", message.pk, message.attempts, error)
    if not gave_up and default_task_backend.supports_defer:
        deliver.using(run_after=message.next_attempt_at).enqueue(message.pk)
