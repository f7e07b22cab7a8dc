"""What ``/healthz/`` reports: the state of each dependency, cheaply enough to be asked every few seconds.

Only the database decides the status code: without it the portal can serve nothing (503); the cache,
search and the task queue each have a fallback (``home.cache``, the database search index, the queue
keeps what it is given), so their failure is reported in the body with 200 while the site stays up.
Apps add their own dependency with the Wagtail hook ``portal_health_checks``: a function returning
``{name: state}`` (the search app reports Elasticsearch this way).
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone

from wagtail import hooks

# A queued task older than this means the worker is not running (or cannot keep up).
TASK_BACKLOG_LATE = datetime.timedelta(minutes=15)


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        return "down"


def cache_state():
    ping = getattr(cache, "ping", None)
    if ping is None:
        return "local"  # a per-process cache: nothing to reach
    return "ok" if ping() else "down"


def task_backlog():
    """``{"state": ..., "ready": n, "oldest_seconds": s}``; "immediate" when tasks run in the request."""
    if not settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db"):
        return {"state": "immediate"}
    from django_tasks_db.models import DBTaskResult

    try:
        ready = DBTaskResult.objects.ready()
        count = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    except DatabaseError:
        return {"state": "unknown"}
    age = (timezone.now() - oldest) if oldest else datetime.timedelta(0)
    state = "late" if age > TASK_BACKLOG_LATE else "ok"
    return {"state": state, "ready": count, "oldest_seconds": int(age.total_seconds())}


def report():
    """``(http_status, body)``."""
    body = {"database": database(), "cache": cache_state()}
    for check in hooks.get_hooks("portal_health_checks"):
        body.update(check())
    body["tasks"] = task_backlog() if body["database"] == "ok" else {"state": "unknown"}
    if body["database"] != "ok":
        body["status"] = "down"
        return 503, body
    degraded = body["cache"] == "down" or body["tasks"]["state"] == "late"
    degraded = degraded or any(value == "down" for value in body.values() if isinstance(value, str))
    body["status"] = "degraded" if degraded else "ok"
    return 200, body
