"""Vietnamese text helpers: folding, ASCII slugs, and the accent tokens of the search index.

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


_WORD_RE = re.compile(r"\w+")
_ACCENT_D_TABLE = str.maketrans({"đ": "dd"})
# Vietnamese tone marks, written as Telex does: at the end of the word.
_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
# Vowel shapes: â ê ô double the letter (Telex "aa"), ă ơ ư add a "w".
_SHAPES = {"\u0306": "w", "\u031b": "w"}
_CIRCUMFLEX = "\u0302"
ACCENT_TOKEN_PREFIX = "vn"  # noqa: S105 - a token prefix, not a password


def words(text):
    """The words of ``text``, lower-cased, in Unicode NFC (precomposed accents)."""
    return _WORD_RE.findall(unicodedata.normalize("NFC", str(text)).lower())


def accent_token(word):
    """An ASCII token spelling out the accents of ``word``, or ``None`` when it has none.

    ``"đào"`` -> ``"vnddaof"``, ``"tạo"`` -> ``"vntaoj"``, ``"người"`` -> ``"vnnguwowif"``; two words
    share a token only when they are the same word with the same accents.
    """
    word = unicodedata.normalize("NFC", word).lower()
    if word.isascii():
        return None
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", word.translate(_ACCENT_D_TABLE)):
        if char in _TONES:
            tones.append(_TONES[char])
        elif char == _CIRCUMFLEX and letters:
            letters.append(letters[-1])
        elif char in _SHAPES:
            letters.append(_SHAPES[char])
        elif unicodedata.combining(char):
            letters.append(f"q{ord(char):x}")
        else:
            letters.append(char)
    return ACCENT_TOKEN_PREFIX + "".join(letters) + "".join(tones)


def accent_tokens(text):
    """The distinct accent tokens of the accented words of ``text``, in order of appearance."""
    tokens = {}
    for word in words(text):
        token = accent_token(word)
        if token:
            tokens.setdefault(token, None)
    return list(tokens)


# What a visitor types, made canonical once (home.forms.VisitorTextMixin, used by every public form).
# Direction controls (embeddings, overrides, isolates, marks) and zero-width characters can reorder or
# hide what is shown around a name; nobody needs them in a name, a code or a search.
INVISIBLE_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\ufeff\u2060"
_INVISIBLE_RE = re.compile(f"[{INVISIBLE_CONTROLS}]")
_LINE_BREAK_RE = re.compile(r"\r\n?")


def visitor_line(text):
    """A single-line field (a name, a code, a query): NFC, no direction or zero-width characters, one
    space between words. A NUL byte is left for the form to refuse with its message."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", str(text)))
    return " ".join(text.split(" ")).replace("\t", " ").strip()


def visitor_text(text):
    """Multi-line text: NFC and Unix line breaks; its letters are kept (shown in an isolating element)."""
    return _LINE_BREAK_RE.sub("\n", unicodedata.normalize("NFC", str(text))).strip()


def record_id(raw, digits=9):
    """A record's number typed in an address or a form (``?phien=12``, a ticked box): a whole number
    of at most ``digits`` ASCII digits, else ``None``. ``str.isdigit`` alone accepts "²" and "١٢",
    which ``int()`` or the database then refuses with a server error."""
    raw = str(raw or "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= digits else None
