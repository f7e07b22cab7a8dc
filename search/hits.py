"""The search terms count for the editors' "Search terms" report (Wagtail's ``Query`` and ``QueryDailyHits``),
written in batches instead of on every search.

Wagtail's ``Query.get(text).add_hit()`` writes a row on every search: on SQLite a write transaction
(and its sync to disk) in the middle of a reader's request, queued behind every other writer. Here
a search only adds one to a count in the process's memory; the counts are written together, in one
transaction, at most every ``SEARCH_HITS_FLUSH_SECONDS`` seconds (default 60), when
``SEARCH_HITS_MAX_PENDING`` different queries wait, and when the process exits. The report is
therefore up to a minute behind, and a process killed outright loses its last minute of counts;
a database that refuses the write keeps them for the next try. Nothing here ever fails a search.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

logger = logging.getLogger(__name__)

_pending = Counter()  # (query text, date) -> hits not yet written
_lock = threading.Lock()
_last_flush = time.monotonic()


def _flush_seconds():
    return getattr(settings, "SEARCH_HITS_FLUSH_SECONDS", 60)


def _max_pending():
    return getattr(settings, "SEARCH_HITS_MAX_PENDING", 200)


def record(query):
    """Count one search for ``query``; write the counts when they are due."""
    if not query:
        return
    with _lock:
        _pending[query, timezone.localdate()] += 1
        due = len(_pending) >= _max_pending() or time.monotonic() - _last_flush >= _flush_seconds()
    if due:
        flush()


def pending():
    """The hits not written yet: ``{(query text, date): hits}``."""
    with _lock:
        return dict(_pending)


def flush():
    """Write every pending count in one transaction; on failure keep them for the next time."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return
    try:
        with transaction.atomic():
            for (text, date), hits in batch.items():
                query = Query.get(text)
                daily, _created = QueryDailyHits.objects.get_or_create(query=query, date=date)
                QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
    except Exception:  # a locked or unreachable database: the counts wait for the next flush
        logger.warning("search hits: %d counts not written, kept for later", len(batch), exc_info=True)
        with _lock:
            _pending.update(batch)


@atexit.register
def _flush_at_exit():
    try:
        flush()
    except Exception:  # the interpreter is going away: nothing more to do
        logger.warning("search hits: counts lost at exit", exc_info=True)
