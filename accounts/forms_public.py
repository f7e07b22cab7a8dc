from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from home.forms import VisitorTextMixin
from outbox import mail

from .throttle import ThrottledSignInMixin


class SignInForm(VisitorTextMixin, ThrottledSignInMixin, AuthenticationForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng. Xin kiểm tra lại (chữ hoa, chữ thường)."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class OutboxPasswordResetMixin:
    """A password reset mail goes through the outbox (stored, sent after the commit, retried and
    listed for administrators) instead of being sent during the visitor's request. The message is
    confidential: its one-time link is never shown in the admin and is forgotten once sent."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html = render_to_string(html_email_template_name, context) if html_email_template_name else ""
        mail.queue_rendered(
            "password_reset",
            to_email,
            subject,
            body,
            html,
            audience="accounts.change_user",
            about=context.get("user"),
            confidential=True,
        )


class PasswordResetForm(OutboxPasswordResetMixin, auth_forms.PasswordResetForm):
    """The learners' "quên mật khẩu" form (``/tai-khoan/quen-mat-khau/``)."""


class AdminPasswordResetForm(OutboxPasswordResetMixin, WagtailPasswordResetForm):
    """The admin's own reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``)."""
