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
