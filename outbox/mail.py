"""Putting an e-mail in the outbox: store it now, send it after the commit."""

import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connections, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from .models import Message

logger = logging.getLogger(__name__)


def absolute_url(path):
    """``path`` on the portal's public address (``WAGTAILADMIN_BASE_URL``): links in mail are absolute."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render(template, context):
    """``(text, html)`` from ``<template>.txt`` and, when it exists, ``<template>.html``."""
    text = render_to_string(f"{template}.txt", context)
    try:
        html = render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        html = ""
    return text, html


def queue(kind, recipient, subject, template, context, *, audience, about=None, confidential=False):
    """Renders ``template`` with ``context`` (plus ``subject``) and queues the message."""
    body_text, body_html = render(template, {**context, "subject": subject})
    return queue_rendered(
        kind,
        recipient,
        subject,
        body_text,
        body_html,
        audience=audience,
        about=about,
        confidential=confidential,
    )


def queue_rendered(kind, recipient, subject, body_text, body_html="", *, audience, about=None, confidential=False):
    """Stores one message and sends it once the current transaction commits.

    ``audience`` is the permission staff need to read it in the admin; ``about`` the object it
    concerns (optional); ``confidential`` keeps its text out of the admin."""
    message = Message.objects.create(
        kind=kind,
        recipient=recipient,
        subject=" ".join(subject.split())[:255],
        body_text=body_text,
        body_html=body_html,
        audience=audience,
        confidential=confidential,
        about=about,
    )
    transaction.on_commit(lambda: enqueue(message.pk))
    return message


def enqueue(message_id):
    """Hands the message to the task queue; a queue that is down fails nothing (the retry catches up).

    With ``OUTBOX_BACKGROUND_SENDS`` (the default with the in-process task backend, which would run
    the send inside the visitor's request) the message is sent from a background thread instead,
    so no response waits for the mail server."""
    from .tasks import deliver

    if getattr(settings, "OUTBOX_BACKGROUND_SENDS", False):
        _background().submit(_send_in_background, message_id)
        return
    try:
        deliver.enqueue(message_id)
    except Exception:
        logger.exception("could not enqueue message %s", message_id)


_executor = None


def _background():
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="outbox")
    return _executor


def _send_in_background(message_id):
    from .tasks import deliver

    try:
        deliver.call(message_id)
    except Exception:
        logger.exception("could not send message %s", message_id)
    finally:
        connections.close_all()  # this thread's own database connections
