"""The search page's answers, kept in the fragment cache (``home.fragments``) until something they show changes.

A popular query (a name in the news, typed by thousands after an article is shared) is answered once
per change of content, not once per reader: matching, ranking, the counts per type, category and
year, the excerpts. An answer is kept under the query's parameters, the site and language, the
content version (any publish, unpublish, move, deletion, view restriction or settings change) and a
*search version* replaced whenever a searchable object, a category or an editors' promotion is saved or
deleted (:func:`connect`), since those change answers without a publish. ``SEARCH_CACHE_RESULTS = False``
turns it off (``scripts/search_benchmark.py`` does, to time the engine itself).
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language

from home import fragments

logger = logging.getLogger(__name__)

VERSION_KEY = "search:results-version"


def enabled():
    return getattr(settings, "SEARCH_CACHE_RESULTS", True)


def version():
    """The search version, read once per request; ``None`` when the cache is unusable."""
    memo = fragments.request_memo()
    if memo is not None and "search_version" in memo:
        return memo["search_version"]
    try:
        value = cache.get(VERSION_KEY)
        if value is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
            value = cache.get(VERSION_KEY)
    except Exception:
        logger.warning("Cache unavailable: search answers computed afresh", exc_info=True)
        value = None
    if memo is not None:
        memo["search_version"] = value
    return value


def invalidate(**_kwargs):
    """A new search version: every kept answer is computed again on its next use (signal receiver);
    once more when the change commits, as ``fragments.invalidate`` does, for the same reason."""
    fragments.now_and_at_commit(_renew)


def _renew():
    memo = fragments.request_memo()
    if memo is not None:
        memo.pop("search_version", None)
    try:
        cache.set(VERSION_KEY, uuid.uuid4().hex[:12], timeout=None)
    except Exception:
        logger.warning("Cache unavailable: could not invalidate search answers", exc_info=True)


def cached_answer(params, site_id, build):
    """``build()``, kept for these ``params`` on this site until the next change."""
    current = version() if enabled() else None
    if current is None:
        return build()
    made_of = (site_id, get_language(), sorted(params.items()))
    return fragments.cached(f"search:{current}:" + hashlib.sha256(repr(made_of).encode()).hexdigest()[:32], build)


def connect():
    """Replace the search version when a searchable object, a category or a promotion changes."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.search.index import get_indexed_models

    from . import sources

    models = {*get_indexed_models(), SearchPromotion}
    for model, field in sources.category_models().items():
        models.add(model._meta.get_field(field).related_model)
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(invalidate, sender=model, dispatch_uid=f"search-results-{model._meta.label}-{id(signal)}")
