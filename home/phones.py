"""Vietnamese telephone numbers as people write them.

Mobile: 03, 05, 07, 08 or 09 and 8 more digits (10 digits). Landline: 02, the rest of the area code and
the subscriber number, 11 digits in all (024 and 028 with 8-digit subscribers, 02xx with 7). Either may
start with +84 or 84 instead of the 0, and may be grouped by spaces, dots or dashes.
"""

import re

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
