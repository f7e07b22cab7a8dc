import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_invitation(user_id, course_id):
    """E-mails an imported learner a link to set their password (Django's reset token)."""
    from .models import CoursePage
    from .services.enrolment_import import invitation_link

    user = get_user_model().objects.filter(pk=user_id).first()
    course = CoursePage.objects.filter(pk=course_id).first()
    if user is None or not user.email:
        return
    context = {
        "user": user,
        "course": course,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + invitation_link(user),
        "login_link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/tai-khoan/dang-nhap/",
    }
    subject = render_to_string("training/email/invitation_subject.txt", context).strip()
    body = render_to_string("training/email/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
