"""A mail server that accepts the connection and never answers costs the visitor nothing.

With the in-process task backend of development (``OUTBOX_BACKGROUND_SENDS`` on, as in
``portal.settings.dev``) a submission answers at once; the sends time out in the background
(``EMAIL_TIMEOUT``) and are recorded as failed, to be retried."""

import socket
import threading
import time

import pytest

from feedback.models import Feedback
from outbox.models import Message

from .conftest import form_data

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
EMAIL_TIMEOUT = 3


@pytest.fixture
def silent_smtp_server():
    """A socket on 127.0.0.1 (ephemeral port) that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_submission_answers_at_once_while_the_mail_server_hangs(
    client, settings, silent_smtp_server, feedback_page, topic, moderator
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", silent_smtp_server, EMAIL_TIMEOUT
    settings.OUTBOX_BACKGROUND_SENDS = True

    started = time.monotonic()
    response = client.post(feedback_page.url, form_data(topic))
    elapsed = time.monotonic() - started

    item = Feedback.objects.get()
    assert response.status_code == 200 and item.code in response.content.decode()
    assert elapsed < EMAIL_TIMEOUT / 2, f"the visitor waited {elapsed:.1f} s for the mail server"

    deadline = time.monotonic() + 4 * EMAIL_TIMEOUT
    while Message.objects.exclude(state="failed").exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    messages = list(Message.objects.all())
    assert len(messages) == 2  # the moderator's notice and the sender's receipt
    states = [(m.state, m.attempts, m.last_error) for m in messages]
    assert all(m.state == "failed" and m.attempts == 1 and m.next_attempt_at for m in messages), states
    assert all("timed out" in m.last_error for m in messages)
