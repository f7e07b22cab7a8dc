"""What every page repeats (main menu, site settings, listings' side data), kept in the Django cache.

Entries are keyed by a *content version* that any publish, unpublish, move or deletion of a page,
any view-restriction change and any save of the site settings replaces, so a change shows on the
next request. Entries also expire after ``FRAGMENT_SECONDS``: with the embedded per-process cache
(local memory, several gunicorn workers) a change made in one worker reaches the others within that
time; with Redis (production) every worker sees the new version at once.

The cache may be down (Redis restarting): every read and write here falls back to building the value
from the database, so a page never fails because of the cache.

With a shared cache (Redis), each process also keeps the fragments it read in a small local-memory
copy (:data:`LOCAL_ENTRIES` entries, :class:`LocalCopies`: text as it is, since it cannot change, and
anything else pickled, so every read gets its own objects). It is keyed by the same content version,
which is still read from the shared cache once per request: a change made in any process replaces the
version, and the local copies of the old one are never read again. A page then costs one cache round
trip for its fragments instead of one each.
"""

import contextvars
import logging
import pickle
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils import translation

logger = logging.getLogger(__name__)

VERSION_KEY = "portal:content-version"
LOCAL_ENTRIES = 3000


class LocalCopies:
    """The per-process copy of fragments read from a shared cache (see the module's docstring): at most
    ``limit`` entries, the least recently read out first. A fragment is read thirty times a page, so this
    is lighter than Django's local-memory cache: no key checks for memcached, and text (most fragments
    are HTML) kept as it is; other values are pickled, as there, so that a page may change its copy."""

    def __init__(self, limit):
        self.limit = limit
        self._entries = OrderedDict()  # key -> (expires at, pickled, value)
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] <= time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
        return pickle.loads(found[2]) if found[1] else found[2]  # noqa: S301 (written by this process)

    def set(self, key, value, timeout):
        text = isinstance(value, str)
        entry = (time.monotonic() + timeout, not text, value if text else pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.limit:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()


local = LocalCopies(LOCAL_ENTRIES)

# Per-request memo (see RequestMemoMiddleware): what a request asks more than once is read once.
_request_memo = contextvars.ContextVar("portal_request_memo", default=None)


def request_memo():
    """A dict living as long as the current request, or ``None`` outside a request."""
    return _request_memo.get()


def timeout():
    """How long a fragment (or anything kept under the content version) may be kept, in seconds."""
    return getattr(settings, "FRAGMENT_SECONDS", 60)


def content_version():
    """The current content version (read once per request), or ``None`` when the cache is unusable."""
    memo = request_memo()
    if memo is not None and "content_version" in memo:
        return memo["content_version"]
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex[:12]
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY)
    except Exception:  # a cache outage must not break pages
        logger.warning("Cache unavailable: building page fragments from the database", exc_info=True)
        version = None
    if memo is not None:
        memo["content_version"] = version
    return version


def invalidate(**_kwargs):
    """A new content version: every fragment is rebuilt on its next use (signal receiver).

    Inside a transaction, the version is replaced again once it commits: a reader in another process
    between the change and its commit saw the old content, and may have kept it under the new version.
    """
    now_and_at_commit(_renew)


def now_and_at_commit(function):
    """``function()`` now and, inside a transaction, once more when it commits (a version's renewal)."""
    function()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(function)


def _renew():
    memo = request_memo()
    if memo is not None:
        memo.pop("content_version", None)
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
    except Exception:
        logger.warning("Cache unavailable: could not invalidate page fragments", exc_info=True)


def invalidate_on_change(created=False, **kwargs):
    """``invalidate`` for saved site settings, unless the row was just created with its defaults (on
    first use, in the middle of a request: nothing cached shows it yet)."""
    if not created:
        invalidate()


def uses_shared_cache():
    """Whether the cache is shared by the processes (not their own local memory already)."""
    return not isinstance(caches["default"], LocMemCache)


def cached(name, build, shared_only=False):
    """``build()``, cached under ``name`` for the current content version and the language being read
    (a fragment holds translated labels and the pages of one language, see ``home.i18n``).

    ``shared_only``: only with a shared cache (Redis), where a change made in any process (a scheduled
    publish run by a timer, another worker) renews it at once. With each process's own memory it would
    show the old page for up to ``FRAGMENT_SECONDS`` after such a change: it is built every time
    instead (the routed pages, whole listings and articles, comment threads, breadcrumbs)."""
    version = content_version()
    if version is None or timeout() <= 0 or (shared_only and not uses_shared_cache()):
        return build()
    language = translation.get_language() or ""
    key = f"portal:fragment:{version}:{language}:{name}"
    shared = uses_shared_cache()
    if shared:
        value = local.get(key)
        if value is not None:
            return value
    try:
        value = cache.get(key)
    except Exception:
        return build()
    if value is None:
        value = build()
        # Building may itself change the version (the site settings row created on first use).
        version = content_version()
        if version is None:
            return value
        key = f"portal:fragment:{version}:{language}:{name}"
        try:
            cache.set(key, value, timeout=timeout())
        except Exception:
            logger.warning("Cache unavailable: fragment %s not stored", name, exc_info=True)
    if shared:
        local.set(key, value, timeout=timeout())
    return value


class RequestMemoMiddleware:
    """Gives each request an empty memo for ``restricted_paths`` and similar once-per-request reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.get_response(request)
        finally:
            _request_memo.reset(token)
