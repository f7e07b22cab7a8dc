"""What every public form shares: visitor text made canonical, NUL bytes refused in Vietnamese."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from .text import visitor_line, visitor_text

NO_NUL = ProhibitNullCharactersValidator(
    message=_("Nội dung có ký tự không hợp lệ (ký tự rỗng). Xin gõ lại ô này rồi gửi lại.")
)


class VisitorTextMixin:
    """Mix into a public form (before ``forms.Form``). Before validation every text field is normalised:
    text areas with :func:`home.text.visitor_text`, other text boxes with :func:`home.text.visitor_line`
    (hidden fields, such as tokens, are left as sent). What is stored is then NFC, and names and other
    single-line values carry no direction or zero-width characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.validators = [
                NO_NUL if isinstance(validator, ProhibitNullCharactersValidator) else validator
                for validator in field.validators
            ]

    def _normaliser(self, field):
        if not isinstance(field, forms.CharField) or field.widget.is_hidden:
            return None
        if isinstance(field.widget, forms.PasswordInput):  # a password is compared exactly as typed
            return None
        return visitor_text if isinstance(field.widget, forms.Textarea) else visitor_line

    def full_clean(self):
        if self.is_bound:
            data = self.data.copy()
            for name, field in self.fields.items():
                normalise = self._normaliser(field)
                key = self.add_prefix(name)
                if normalise is None or key not in data:
                    continue
                if hasattr(data, "setlist"):
                    data.setlist(key, [normalise(value) for value in data.getlist(key)])
                else:
                    data[key] = normalise(data[key])
            self.data = data
        super().full_clean()
