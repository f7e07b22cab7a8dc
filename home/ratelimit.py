"""Counting what one visitor does, per address and per time window, in the Django cache.

Used by every public form and look-up that a robot could repeat: feedback and comments
(``feedback.spam``), sign-in and password reset (``accounts``), certificate verification
(``training``). The cache is per process on the default configuration and shared through Redis in
production (``CACHE_URL``), where the limits then hold across gunicorn workers.
"""

import hashlib
import hmac
import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address.

    ``REMOTE_ADDR`` unless ``settings.TRUSTED_PROXY_COUNT`` says how many reverse proxies we run
    (each appends to ``X-Forwarded-For``); then the address that many hops from the right, which a
    visitor cannot forge. Never trust the header without knowing the proxies.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(chain) >= proxies:
            remote = chain[-proxies]
    try:
        return str(ipaddress.ip_address(remote))
    except ValueError:
        return "unknown"


def ip_fingerprint(ip):
    """A keyed hash of an address: enough to count and compare, not to recover the address."""
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


def _window_key(scope, ip, window):
    return f"rate:{scope}:{ip_fingerprint(ip)}:{int(time.time() // window)}"


def rate_count(scope, ip, window):
    return cache.get(_window_key(scope, ip, window), 0)


def rate_hit(scope, ip, window):
    """Counts one event for ``ip`` in the current window; returns the new count."""
    key = _window_key(scope, ip, window)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def rate_limited(scope, ip, limit, window):
    """Counts an attempt and says whether ``ip`` went past ``limit`` in the window (for lookups)."""
    return rate_hit(scope, ip, window) > limit


def retry_after(window, now=None):
    """Seconds until the current counting window of ``window`` seconds ends and the count restarts."""
    now = time.time() if now is None else now
    return max(1, math.ceil(window - now % window))


def too_many_requests(response, window):
    """Marks a refusal by a limit: status 429 and ``Retry-After`` (the page itself keeps what was typed)."""
    response.status_code = 429
    response["Retry-After"] = str(retry_after(window))
    return response
