"""What counts as a visit, and how counts reach the database without costing a page anything.

- A visit is counted from the page's beacon (``POST /api/luot-xem/``, sent by ``static/js/visits.js``
  once the page has loaded), never from the page request itself: pages served from the portal's
  page cache or nginx's cache are counted the same, and rendering a page writes nothing. With
  JavaScript off there is no beacon, and that visit is not counted.
- Bots are not counted: a user agent matching :data:`BOT_PATTERN` (crawlers, link previews,
  command-line clients, headless browsers) or no user agent at all.
- At most one count per page per reader per hour, without knowing who the reader is: the address
  and user agent are hashed with a random salt that lives only in the cache and is replaced every
  hour; the hash is kept (in the cache, never in the database) until the hour ends. Once the salt is
  gone nobody, the portal included, can tell whose hash it was. Nothing is written in a cookie.
- Batched: counts gather in the process's memory and are written (one UPDATE per page and day) at
  most every ``VISITS_FLUSH_SECONDS`` (30), by the beacon request that finds the batch due, and when
  the process exits. A database that fails keeps the batch for the next attempt.
- At most :data:`BEACON_LIMIT` beacons a minute from one address are looked at (the rest are not
  counted): a reader sends one per page read, while a script changing its user agent at every beacon
  would otherwise count as a new reader each time (and fill the cache with their hashes). The limit is
  generous because many phones share one address behind a mobile operator's NAT.
- A cache or database that is down never fails anything: the beacon answers 204 regardless.
"""

import datetime
import hashlib
import logging
import re
import secrets
import threading
import time
from collections import Counter

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from home.ratelimit import client_ip, rate_limited
from home.text import record_id

logger = logging.getLogger(__name__)

BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|scrap|archiver|facebookexternalhit|preview|zalo.*link|headless|phantom|"
    r"lighthouse|pingdom|uptime|monitor|curl|wget|python|httpx|aiohttp|go-http|java/|okhttp|libwww|scrapy",
    re.IGNORECASE,
)
MAX_PAGE_ID = 2**31 - 1
MAX_PENDING = 5000  # distinct (page, day) pairs kept in memory before writing anyway
BEACON_LIMIT, BEACON_WINDOW = 300, 60  # beacons per address and per minute

_lock = threading.Lock()
_pending = Counter()
_last_flush = time.monotonic()


def flush_seconds():
    return getattr(settings, "VISITS_FLUSH_SECONDS", 30)


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def page_id_of(value):
    """The page number a beacon names, or ``None`` for anything else."""
    number = record_id(value, digits=10)
    return number if number is not None and 0 < number <= MAX_PAGE_ID else None


def _hour_salt(hour):
    """The random salt of this hour, shared by every process through the cache, gone two hours later."""
    key = f"visits:salt:{hour}"
    cache.add(key, secrets.token_hex(16), timeout=2 * 3600)
    return cache.get(key)


def first_this_hour(request, page_id, now=None):
    """Whether this reader has not yet been counted on this page in this hour (and remember it)."""
    now = time.time() if now is None else now
    hour = int(now // 3600)
    salt = _hour_salt(hour)
    if not salt:
        return False
    reader = "|".join([salt, client_ip(request), request.META.get("HTTP_USER_AGENT", "")[:300], str(page_id)])
    digest = hashlib.sha256(reader.encode()).hexdigest()[:32]
    seconds_left = int(3600 - now % 3600) + 1
    return bool(cache.add(f"visits:seen:{hour}:{digest}", 1, timeout=seconds_left))


def record(request, page_id):
    """Counts one visit of ``page_id`` unless it is a bot's or a replay; returns whether it counted."""
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    try:
        if rate_limited("visit-beacon", client_ip(request), BEACON_LIMIT, BEACON_WINDOW):
            return False
        if not first_this_hour(request, page_id):
            return False
    except Exception:  # the cache is down: without the replay check nothing is counted
        logger.warning("visits: cache unavailable, visit not counted", exc_info=True)
        return False
    day = timezone.localdate()
    with _lock:
        _pending[(page_id, day)] += 1
        due = time.monotonic() - _last_flush >= flush_seconds() or len(_pending) >= MAX_PENDING
    if due:
        flush_quietly()
    return True


def pending():
    """The counts not written yet: ``{(page id, day): count}`` (for tests and the admin)."""
    with _lock:
        return dict(_pending)


def _write(batch):
    from wagtail.models import Page

    from .models import PageVisitDay, SiteVisitDay

    known = set(Page.objects.filter(pk__in={page_id for page_id, _day in batch}).values_list("pk", flat=True))
    per_day = Counter()
    with transaction.atomic():
        for (page_id, day), count in sorted(batch.items()):
            if page_id not in known:  # a beacon naming a page that does not exist (or no longer does)
                continue
            per_day[day] += count
            if not PageVisitDay.objects.filter(page_id=page_id, date=day).update(count=F("count") + count):
                PageVisitDay.objects.create(page_id=page_id, date=day, count=count)
        for day, count in sorted(per_day.items()):
            if not SiteVisitDay.objects.filter(date=day).update(count=F("count") + count):
                SiteVisitDay.objects.create(date=day, count=count)
    return sum(per_day.values())


def flush():
    """Writes the pending counts; returns how many visits were written. On a database error the batch
    goes back to memory (and the error is raised)."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return 0
    try:
        return _write(batch)
    except (DatabaseError, IntegrityError):
        with _lock:
            _pending.update(batch)
        raise


def flush_quietly():
    try:
        return flush()
    except Exception:
        logger.warning("visits: counts not written yet, kept for the next attempt", exc_info=True)
        return 0


def total(days=None):
    """Visits of the whole site (the last ``days`` days, or ever), from the daily totals."""
    from django.db.models import Sum

    from .models import SiteVisitDay

    rows = SiteVisitDay.objects.all()
    if days:
        rows = rows.filter(date__gt=timezone.localdate() - datetime.timedelta(days=days))
    return rows.aggregate(total=Sum("count"))["total"] or 0
