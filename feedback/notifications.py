"""Emails about feedback, through the portal's outbox (:mod:`outbox`).

Each message is rendered and stored with the item, inside its transaction; the send is enqueued
with ``transaction.on_commit``, so it runs only once the item is safely stored. Reader comments
reuse :func:`queue` and :func:`staff_with_perm`.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from outbox import mail
from outbox.mail import absolute_url as _absolute

# Who reads these messages in the admin's outbox: the people who handle feedback.
AUDIENCE = "feedback.view_feedback"


def staff_with_perm(perm):
    """Active staff holding ``perm`` (superusers are not mailed for every item), with an email."""
    users = get_user_model().objects.with_perm(perm, include_superusers=False)
    return [user for user in users.filter(is_active=True).exclude(email="") if user.has_perm(perm)]


def queue(kind, recipient, subject, template, context, feedback=None):
    """Stores one message in the outbox and sends it after the current transaction commits."""
    return mail.queue(kind, recipient, subject, template, context, audience=AUDIENCE, about=feedback)


def _moderators_for(item):
    perm = "feedback.view_sensitive_feedback" if item.topic.sensitive else "feedback.change_feedback"
    return staff_with_perm(perm)


def _item_context(item):
    return {
        "item": item,
        "admin_url": _absolute(reverse("wagtailsnippets_feedback_feedback:inspect", args=[item.pk])),
        "lookup_url": _absolute(reverse("feedback:lookup")),
        # A sensitive message is not copied into mailboxes; moderators read it in the admin.
        "show_excerpt": not item.topic.sensitive,
    }


def new_item(item):
    context = _item_context(item)
    for user in _moderators_for(item):
        queue(
            "new_item",
            user.email,
            _("Ý kiến mới %(code)s: %(topic)s") % {"code": item.code, "topic": item.topic.name},
            "feedback/email/new_item",
            {**context, "recipient": user},
            feedback=item,
        )


def reopened(item):
    context = _item_context(item)
    for user in _moderators_for(item):
        queue(
            "reopened",
            user.email,
            _("Người gửi đề nghị xem xét lại %(code)s") % {"code": item.code},
            "feedback/email/reopened",
            {**context, "recipient": user},
            feedback=item,
        )


def assigned(item, user):
    queue(
        "assigned",
        user.email,
        _("Bạn được giao xử lý ý kiến %(code)s") % {"code": item.code},
        "feedback/email/assigned",
        {**_item_context(item), "recipient": user},
        feedback=item,
    )


def receipt(item):
    queue(
        "receipt",
        item.email,
        _("Hội đã nhận ý kiến của bạn, mã tra cứu %(code)s") % {"code": item.code},
        "feedback/email/receipt",
        _item_context(item),
        feedback=item,
    )


def answer(item):
    queue(
        "answer",
        item.email,
        _("Kết quả giải quyết ý kiến %(code)s") % {"code": item.code},
        "feedback/email/answer",
        _item_context(item),
        feedback=item,
    )


def overdue_reminder(user, items):
    return queue(
        "reminder",
        user.email,
        _("Có %(count)s ý kiến quá hạn trả lời") % {"count": len(items)},
        "feedback/email/reminder",
        {
            "recipient": user,
            "items": [
                (item, _absolute(reverse("wagtailsnippets_feedback_feedback:inspect", args=[item.pk])))
                for item in items
            ],
        },
    )
