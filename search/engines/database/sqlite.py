"""The database engine on SQLite: the FTS5 index read once per search, everything else in Python.

Wagtail's SQLite backend repeats the full-text match in every query that needs the matches (counts,
categories, ranking, the exact-accent check), and scores each result with a correlated subquery that
matches again per row. Here, per search:

1. the FTS5 index is read once, each entry scored with bm25() (lower is better), and, for an accented
   query, once more for the entries holding the accent tokens;
2. each matching entry is looked up in the catalogue of public documents (:mod:`.catalogue`, read once
   per change of content): an entry not there is not public. The counts per type, category and year,
   the total and the ranking are then computed from those documents, each facet with the other facets'
   filters applied.

Times on 10,000 articles: see docs/performance.md and scripts/search_benchmark.py.
"""

import datetime
import heapq
from collections import Counter

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from wagtail.models import Page
from wagtail.search.query import PlainText

from ..base import SORT_NEWEST
from .catalogue import current as current_catalogue
from .catalogue import raw_rows
from .internals import private


def is_sqlite(backend):
    return connection.vendor == "sqlite" and isinstance(backend, private("SQLiteSearchBackend"))


class SqliteMatches:
    """Every public document matching the query: the FTS5 index read once, its entries looked up in the
    catalogue of public documents (:mod:`.catalogue`), shared by the search's counts and ranking."""

    def __init__(self, catalogue, by_source):
        self.catalogue = catalogue
        self.by_source = by_source  # {source index: [(Document, exact, score)]}

    @classmethod
    def find(cls, backend, terms):
        scored_query = _entries(backend, terms.folded_text).annotate(_score=private("BM25")())
        scored = raw_rows(scored_query.values_list("pk", "_score"))
        catalogue = current_catalogue(max((entry for entry, _score in scored), default=0))
        exact_entries = set()
        if terms.accented:
            exact_query = _entries(backend, " ".join(terms.accent_tokens)).values_list("pk")
            exact_entries = {entry for (entry,) in raw_rows(exact_query)}
        documents, by_source = catalogue.documents, {}
        for entry, score in scored:
            document = documents.get(entry)
            if document is not None:  # not public (or not searchable): never counted nor shown
                by_source.setdefault(document.source, []).append((document, entry in exact_entries, score))
        return cls(catalogue, by_source)

    def answer(self, index, filters, sort, wanted, result):
        """Add source ``index``'s counts to ``result``; return its filtered total and its first ``wanted`` rows.

        The rows are ``[(pk, exact, date)]``, best first (or newest first).
        """
        rows = self.by_source.get(index)
        if not rows:
            return 0, []
        group_wanted, category_wanted, year_wanted = filters.group, filters.category, filters.year

        def passes(document, skip):
            return (
                (skip == "group" or not group_wanted or document.group == group_wanted)
                and (skip == "category" or not category_wanted or category_wanted in document.categories)
                and (skip == "year" or not year_wanted or document.year == year_wanted)
            )

        if group_wanted or year_wanted or category_wanted:
            chosen = [row for row in rows if passes(row[0], "")]
            by_group = Counter(row[0].group for row in rows if passes(row[0], "group"))
            by_year = Counter(row[0].year for row in rows if row[0].year is not None and passes(row[0], "year"))
            for_categories = [row[0] for row in rows if row[0].categories and passes(row[0], "category")]
        else:  # nothing chosen, the usual case: every facet counts every match
            chosen = rows
            by_group = Counter(row[0].group for row in rows)
            by_year = Counter(row[0].year for row in rows if row[0].year is not None)
            for_categories = [row[0] for row in rows if row[0].categories]
        by_category = Counter(slug for document in for_categories for slug in document.categories)
        for counts, added in ((result.group_counts, by_group), (result.year_counts, by_year)):
            for key, count in added.items():
                counts[key] = counts.get(key, 0) + count
        names = self.catalogue.category_names
        for slug, count in by_category.items():
            name, known = result.category_counts.get(slug, (names[slug], 0))
            result.category_counts[slug] = (name, known + count)
        if sort == SORT_NEWEST and self.catalogue.sources[index].date_field:
            best = heapq.nlargest(wanted, chosen, key=lambda row: (row[0].date or "", _order(row[0].pk)))
            return len(chosen), [(document.pk, exact, _aware(document.date)) for document, exact, _score in best]
        keys = [(not exact, score, _order(doc.pk, descending=True), doc.pk, doc.date) for doc, exact, score in chosen]
        best = heapq.nsmallest(wanted, keys)
        return len(chosen), [(pk, not inexact, _aware(date)) for inexact, _score, _key, pk, date in best]


def public_counts(backend, candidates):
    """How many public documents match each of ``candidates`` (parsed terms; an empty one counts 0):
    one read of the full-text index each, its entries looked up in the catalogue."""
    matched = [
        [entry for (entry,) in raw_rows(_entries(backend, terms.folded_text).values_list("pk"))] if terms else []
        for terms in candidates
    ]
    if not any(matched):
        return [0 for _entries in matched]
    documents = current_catalogue(max(max(entries, default=0) for entries in matched)).documents
    return [sum(1 for entry in entries if entry in documents) for entries in matched]


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


def _entries(backend, text):
    """FTS5 index entries matching every word of ``text``."""
    from wagtail.search.models import SQLiteFTSIndexEntry  # defined on SQLite only

    compiler = backend.query_compiler_class(Page.objects.none(), PlainText(text, operator="and"))
    normalize, match_expression = private("normalize"), private("MatchExpression")
    match = match_expression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query)))
    return SQLiteFTSIndexEntry.objects.filter(match)
