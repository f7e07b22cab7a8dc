"""Pagination that never fails on what a visitor types in ``?page=``."""

from django.core.paginator import Paginator


def page_number(raw):
    """``?page=abc`` and ``?page=0`` mean the first page."""
    try:
        number = int(str(raw)[:9])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def paginate(request, queryset, per_page):
    """A Django ``Page`` of ``queryset``; a number past the end gives the last page.

    Two plain queries (a count, then one page of rows read in index order): a ``COUNT(*) OVER ()``
    in the same query would save one, but makes the database read and sort every row of the listing
    before it can return the first twelve, which costs more than the query it saves once there are
    thousands of articles.
    """
    paginator = Paginator(queryset, per_page)
    number = min(page_number(request.GET.get("page")), paginator.num_pages)
    page = paginator.page(number)
    page.object_list = list(page.object_list)
    return page
