"""Finding English on an admin screen: the visible text (and what screen readers read: aria-label,
title, placeholder, alt) compared with the English source strings of Wagtail, Django and the
libraries the admin shows (taggit, django-filter). A text that is one of those strings, or matches
one with its placeholders filled in, was left untranslated."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django

import taggit
import wagtail

import django_filters
import polib

PACKAGES = [Path(wagtail.__file__).parent, Path(django.__file__).parent, Path(taggit.__file__).parent]
PACKAGES.append(Path(django_filters.__file__).parent)
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdr]|%[sdr]|\{[A-Za-z_0-9]*\}")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Words that read the same in both languages or are names, never counted as English.
NEUTRAL = {"OK", "Email", "Excel", "CSV", "PDF", "URL", "ID", "Zalo", "Facebook", "YouTube", "Wagtail", "Elasticsearch"}


def _catalogues():
    for package in PACKAGES:
        english = sorted(package.glob("**/locale/en/LC_MESSAGES/*.po"))
        # A package without an English catalogue: its msgids are the same in any other one.
        yield from english or sorted(package.glob("**/locale/fr/LC_MESSAGES/*.po"))


@cache
def english_strings():
    """(exact texts, patterns for texts with placeholders), whitespace folded."""
    exact, patterns = set(), []
    for path in _catalogues():
        for entry in polib.pofile(str(path)):
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = " ".join(re.sub(r"<[^>]+>", " ", msgid).split())
                if not LATIN_WORD.search(text) or text in NEUTRAL:
                    continue
                if PLACEHOLDER.search(text):
                    parts = [re.escape(part) for part in PLACEHOLDER.split(text)]
                    if sum(len(part) for part in PLACEHOLDER.split(text)) >= 6:
                        patterns.append(re.compile("^" + r"\S.{0,80}?".join(parts) + "$"))
                else:
                    exact.add(text)
    return frozenset(exact), tuple(patterns)


def is_english(text):
    if not text.isascii() or not LATIN_WORD.search(text) or text in NEUTRAL:
        return False
    exact, patterns = english_strings()
    return text in exact or text.rstrip(":.…") in exact or any(pattern.match(text) for pattern in patterns)


class VisibleText(HTMLParser):
    """Text nodes outside scripts, styles and templates, and the labels read out by screen readers."""

    LABELS = ("aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value")

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._stack = []  # (tag, hides its content)
        self.feed(html)

    @property
    def _hidden(self):
        return any(hides for _tag, hides in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in self.VOID:
            self._stack.append((tag, tag in ("script", "style", "template") or "hidden" in attrs))
        if self._hidden:
            return
        self.texts.extend(" ".join(attrs[name].split()) for name in self.LABELS if attrs.get(name))
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(" ".join(attrs["value"].split()))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _hides in self._stack):
            while self._stack and self._stack.pop()[0] != tag:
                pass

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.texts.append(" ".join(data.split()))


def english_on(html):
    """``(english texts, share of the visible characters that are Vietnamese)``."""
    texts = [text for text in VisibleText(html).texts if LATIN_WORD.search(text)]
    english = sorted({text for text in texts if is_english(text)})
    total = sum(len(text) for text in texts) or 1
    english_chars = sum(len(text) for text in texts if text in english)
    return english, 1 - english_chars / total
