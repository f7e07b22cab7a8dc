"""Settings of the e-learning packages (SCORM, H5P) and of training reminders (used by base.py).

``settings(env)`` takes base.py's ``env`` reader, so the environment is still read in one place."""


def package_content_security_policy():
    """The policy of every file served from inside a package (``elearning.serving``).

    Authoring tools write inline scripts and styles, so a package may run them, but only against this
    site: it loads nothing from elsewhere, sends nothing anywhere (no fetch, no form, no beacon), and
    may be framed only by the portal's own lesson page."""
    return {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'none'"],
        "frame-src": ["'self'"],
        "worker-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'self'"],
    }


def settings(env):
    def number(name, default):
        return int(env(name, str(default)))

    return {
        # An uploaded package (zip or .h5p) and what it may hold once unpacked.
        "PACKAGE_MAX_UPLOAD_BYTES": number("PACKAGE_MAX_UPLOAD_BYTES", 200 * 1024 * 1024),
        "PACKAGE_MAX_UNPACKED_BYTES": number("PACKAGE_MAX_UNPACKED_BYTES", 500 * 1024 * 1024),
        "PACKAGE_MAX_FILES": number("PACKAGE_MAX_FILES", 3000),
        "PACKAGE_MAX_COMPRESSION_RATIO": number("PACKAGE_MAX_COMPRESSION_RATIO", 100),
        "PACKAGE_CONTENT_SECURITY_POLICY": {"DIRECTIVES": package_content_security_policy()},
        # Reminders (training.services.reminders): after this many days without opening an enrolled course.
        "TRAINING_REMINDER_INACTIVE_DAYS": number("TRAINING_REMINDER_INACTIVE_DAYS", 14),
    }
