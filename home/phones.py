"""Vietnamese telephone numbers as people write them.

Mobile: 03, 05, 07, 08 or 09 and 8 more digits (10 digits). Landline: 02, the rest of the area code and
the subscriber number, 11 digits in all (024 and 028 with 8-digit subscribers, 02xx with 7). Either may
start with +84 or 84 instead of the 0, and may be grouped by spaces, dots or dashes.
"""

import re

from django import forms
from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[ .\-\u00a0]")
_NATIONAL = re.compile(r"^0(?:[35789]\d{8}|2\d{9})$")


def normalise_vn_phone(value):
    """The number in national form ("0912345678"), or ``None`` when it is not a Vietnamese number."""
    digits = _SEPARATORS.sub("", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits if _NATIONAL.match(digits) else None


def invalid_phone_message():
    return _(
        "Số điện thoại chưa đúng. Xin nhập số di động 10 chữ số (ví dụ 0912 345 678) hoặc số máy bàn "
        "có mã vùng (ví dụ 0243 825 1234); có thể bắt đầu bằng +84."
    )


class VietnamesePhoneField(forms.CharField):
    """A form field for a Vietnamese number: kept as the person typed it (trimmed), refused with a
    Vietnamese message when :func:`normalise_vn_phone` does not recognise it. Optional by default."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and normalise_vn_phone(value) is None:
            raise forms.ValidationError(invalid_phone_message(), code="invalid_phone")
