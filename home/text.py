"""Vietnamese text helpers: folding and ASCII slugs.

Django's ``slugify`` decomposes accents with NFKD, but "đ"/"Đ" has no decomposition, so it would be
dropped ("Đào tạo" -> "ao-tao"). Folding maps it to "d" first.
"""

import re
import unicodedata

from django.utils.text import slugify

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def fold_vi(text):
    """Lower-case ``text`` and strip every Vietnamese diacritic, with đ/Đ -> d."""
    text = unicodedata.normalize("NFKD", str(text).translate(_D_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", text).lower()


def slugify_vi(text, max_length=None):
    """An ASCII slug from Vietnamese text: ``"Đào tạo cán bộ"`` -> ``"dao-tao-can-bo"``."""
    slug = slugify(fold_vi(text))
    if max_length:
        slug = slug[:max_length].rstrip("-")
    return slug


_SPACE_RE = re.compile(r"\s+")


def squash_spaces(text):
    return _SPACE_RE.sub(" ", str(text)).strip()


# Vietnamese letters by the ASCII letter they fold to. The admin's slug JavaScript (Wagtail's urlify)
# turns "đ" into "dj" and drops letters with a dot below ("ạ", "ộ"); these formatters fold them first.
_VI_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def slug_js_formatters():
    """(regex, replacement) pairs for Wagtail's ``SlugInput(formatters=...)``, case-insensitive."""
    formatters = [(re.compile("[\u0300-\u036f]"), "")]  # combining accents typed separately
    formatters += [
        (re.compile(f"[{letters}]", re.IGNORECASE), ascii_letter) for ascii_letter, letters in _VI_LETTERS.items()
    ]
    return formatters
