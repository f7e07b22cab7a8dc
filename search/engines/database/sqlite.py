"""The database engine on SQLite: the FTS5 index read once per search, everything else in one pass.

Wagtail's SQLite backend repeats the full-text match in every query that needs the matches (counts,
categories, ranking, the exact-accent check), and scores each result with a correlated subquery that
matches again per row. Here, per search:

1. the FTS5 index is read once, each entry scored with bm25() (lower is better), and, for an accented
   query, once more for the entries holding the accent tokens;
2. per source, one query reads the public matches' key, type and date (the matching keys go in as one
   JSON parameter, ``json_each``); the counts per type and year, the total and the ranking are then
   computed from those rows in Python, each facet with the other facets' filters applied;
3. one more query counts the categories, and one per chosen category reads its members.

Times on 10,000 articles: see docs/performance.md and scripts/search_benchmark.py.
"""

import bisect
import datetime
import heapq
import json
from collections import Counter

from django.db import connection
from django.db.models import F, FloatField, IntegerField, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.models import Page
from wagtail.search.query import PlainText

from ..base import SORT_NEWEST
from .documents import content_type_ids
from .facets import category_counts
from .internals import private

BROAD_QUERY = 1500  # matches above which reading the whole (content type, object) index is cheaper


def is_sqlite(backend):
    return connection.vendor == "sqlite" and isinstance(backend, private("SQLiteSearchBackend"))


class SqliteMatches:
    """Every index entry matching the query, read once per search and shared by its queries."""

    def __init__(self, entries, exact_entries):
        self.entries = entries  # {content_type_id: [(object_id, entry_id, score)]}
        self.exact_entries = exact_entries  # entry ids holding every accent token, or None
        self._found = {}

    @classmethod
    def find(cls, backend, terms, ranked=True):
        """The matches of ``terms``; with ``ranked=False``, without scores or the exact-accent check."""
        score = private("BM25")() if ranked else Value(0.0, output_field=FloatField())
        scored = _raw_rows(_entries(backend, terms.folded_text).annotate(_score=score).values_list("pk", "_score"))
        objects = _entry_objects([entry for entry, _score in scored])
        entries = {}
        for entry, score in scored:
            content_type, object_id = objects[entry]
            entries.setdefault(content_type, []).append((object_id, entry, score))
        exact_entries = None
        if ranked and terms.accented:
            exact_query = _entries(backend, " ".join(terms.accent_tokens)).values_list("pk")
            exact_entries = {entry for (entry,) in _raw_rows(exact_query)}
        return cls(entries, exact_entries)

    def of(self, model):
        """The matching entries of ``model`` and its subclasses: ``{pk: (exact, score)}`` and its subquery."""
        if model not in self._found:
            to_python = _pk_to_python(model)
            exact_entries = self.exact_entries or ()
            found = {}
            for content_type in content_type_ids(model):
                for object_id, entry, score in self.entries.get(content_type, ()):
                    found[to_python(object_id)] = (entry in exact_entries, score)
            self._found[model] = (found, _json_ids(found))
        return self._found[model]

    def answer(self, source, filters, sort, wanted, result):
        """Add ``source``'s counts to ``result``; return its filtered total and its first ``wanted`` rows.

        The rows are ``[(pk, exact, date)]``, best first (or newest first).
        """
        found, ids = self.of(source.model)
        if not found:
            return 0, []
        rows = _public_rows(source, ids)
        years = _Years(rows) if source.date_field else None
        in_category = _category_members(source, filters.category, ids)
        group_wanted, year_wanted = filters.group, filters.year

        def passes(row, skip):
            pk, group, _date, year = row
            return (
                (skip == "group" or not group_wanted or group == group_wanted)
                and (skip == "category" or in_category is None or pk in in_category)
                and (skip == "year" or not year_wanted or year == year_wanted)
            )

        rows = [(pk, group, date, years.of(date) if years else None) for pk, group, date in rows]
        if group_wanted or year_wanted or in_category is not None:
            chosen = [row for row in rows if passes(row, "")]
            by_group = Counter(row[1] for row in rows if passes(row, "group"))
            by_year = Counter(row[3] for row in rows if row[3] is not None and passes(row, "year"))
            for_categories = [row[0] for row in rows if passes(row, "category")]
        else:  # nothing chosen, the usual case: every facet counts every match
            chosen = rows
            by_group = Counter(row[1] for row in rows)
            by_year = Counter(row[3] for row in rows if row[3] is not None)
            for_categories = [row[0] for row in rows]
        for counts, added in ((result.group_counts, by_group), (result.year_counts, by_year)):
            for key, count in added.items():
                counts[key] = counts.get(key, 0) + count
        if source.category_lookups:
            category_counts(source, _json_ids(for_categories), result)
        if sort == SORT_NEWEST and source.date_field:
            best = heapq.nlargest(wanted, chosen, key=lambda row: (row[2] or "", _order(row[0])))
            return len(chosen), [(pk, found[pk][0], _aware(date)) for pk, _group, date, _year in best]
        keys = [(not found[pk][0], found[pk][1], _order(pk, descending=True), pk, date) for pk, _g, date, _y in chosen]
        best = heapq.nsmallest(wanted, keys)
        return len(chosen), [(pk, not inexact, _aware(date)) for inexact, _score, _key, pk, date in best]


def public_counts(backend, candidates, sources):
    """How many public documents match each of ``candidates`` (parsed terms; an empty one counts 0).

    Each candidate costs one read of the full-text index; which matching entries are public is then
    decided once for all of them: one read of the entries' (type, object) and one query per source.
    """
    matched = [
        {entry for (entry,) in _raw_rows(_entries(backend, terms.folded_text).values_list("pk"))} if terms else set()
        for terms in candidates
    ]
    every = set().union(*matched)
    if not every:
        return [0 for _terms in candidates]
    by_type = {}  # content type -> [(object id, entry)]; an object has one entry (a unique index)
    for entry, (content_type, object_id) in _entry_objects(list(every)).items():
        by_type.setdefault(content_type, []).append((object_id, entry))
    public_entries = set()
    for source in sources:
        to_python = _pk_to_python(source.model)
        by_pk = {
            to_python(object_id): entry
            for content_type in content_type_ids(source.model)
            for object_id, entry in by_type.get(content_type, ())
        }
        if by_pk:
            public = source.base.filter(pk__in=_json_ids(by_pk)).order_by().values_list("pk")
            public_entries.update(by_pk[pk] for (pk,) in _raw_rows(public))
    return [len(entries & public_entries) for entries in matched]


def _pk_to_python(model):
    """Turns an index entry's ``object_id`` (text) into ``model``'s primary key."""
    return int if isinstance(model._meta.pk, IntegerField) else model._meta.pk.to_python


def _public_rows(source, ids):
    """``[(pk, group, date as stored)]`` of the public objects among the matches: one query.

    The date stays text (``CAST``): parsing ten thousand datetimes would cost more than the query.
    """
    date = Cast(source.date_field, TextField()) if source.date_field else Value(None)
    kind = Value(0) if source.content_type_groups is None else F("content_type_id")
    query = source.base.filter(pk__in=ids).order_by().annotate(_kind=kind, _date=date)
    groups = source.content_type_groups
    rows = _raw_rows(query.values_list("pk", "_kind", "_date"))
    return [(pk, source.group if groups is None else groups[kind], date) for pk, kind, date in rows]


def _category_members(source, slug, ids):
    """The matches in the chosen category, or ``None`` when no category is chosen."""
    if not slug:
        return None
    members = set()
    for model, field in source.category_lookups:
        in_category = model._default_manager.filter(pk__in=ids, **{f"{field}__slug": slug})
        members.update(in_category.values_list("pk", flat=True))
    return members


class _Years:
    """The local year of dates as SQLite stores them (UTC text), by comparing text with each new year."""

    def __init__(self, rows):
        stored = [row[2] for row in rows if row[2]]
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


def _aware(stored):
    if not stored:
        return None
    value = parse_datetime(stored) if isinstance(stored, str) else stored
    return timezone.make_aware(value, datetime.UTC) if timezone.is_naive(value) else value


def _order(pk, descending=False):
    """A sort key for primary keys: larger (newer) keys first among equals when ``descending``."""
    if isinstance(pk, int):
        return -pk if descending else pk
    return tuple((-ord(char) if descending else ord(char)) for char in str(pk))


def _raw_rows(queryset):
    """The rows of a ``values_list`` queryset straight from the cursor, without Django's converters."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _entry_objects(entries):
    """``{entry id: (content_type_id, object_id)}`` for the matching ``entries``.

    An index entry row is large (it holds the document's text), so fetching thousands of them by id
    costs more than reading every entry's id, type and object from the unique (content type, object)
    index, which holds all three: a broad query reads that index whole, a narrow one its own rows.
    """
    from wagtail.search.models import IndexEntry

    rows = IndexEntry.objects.order_by().values_list("pk", "content_type_id", "object_id")
    if len(entries) <= BROAD_QUERY:
        rows = rows.filter(pk__in=_json_ids(entries))
    return {entry: (content_type, object_id) for entry, content_type, object_id in _raw_rows(rows)}


def _entries(backend, text):
    """FTS5 index entries matching every word of ``text``."""
    from wagtail.search.models import SQLiteFTSIndexEntry  # defined on SQLite only

    compiler = backend.query_compiler_class(Page.objects.none(), PlainText(text, operator="and"))
    normalize, match_expression = private("normalize"), private("MatchExpression")
    match = match_expression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query)))
    return SQLiteFTSIndexEntry.objects.filter(match)


def _json_ids(found):
    """The primary keys in ``found`` as a subquery of one parameter, whatever their number."""
    ids = [pk if isinstance(pk, int | str) else str(pk) for pk in found]
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))
