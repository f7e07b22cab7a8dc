"""Page query helpers shared by the apps."""

from functools import reduce
from operator import or_

from django.db.models import Q

from .fragments import cached, request_memo
from .i18n import exclude_other_languages


def restricted_paths():
    """Tree paths of the pages with a view restriction (password, sign-in, groups), outermost only.

    There are few (often none): one small query, kept in the fragment cache (``home.fragments``: a new
    or removed restriction replaces the content version, so Redis-backed workers see it at once; with
    the per-process default cache, other workers within ``FRAGMENT_SECONDS``) and for the request. The
    restricted pages themselves are always checked by Wagtail when served; this only keeps them out
    of listings.
    """
    return restriction_outline()[0]


def restriction_outline():
    """(outermost restricted paths, paths of alias pages), cached like ``restricted_paths``."""
    from wagtail.models import Page, PageViewRestriction

    memo = request_memo()
    if memo is not None and "restriction_outline" in memo:
        return memo["restriction_outline"]

    def outline():
        paths = []
        for path in sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))):
            if not any(path.startswith(outer) for outer in paths):
                paths.append(path)
        aliases = list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
        return paths, aliases

    found = cached("restriction-outline", outline)
    if memo is not None:
        memo["restriction_outline"] = found
    return found


def exclude_private(pages):
    """Like Wagtail's ``PageQuerySet.public()``: leaves out the pages at or below a restricted page,
    and those of another language than the one being read (``home.i18n.exclude_other_languages``).

    The restricted pages' paths are read once per request and excluded by path prefix, so a listing
    costs the same with a thousand articles as with ten; with no restriction at all (the usual case)
    the listing's SQL is not touched.
    """
    pages = exclude_other_languages(pages)
    paths = restricted_paths()
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))
