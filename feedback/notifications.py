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


def _about_item(kind, item, recipient, subject, user=None):
    """One message about ``item`` to ``recipient``, rendered from ``feedback/email/<kind>``."""
    context = _item_context(item)
    if user is not None:
        context["recipient"] = user
    return queue(kind, recipient, subject, f"feedback/email/{kind}", context, feedback=item)


def _to_moderators(kind, item, subject):
    for user in _moderators_for(item):
        _about_item(kind, item, user.email, subject, user)


def new_item(item):
    subject = _("Ý kiến mới %(code)s: %(topic)s") % {"code": item.code, "topic": item.topic.name}
    _to_moderators("new_item", item, subject)


def reopened(item):
    _to_moderators("reopened", item, _("Người gửi đề nghị xem xét lại %(code)s") % {"code": item.code})


def assigned(item, user):
    subject = _("Bạn được giao xử lý ý kiến %(code)s") % {"code": item.code}
    _about_item("assigned", item, user.email, subject, user)


def receipt(item):
    subject = _("Hội đã nhận ý kiến của bạn, mã tra cứu %(code)s") % {"code": item.code}
    _about_item("receipt", item, item.email, subject)


def answer(item):
    _about_item("answer", item, item.email, _("Kết quả giải quyết ý kiến %(code)s") % {"code": item.code})


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
