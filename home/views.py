from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from . import health


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tai-khoan/",
        "Disallow: /tim-kiem/",
        "Disallow: /tra-cuu/",
        "Disallow: /khoa-hoc-cua-toi/",
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
    return JsonResponse(body, status=status)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without context processors or database: whatever broke must not break this page too.
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
