"""Tests: fast hashing, plain static storage, in-memory email and cache, no network."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off unless a test turns it on (tests/home/test_page_cache.py): most tests change data without publishing.
PAGE_CACHE_SECONDS = 0
WAGTAILFRONTENDCACHE = {}
# Search counts written at once (search.hits batches them), as tests expect to see them.
SEARCH_HITS_FLUSH_SECONDS = 0
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}
# Sends run where the tests can see them; tests/feedback/test_mail_server_hangs.py turns the background on.
OUTBOX_BACKGROUND_SENDS = False
WHITENOISE_USE_FINDERS = True
WAGTAILADMIN_BASE_URL = "http://testserver"

# A file, not memory, for the SQLite test database: the browser journeys' live server then opens its
# own connection instead of sharing the test thread's (pytest-xdist adds a suffix per worker).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # as the tests were written: a connection per request
