"""Highlighting that works on folded text: "dao tao" marks "đào tạo" in the original.

The text is escaped first, then the matches are wrapped in ``<mark>``; the positions come from the
folded text, which has the same length as the original character for character (``fold_vi`` maps each
precomposed Vietnamese letter to one ASCII letter), so they apply to the original unchanged.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from home.text import fold_vi

EXCERPT_LENGTH = 240


class _FoldTable(dict):
    """``str.translate`` table folding one character to one character, filled as characters are met."""

    def __missing__(self, codepoint):
        char = chr(codepoint)
        folded = fold_vi(char)
        value = folded if len(folded) == 1 else char
        self[codepoint] = value
        return value


_FOLD_TABLE = _FoldTable()
MAX_SOURCE = 5000  # characters of a document read to find where its excerpt starts


def _fold_same_length(text):
    """``fold_vi`` character by character, so positions in the result are positions in ``text``."""
    return text.translate(_FOLD_TABLE)


def _pattern(folded_terms):
    terms = sorted({term for term in folded_terms if term}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(term) for term in terms) + r")", re.IGNORECASE)


def match_spans(text, folded_terms):
    """(start, end) of every word of ``text`` that begins with one of the folded terms."""
    pattern = _pattern(folded_terms)
    if pattern is None or not text:
        return []
    folded = _fold_same_length(text)
    spans = []
    for match in pattern.finditer(folded):
        start, end = match.span()
        # Extend to the end of the word: "giam" marks the whole of "giám".
        while end < len(text) and (text[end].isalnum() or unicodedata.combining(text[end])):
            end += 1
        spans.append((start, end))
    return spans


def highlight(text, folded_terms):
    """``text`` escaped, with the matches of ``folded_terms`` wrapped in ``<mark>``; safe HTML."""
    text = unicodedata.normalize("NFC", str(text or ""))
    parts, last = [], 0
    for start, end in match_spans(text, folded_terms):
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def excerpt(text, folded_terms, length=EXCERPT_LENGTH):
    """A window of ``text`` around its first match, about ``length`` characters, highlighted."""
    text = " ".join(unicodedata.normalize("NFC", str(text or "")[:MAX_SOURCE]).split())
    if not text:
        return mark_safe("")
    spans = match_spans(text, folded_terms)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = text[start:end]
    html = highlight(window, folded_terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - highlight() escaped the window
