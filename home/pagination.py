"""One pagination for every listing (news, search, comments, resolutions): page numbers read safely,
and one component, ``{% pagination %}`` (``templates/components/pagination.html``).

Whatever a visitor types in ``?page=`` gives a normal page, never an error: nonsense and numbers below
one mean the first page, a number past the end the last one.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.http import urlencode

MAX_DIGITS = 9  # "9" * 40 is a page far past the end, not a 40-digit integer to multiply
WINDOW = 2  # page links shown on each side of the current one


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
    """``url_for(number)``: the request's address with ``param`` set (left out for page 1)."""
    others = [(key, value) for key, value in request.GET.lists() if key != param]

    def url_for(number):
        query = urlencode([*others, *([(param, number)] if number > 1 else [])], doseq=True)
        return f"{request.path}{'?' + query if query else ''}{'#' + anchor if anchor else ''}"

    return url_for


def paginate(request, queryset, per_page, param="page"):
    """A Django ``Page`` of ``queryset`` for the request's ``?page=``; a number past the end gives the last page.

    Two plain queries (a count, then one page of rows read in index order): a ``COUNT(*) OVER ()``
    in the same query would save one, but makes the database read and sort every row of the listing
    before it can return the first twelve, which costs more than the query it saves once there are
    thousands of articles.
    """
    paginator = Paginator(queryset, per_page)
    number = min(page_number(request.GET.get(param)), paginator.num_pages)
    page = paginator.page(number)
    page.object_list = list(page.object_list)
    return page


def page_of_count(count, per_page, number):
    """A Django ``Page`` over ``count`` items already read elsewhere (comments, search hits)."""
    return Paginator(range(count), per_page).get_page(number)
