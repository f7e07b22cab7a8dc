"""What every searchable model gives the site search: folded text, accent tokens and facet values.

Readers often type Vietnamese without diacritics ("dao tao" for "đào tạo"). The search index keeps,
beside the original fields, two computed fields:

- ``search_text_folded``: the searchable text folded with :func:`home.text.fold_vi` (case, every
  diacritic, đ -> d), so a folded query finds accented text on any backend, whatever its tokenizer does
  with accents (SQLite's FTS5 drops some of them, PostgreSQL's "simple" configuration none).
- ``search_text_exact``: one ASCII token per distinct accented word, spelling its accents out
  (:func:`accent_token`: "đào" -> "vnddaof"), so "the document contains the exact accented word" is a
  plain full-text match that no tokenizer can fold away. The search ranks those documents first.

Models opt in by inheriting :class:`VietnameseSearchMixin` (``home.models.BasePage`` does, so every page
does). They may declare:

- ``search_group``: the type filter of the search page: "news", "training", "feedback" or "pages".
  Left unset, a model of the news or training app falls in that app's group, any other in "pages"
  (:func:`search_group_of`);
- ``search_category_field``: the name of a many-to-many field to objects with ``name`` and ``slug``,
  counted and filtered as the "category" facet; left unset, a ``categories`` field of that kind is
  used when the model has one (:func:`search_category_field_of`);
- ``search_hidden_pages()`` (pages, classmethod): a queryset of this model's pages the public must
  never find, beyond Wagtail's view restrictions (lessons of members-only courses, for instance).

A model that is not a page registers itself for the search with the ``portal_search_models`` hook,
returning the model class; the class provides ``search_public_queryset()`` (only what the public may
read), ``get_absolute_url()`` and ``search_date_field``. Its ``search_fields`` must never name personal
data: only what is listed there reaches the index.
"""

import re
import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wagtail.search import index

from .text import fold_vi

_WORD_RE = re.compile(r"\w+")
_D_TABLE = str.maketrans({"đ": "dd"})
# Vietnamese tone marks, written as Telex does: at the end of the word.
_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
# Vowel shapes: â ê ô double the letter (Telex "aa"), ă ơ ư add a "w".
_SHAPES = {"\u0306": "w", "\u031b": "w"}
_CIRCUMFLEX = "\u0302"
ACCENT_TOKEN_PREFIX = "vn"  # noqa: S105 - a token prefix, not a password
FOLDED_FIELD = "search_text_folded"
EXACT_FIELD = "search_text_exact"
GROUP_FIELD = "search_group_name"
CATEGORY_FIELD = "search_category_slugs"
DATE_FIELD = "search_date"
TITLE_FIELD = "search_title_folded"
OWN_FIELDS = frozenset({FOLDED_FIELD, EXACT_FIELD, GROUP_FIELD, CATEGORY_FIELD, DATE_FIELD, TITLE_FIELD})


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
    for char in unicodedata.normalize("NFD", word.translate(_D_TABLE)):
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


# Apps whose pages form a type of their own; the feedback app's own page (the form) is a page like any
# other: the "feedback" type is its published resolutions, which declare it.
KNOWN_GROUPS = ("news", "training")
DEFAULT_GROUP = "pages"


def search_group_of(model):
    """The search page's type group of ``model``: its ``search_group``, else its app's, else "pages"."""
    declared = getattr(model, "search_group", None)
    if declared:
        return declared
    app_label = model._meta.app_label
    return app_label if app_label in KNOWN_GROUPS else DEFAULT_GROUP


def search_category_field_of(model):
    """The many-to-many field whose targets (with ``name`` and ``slug``) are the model's categories."""
    declared = getattr(model, "search_category_field", None)
    if declared:
        return declared
    try:
        field = model._meta.get_field("categories")
    except FieldDoesNotExist:
        return None
    target = getattr(field, "related_model", None)
    if not field.many_to_many or target is None:
        return None
    names = {target_field.name for target_field in target._meta.get_fields()}
    return "categories" if {"name", "slug"} <= names else None


def _flatten(value):
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    else:
        yield str(value)


class VietnameseSearchMixin(models.Model):
    """Adds the folded and accent-token fields, and the facet values, to a model's search fields.

    The computed fields are defined here only, so Elasticsearch names them the same way for every model
    (``home_vietnamesesearchmixin__search_text_folded``).
    """

    search_group = None  # see search_group_of()
    search_category_field = None
    search_date_field = "first_published_at"

    class Meta:
        abstract = True

    @classmethod
    def get_search_fields(cls):
        fields = [field for field in super().get_search_fields() if field.field_name not in OWN_FIELDS]
        return [
            *fields,
            index.SearchField(FOLDED_FIELD),
            index.SearchField(EXACT_FIELD),
            index.AutocompleteField(TITLE_FIELD),
            index.FilterField(GROUP_FIELD),
            index.FilterField(CATEGORY_FIELD),
            index.FilterField(DATE_FIELD, type="DateTimeField"),
        ]

    def search_source_texts(self, include_title=True, include_related=True):
        """The texts of this object's own search fields (and its related objects'), as indexed."""
        for field in type(self).get_search_fields():
            if field.field_name in OWN_FIELDS:
                continue
            if not include_title and field.field_name == "title":
                continue
            if isinstance(field, index.SearchField):
                yield from _flatten(field.get_value(self))
            elif isinstance(field, index.RelatedFields) and include_related:
                related = field.get_value(self)
                if related is None:
                    continue
                objects = related.all() if hasattr(related, "all") else [related]
                for obj in objects:
                    for sub_field in field.fields:
                        if isinstance(sub_field, index.SearchField):
                            yield from _flatten(sub_field.get_value(obj))

    def search_text_folded(self):
        return fold_vi(" ".join(self.search_source_texts()))

    def search_title_folded(self):
        """The folded title, for suggestions while typing (prefix matches on the last word)."""
        return fold_vi(getattr(self, "title", "") or str(self))

    def search_text_exact(self):
        return " ".join(accent_tokens(" ".join(self.search_source_texts())))

    def search_excerpt_text(self):
        """The text an excerpt of a search result is cut from: the object's own text but its title.

        Related objects (categories, tags) are left out: no query per result, and no tag list as an excerpt.
        """
        texts = self.search_source_texts(include_title=False, include_related=False)
        return " ".join(text for text in texts if text.strip())

    def search_group_name(self):
        return search_group_of(type(self))

    def search_category_slugs(self):
        field = search_category_field_of(type(self))
        if not field or not self.pk:
            return []
        return list(getattr(self, field).values_list("slug", flat=True))

    def search_date(self):
        return getattr(self, self.search_date_field, None) if self.search_date_field else None
