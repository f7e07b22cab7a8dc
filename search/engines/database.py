"""The search page on Wagtail's database backend (SQLite FTS5, PostgreSQL full text).

Matching goes through the backend with the *folded* query against the index, which holds a folded copy
of every document (``home.search``): "dao tao", "ĐÀO TẠO" and "đào tạo" all become ``dao tao``. Ranking:
documents containing every accented word exactly as typed (their accent tokens) come first, then the
backend's own relevance score. Counts per type, category and year are ORM aggregates over the matches.
"""

import heapq
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.db.models.functions import ExtractYear

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

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

    def apply(self, queryset, filters, skip=""):
        if skip != "group":
            queryset = self.filter_group(queryset, filters.group)
        if skip != "category":
            queryset = self.filter_category(queryset, filters.category)
        if skip != "year":
            queryset = self.filter_year(queryset, filters.year)
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
    field = getattr(model, "search_category_field", None)
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
    results = backend.search(text, queryset, operator="and", order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _ranked(backend, source, queryset, terms, sort):
    """``queryset`` restricted to matches, annotated ``_exact`` and ordered for the page."""
    if sort == SORT_NEWEST and source.date_field:
        matched = queryset.filter(pk__in=_match_ids(backend, queryset, terms.folded_text))
        ordering = [f"-{source.date_field}", "-pk"]
    else:
        results = backend.search(terms.folded_text, queryset, operator="and").annotate_score("_score")
        matched = results.get_queryset()
        ordering = list(matched.query.order_by)
    if terms.accented:
        exact_ids = _match_ids(backend, source.base, " ".join(terms.accent_tokens))
        matched = matched.annotate(
            _exact=Case(When(pk__in=exact_ids, then=Value(1)), default=Value(0), output_field=IntegerField())
        )
        if sort != SORT_NEWEST:
            ordering = ["-_exact", *ordering]
    else:
        matched = matched.annotate(_exact=Value(0, output_field=IntegerField()))
    return matched.order_by(*ordering)


def _counts(backend, source, matched_ids, filters, result):
    base = source.base
    in_matches = base.filter(pk__in=matched_ids)

    group_qs = source.apply(in_matches, filters, skip="group").order_by()
    if source.content_type_groups is None:
        count = group_qs.count()
        if count:
            result.group_counts[source.group] = result.group_counts.get(source.group, 0) + count
    else:
        for row in group_qs.values("content_type_id").annotate(n=Count("pk")):
            group = source.content_type_groups.get(row["content_type_id"], sources.DEFAULT_GROUP)
            result.group_counts[group] = result.group_counts.get(group, 0) + row["n"]

    category_qs = source.apply(in_matches, filters, skip="category")
    for model, field in source.category_lookups:
        rows = (
            model._default_manager.filter(pk__in=category_qs.order_by().values("pk"))
            .values(f"{field}__slug", f"{field}__name")
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        for row in rows:
            slug = row[f"{field}__slug"]
            if slug:
                name, count = result.category_counts.get(slug, (row[f"{field}__name"], 0))
                result.category_counts[slug] = (name, count + row["n"])

    if source.date_field:
        year_qs = source.apply(in_matches, filters, skip="year").order_by()
        rows = year_qs.annotate(_year=ExtractYear(source.date_field)).values("_year").annotate(n=Count("pk"))
        for row in rows:
            if row["_year"]:
                result.year_counts[row["_year"]] = result.year_counts.get(row["_year"], 0) + row["n"]


def search(request):
    """Answer a :class:`SearchRequest` from the database index."""
    backend = database_backend()
    terms, filters = request.terms, request.filters
    result = EngineResult(total=0, hits=[], engine="database")
    if not terms:
        return result
    candidates = []  # per source: ordered (key, exact, pk) of its first offset+limit matches
    wanted = request.offset + request.limit
    for index, source in enumerate(_sources()):
        if filters.group and filters.group not in source.groups():
            # Still counted for the type filter, never listed.
            matched_ids = _match_ids(backend, source.base, terms.folded_text)
            _counts(backend, source, matched_ids, filters, result)
            continue
        matched_ids = _match_ids(backend, source.base, terms.folded_text)
        _counts(backend, source, matched_ids, filters, result)
        filtered = source.apply(source.base, filters)
        total = filtered.filter(pk__in=matched_ids).order_by().count()
        if not total:
            continue
        result.total += total
        ranked = _ranked(backend, source, filtered, terms, request.sort)
        fields = ["pk", "_exact"] + ([source.date_field] if source.date_field else [])
        rows = list(ranked.values_list(*fields)[:wanted])
        for position, row in enumerate(rows):
            if request.sort == SORT_NEWEST:
                date = row[2] if len(row) > 2 else None
                key = (-(date.timestamp() if date else 0), position)
            else:
                key = (-row[1], position)
            candidates.append((key, index, row[0], bool(row[1])))
    chosen = heapq.nsmallest(wanted, candidates)[request.offset :]
    result.hits = _load_hits(chosen)
    return result


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
