"""The outbox: every e-mail the portal sends, stored, sent after the commit, retried, listed.

A sender calls :func:`outbox.mail.queue` (or :func:`outbox.mail.queue_rendered`) inside its own
transaction; the message is stored as a :class:`~outbox.models.Message` and a django-tasks task
(:func:`outbox.tasks.deliver`) sends it once the transaction commits. A failure is recorded on the
message (attempts, last error, next attempt, with back-off) and shown in the admin ("Thư thông
báo"); ``manage.py retry_outbox`` (also known by its old name ``retry_failed_notifications``)
picks up what is due. The outbox knows no content app: each message names the permission a member
of staff needs to read it (``audience``) and, optionally, the object it is about.
"""
