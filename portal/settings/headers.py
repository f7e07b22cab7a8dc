"""The Content-Security-Policy and Permissions-Policy values (used by base.py; see home/security.py)."""

# Where the embeds' videos come from (CSP_FRAME_HOSTS replaces the list).
VIDEO_HOSTS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Browser features no page of the portal uses: turned off for the page and everything it frames.
PERMISSIONS_POLICY_DISABLED = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
    "browsing-topics",
]


def content_security_policies(media_hosts=(), frame_hosts=()):
    """django-csp settings for public pages and for the admin, as ``(public, admin)``."""
    public = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *media_hosts],
        "media-src": ["'self'", *media_hosts],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The service worker (offline/views.py) is served from this site's root, /sw.js.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": ["'self'", *frame_hosts],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    admin = {
        **public,
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *media_hosts],
        "font-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
        # Wagtail's live preview frames the page from the admin.
        "frame-ancestors": ["'self'"],
    }
    return {"DIRECTIVES": public}, {"DIRECTIVES": admin}
