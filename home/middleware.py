"""Request hygiene before any view runs."""

import contextlib

from django.http import Http404, QueryDict
from django.http.request import split_domain_port

from wagtail.models import Site

from . import fragments


class NulByteMiddleware:
    """A NUL byte never reaches a view: PostgreSQL refuses it in any string (a 500 where a query used it).

    In the path (``/chung-nhan/AB%00CD/``) no page can match: 404. In the query string the NUL bytes are
    dropped from the values (``?q=dao%00tao`` searches "daotao"). Form fields keep theirs, for the form to
    refuse with a Vietnamese message (``home.forms``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404("NUL byte in the path")
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class CachedSiteMiddleware:
    """Which Wagtail site answers this host, and its home page, read from the fragment cache.

    Wagtail looks the site up on every request (a query) and then reads its home page again as its
    own type (another), and asks the cache for the sites' root paths at the first URL it draws. Here all
    three come from ``home.fragments`` until the next change of content or of a site (``home.apps``), and
    Wagtail finds them where it keeps them for the request (``request._wagtail_site``, see
    ``Site.find_for_request``, and ``request._wagtail_cached_site_root_paths``). Only once a view is chosen, and never
    at the cost of the answer: with the database down the view answers as it would (``/healthz/``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if hasattr(request, "_wagtail_site"):
            return None
        try:
            hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
            site = fragments.cached(f"site-for-host:{hostname}:{port}", lambda: _site_with_home(request))
        except Exception:  # the database or the cache unreachable: Wagtail's own lookup, or the view, says so
            return None
        if site is not None:
            request._wagtail_site = site
        # Where Wagtail keeps the sites' root paths for a request (Page._get_site_root_paths): every page URL
        # drawn with the request reads them from there instead of asking the cache once a request.
        # tests/home/test_render_caches.py fails if an upgrade of Wagtail moves it. If this fails (as
        # above), Wagtail reads them itself.
        with contextlib.suppress(Exception):
            request._wagtail_cached_site_root_paths = fragments.cached("site-root-paths", Site.get_site_root_paths)
        return None


def _site_with_home(request):
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
