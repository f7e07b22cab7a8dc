"""The search page on Wagtail's database backend (SQLite FTS5, PostgreSQL full text).

Matching goes through the backend with the *folded* query against the index, which holds a folded copy
of every document (``home.indexing``): "dao tao", "ĐÀO TẠO" and "đào tạo" all become ``dao tao``.
Ranking: documents containing every accented word exactly as typed (their accent tokens) come first,
then the backend's own relevance score. Counts per type, category and year are ORM aggregates over the
matches (:mod:`.facets`).

One module per engine: :mod:`.sqlite` (the embedded default, with :mod:`.catalogue`, the public
documents' facts kept per change) and :mod:`.postgres` (which also serves any other database through
the ORM); :mod:`.documents` says what is searched, :mod:`.internals` names the private modelsearch
pieces both rely on.
"""

import heapq

from django.conf import settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search import sources

from ..base import SORT_NEWEST, EngineResult, Hit
from . import facets, postgres
from .documents import all_sources
from .sqlite import SqliteMatches, is_sqlite, public_counts

DATABASE_ALIAS = "database"


def database_backend():
    """The database search backend: the ``database`` alias when Elasticsearch is the default."""
    alias = DATABASE_ALIAS if DATABASE_ALIAS in settings.WAGTAILSEARCH_BACKENDS else "default"
    return get_search_backend(alias)


def search(request):
    """Answer a :class:`SearchRequest` from the database index."""
    backend = database_backend()
    result = EngineResult(total=0, hits=[], engine="database")
    if not request.terms:
        return result
    with postgres.gin_only(backend):
        _search_sources(backend, request, result)
    return result


def _search_sources(backend, request, result):
    terms, filters = request.terms, request.filters
    candidates = []  # (sort key, source index, pk, exact) of each source's first offset+limit matches
    wanted = request.offset + request.limit
    matches = SqliteMatches.find(backend, terms) if is_sqlite(backend) else None
    for index, source in enumerate(matches.catalogue.sources if matches else all_sources()):
        if matches is not None:
            total, rows = matches.answer(index, filters, request.sort, wanted, result)
        else:
            total = facets.counts(source, postgres.match_ids(backend, source.base, terms.folded_text), filters, result)
            if total:
                filtered = source.apply(source.base, filters)
                rows = postgres.ranked_rows(backend, source, filtered, terms, request.sort, wanted)
        if not total:
            continue
        result.total += total
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


def counts(candidates):
    """How many public documents match each of ``candidates`` (parsed terms): for suggesting other queries."""
    backend = database_backend()
    if is_sqlite(backend):
        return public_counts(backend, candidates)
    sources = all_sources()
    with postgres.gin_only(backend):
        return [_postgres_count(backend, sources, terms) if terms else 0 for terms in candidates]


def _postgres_count(backend, sources, terms):
    return sum(
        source.base.filter(pk__in=postgres.match_ids(backend, source.base, terms.folded_text)).order_by().count()
        for source in sources
    )
