"""The database engine on PostgreSQL (and, through the ORM, on any other database backend).

Matching reads the GIN index of the folded ``body`` of Wagtail's index entries; ranking is the body's
``ts_rank`` (read from a small copy, :class:`search.models.RankVector`) with matches of the title
counting double, documents holding every accented word as typed first.
"""

import re
from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from ..base import SORT_NEWEST
from .documents import content_type_ids, with_dates
from .internals import private


def is_postgres(backend):
    return connection.vendor == "postgresql" and isinstance(backend, private("PostgresSearchBackend"))


def match_ids(backend, queryset, text):
    """Primary keys of ``queryset`` whose index entry matches every word of ``text``, as a subquery."""
    if is_postgres(backend):
        return _entries(queryset.model, text).annotate(_pk=Cast("object_id", BigIntegerField())).values("_pk")
    results = backend.search(text, queryset, operator="and", order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _query(text):
    """A tsquery of every word of ``text`` ("simple" configuration, words only: nothing to escape)."""
    return SearchQuery(" & ".join(f"'{word}'" for word in text.split()), search_type="raw", config="simple")


def _entries(model, text):
    """Index entries of ``model`` (and its subclasses) matching ``text``, by the column's GIN index.

    Wagtail's PostgreSQL backend matches ``title || body``, a vector computed row by row (about 0.5 s per
    search among 10,000 pages); the folded copy of every document, title included, is in ``body`` alone.

    The content type is compared as ``content_type_id + 0``, which its B-tree index cannot answer: the
    planner then finds the matches by the GIN index alone (see :func:`gin_only`).
    """
    from wagtail.search.models import IndexEntry

    return (
        IndexEntry.objects.alias(_content_type=F("content_type_id") + Value(0))
        .filter(_content_type__in=content_type_ids(model))
        .filter(body=_query(text))
    )


@contextmanager
def gin_only(backend):
    """On PostgreSQL, the enclosed queries find matches by the GIN indexes, never by reading every vector.

    A broad query matches thousands of documents, and the planner, which does not count the cost of
    reading each document's large (TOASTed) vector, then prefers a sequential scan that evaluates ``@@``
    on every row (30 to 50 ms each time among 10,000 articles, repeated by each query of the page). The
    GIN bitmap answers the same question in about 5 ms without reading a vector: ``SET LOCAL`` switches
    sequential scans off for the transaction opened here, and parallel workers too (each would build the
    same hash tables again, slower than one process on a small, busy server). No savepoint inside an
    outer transaction: the settings then last until that one ends, and the search adds one query, not three.
    """
    if not is_postgres(backend):
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")
        yield


def ranked_rows(backend, source, queryset, terms, sort, wanted):
    """The first ``wanted`` matches of ``queryset`` for the page: ``[(pk, exact, date)]``, best first.

    Relevance: documents with every accented word as typed first (``exact``), then the backend's score.
    """
    date_field = source.date_field
    values = ["pk", "_exact", date_field] if date_field else ["pk", "_exact"]
    exact_ids = None
    if terms.accented:
        exact_ids = match_ids(backend, source.base, " ".join(terms.accent_tokens))
    if sort == SORT_NEWEST and date_field:
        matched = queryset.filter(pk__in=match_ids(backend, queryset, terms.folded_text))
        ordering = [f"-{date_field}", "-pk"]
    elif is_postgres(backend):
        return _ranked_by_rank(queryset, terms, exact_ids, values, wanted)
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


def _ranked_by_rank(queryset, terms, exact_ids, values, wanted):
    """Ranking on PostgreSQL: the body's ts_rank, matches of the title (in ``autocomplete``) counting double."""
    query = _query(terms.folded_text)
    page_ids = queryset.order_by().annotate(_text_pk=Cast("pk", TextField())).values("_text_pk")
    exact_text_ids = None
    if exact_ids is not None:
        exact_text_ids = exact_ids.annotate(_text_pk=Cast("_pk", TextField())).values("_text_pk")
    entries = (
        _entries(queryset.model, terms.folded_text)
        .filter(object_id__in=page_ids)
        .annotate(
            _score=body_rank(terms.folded_text, query) + 2 * SearchRank(F("autocomplete"), query),
            _exact=_exact_expression("object_id", exact_text_ids),
        )
        .annotate(_object_pk=_numeric_object_id(queryset.model))  # the newest first among equals
        .order_by("-_exact", "-_score", "-_object_pk")
        .values_list("object_id", "_exact")[:wanted]
    )
    return with_dates(queryset, [(int(object_id), bool(exact)) for object_id, exact in entries], values)


def _numeric_object_id(model):
    """The entry's object id as a number when the model's keys are numbers (the index stores text)."""
    if isinstance(model._meta.pk, IntegerField):
        return Cast("object_id", BigIntegerField())
    return F("object_id")


_RANK_VECTOR_WORD_RE = re.compile(r"[a-z0-9_]+")


def body_rank(text, query):
    """``ts_rank`` of the entry's ``body``, read from its small folded copy (``search.RankVector``).

    The copy holds the body's folded words with their positions and weights, and ``ts_rank`` depends on
    nothing else for a query of folded words: the same score without reading the large ``body``. Words
    the copy may lack (not plain ASCII, or shaped like an accent token) and entries without a copy fall
    back to the body itself.
    """
    from search.models import RankVector

    rank = SearchRank(F("body"), query)
    if not all(_RANK_VECTOR_WORD_RE.fullmatch(word) and not word.startswith("vn") for word in text.split()):
        return rank
    copy = RankVector.objects.filter(entry_id=OuterRef("id")).annotate(_rank=SearchRank(F("vector"), query))
    return Coalesce(Subquery(copy.values("_rank")[:1], output_field=FloatField()), rank)
