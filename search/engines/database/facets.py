"""The search page's facets on the database engine: counts per type, category and year over the matches.

Each facet counts with the other facets' filters applied, not its own, so a reader sees what choosing
another value would give. ORM aggregates over the matching primary keys, whichever engine found them.
"""

import datetime

from django.core.cache import cache
from django.db.models import Count, Min, Q
from django.utils import timezone

from wagtail.models import Page


def _first_year():
    """The year of the oldest published page: the year facet counts from there to next year."""

    def oldest():
        first = Page.objects.filter(first_published_at__isnull=False).aggregate(first=Min("first_published_at"))
        return timezone.localtime(first["first"]).year if first["first"] else timezone.localdate().year

    return cache.get_or_set("search:first-year", oldest, 3600)


def counts(source, matched_ids, filters, result):
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

    category_counts(source, source.apply(in_matches, filters, skip="category").order_by().values("pk"), result)
    return total


def category_counts(source, pks, result):
    """Add the counts per category of the objects ``pks`` (a subquery of primary keys) to ``result``."""
    for model, field in source.category_lookups:
        for slug, name, count in _counts_per_category(model, field, pks):
            if slug:
                known_name, known = result.category_counts.get(slug, (name, 0))
                result.category_counts[slug] = (known_name, known + count)


def _counts_per_category(model, field, pks):
    """``[(slug, name, count)]``. A many-to-many field is counted in its link table alone (one row per
    object and category, read from its unique index: no join, no ``DISTINCT``), then the few categories
    named; any other relation by a grouped join."""
    relation = model._meta.get_field(field)
    if relation.many_to_many and not relation.auto_created:
        through = relation.remote_field.through
        source_name, target_name = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        counted = dict(
            through.objects.filter(**{f"{source_name}__in": pks})
            .order_by()
            .values_list(f"{target_name}_id")
            .annotate(n=Count("pk"))
            .values_list(f"{target_name}_id", "n")
        )
        if not counted:
            return []
        categories = relation.related_model._default_manager.filter(pk__in=counted).values_list("pk", "slug", "name")
        return [(slug, name, counted[pk]) for pk, slug, name in categories]
    rows = (
        model._default_manager.filter(pk__in=pks)
        .filter(**{f"{field}__isnull": False})  # an inner join: uncategorised matches cost nothing
        .values(f"{field}__slug", f"{field}__name")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    return [(row[f"{field}__slug"], row[f"{field}__name"], row["n"]) for row in rows]


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
