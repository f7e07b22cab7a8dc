"""Production: every security value must come from the environment, or the process refuses to start."""

from django.core.exceptions import ImproperlyConfigured

from portal.config import tasks_setting

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, CACHES, SECRET_KEY, env, env_bool, env_int


def _require(name, value):
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production and is not set. "
            "See the README, section 'Production'."
        )
    return value


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = _require("SECRET_KEY", SECRET_KEY)
ALLOWED_HOSTS = _require("ALLOWED_HOSTS", ALLOWED_HOSTS)

# One-time form tokens and rate limits are correct only if every process sees the same cache. A
# per-process cache (the embedded local memory) is accepted only when the operator says there is one
# process (gunicorn --workers 1): PORTAL_SINGLE_PROCESS=1.
PORTAL_SINGLE_PROCESS = env_bool("PORTAL_SINGLE_PROCESS", False)
if CACHES["default"]["BACKEND"].endswith("LocMemCache") and not PORTAL_SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "Production needs a cache shared by all processes: set REDIS_URL (or CACHE_URL), e.g. "
        "redis://127.0.0.1:6379/1. The local-memory cache is per process, so one-time form tokens and rate "
        "limits would not hold across gunicorn workers. If this deployment really runs a single process "
        "(gunicorn --workers 1), set PORTAL_SINGLE_PROCESS=1."
    )

# Mail and indexing go to the database queue, sent by its worker (`manage.py db_worker`,
# deploy/systemd), so no request waits for the mail server; TASKS_BACKEND can still choose another.
TASKS_BACKEND = env("TASKS_BACKEND", "database")
TASKS = tasks_setting(TASKS_BACKEND)
OUTBOX_BACKGROUND_SENDS = env_bool("OUTBOX_BACKGROUND_SENDS", TASKS_BACKEND == "immediate")

# Behind a TLS-terminating proxy (nginx, a load balancer) that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# The health check is asked over plain HTTP by the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
WAGTAILADMIN_BASE_URL = env("BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# nginx (deploy/nginx/portal.conf) passes Host unchanged; X-Forwarded-Host is trusted only when a proxy
# in front rewrites Host and says so.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
