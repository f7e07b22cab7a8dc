"""Django's Redis cache, with the site staying up while Redis is down.

``portal.settings.base`` selects :class:`ResilientRedisCache` when ``CACHE_URL``/``REDIS_URL`` is set.
Each operation goes to Redis; when Redis does not answer (refused, timed out, any ``RedisError``),
the operation is served by a per-process local-memory cache instead, and Redis is left alone for
``RETRY_SECONDS`` so that a dead server costs one short connection attempt per process, not one per
call. What that means for each use of the cache while Redis is down:

- rate limits (``home.ratelimit``: feedback, comments, look-ups, sign-in, password reset, certificate
  verification) count per process: they still hold, each gunicorn worker counting on its own, so an
  address gets at most (workers x limit) attempts in the window instead of the limit;
- one-time form tokens (``feedback.spam``) are remembered per process; a token replayed to another
  worker is still stopped, by the database's unique key on the token (``feedback.services``);
- the search breaker (``search.engines.elastic``) remembers an Elasticsearch outage per process;
- cached course outlines (``training.services.structure``) and other cached values are rebuilt per
  process from the database; a publish made while Redis is down reaches the other processes when their
  local copy expires (the outline's ``TIMEOUT``, five minutes);
- sessions live in the database (Django's default engine), not in the cache: nobody is signed out.

When Redis answers again, the next operation after ``RETRY_SECONDS`` goes back to it; values written
to the fallback meanwhile are not copied over (counters restart, which errs on the visitor's side).
``/healthz/`` reports the state as ``cache: "down"`` (with status 200: the site is up).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# The operations of Django's cache API that reach the server; the others (get_or_set, decr, the
# async variants...) are built on these by BaseCache.
_OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one ``redis.Redis`` per connection pool instead of making a new one for
    every operation (building one sets up some hundred response callbacks: a third of a millisecond,
    ten times per page). ``redis.Redis`` is thread-safe; the pool hands each command a connection."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_reused_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    RETRY_SECONDS = 5

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self.fallback = LocMemCache(f"portal-fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def is_down(self):
        return time.monotonic() < self._down_until

    def _went_down(self, error):
        with self._lock:
            first = not self.is_down
            self._down_until = time.monotonic() + self.RETRY_SECONDS
        if first:
            logger.warning("Redis cache unreachable (%s); using the per-process fallback cache.", error)

    def get_values(self, keys):
        """The values of ``keys``, in order (``None`` where missing): ``get_many`` for the page cache's
        hot path, one round trip without Django's per-key checks (the keys are the portal's own)."""
        if not self.is_down:
            try:
                client, loads = self._cache.get_client(None), self._cache._serializer.loads
                return [None if raw is None else loads(raw) for raw in client.mget([self.make_key(k) for k in keys])]
            except (RedisError, OSError) as error:
                self._went_down(error)
        found = self.fallback.get_many(keys)
        return [found.get(key) for key in keys]

    def ping(self):
        """Asks Redis itself (for the health check): True when it answers."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except (RedisError, OSError) as error:
            self._went_down(error)
            return False


def _resilient(name):
    redis_operation = getattr(RedisCache, name)

    def operation(self, *args, **kwargs):
        if not self.is_down:
            try:
                return redis_operation(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self._went_down(error)
        return getattr(self.fallback, name)(*args, **kwargs)

    operation.__name__ = name
    operation.__doc__ = redis_operation.__doc__
    return operation


for _name in _OPERATIONS:
    setattr(ResilientRedisCache, _name, _resilient(_name))
