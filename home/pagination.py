"""One pagination for every listing (news, search, comments, resolutions): page numbers read safely,
and one component, ``{% pagination %}`` (``templates/components/pagination.html``).

Whatever a visitor types in ``?page=`` gives a normal page, never an error: nonsense and numbers below
one mean the first page, a number past the end the last one.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from django.core.paginator import Paginator
from django.utils.http import urlencode

from . import fragments

MAX_DIGITS = 9  # "9" * 40 is a page far past the end, not a 40-digit integer to multiply
WINDOW = 2  # page links shown on each side of the current one
# Added by Facebook, Zalo, Google and newsletters to shared links: a page never depends on them.
TRACKING_PARAMS = re.compile(r"^(fbclid|gclid|zarsrc|utm_[a-z]+|_hsenc|mc_eid)$")


def canonical_query(request):
    """The request's query string in a fixed order, without tracking parameters: what a page depends on
    (the page cache and the listings' fragments are keyed by it)."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted((name, value) for name, value in pairs if not TRACKING_PARAMS.match(name)))


def page_number(raw):
    """``?page=abc``, ``?page=0`` and ``?page=-3`` mean the first page."""
    try:
        number = int(str(raw).strip()[:MAX_DIGITS])
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


@dataclass
class Pagination:
    """What the component shows: the current page among ``num_pages``, with the URLs around it."""

    number: int
    num_pages: int
    previous_url: str = ""
    next_url: str = ""
    links: list = field(default_factory=list)  # (number, url, current) around the current page

    @classmethod
    def build(cls, number, num_pages, url_for):
        """``url_for(number)`` gives the address of a page."""
        number = min(max(number, 1), max(num_pages, 1))
        window = range(max(1, number - WINDOW), min(num_pages, number + WINDOW) + 1)
        return cls(
            number=number,
            num_pages=num_pages,
            previous_url=url_for(number - 1) if number > 1 else "",
            next_url=url_for(number + 1) if number < num_pages else "",
            links=[(other, url_for(other), other == number) for other in window],
        )

    @classmethod
    def of_page(cls, page, request, param="page", anchor=""):
        """For a Django ``Page``: links keep the request's other parameters and end with ``#anchor``."""
        return cls.build(page.number, page.paginator.num_pages, query_url(request, param, anchor))


def query_url(request, param="page", anchor=""):
    """``url_for(number)``: the request's address with ``param`` set (left out for page 1), without the
    tracking parameters of the link the visitor came by."""
    others = [(key, value) for key, value in request.GET.lists() if key != param and not TRACKING_PARAMS.match(key)]

    def url_for(number):
        query = urlencode([*others, *([(param, number)] if number > 1 else [])], doseq=True)
        return f"{request.path}{'?' + query if query else ''}{'#' + anchor if anchor else ''}"

    return url_for


def paginate(request, queryset, per_page, param="page", count_key=None):
    """A Django ``Page`` of ``queryset`` for the request's ``?page=``; a number past the end gives the last page.

    Two plain queries (a count, then one page of rows read in index order): a ``COUNT(*) OVER ()``
    in the same query would save one, but makes the database read and sort every row of the listing
    before it can return the first twelve, which costs more than the query it saves once there are
    thousands of articles. With ``count_key`` the count is kept in the fragment cache (``home.fragments``)
    until the next publish or unpublish.
    """
    paginator = Paginator(queryset, per_page)
    if count_key:
        paginator.count = fragments.cached(count_key, queryset.count)
    number = min(page_number(request.GET.get(param)), paginator.num_pages)
    page = paginator.page(number)
    page.object_list = list(page.object_list)
    return page


def page_of_count(count, per_page, number):
    """A Django ``Page`` over ``count`` items already read elsewhere (comments, search hits)."""
    return Paginator(range(count), per_page).get_page(number)
