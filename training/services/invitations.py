"""The invitation an imported learner receives: a link to set their password, through the outbox.

The message is confidential (it carries a one-time password link): the admin lists it, with its
state and errors, to training managers (audience ``training.view_enrolment``) without its text."""

from django.template.loader import render_to_string

from accounts.links import password_setup_link, sign_in_link
from outbox import mail

AUDIENCE = "training.view_enrolment"


def queue_invitation(user, course):
    """Stores the invitation of ``user`` to ``course``; it is sent once the import commits."""
    if not user.email:
        return None
    context = {"user": user, "course": course, "link": password_setup_link(user), "login_link": sign_in_link()}
    subject = render_to_string("training/email/invitation_subject.txt", context).strip()
    return mail.queue(
        "invitation",
        user.email,
        subject,
        "training/email/invitation",
        context,
        audience=AUDIENCE,
        about=user,
        confidential=True,
    )
