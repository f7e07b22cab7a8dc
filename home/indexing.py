"""The indexing contract: what every searchable model gives the site search (folded text, accent tokens,
facet values), and what a model declares to take part.

Readers often type Vietnamese without diacritics ("dao tao" for "đào tạo"). The search index keeps,
beside the original fields, two computed fields:

- ``search_text_folded``: the searchable text folded with :func:`home.text.fold_vi` (case, every
  diacritic, đ -> d), so a folded query finds accented text on any backend, whatever its tokenizer does
  with accents (SQLite's FTS5 drops some of them, PostgreSQL's "simple" configuration none).
- ``search_text_exact``: one ASCII token per distinct accented word, spelling its accents out
  (:func:`home.text.accent_token`: "đào" -> "vnddaof"), so "the document contains the exact accented word" is a
  plain full-text match that no tokenizer can fold away. The search ranks those documents first.

Models opt in by inheriting :class:`VietnameseSearchMixin` (``home.models.BasePage`` does, so every page
does). They may declare:

- ``search_group``: the type filter of the search page ("news", "training", "feedback", "pages"...).
  Left unset, the model falls in its app's group, which the app declares on its AppConfig
  (``search_group``), else in "pages" (:func:`search_group_of`);
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

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from wagtail.search import index

from .text import accent_tokens, fold_vi

FOLDED_FIELD = "search_text_folded"
EXACT_FIELD = "search_text_exact"
GROUP_FIELD = "search_group_name"
CATEGORY_FIELD = "search_category_slugs"
DATE_FIELD = "search_date"
TITLE_FIELD = "search_title_folded"
OWN_FIELDS = frozenset({FOLDED_FIELD, EXACT_FIELD, GROUP_FIELD, CATEGORY_FIELD, DATE_FIELD, TITLE_FIELD})
DEFAULT_GROUP = "pages"


def search_group_of(model):
    """The search page's type group of ``model``: its ``search_group``, else its app's, else "pages".

    An app whose pages form a type of their own says so on its AppConfig (``search_group = "news"``);
    the feedback app's own page (the form) is a page like any other: its "feedback" type is the
    published resolutions, which declare it themselves.
    """
    declared = getattr(model, "search_group", None)
    if declared:
        return declared
    return getattr(apps.get_app_config(model._meta.app_label), "search_group", None) or DEFAULT_GROUP


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
