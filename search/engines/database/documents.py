"""What the database engine searches: one source per model family, its public queryset and its facets."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page

from home.indexing import search_category_field_of
from search import sources


@dataclass
class Source:
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
    return Source(
        model=Page,
        base=sources.public_pages(),
        content_type_groups=sources.page_content_types(),
        group="",
        category_lookups=list(sources.category_models().items()),
        date_field="first_published_at",
    )


def _model_source(model):
    field = search_category_field_of(model)
    return Source(
        model=model,
        base=model.search_public_queryset(),
        content_type_groups=None,
        group=sources.group_of(model),
        category_lookups=[(model, field)] if field else [],
        date_field=getattr(model, "search_date_field", None),
    )


def all_sources():
    """Pages first (index 0), then the models registered with the ``portal_search_models`` hook."""
    return [_page_source(), *(_model_source(model) for model in sources.extra_models())]


def content_type_ids(model):
    """Content type ids of ``model`` and its subclasses: the index stores each object under its own."""
    family = {other for other in apps.get_models() if issubclass(other, model)} | {model}
    return [content_type.pk for content_type in ContentType.objects.get_for_models(*family).values()]


def with_dates(queryset, ranked, values):
    """``[(pk, exact)]`` with each object's date (``values[2]``, when the source has one): one query."""
    dates = {}
    if len(values) > 2 and ranked:
        chosen = queryset.model._default_manager.filter(pk__in=[pk for pk, _exact in ranked])
        dates = dict(chosen.values_list("pk", values[2]))
    return [(pk, exact, dates.get(pk)) for pk, exact in ranked]
