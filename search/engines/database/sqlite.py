"""The database engine on SQLite: the FTS5 index read once per search, ranking by bm25() in Python.

Wagtail's SQLite backend repeats the full-text match in every query that needs the matches (counts,
categories, ranking, the exact-accent check), and scores each result with a correlated subquery that
matches again per row. Here the FTS5 index is read once, each entry scored with bm25() (lower is
better), and, for an accented query, read once more for the entries holding the accent tokens; the
other queries receive the matching primary keys as one JSON parameter (``json_each``), and ranking is a
sort in Python of the filtered matches.
"""

import heapq
import json

from django.db import connection
from django.db.models import FloatField, IntegerField, Value
from django.db.models.expressions import RawSQL

from wagtail.models import Page
from wagtail.search.query import PlainText

from ..base import SORT_NEWEST
from .documents import content_type_ids, with_dates
from .internals import private


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
        query = (
            _entries(backend, terms.folded_text)
            .annotate(_score=score)
            .values_list("index_entry__content_type_id", "index_entry__object_id", "pk", "_score")
        )
        entries = {}
        for content_type, object_id, entry, score in _raw_rows(query):
            entries.setdefault(content_type, []).append((object_id, entry, score))
        exact_entries = None
        if ranked and terms.accented:
            exact_query = _entries(backend, " ".join(terms.accent_tokens)).values_list("pk")
            exact_entries = {entry for (entry,) in _raw_rows(exact_query)}
        return cls(entries, exact_entries)

    def of(self, model):
        """The matching entries of ``model`` and its subclasses: ``{pk: (exact, score)}`` and its subquery."""
        if model not in self._found:
            to_python = int if isinstance(model._meta.pk, IntegerField) else model._meta.pk.to_python
            exact_entries = self.exact_entries or ()
            found = {}
            for content_type in content_type_ids(model):
                for object_id, entry, score in self.entries.get(content_type, ()):
                    found[to_python(object_id)] = (entry in exact_entries, score)
            self._found[model] = (found, _json_ids(found))
        return self._found[model]

    def ranked_rows(self, source, queryset, sort, wanted):
        """The first ``wanted`` matches of the filtered ``queryset``: ``[(pk, exact, date)]``, best first."""
        found, ids = self.of(source.model)
        if not found:
            return []
        matched = queryset.filter(pk__in=ids)
        date_field = source.date_field
        if sort == SORT_NEWEST and date_field:
            rows = matched.order_by(f"-{date_field}", "-pk").values_list("pk", date_field)[:wanted]
            return [(pk, found[pk][0], date) for pk, date in rows]
        keys = []
        for pk in matched.order_by().values_list("pk", flat=True):
            exact, score = found[pk]
            keys.append((not exact, score, _descending(pk), pk))
        best = [(pk, not inexact) for inexact, _score, _order, pk in heapq.nsmallest(wanted, keys)]
        values = ["pk", "_exact", date_field] if date_field else ["pk", "_exact"]
        return with_dates(queryset, best, values)


def _raw_rows(queryset):
    """The rows of a ``values_list`` queryset straight from the cursor, without Django's converters."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _descending(pk):
    """A sort key putting larger primary keys (newer entries) first among equal scores."""
    return -pk if isinstance(pk, int) else tuple(-ord(char) for char in str(pk))


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
