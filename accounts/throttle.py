"""Guessing passwords and flooding mailboxes, held back per address and per account.

Failed sign-ins (the public form and the admin's) are counted per client address and per account
name in a window of ``SIGN_IN_WINDOW_MINUTES``; past ``SIGN_IN_MAX_FAILURES_PER_ADDRESS`` or
``SIGN_IN_MAX_FAILURES_PER_ACCOUNT`` failures the form refuses before checking the password, with a
message saying when to try again. Password reset requests are limited per address (the visitor is
told) and per e-mail address (no more mail is sent, and the page says nothing more, so the form still
does not reveal which addresses have accounts).
"""

import math

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from home.ratelimit import client_ip, rate_count, rate_hit, rate_limited
from home.text import fold_vi


def _window():
    return settings.SIGN_IN_WINDOW_MINUTES * 60


def _account_key(username):
    return " ".join(fold_vi(username or "").split())[:150]


class ThrottledSignInMixin:
    """For a Django ``AuthenticationForm``: count failures, refuse past the limits."""

    throttled_message = _("Đăng nhập sai quá nhiều lần. Xin thử lại sau %(minutes)d phút.")

    def _throttle_subjects(self):
        address = client_ip(self.request) if self.request is not None else "unknown"
        account = _account_key(self.data.get("username"))
        return (
            ("sign-in-address", address, settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS),
            ("sign-in-account", account, settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT),
        )

    def clean(self):
        window = _window()
        subjects = self._throttle_subjects()
        if any(rate_count(scope, subject, window) >= limit for scope, subject, limit in subjects):
            raise forms.ValidationError(
                self.throttled_message, code="throttled", params={"minutes": math.ceil(window / 60)}
            )
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "invalid_login":
                for scope, subject, _limit in subjects:
                    rate_hit(scope, subject, window)
            raise


def password_reset_refused(request, email):
    """``(refused, message)`` for a reset request: a message for the visitor, or a silent refusal."""
    hour = 3600
    address, email = client_ip(request), (email or "").strip().lower()
    if rate_limited("password-reset-address", address, settings.PASSWORD_RESET_MAX_PER_ADDRESS, hour):
        return True, _("Đã có quá nhiều yêu cầu đặt lại mật khẩu từ máy của bạn. Xin thử lại sau một giờ.")
    if rate_limited("password-reset-email", email, settings.PASSWORD_RESET_MAX_PER_EMAIL, hour):
        return True, None
    return False, None
