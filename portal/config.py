"""Turning the values read from the environment (in ``portal.settings.base``) into Django settings.

``EMAIL_URL`` is parsed here with the standard library, in the form dj-email-url read (which had no
release for years): ``smtp://user:password@host:587/?tls=True``. No dependency is worth a format of
a dozen lines, and the settings keep one way of reading the environment."""

from urllib.parse import parse_qs, unquote, urlsplit

TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}

SMTP = "django.core.mail.backends.smtp.EmailBackend"
# scheme -> (backend, default port, TLS, SSL); "submission" is SMTP with STARTTLS on 587.
EMAIL_SCHEMES = {
    "smtp": (SMTP, 25, False, False),
    "submission": (SMTP, 587, True, False),
    "smtps": (SMTP, 465, False, True),
    "console": ("django.core.mail.backends.console.EmailBackend", None, False, False),
    "file": ("django.core.mail.backends.filebased.EmailBackend", None, False, False),
    "memory": ("django.core.mail.backends.locmem.EmailBackend", None, False, False),
    "dummy": ("django.core.mail.backends.dummy.EmailBackend", None, False, False),
}
TRUE = {"1", "true", "yes", "on"}


def tasks_setting(backend):
    """``TASKS`` for a backend name (``TASKS_BACKEND``)."""
    if backend not in TASK_BACKENDS:
        raise ValueError(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {backend!r}")
    return {"default": {"BACKEND": TASK_BACKENDS[backend], "QUEUES": []}}


def email_settings(url):
    """The ``EMAIL_*`` settings that ``url`` describes.

    Query options: ``tls``, ``ssl`` (true/false), ``timeout`` (seconds); user and password may be
    percent-encoded (``%40`` for an ``@`` in a user name)."""
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_SCHEMES:
        raise ValueError(f"EMAIL_URL scheme must be one of {', '.join(EMAIL_SCHEMES)}, not {parts.scheme!r}")
    backend, default_port, tls, ssl = EMAIL_SCHEMES[parts.scheme]
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    settings = {
        "EMAIL_BACKEND": backend,
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or default_port or 25,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": query["tls"].lower() in TRUE if "tls" in query else tls,
        "EMAIL_USE_SSL": query["ssl"].lower() in TRUE if "ssl" in query else ssl,
    }
    if "timeout" in query:
        settings["EMAIL_TIMEOUT"] = int(query["timeout"])
    if parts.scheme == "file":
        settings["EMAIL_FILE_PATH"] = unquote(parts.path)
    if settings["EMAIL_USE_TLS"] and settings["EMAIL_USE_SSL"]:
        raise ValueError("EMAIL_URL asks for both tls and ssl; choose one")
    return settings
