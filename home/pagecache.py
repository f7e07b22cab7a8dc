"""The anonymous page cache: public pages served from the cache to visitors without a session.

A thin layer on Django's cache (the ``pages`` alias in settings). Why not a ready piece:
wagtail-cache 3.0 requires Wagtail < 8, and Django's cache middleware keys each entry on the
visitor's whole ``Cookie`` header (the session middleware adds ``Vary: Cookie``), so every reader
with a CSRF or analytics cookie would get an entry of their own, and it offers no purge of one URL.

What is cached: a ``GET`` answered 200 to a visitor with no session cookie and no pending message,
whose response sets no cookie, used no CSRF token (the page then carries a per-visitor secret), is
not a preview and does not say ``private``/``no-cache`` itself (views opt out with ``never_cache``).
Such responses, and only they, are compressed (BREACH: nothing secret is ever gzipped) and sent
``Cache-Control: public`` so the HTTP cache in front may keep them; everything else is ``private``.

Purging: every key carries a site-wide generation and a version of its path (all query strings of a
path go together); :func:`purge_paths` and :func:`purge_all` replace them, after the transaction
commits, and send the same URLs to Wagtail's frontend cache backends (nginx). A cache that fails
is a miss: pages are rendered as if there were no cache.

A hit costs one round trip to the cache: the two versions are read together, and the entry itself
comes from a copy each process keeps of the entries it served lately (:class:`LocalEntries`, at most
``PAGE_CACHE_LOCAL_BYTES``), looked up by the key those versions make, so a purge made by any
process is seen at once; a local copy also ends when the shared entry would (``PAGE_CACHE_SECONDS``
after it was stored).
"""

import gzip
import hashlib
import logging
import re
import secrets
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail import hooks

from . import fragments
from .i18n import translation_urls
from .pagination import canonical_query
from .sitemaps import sitemap_paths

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
LISTED_KEY = "pagecache:listed:%s"
COMPRESSIBLE = re.compile(r"^(text/|application/(xml|rss\+xml|atom\+xml|json|javascript))")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
KEPT_VARY = {"cookie", "accept-encoding", "accept-language"}
DROPPED_HEADERS = {"cache-control", "vary", "content-length", "content-encoding", "expires", "etag", "set-cookie"}
MIN_COMPRESS = 200


def _cache():
    return caches[CACHE_ALIAS]


def seconds():
    return max(0, int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0))


def _safe(operation, *args, default=None):
    """A cache call that never fails the page: an outage is logged and reads as a miss."""
    try:
        return getattr(_cache(), operation)(*args)
    except Exception:  # any backend error: Redis down, a full disk, a broken pickle
        logger.warning("page cache: %s failed", operation, exc_info=True)
        return default


def _path_key(path):
    return "pagecache:path:" + hashlib.sha256(path.encode()).hexdigest()[:32]


def _new_version():
    # Random, never a counter: entries kept under a lost version stay unreachable. An integer, which
    # Django's Redis cache stores as it is (no pickling on every hit).
    return secrets.randbits(62)


def _versions(path):
    keys = [GENERATION_KEY, _path_key(path)]
    if hasattr(_cache(), "get_values"):  # home.cache.ResilientRedisCache: one cheaper round trip
        values = _safe("get_values", keys)
    else:
        found = _safe("get_many", keys)
        values = None if found is None else [found.get(key) for key in keys]
    if values is None:
        return None
    for position, value in enumerate(values):
        if value is None:
            _safe("add", keys[position], _new_version(), None)
            values[position] = _safe("get", keys[position]) or _new_version()
    return values


def _entry_key(request):
    versions = _versions(request.path)
    if versions is None:
        return None
    raw = "|".join([*map(str, versions), request.get_host(), request.path, canonical_query(request)])
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def anonymous_request(request):
    """No session, no pending message, not the admin: the visitor sees what every visitor sees."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return not any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_SKIP_PREFIXES)


def shareable_response(request, response):
    """The response holds nothing of this visitor and says nothing against being shared."""
    if request.method != "GET" or response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-cache", "no-store", "max-age=0")):
        return False
    vary = {item.strip().lower() for item in response.get("Vary", "").split(",") if item.strip()}
    return vary <= KEPT_VARY


class LocalEntries:
    """The entries this process served lately, by key, least recently used first out; at most
    ``limit`` bytes of bodies. Entries are never changed once stored, so they are shared as they are."""

    def __init__(self):
        self._entries = OrderedDict()  # key -> (expires at, entry, size)
        self._bytes = 0
        self._lock = threading.Lock()

    @staticmethod
    def limit():
        return max(0, int(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024) or 0))

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= time.time():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key, entry):
        size = len(entry["body"]) + len(entry["gzip"] or b"")
        limit = self.limit()
        if size > limit // 4:
            return
        expires = entry.get("stored", time.time()) + seconds()
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (expires, entry, size)
            self._bytes += size
            while self._bytes > limit:
                self._drop(next(iter(self._entries)))

    def _drop(self, key):
        self._bytes -= self._entries.pop(key)[2]

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


local_entries = LocalEntries()


def _lookup(key):
    entry = local_entries.get(key)
    if entry is None:
        entry = _safe("get", key)
        if entry is not None:
            local_entries.put(key, entry)
    return entry


def _entry(response):
    body = response.content
    compress = len(body) >= MIN_COMPRESS and COMPRESSIBLE.match(response.get("Content-Type", ""))
    return {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS],
        "body": body,
        "gzip": gzip.compress(body, compresslevel=6, mtime=0) if compress else None,
        "stored": time.time(),
    }


def _ready_headers(entry, compressed):
    """The headers a cached ``entry`` is sent with, built once per entry, variant and cache settings.

    A hit then copies a finished list instead of patching ``Vary`` and ``Cache-Control`` each time.
    """
    config = (compressed, seconds(), settings.PAGE_CACHE_BROWSER_SECONDS, settings.FRONTEND_CACHE_SECONDS)
    ready = entry.setdefault("ready", {})
    headers = ready.get(config)
    if headers is None:
        response = HttpResponse(status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        if compressed:
            response["Content-Encoding"] = "gzip"
        if entry["gzip"] is not None:
            patch_vary_headers(response, ("Accept-Encoding",))
        # Whether a session cookie is sent changes the page: browsers must ask again after signing in.
        patch_vary_headers(response, ("Cookie",))
        if config[1]:
            patch_cache_control(response, public=True, max_age=config[2], s_maxage=config[1])
            response["X-Accel-Expires"] = str(config[3])
        headers = ready[config] = dict(response.items())
    return headers


def _respond(entry, request, state):
    compressed = entry["gzip"] is not None and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    response = HttpResponse(
        entry["gzip"] if compressed else entry["body"],
        status=entry["status"],
        headers=_ready_headers(entry, bool(compressed)),
    )
    response["X-Page-Cache"] = state
    return response


def _private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)
    return response


class PageCacheMiddleware:
    """Serves and stores anonymous public pages; marks every other response private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not anonymous_request(request):
            return _private(self.get_response(request))
        key = None
        if seconds() and request.method == "GET":
            try:
                key = _entry_key(request)
            except Exception:  # a bad Host header: let the normal handling answer it
                key = None
            entry = _lookup(key) if key else None
            if entry is not None:
                return _respond(entry, request, "HIT")
        response = self.get_response(request)
        if not shareable_response(request, response):
            return _private(response)
        entry = _entry(response)
        if key:
            _safe("set", key, entry, seconds())
            local_entries.put(key, entry)
        return _respond(entry, request, "MISS" if key else "OFF")


# Purging ------------------------------------------------------------------------------------------


def _after_commit(function):
    try:
        transaction.on_commit(function)
    except Exception:  # outside a usable connection: purge now rather than never
        function()


def _purge_frontend(urls):
    """Through Wagtail's frontend cache backends, at once: its own ``PurgeBatch.purge()`` queues a task,
    which with ``TASKS_BACKEND=database`` waits for the worker, and a publish must show at once."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import get_backends

    for name, backend in get_backends().items():
        try:
            backend.purge_batch(sorted(urls))
        except Exception:
            logger.warning("frontend cache %s: purge failed", name, exc_info=True)


def _default_root_url():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def purge_paths(paths, urls=None):
    """Drop every cached variant of ``paths`` (site paths such as ``/tin-tuc/``) once the change commits;
    ``urls`` (absolute; by default the paths on the default site) go to the HTTP cache in front."""
    paths = set(paths)
    if urls is None:
        root_url = _default_root_url() if getattr(settings, "WAGTAILFRONTENDCACHE", None) else ""
        urls = {root_url + path for path in paths} if root_url else set()
    urls = set(urls)

    def run():
        _safe("set_many", {_path_key(path): _new_version() for path in paths}, None)
        _purge_frontend(urls)

    _after_commit(run)


def purge_all(urls=()):
    """A new generation: every cached page is dropped at once (site settings, menus, categories)."""

    def run():
        _safe("set", GENERATION_KEY, _new_version(), None)
        fragments.invalidate()  # the menus, settings and labels cached inside pages too
        _purge_frontend(set(urls))

    _after_commit(run)


def _url_parts(page):
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None
    _site_id, root_url, path = parts
    return root_url, path


def page_paths(page):
    """``(path, absolute URL)`` pairs to purge when ``page`` changes: the page, its ancestors (home,
    section, news index...), its translations (their language switch), the paths that apps'
    ``portal_cache_listing_paths`` hooks say list it (categories, tags, archive, feeds), the sitemap,
    and what listed it the last time it was purged."""
    from django.urls import reverse

    specific = page.specific_deferred
    pairs = set()
    parts = _url_parts(specific)
    root_url = parts[0] if parts else ""
    if parts:
        pairs.add((parts[1], root_url + parts[1]))
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        ancestor_parts = _url_parts(ancestor)
        if ancestor_parts:
            pairs.add((ancestor_parts[1], ancestor_parts[0] + ancestor_parts[1]))
    pairs.update(translation_urls(specific))
    for hook in hooks.get_hooks("portal_cache_listing_paths"):
        for path in hook(specific) or ():
            pairs.add((path, root_url + path))
    pairs.add((reverse("sitemap"), root_url + reverse("sitemap")))
    for path in sitemap_paths():
        pairs.add((path, root_url + path))
    current = sorted(pairs)
    previous = _safe("get", LISTED_KEY % page.pk) or []
    _safe("set", LISTED_KEY % page.pk, current, None)
    return set(current) | {tuple(pair) for pair in previous}


def purge_page(page, *, everything=False):
    """Purge ``page`` and every page that lists it (see :func:`page_paths`)."""
    pairs = page_paths(page)
    if everything:
        purge_all(urls=[url for _path, url in pairs])
    else:
        purge_paths([path for path, _url in pairs], urls=[url for _path, url in pairs])
