"""Absolute links to the account pages that go out in e-mails (set a password, sign in)."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from outbox.mail import absolute_url


def password_setup_link(user):
    """The link that lets ``user`` choose a password (Django's one-time reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


def sign_in_link():
    return absolute_url(reverse("accounts:login"))
