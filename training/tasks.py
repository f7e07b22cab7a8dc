import logging

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from django_tasks import task

from accounts.links import password_setup_link, sign_in_link

from .models import CoursePage

logger = logging.getLogger(__name__)


@task()
def send_invitation(user_id, course_id):
    """E-mails an imported learner a link to set their password (Django's reset token)."""
    user = get_user_model().objects.filter(pk=user_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if user is None or not user.email:
        return
    context = {
        "user": user,
        "course": course,
        "link": password_setup_link(user),
        "login_link": sign_in_link(),
    }
    subject = render_to_string("training/email/invitation_subject.txt", context).strip()
    body = render_to_string("training/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
