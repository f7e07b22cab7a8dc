"""Wagtail's HTTP purge backend, for nginx's cache purge module (deploy/nginx/portal.conf).

The module's purge location is asked ``GET /cache-purge/<path>`` with the page's host name (its
"PURGE method" form crashes nginx 1.22's workers, so Wagtail's own HTTPBackend cannot be used as
it is). nginx answers 404 for a URL it does not hold: the usual case for most listings of a
published page, not an error to log.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends.http import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")

PURGE_PREFIX = "/cache-purge"


class NginxPurgeBackend(HTTPBackend):
    timeout = 5

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, PURGE_PREFIX + parts.path, parts.query, ""])
        request = Request(target, headers={"Host": host, "User-Agent": "portal-frontend-cache"})  # noqa: S310
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 - the configured FRONTEND_CACHE_URL
        except HTTPError as error:
            if error.code != 404:
                logger.error("Couldn't purge %s from the HTTP cache: %s %s", url, error.code, error.reason)
        except (URLError, OSError) as error:
            logger.error("Couldn't purge %s from the HTTP cache: %s", url, error)
