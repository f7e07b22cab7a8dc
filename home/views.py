import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from . import health
from .registry import robots_disallowed


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: {path}" for path in robots_disallowed()),  # declared by the apps (home.registry)
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@never_cache
def healthz(request):
    """For the load balancer: 200 while the process and the database answer, 503 otherwise; the body names
    the state of each dependency (see home.health)."""
    status, body = health.report()
    response = JsonResponse(body, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# While the database restarts (or a connection drops), a request gets this page and a Retry-After
# instead of a 500; CONN_HEALTH_CHECKS (settings) lets the next request open a fresh connection.
RETRY_AFTER_SECONDS = 10


def database_unavailable(request=None):
    template = loader.get_template("503.html")
    response = HttpResponse(template.render({"retry_after": RETRY_AFTER_SECONDS}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


@requires_csrf_token
def server_error(request):
    # Django calls this while handling the exception: a lost database connection is a 503 that says so.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)
    # Rendered without context processors or database: whatever broke must not break this page too.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
