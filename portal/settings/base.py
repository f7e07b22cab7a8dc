"""Settings shared by every environment.

The environment is read once, here. With no variable set the portal runs on the embedded defaults
(SQLite, database search, local-memory cache, in-process tasks, console email, local media).
Each production service is swapped in by one variable; see the README's "Configuration".
"""

import os
from pathlib import Path

import dj_database_url
from dotenv import load_dotenv

from portal.config import email_settings, tasks_setting

from . import headers, search, static_bundles
from .i18n import *  # noqa: F403 - languages, time zone, catalogues: Vietnamese first, English under /en/

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"

# A .env file beside manage.py is honoured (development convenience); real variables win.
load_dotenv(BASE_DIR / ".env", override=False)


def env(name, default=None):
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = env(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name, default):
    value = env(name)
    return int(value) if value is not None else default


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Application definition

INSTALLED_APPS = [
    "home",
    "outbox",
    "accounts",
    "news",
    "training",
    "feedback",
    "documents",
    "organisation",
    "consultations",
    "supervision",
    "search",
    "staff",
    "english",
    "visits",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.fragments.RequestMemoMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.NulByteMiddleware",
    # Anonymous visitors get public pages from the cache before sessions, CSRF and auth run.
    "home.pagecache.PageCacheMiddleware",
    "home.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # the language of the address (/en/...), see i18n.py
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.security.PortalCSPMiddleware",
    "home.security.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite file by default, PostgreSQL (psycopg 3) via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers queue for the lock instead of failing with "database is locked": each
    # transaction takes the write lock when it begins (IMMEDIATE: no deadlock when a reader turns
    # writer) and waits up to 20 s for it.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)  # opening a file costs each request
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis via CACHE_URL or REDIS_URL. Redis down never takes the site
# down: home.cache.ResilientRedisCache then serves from a per-process cache (what that means for rate
# limits, form tokens, the search breaker and outlines is written there and in the README). Short
# socket timeouts: a Redis that hangs costs a request at most a second.
_cache_url = env("CACHE_URL") or env("REDIS_URL")
if _cache_url:
    CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": _cache_url,
            "KEY_PREFIX": "portal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The anonymous page cache (home.pagecache): Redis when given, else files shared by every process on
# the machine, so that a purge in one gunicorn worker is seen by the others at once.
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "portal-pages"}
    if _cache_url
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": env("PAGE_CACHE_DIR", str(BASE_DIR / ".page_cache")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)
# Seconds a public page is served from the cache to anonymous visitors; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# What a browser may keep without asking again (a purge cannot reach it), and what the HTTP cache in
# front (nginx, X-Accel-Expires) keeps; the portal purges it on publish.
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 60)
FRONTEND_CACHE_SECONDS = env_int("FRONTEND_CACHE_SECONDS", 300)
PAGE_CACHE_SKIP_PREFIXES = ["/admin/"]
# The HTTP cache in front of gunicorn that Wagtail purges on publish (nginx with the cache purge module):
# FRONTEND_CACHE_URL=http://127.0.0.1:80 sends PURGE requests there. The app itself is not installed:
# its signal handlers purge only the page, before the publish commits; home.pagecache purges the page
# and every listing of it, after the commit, through the same backends (PurgeBatch).
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL")
WAGTAILFRONTENDCACHE = (
    {"nginx": {"BACKEND": "home.frontend_cache.NginxPurgeBackend", "LOCATION": FRONTEND_CACHE_URL}}
    if FRONTEND_CACHE_URL
    else {}
)

# Menus, site settings and other fragments every page repeats: seconds they stay cached (0: never).
FRAGMENT_SECONDS = env_int("FRAGMENT_SECONDS", 60)

# Addresses per sitemap file behind the /sitemap.xml index (the protocol allows 50,000).
SITEMAP_PAGE_SIZE = 50_000

# Background tasks (email, indexing): run in-process by default; "database" queues them for
# `manage.py db_worker` (the production default, see production.py).
TASKS_BACKEND = env("TASKS_BACKEND", "immediate")
TASKS = tasks_setting(TASKS_BACKEND)

# Email: console by default, SMTP via EMAIL_URL (smtp://user:pass@host:587/?tls=True, see portal.config).
# No SMTP conversation may hang a worker: connecting, each command and each reply time out.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
vars().update(email_settings(env("EMAIL_URL", "console://")))
# The in-process task backend would send inside the visitor's request: the outbox then sends from a
# background thread instead, so a response never waits for the mail server (outbox.mail.enqueue).
OUTBOX_BACKGROUND_SENDS = env_bool("OUTBOX_BACKGROUND_SENDS", TASKS_BACKEND == "immediate")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Hội LHPN tỉnh <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Password reset mail goes through the outbox (stored, sent after the commit, retried).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.forms_public.AdminPasswordResetForm"  # noqa: S105 (a class path)

# Passwords
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Slugs are ASCII: "Đào tạo cán bộ" -> "dao-tao-can-bo" (see home.text.slugify_vi).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Static files: served by WhiteNoise, hashed and compressed in production.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "portal.static_bundles.BundleFinder",
]
# What every page loads: one stylesheet and one script (portal/settings/static_bundles.py).
STATIC_BUNDLES = static_bundles.BUNDLES
STATIC_BUNDLES_DIR = BASE_DIR / ".static_bundles"

# Media: a local folder by default, S3-compatible storage with MEDIA_STORAGE=s3.
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_STORAGE = env("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# What the public uploads (feedback attachments) is private: no URL, served by a permission-checked
# admin view. Locally a folder outside MEDIA_ROOT; with S3, the same bucket under "private/", signed.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
if MEDIA_STORAGE == "s3":
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_default_storage["OPTIONS"],
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "custom_domain": None,
        },
    }
else:
    _private_storage = {"BACKEND": "feedback.storage.PrivateFileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: large files go to disk, not memory; the limits per field live in the forms.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Search: Wagtail's database backend by default, Elasticsearch 8 via ELASTICSEARCH_URL (portal/settings/search.py).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_SETTINGS = search.ELASTICSEARCH_INDEX_SETTINGS
WAGTAILSEARCH_BACKENDS = search.backends(ELASTICSEARCH_URL, env("ELASTICSEARCH_INDEX", "portal"))

# Feedback (listening forum): spam limits per client address, anonymisation, client address.
# Number of reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
FEEDBACK_MIN_SECONDS = env_int("FEEDBACK_MIN_SECONDS", 3)
FEEDBACK_RATE_LIMIT = env_int("FEEDBACK_RATE_LIMIT", 5)
FEEDBACK_RATE_LIMIT_NO_POW = env_int("FEEDBACK_RATE_LIMIT_NO_POW", 2)
FEEDBACK_RATE_WINDOW = env_int("FEEDBACK_RATE_WINDOW", 3600)
FEEDBACK_POW_BITS = env_int("FEEDBACK_POW_BITS", 14)
FEEDBACK_LOOKUP_RATE_LIMIT = env_int("FEEDBACK_LOOKUP_RATE_LIMIT", 20)
FEEDBACK_ANONYMISE_AFTER_MONTHS = env_int("FEEDBACK_ANONYMISE_AFTER_MONTHS", 24)
# Reader comments on articles: the same defences, their own counters.
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)
COMMENTS_RATE_LIMIT = env_int("COMMENTS_RATE_LIMIT", 5)
COMMENTS_RATE_LIMIT_NO_POW = env_int("COMMENTS_RATE_LIMIT_NO_POW", 3)
# Sign-in (public and admin) and password reset: see accounts/throttle.py.
SIGN_IN_WINDOW_MINUTES = env_int("SIGN_IN_WINDOW_MINUTES", 15)
SIGN_IN_MAX_FAILURES_PER_ACCOUNT = env_int("SIGN_IN_MAX_FAILURES_PER_ACCOUNT", 8)
SIGN_IN_MAX_FAILURES_PER_ADDRESS = env_int("SIGN_IN_MAX_FAILURES_PER_ADDRESS", 20)
PASSWORD_RESET_MAX_PER_EMAIL = env_int("PASSWORD_RESET_MAX_PER_EMAIL", 3)
PASSWORD_RESET_MAX_PER_ADDRESS = env_int("PASSWORD_RESET_MAX_PER_ADDRESS", 5)

# Wagtail
WAGTAIL_SITE_NAME = env("SITE_NAME", "Hội Liên hiệp Phụ nữ tỉnh")
WAGTAILADMIN_BASE_URL = env("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "doc", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "xls", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: editors' e-mail hashes are not sent to a third party; the admin shows initials instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
FORMAT_MODULE_PATH = ["portal.formats"]  # the admin's day-first dates are read day first (portal/formats/)
WAGTAIL_TIME_FORMAT = "%H:%M"

# Page and collection privacy: sign-in or groups only. Shared passwords are stored in plain text by
# Wagtail and passed around by hand, so they are not offered.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}

# Sessions and cookies
CSRF_FAILURE_VIEW = "home.security.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Wagtail marks its own preview views SAMEORIGIN; everything else may never be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy and Permissions-Policy (portal/settings/headers.py, home/security.py). Public
# pages: no inline script or style, nothing from elsewhere but the media store (CSP_MEDIA_HOSTS) and the
# video hosts of embeds (CSP_FRAME_HOSTS, space-separated). The admin (ADMIN_PATH_PREFIXES) gets its own
# policy: Wagtail's editor needs inline script and style.
_media_hosts = [f"https://{host}" for host in env_list("CSP_MEDIA_HOSTS")]
if MEDIA_STORAGE == "s3":
    _custom_domain = env("AWS_S3_CUSTOM_DOMAIN")
    _media_hosts += [env("AWS_S3_ENDPOINT_URL") or "", f"https://{_custom_domain}" if _custom_domain else ""]
CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY = headers.content_security_policies(
    media_hosts=[host for host in _media_hosts if host],
    frame_hosts=env("CSP_FRAME_HOSTS", " ".join(headers.VIDEO_HOSTS)).split(),
)
ADMIN_PATH_PREFIXES = ["/admin/"]
PERMISSIONS_POLICY_DISABLED = headers.PERMISSIONS_POLICY_DISABLED

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django_tasks": {"level": "WARNING"},
    },
}
