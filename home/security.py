"""Response headers that limit what a page may load or use (Content-Security-Policy, Permissions-Policy),
and the Vietnamese page for a refused form (CSRF failure).

Public pages run no inline script and no inline style (``settings.CONTENT_SECURITY_POLICY``: only files
from this site, plus the video hosts embeds come from). Wagtail's admin needs inline script and style,
so paths under the admin get ``settings.ADMIN_CONTENT_SECURITY_POLICY`` instead.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from csp.middleware import CSPMiddleware, PolicyParts


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy for paths under ``ADMIN_PATH_PREFIXES``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_PATH_PREFIXES))


class PermissionsPolicyMiddleware:
    """Turns off the browser features no page of the portal uses (camera, microphone, location...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: says in Vietnamese what happened and leads back to the form (status 403)."""
    referer = request.META.get("HTTP_REFERER", "")
    safe = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return render(request, "403_csrf.html", {"back_url": referer if referer and safe else "/"}, status=403)
