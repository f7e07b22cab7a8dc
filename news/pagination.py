"""Pagination that never fails on what a visitor types in ``?page=``, and reads a page of rows and
the total in one query."""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window


def page_number(raw):
    """``?page=abc`` and ``?page=0`` mean the first page."""
    try:
        number = int(str(raw)[:9])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def paginate(request, queryset, per_page):
    """A Django ``Page`` of ``queryset``; a number past the end gives the last page.

    The total comes with the rows (``COUNT(*) OVER ()``), so a listing costs one query instead of
    two; only a number past the end costs a count and a second read.
    """
    number = page_number(request.GET.get("page"))
    counted = queryset.annotate(listing_total=Window(Count("pk")))
    rows = list(counted[(number - 1) * per_page : number * per_page])
    paginator = Paginator(queryset, per_page)
    if rows:
        paginator.count = rows[0].listing_total
    else:
        paginator.count = queryset.count()
        if number > 1 and paginator.count:
            number = paginator.num_pages
            rows = list(counted[(number - 1) * per_page : number * per_page])
        else:
            number = 1
    return Page(rows, number, paginator)
