"""Serving a file from inside a package, confined to the package's folder, under the package policy.

The caller (the lesson that plays the package) has checked who may see it; this only answers for a
path that names a file of the package, with the package's restrictive Content-Security-Policy, a
same-origin framing rule, and ``private`` caching."""

import mimetypes

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control

from .archive import safe_name
from .storage import package_storage

# Types browsers must get right for packages to run; the rest from the platform's table.
TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".css": "text/css",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".xml": "application/xml",
    ".xsd": "application/xml",
}


def content_type(name):
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def package_file_response(package, path):
    """The file at ``path`` inside ``package``; 404 for anything outside it or missing."""
    name = safe_name(path or "")
    if name is None:
        raise Http404
    storage = package_storage()
    try:
        handle = storage.open(package.storage_name(name), "rb")
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, SuspiciousFileOperation, OSError):
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type(name))
    patch_cache_control(response, private=True, max_age=3600)
    return with_package_policy(response)


def with_package_policy(response, *, read_from=None):
    """What every answer from inside a package carries: the package policy, same-origin framing only.

    ``read_from`` (an absolute URL of a package's folder) lets the page fetch that folder's files and
    nothing else (H5P reads its JSON so): CSP sources may name a path."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    policy = dict(settings.PACKAGE_CONTENT_SECURITY_POLICY["DIRECTIVES"])
    if read_from:
        policy["connect-src"] = [read_from]
    # django-csp's middleware reads this attribute (what its csp_override decorator sets).
    response._csp_config = policy
    return response
