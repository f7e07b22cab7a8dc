"""Spam defences for any public form, needing no third-party service and no JavaScript.

Reader comments reuse these as they are. A form mixes in :class:`SpamProtectedForm` and is built
with the request; its ``clean()`` then checks, in order:

1. the honeypot: a field hidden from people (CSS and ``aria-hidden``) that robots fill in;
2. the signed timestamp: a token made with :mod:`django.core.signing` when the form was shown; a
   submission faster than ``min_seconds`` or older than ``max_age`` is refused, and a token is
   accepted once only;
3. the rate limit per client address (:mod:`home.ratelimit`, counted in the Django cache);
4. the proof of work: a browser with JavaScript finds a nonce such that
   ``sha256(token + ":" + nonce)`` starts with ``pow_bits`` zero bits (static/js/proof-of-work.js).
   A visitor without JavaScript still sends: the form is accepted without the proof, but the
   address then gets the stricter ``rate_limit_without_pow``. Robots that skip the work are held
   to the small allowance; people with JavaScript never notice the difference.

Duplicate detection depends on what the form stores, so it is offered as :func:`content_fingerprint`
for the service that saves (feedback links a repeat to the first item).
"""

import hashlib
import re
import secrets
import time
import unicodedata
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from home.forms import VisitorTextMixin
from home.ratelimit import client_ip, ip_fingerprint, rate_count, rate_hit, rate_limited

__all__ = ["client_ip", "ip_fingerprint", "rate_count", "rate_hit", "rate_limited"]  # re-exported for the forms below

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
POW_FIELD = "pow_nonce"


@dataclass(frozen=True)
class SpamPolicy:
    """The limits of one form (a scope); values come from settings so operators can tune them."""

    scope: str
    min_seconds: float = 3
    max_age: int = 24 * 3600
    rate_limit: int = 5  # accepted submissions per address per window, with a proof of work
    rate_limit_without_pow: int = 2
    window: int = 3600
    pow_bits: int = 14

    @classmethod
    def from_settings(cls, scope, prefix):
        """Reads ``<PREFIX>_MIN_SECONDS``, ``_RATE_LIMIT``, ``_RATE_LIMIT_NO_POW``, ``_RATE_WINDOW``, ``_POW_BITS``."""
        defaults = cls(scope)
        return cls(
            scope=scope,
            min_seconds=getattr(settings, f"{prefix}_MIN_SECONDS", defaults.min_seconds),
            max_age=getattr(settings, f"{prefix}_MAX_AGE", defaults.max_age),
            rate_limit=getattr(settings, f"{prefix}_RATE_LIMIT", defaults.rate_limit),
            rate_limit_without_pow=getattr(settings, f"{prefix}_RATE_LIMIT_NO_POW", defaults.rate_limit_without_pow),
            window=getattr(settings, f"{prefix}_RATE_WINDOW", defaults.window),
            pow_bits=getattr(settings, f"{prefix}_POW_BITS", defaults.pow_bits),
        )


def make_token(scope):
    # A random part keeps two forms shown in the same millisecond apart (a token is spent once).
    return signing.TimestampSigner(salt=f"spam:{scope}").sign(f"{scope}:{time.time():.3f}:{secrets.token_hex(4)}")


def token_age(token, scope, max_age):
    """Seconds since the token was made, or ``None`` when it is forged, foreign or expired."""
    try:
        value = signing.TimestampSigner(salt=f"spam:{scope}").unsign(token, max_age=max_age)
        token_scope, issued = value.split(":")[:2]
        age = time.time() - float(issued)
        if token_scope != scope or age > max_age:
            return None
        return age
    except (signing.BadSignature, ValueError):
        return None


def pow_valid(token, nonce, bits):
    if not nonce or len(nonce) > 32 or not token:
        return False
    digest = hashlib.sha256(f"{token}:{nonce}".encode()).digest()
    value = int.from_bytes(digest, "big")
    return value >> (256 - bits) == 0


def token_hash(token):
    """What is stored of a one-time token: the cache's "spent" mark, and the unique key on the saved row
    (``Feedback.token_hash``, ``Comment.token_hash``) that keeps a token to one submission even when
    many requests carry it at once or the cache is down."""
    return hashlib.sha256((token or "").encode()).hexdigest()


def content_fingerprint(*parts):
    """A hash of text that ignores case, accents' encoding and spacing (for duplicate detection)."""
    normalised = []
    for part in parts:
        text = unicodedata.normalize("NFC", str(part or "")).casefold()
        normalised.append(re.sub(r"\s+", " ", text).strip())
    return hashlib.sha256("\x1f".join(normalised).encode()).hexdigest()


class HoneypotInput(forms.TextInput):
    """A text box people never see (moved off screen by CSS, hidden from screen readers)."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = attrs or {}
        return format_html(
            '<div class="hp" aria-hidden="true"><label for="{}">{}</label>{}</div>',
            attrs.get("id", ""),
            _("Để trống ô này"),
            super().render(name, value, attrs, renderer),
        )


class SpamProtectedForm(VisitorTextMixin, forms.Form):
    """Mix into a public form; pass ``request=`` when binding and call :meth:`accept` after saving.

    ``spam_scope`` names the counter and the token salt; ``spam_settings_prefix`` (e.g. "FEEDBACK")
    the settings its limits are read from, at each request so that operators and tests can tune them.
    """

    spam_scope = "form"
    spam_settings_prefix = None

    @property
    def spam_policy(self):
        if self.spam_settings_prefix:
            return SpamPolicy.from_settings(self.spam_scope, self.spam_settings_prefix)
        return SpamPolicy(self.spam_scope)

    website = forms.CharField(
        label=_("Để trống ô này"),
        required=False,
        widget=HoneypotInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    pow_nonce = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    spam_messages = {
        "honeypot": _("Không gửi được: hệ thống nhận thấy dấu hiệu gửi tự động. Xin thử lại."),
        "token": _("Biểu mẫu đã hết hạn hoặc không hợp lệ. Xin kiểm tra nội dung và bấm gửi lại."),
        "too_fast": _("Bạn gửi nhanh quá. Xin đọc lại nội dung rồi bấm gửi lại sau vài giây."),
        "rate": _("Bạn đã gửi nhiều lần trong thời gian ngắn. Xin thử lại sau một giờ."),
    }

    def hidden_fields(self):
        # The honeypot is rendered with the hidden fields: its own markup keeps it out of sight.
        return [*super().hidden_fields(), self[HONEYPOT_FIELD]]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def __init__(self, *args, request=None, issue_token=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        # A form shown on a cached page carries no token: feedback.tokens hands one to each visitor.
        if not self.is_bound and issue_token:
            self.initial[TOKEN_FIELD] = make_token(self.spam_policy.scope)
        self.fields[TOKEN_FIELD].widget.attrs.update(
            {"data-pow-token": "", "data-pow-bits": str(self.spam_policy.pow_bits)}
        )
        self.fields[POW_FIELD].widget.attrs["data-pow-nonce"] = ""
        self.has_proof_of_work = False

    @property
    def client_ip(self):
        return client_ip(self.request) if self.request is not None else "unknown"

    def token_value(self):
        return self.data.get(TOKEN_FIELD, "") if self.is_bound else self.initial.get(TOKEN_FIELD, "")

    def clean(self):
        cleaned = super().clean()
        policy = self.spam_policy
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(self.spam_messages["honeypot"], code="honeypot")
        token = cleaned.get(TOKEN_FIELD) or ""
        age = token_age(token, policy.scope, policy.max_age)
        if age is None or cache.get(f"spam:used:{token_hash(token)}"):
            self._renew_token()
            raise forms.ValidationError(self.spam_messages["token"], code="token")
        if age < policy.min_seconds:
            raise forms.ValidationError(self.spam_messages["too_fast"], code="too_fast")
        self.has_proof_of_work = pow_valid(token, cleaned.get(POW_FIELD), policy.pow_bits)
        limit = policy.rate_limit if self.has_proof_of_work else policy.rate_limit_without_pow
        if rate_count(policy.scope, self.client_ip, policy.window) >= limit:
            raise forms.ValidationError(self.spam_messages["rate"], code="rate")
        return cleaned

    @property
    def refused_by_rate_limit(self):
        """True when the form was refused only because this address sent too many (answer 429)."""
        return self.is_bound and self.has_error(NON_FIELD_ERRORS, "rate")

    def _renew_token(self):
        """A bad or spent token is replaced so that the visitor's next press can succeed."""
        data = self.data.copy()
        data[TOKEN_FIELD] = make_token(self.spam_policy.scope)
        data[POW_FIELD] = ""
        self.data = data

    def spend_token(self):
        """Marks the token used (a repeat of a stored submission spends it without counting again)."""
        token = self.cleaned_data.get(TOKEN_FIELD) or ""
        cache.set(f"spam:used:{token_hash(token)}", 1, timeout=self.spam_policy.max_age)

    def accept(self):
        """Call once the submission is stored: spends the token and counts it against the address."""
        policy = self.spam_policy
        self.spend_token()
        rate_hit(policy.scope, self.client_ip, policy.window)
