"""Absolute links to the account pages that go out in e-mails (set a password, sign in)."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def absolute(path):
    """``path`` on the portal's public address (``WAGTAILADMIN_BASE_URL``)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def password_setup_link(user):
    """The link that lets ``user`` choose a password (Django's one-time reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute(reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def sign_in_link():
    return absolute(reverse("accounts:login"))
