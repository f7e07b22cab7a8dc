"""What the public may find on the SQLite engine, by index entry: read once per change, kept in each process.

Whatever the query, a search needs the same facts about every document it matches: is it public, from
which source, its key, its type (group), its date and local year, its categories. Reading them per
search costs a pass over every match (three queries over thousands of rows for a common word); here
they are read once, for every public document, and kept in the process under the *content version*
(``home.fragments``: any publish, unpublish, move, deletion, view restriction or settings change) and
the *search version* (``search.results_cache``: any searchable object, category or promotion saved
or deleted). A search then reads only the full-text index and looks its matches up here. What the
query decides (matching, scores, the exact-accent check, ranking, the counts) is computed every time.

When the cache is unusable there is no version to trust: the catalogue is read for that search alone
and not kept. Memory: about 300 bytes a document (3 MB for 10,000 articles), in each process.
"""

import bisect
import datetime
import time
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, IntegerField, TextField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from home import fragments
from search import results_cache

from .documents import all_sources, content_type_ids


@dataclass(frozen=True, slots=True)
class Document:
    source: int  # index in ``sources``
    pk: object
    group: str
    date: str | None  # as SQLite stores it (UTC text): parsed only for the few results shown
    year: int | None  # local year of ``date``
    categories: frozenset  # category slugs


@dataclass(frozen=True)
class Catalogue:
    sources: list  # documents.Source, pages first
    documents: dict  # index entry id -> Document, public documents only
    category_names: dict  # slug -> name
    last_entry: int  # the newest index entry read: a newer one (an object indexed since) means read again

    @classmethod
    def read(cls):
        from wagtail.search.models import IndexEntry

        sources = all_sources()
        entries = {  # (content type id, object id as text) -> index entry id
            (content_type, object_id): entry
            for entry, content_type, object_id in raw_rows(
                IndexEntry.objects.order_by().values_list("pk", "content_type_id", "object_id")
            )
        }
        documents, category_names = {}, {}
        for index, source in enumerate(sources):
            categories = _categories(source, category_names)
            type_ids = content_type_ids(source.model)
            rows = _public_rows(source)
            years = _Years(date for _pk, _kind, date in rows)
            groups, to_python = source.content_type_groups, _pk_to_python(source.model)
            for pk, kind, date in rows:
                pk = to_python(pk)
                object_id = str(pk)
                entry = next((entries[key] for ct in type_ids if (key := (ct, object_id)) in entries), None)
                if entry is None:  # not indexed (yet): the index cannot match it
                    continue
                group = source.group if groups is None else groups[kind]
                documents[entry] = Document(index, pk, group, date, years.of(date), categories.get(pk, _NONE))
        return cls(sources, documents, category_names, max((entry for entry in entries.values()), default=0))


_NONE = frozenset()


def current(newest_entry=0):
    """The catalogue for the current versions, read again when:

    - either version changed;
    - it is older than ``newest_entry``: the index was added to or rebuilt since (by ``update_index``,
      or in another process; entries' ids are never reused on SQLite);
    - with each process's own cache (no Redis), it is ``FRAGMENT_SECONDS`` old: another worker's change
      does not replace this one's versions, as for the fragments and the kept answers.

    Without a usable cache (or with ``FRAGMENT_SECONDS = 0``) it is read for each search.
    """
    global _kept
    versions = (fragments.content_version(), results_cache.version())
    lifetime = fragments.timeout()
    if None in versions or lifetime <= 0:
        return Catalogue.read()
    key = (connection.alias, connection.settings_dict["NAME"], *versions)
    now = time.monotonic()
    kept = _kept  # one read: another thread may replace it meanwhile
    if kept is not None:
        kept_key, read_at, catalogue = kept
        fresh = fragments.uses_shared_cache() or now - read_at < lifetime
        if kept_key == key and fresh and catalogue.last_entry >= newest_entry:
            return catalogue
    catalogue = Catalogue.read()
    _kept = (key, now, catalogue)
    return catalogue


def forget():
    """Drop the kept catalogue (the test suite, between tests that roll the database back)."""
    global _kept
    _kept = None


_kept = None  # (versions key, monotonic time read, catalogue): one per process, replaced whole


def _public_rows(source):
    """``[(pk, content type id or 0, date as stored)]`` of every public object of ``source``: one query.

    The date stays text (``CAST``): parsing ten thousand datetimes would cost more than the query.
    """
    date = Cast(source.date_field, TextField()) if source.date_field else Value(None)
    kind = Value(0) if source.content_type_groups is None else F("content_type_id")
    return raw_rows(source.base.order_by().annotate(_kind=kind, _date=date).values_list("pk", "_kind", "_date"))


def raw_rows(queryset):
    """The rows of a ``values_list`` queryset straight from the cursor, without Django's converters."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _pk_to_python(model):
    """Turns a primary key as the database returns it into ``model``'s (as the index entries name it)."""
    return int if isinstance(model._meta.pk, IntegerField) else model._meta.pk.to_python


def _categories(source, names):
    """``{pk: frozenset(slugs)}`` of the source's objects; ``names`` gets each category's name.

    A many-to-many relation is read from its link table alone, then the categories named; any other
    relation from the objects' own column.
    """
    members = {}
    for model, field in source.category_lookups:
        relation = model._meta.get_field(field)
        if relation.many_to_many:
            through = relation.remote_field.through
            source_name, target_name = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            links = through.objects.order_by().values_list(f"{source_name}_id", f"{target_name}_id")
        else:
            links = model._default_manager.order_by().filter(**{f"{field}__isnull": False})
            links = links.values_list("pk", relation.attname)
        links = list(links)
        slugs = {}
        for pk, slug, name in relation.related_model._default_manager.filter(
            pk__in={target for _pk, target in links}
        ).values_list("pk", "slug", "name"):
            slugs[pk] = slug
            names.setdefault(slug, name)
        for pk, target in links:
            if target in slugs:
                members.setdefault(pk, set()).add(slugs[target])
    shared = {}  # one frozenset per distinct set of categories, not one per object
    return {pk: shared.setdefault(frozenset(slugs), frozenset(slugs)) for pk, slugs in members.items()}


class _Years:
    """The local year of dates as SQLite stores them (UTC text), by comparing text with each new year."""

    def __init__(self, dates):
        stored = [date for date in dates if date]
        if not stored:
            self.first, self.starts = 0, []
            return
        self.first = int(min(stored)[:4]) - 1
        last = int(max(stored)[:4]) + 1
        utc = datetime.UTC
        self.starts = [
            timezone.make_aware(datetime.datetime(year, 1, 1)).astimezone(utc).strftime("%Y-%m-%d %H:%M:%S")
            for year in range(self.first, last + 2)
        ]

    def of(self, stored):
        if not stored:
            return None
        return self.first + bisect.bisect_right(self.starts, stored) - 1
