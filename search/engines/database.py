"""The search page on Wagtail's database backend (SQLite FTS5, PostgreSQL full text).

Matching goes through the backend with the *folded* query against the index, which holds a folded copy
of every document (``home.search``): "dao tao", "ĐÀO TẠO" and "đào tạo" all become ``dao tao``. Ranking:
documents containing every accented word exactly as typed (their accent tokens) come first, then the
backend's own relevance score. Counts per type, category and year are ORM aggregates over the matches.
"""

import datetime
import heapq
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.search import search_category_field_of
from search import sources

from .base import SORT_NEWEST, EngineResult, Hit

DATABASE_ALIAS = "database"


def database_backend():
    """The database search backend: the ``database`` alias when Elasticsearch is the default."""
    alias = DATABASE_ALIAS if DATABASE_ALIAS in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(alias)


@dataclass
class _Source:
    model: type
    base: object  # the public queryset
    content_type_groups: dict | None  # pages: content type id -> group; other models: None
    group: str  # fixed group of a registered model ("" for pages)
    category_lookups: list  # [(model, field)] whose categories filter and count
    date_field: str | None

    def groups(self):
        if self.content_type_groups is None:
            return {self.group}
        return set(self.content_type_groups.values())

    def filter_group(self, queryset, group):
        if not group:
            return queryset
        if self.content_type_groups is None:
            return queryset if group == self.group else queryset.none()
        ids = [ct for ct, ct_group in self.content_type_groups.items() if ct_group == group]
        return queryset.filter(content_type_id__in=ids)

    def filter_category(self, queryset, slug):
        if not slug:
            return queryset
        if not self.category_lookups:
            return queryset.none()
        conditions = [
            Q(pk__in=model._default_manager.filter(**{f"{field}__slug": slug}).values("pk"))
            for model, field in self.category_lookups
        ]
        return queryset.filter(reduce(or_, conditions))

    def filter_year(self, queryset, year):
        if not year:
            return queryset
        if not self.date_field:
            return queryset.none()
        return queryset.filter(**{f"{self.date_field}__year": year})

    def apply(self, queryset, filters, skip="", only=""):
        """``queryset`` with the chosen filters: all of them, all but ``skip``, or ``only`` one."""
        for name, method in (
            ("group", self.filter_group),
            ("category", self.filter_category),
            ("year", self.filter_year),
        ):
            if name != skip and only in ("", name):
                queryset = method(queryset, getattr(filters, name))
        return queryset


def _page_source():
    category_lookups = [(model, field) for model, field in sources.category_models().items()]
    return _Source(
        model=Page,
        base=sources.public_pages(),
        content_type_groups=sources.page_content_types(),
        group="",
        category_lookups=category_lookups,
        date_field="first_published_at",
    )


def _model_source(model):
    field = search_category_field_of(model)
    return _Source(
        model=model,
        base=model.search_public_queryset(),
        content_type_groups=None,
        group=sources.group_of(model),
        category_lookups=[(model, field)] if field else [],
        date_field=getattr(model, "search_date_field", None),
    )


def _sources():
    return [_page_source(), *(_model_source(model) for model in sources.extra_models())]


def _match_ids(backend, queryset, text):
    """Primary keys of ``queryset`` whose index entry matches every word of ``text``, as a subquery."""
    if _is_postgres(backend):
        return _pg_entries(queryset.model, text).annotate(_pk=Cast("object_id", BigIntegerField())).values("_pk")
    results = backend.search(text, queryset, operator="and", order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _is_postgres(backend):
    return type(backend).__name__ == "PostgresSearchBackend"


def _pg_query(text, prefix=False):
    """A tsquery of every word of ``text`` ("simple" configuration, words only: nothing to escape)."""
    words = text.split()
    parts = [f"'{word}'" for word in words]
    if prefix and parts:
        parts[-1] += ":*"
    return SearchQuery(" & ".join(parts), search_type="raw", config="simple")


def _pg_entries(model, text, column="body", prefix=False):
    """Index entries of ``model`` (and its subclasses) matching ``text``, by the column's GIN index.

    Wagtail's PostgreSQL backend matches ``title || body``, a vector computed row by row (about 0.5 s per
    search among 10,000 pages); the folded copy of every document, title included, is in ``body`` alone.

    The content type is compared as ``content_type_id + 0``, which its B-tree index cannot answer: the
    planner then finds the matches by the GIN index alone (see :func:`_pg_gin_only`).
    """
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    return (
        IndexEntry.objects.alias(_content_type=F("content_type_id") + Value(0))
        .filter(_content_type__in=_content_type_ids(model))
        .filter(**{column: _pg_query(text, prefix=prefix)})
    )


@contextmanager
def _pg_gin_only(backend):
    """On PostgreSQL, the enclosed queries find matches by the GIN indexes, never by reading every vector.

    A broad query matches thousands of documents, and the planner, which does not count the cost of
    reading each document's large (TOASTed) vector, then prefers a sequential scan that evaluates ``@@``
    on every row (30 to 50 ms each time among 10,000 articles, repeated by each query of the page). The
    GIN bitmap answers the same question in about 5 ms without reading a vector: ``SET LOCAL`` switches
    sequential scans off for the transaction opened here, and parallel workers too (each would build the
    same hash tables again, slower than one process on a small, busy server). No savepoint inside an
    outer transaction: the settings then last until that one ends, and the search adds one query, not three.
    """
    if not _is_postgres(backend):
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def _ranked_rows(backend, source, queryset, terms, sort, wanted):
    """The first ``wanted`` matches of ``queryset`` for the page: ``[(pk, exact, date)]``, best first.

    Relevance: documents with every accented word as typed first (``exact``), then the backend's score.
    """
    date_field = source.date_field
    values = ["pk", "_exact", date_field] if date_field else ["pk", "_exact"]
    exact_ids = None
    if terms.accented:
        exact_ids = _match_ids(backend, source.base, " ".join(terms.accent_tokens))
    if sort == SORT_NEWEST and date_field:
        matched = queryset.filter(pk__in=_match_ids(backend, queryset, terms.folded_text))
        ordering = [f"-{date_field}", "-pk"]
    elif _is_postgres(backend):
        return _pg_ranked_rows(queryset, terms, exact_ids, values, wanted)
    else:
        results = backend.search(terms.folded_text, queryset, operator="and").annotate_score("_score")
        matched = results.get_queryset()
        ordering = list(matched.query.order_by)
    matched = matched.annotate(_exact=_exact_expression("pk", exact_ids))
    if exact_ids is not None and sort != SORT_NEWEST:
        ordering = ["-_exact", *ordering]
    rows = matched.order_by(*ordering).values_list(*values)[:wanted]
    return [(row[0], bool(row[1]), row[2] if date_field else None) for row in rows]


def _exact_expression(field, exact_ids):
    if exact_ids is None:
        return Value(0, output_field=IntegerField())
    return Case(When(**{f"{field}__in": exact_ids}, then=Value(1)), default=Value(0), output_field=IntegerField())


def _is_sqlite(backend):
    return type(backend).__name__ == "SQLiteSearchBackend"


class _SqliteMatches:
    """Every index entry matching the query, read once per search on SQLite and shared by its queries.

    Wagtail's SQLite backend repeats the full-text match in every query that needs the matches (counts,
    categories, ranking, the exact-accent check), and scores each result with a correlated subquery
    that matches again per row. Here the FTS5 index is read once, each entry scored with bm25() (lower
    is better), and, for an accented query, read once more for the entries holding the accent tokens;
    the other queries receive the matching primary keys as one JSON parameter (``json_each``), and
    ranking is a sort in Python of the filtered matches.
    """

    def __init__(self, entries, exact_entries):
        self.entries = entries  # {content_type_id: [(object_id, entry_id, score)]}
        self.exact_entries = exact_entries  # entry ids holding every accent token, or None
        self._found = {}

    @classmethod
    def find(cls, backend, terms, ranked=True):
        """The matches of ``terms``; with ``ranked=False``, without scores or the exact-accent check."""
        from modelsearch.backends.database.sqlite.query import BM25

        score = BM25() if ranked else Value(0.0, output_field=FloatField())
        query = (
            _sqlite_entries(backend, terms.folded_text)
            .annotate(_score=score)
            .values_list("index_entry__content_type_id", "index_entry__object_id", "pk", "_score")
        )
        entries = {}
        for content_type, object_id, entry, score in _raw_rows(query):
            entries.setdefault(content_type, []).append((object_id, entry, score))
        exact_entries = None
        if ranked and terms.accented:
            exact_query = _sqlite_entries(backend, " ".join(terms.accent_tokens)).values_list("pk")
            exact_entries = {entry for (entry,) in _raw_rows(exact_query)}
        return cls(entries, exact_entries)

    def of(self, model):
        """The matching entries of ``model`` and its subclasses: ``{pk: (exact, score)}`` and its subquery."""
        if model not in self._found:
            to_python = int if isinstance(model._meta.pk, IntegerField) else model._meta.pk.to_python
            exact_entries = self.exact_entries or ()
            found = {}
            for content_type in _content_type_ids(model):
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
        return _with_dates(queryset, best, values)


def _raw_rows(queryset):
    """The rows of a ``values_list`` queryset straight from the cursor, without Django's converters."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _descending(pk):
    """A sort key putting larger primary keys (newer entries) first among equal scores."""
    return -pk if isinstance(pk, int) else tuple(-ord(char) for char in str(pk))


def _sqlite_entries(backend, text):
    """FTS5 index entries matching every word of ``text``."""
    from modelsearch.backends.database.sqlite.query import MatchExpression, SQLiteFTSIndexEntry, normalize
    from modelsearch.query import PlainText

    compiler = backend.query_compiler_class(Page.objects.none(), PlainText(text, operator="and"))
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(normalize(compiler.query)))
    return SQLiteFTSIndexEntry.objects.filter(match)


def _json_ids(found):
    """The primary keys in ``found`` as a subquery of one parameter, whatever their number."""
    ids = [pk if isinstance(pk, int | str) else str(pk) for pk in found]
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def _pg_ranked_rows(queryset, terms, exact_ids, values, wanted):
    """Ranking on PostgreSQL: the body's ts_rank, matches of the title (in ``autocomplete``) counting double."""
    query = _pg_query(terms.folded_text)
    page_ids = queryset.order_by().annotate(_text_pk=Cast("pk", TextField())).values("_text_pk")
    exact_text_ids = None
    if exact_ids is not None:
        exact_text_ids = exact_ids.annotate(_text_pk=Cast("_pk", TextField())).values("_text_pk")
    entries = (
        _pg_entries(queryset.model, terms.folded_text)
        .filter(object_id__in=page_ids)
        .annotate(
            _score=_pg_body_rank(terms.folded_text, query) + 2 * SearchRank(F("autocomplete"), query),
            _exact=_exact_expression("object_id", exact_text_ids),
        )
        .annotate(_object_pk=_numeric_object_id(queryset.model))  # the newest first among equals
        .order_by("-_exact", "-_score", "-_object_pk")
        .values_list("object_id", "_exact")[:wanted]
    )
    return _with_dates(queryset, [(int(object_id), bool(exact)) for object_id, exact in entries], values)


def _numeric_object_id(model):
    """The entry's object id as a number when the model's keys are numbers (the index stores text)."""
    if isinstance(model._meta.pk, IntegerField):
        return Cast("object_id", BigIntegerField())
    return F("object_id")


_RANK_VECTOR_WORD_RE = re.compile(r"[a-z0-9_]+")


def _pg_body_rank(text, query):
    """``ts_rank`` of the entry's ``body``, read from its small folded copy (``search.RankVector``).

    The copy holds the body's folded words with their positions and weights, and ``ts_rank`` depends on
    nothing else for a query of folded words: the same score without reading the large ``body``. Words
    the copy may lack (not plain ASCII, or shaped like an accent token) and entries without a copy fall
    back to the body itself.
    """
    from search.models import RankVector

    body_rank = SearchRank(F("body"), query)
    if not all(_RANK_VECTOR_WORD_RE.fullmatch(word) and not word.startswith("vn") for word in text.split()):
        return body_rank
    copy = RankVector.objects.filter(entry_id=OuterRef("id")).annotate(_rank=SearchRank(F("vector"), query))
    return Coalesce(Subquery(copy.values("_rank")[:1], output_field=FloatField()), body_rank)


def _with_dates(queryset, ranked, values):
    dates = {}
    if len(values) > 2 and ranked:
        chosen = queryset.model._default_manager.filter(pk__in=[pk for pk, _exact in ranked])
        dates = dict(chosen.values_list("pk", values[2]))
    return [(pk, exact, dates.get(pk)) for pk, exact in ranked]


def _content_type_ids(model):
    from modelsearch.utils import get_descendants_content_types_pks

    return get_descendants_content_types_pks(model)


def _first_year():
    """The year of the oldest published page: the year facet counts from there to next year."""

    def oldest():
        first = Page.objects.filter(first_published_at__isnull=False).aggregate(first=Min("first_published_at"))
        return timezone.localtime(first["first"]).year if first["first"] else timezone.localdate().year

    return cache.get_or_set("search:first-year", oldest, 3600)


def _counts(source, matched_ids, filters, result):
    """Add this source's counts per type, category and year to ``result``; return its filtered total.

    Each facet counts with the other facets' filters applied, not its own, so a reader sees what choosing
    another value would give. Facets whose querysets coincide (always, when nothing is filtered) share
    one aggregate query of conditional counts; the total of the filtered results falls out of the type
    counts.
    """
    in_matches = source.base.filter(pk__in=matched_ids)
    plan = {}  # the filters applied -> the facets counted over them
    for facet in ("group", "year"):
        if facet == "year" and not source.date_field:
            continue
        applied = tuple(name for name in ("group", "category", "year") if name != facet and _chosen(filters, name))
        plan.setdefault(applied, []).append(facet)
    group_counts = {}
    for applied, facets in plan.items():
        queryset = in_matches
        for name in applied:
            queryset = source.apply(queryset, filters, only=name)
        aggregates = {}
        if "group" in facets:
            aggregates.update(_group_aggregates(source))
        if "year" in facets:
            aggregates.update(_year_aggregates(source.date_field))
        counts = queryset.order_by().aggregate(**aggregates)
        for key, count in counts.items():
            if not count:
                continue
            kind, _sep, value = key.partition("_")
            if kind == "g":
                group_counts[value] = group_counts.get(value, 0) + count
            else:
                result.year_counts[int(value)] = result.year_counts.get(int(value), 0) + count
    total = 0
    for group, count in group_counts.items():
        result.group_counts[group] = result.group_counts.get(group, 0) + count
        if not filters.group or filters.group == group:
            total += count

    category_qs = source.apply(in_matches, filters, skip="category")
    for model, field in source.category_lookups:
        rows = (
            model._default_manager.filter(pk__in=category_qs.order_by().values("pk"))
            .filter(**{f"{field}__isnull": False})  # an inner join: uncategorised matches cost nothing
            .values(f"{field}__slug", f"{field}__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in rows:
            slug = row[f"{field}__slug"]
            if slug:
                name, count = result.category_counts.get(slug, (row[f"{field}__name"], 0))
                result.category_counts[slug] = (name, count + row["n"])
    return total


def _chosen(filters, name):
    return bool(getattr(filters, name))


def _group_aggregates(source):
    if source.content_type_groups is None:
        return {f"g_{source.group}": Count("pk")}
    groups = {}
    for content_type, group in source.content_type_groups.items():
        groups.setdefault(group, []).append(content_type)
    return {f"g_{group}": Count("pk", filter=Q(content_type_id__in=ids)) for group, ids in groups.items()}


def _year_aggregates(date_field):
    """One conditional count per year, by date ranges in local time (SQLite extracts years in Python)."""

    def start(year):
        return timezone.make_aware(datetime.datetime(year, 1, 1))

    years = range(min(_first_year(), timezone.localdate().year), timezone.localdate().year + 2)
    return {
        f"y_{year}": Count("pk", filter=Q(**{f"{date_field}__gte": start(year), f"{date_field}__lt": start(year + 1)}))
        for year in years
    }


def search(request):
    """Answer a :class:`SearchRequest` from the database index."""
    backend = database_backend()
    result = EngineResult(total=0, hits=[], engine="database")
    if not request.terms:
        return result
    with _pg_gin_only(backend):
        _search_sources(backend, request, result)
    return result


def _search_sources(backend, request, result):
    terms, filters = request.terms, request.filters
    candidates = []  # (sort key, source index, pk, exact) of each source's first offset+limit matches
    wanted = request.offset + request.limit
    matches = _SqliteMatches.find(backend, terms) if _is_sqlite(backend) else None
    for index, source in enumerate(_sources()):
        if matches is None:
            matched_ids = _match_ids(backend, source.base, terms.folded_text)
        else:
            found, matched_ids = matches.of(source.model)
            if not found:
                continue
        total = _counts(source, matched_ids, filters, result)
        if not total:
            continue
        result.total += total
        filtered = source.apply(source.base, filters)
        if matches is None:
            rows = _ranked_rows(backend, source, filtered, terms, request.sort, wanted)
        else:
            rows = matches.ranked_rows(source, filtered, request.sort, wanted)
        for position, (pk, exact, date) in enumerate(rows):
            if request.sort == SORT_NEWEST:
                key = (-(date.timestamp() if date else 0), position)
            else:
                key = (-int(exact), position)
            candidates.append((key, index, pk, exact))
    chosen = heapq.nsmallest(wanted, candidates)[request.offset :]
    result.hits = _load_hits(chosen)


def _load_hits(chosen):
    """The chosen (key, source index, pk, exact) rows as hits, in order: one query per source and type."""
    source_list = None
    by_source = {}
    for _key, index, pk, _exact in chosen:
        by_source.setdefault(index, []).append(pk)
    objects = {}
    for index, pks in by_source.items():
        if index == 0:
            for page in Page.objects.filter(pk__in=pks).specific():
                objects[(0, page.pk)] = page
        else:
            source_list = source_list or [None, *sources.extra_models()]
            model = source_list[index]
            for obj in model._default_manager.filter(pk__in=pks):
                objects[(index, obj.pk)] = obj
    hits = []
    for _key, index, pk, exact in chosen:
        obj = objects.get((index, pk))
        if obj is not None:
            hits.append(Hit(obj=obj, group=sources.group_of(type(obj)), exact=exact))
    return hits


def count(terms):
    """How many public documents match ``terms``: for suggesting other queries."""
    if not terms:
        return 0
    backend = database_backend()
    if _is_sqlite(backend):
        matches = _SqliteMatches.find(backend, terms, ranked=False)
        found = [(source, *matches.of(source.model)) for source in _sources()]
        return sum(source.base.filter(pk__in=ids).order_by().count() for source, pks, ids in found if pks)
    with _pg_gin_only(backend):
        return sum(
            source.base.filter(pk__in=_match_ids(backend, source.base, terms.folded_text)).order_by().count()
            for source in _sources()
        )
