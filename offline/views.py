"""The web app manifest, the service worker (served from the site root so that it may control every
page), the offline page, a course's package for offline reading and the sync of queued actions."""

import hashlib
import json
import logging

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Site

from home.models import SiteSettings
from home.ratelimit import rate_limited
from training.models import CoursePage

from .services.package import course_package
from .services.sync import MAX_ACTIONS, apply_actions

logger = logging.getLogger(__name__)

THEME_COLOUR = "#0b4f8a"
MAX_SYNC_BODY = 64 * 1024
SYNC_LIMIT, SYNC_WINDOW = 30, 60  # batches per learner and minute: a phone sends one per reconnection
# What the service worker keeps from the first visit, so that the offline page always works.
PRECACHE = ("css/site.css", "js/site.js", "js/offline-study.js", "img/logo.svg", "img/favicon.svg")


def _settings(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request):
    org = _settings(request)
    name = (org.organisation_name if org else "") or _("Cổng thông tin Hội LHPN")
    icons = [{"src": staticfiles_storage.url("img/logo.svg"), "sizes": "any", "type": "image/svg+xml"}]
    if org and org.logo:
        try:
            for size in (192, 512):
                rendition = org.logo.get_rendition(f"fill-{size}x{size}|format-png")
                icons.insert(0, {"src": rendition.url, "sizes": f"{size}x{size}", "type": "image/png"})
        except (OSError, ValueError):  # the logo's file is missing or unreadable: the portal's emblem stands in
            logger.warning("manifest: no rendition of the site logo", exc_info=True)
            icons = icons[-1:]
    data = {
        "name": name,
        "short_name": name if len(name) <= 12 else _("Hội LHPN"),
        "lang": "vi",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def service_worker(request):
    """The service worker, with the hashed names of what it keeps; its bytes change with every deploy
    that changes them, so browsers install the new one."""
    precache = [staticfiles_storage.url(path) for path in PRECACHE] + ["/ngoai-tuyen/"]
    version = hashlib.sha256("|".join(precache).encode()).hexdigest()[:12]
    body = render_to_string("offline/sw.js", {"precache": json.dumps(precache), "version": version})
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    # Browsers check for a new worker at most daily anyway; never keep it longer in a cache between.
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline_page(request):
    """What a reader sees offline when the page asked for was never saved (cached like any public page)."""
    return render(request, "offline/offline_page.html", {})


def _json_error(message, status):
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


@never_cache
@require_GET
def package(request, course_id):
    if not request.user.is_authenticated:
        return _json_error(_("Cần đăng nhập để tải khóa học."), 403)
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    return JsonResponse(course_package(course, request.user), json_dumps_params={"ensure_ascii": False})


@never_cache
@require_POST
def sync(request):
    """Applies the actions a phone queued offline: ``{"actions": [...]}``; answers one result per action."""
    if not request.user.is_authenticated:
        return _json_error(_("Cần đăng nhập để đồng bộ."), 403)
    if rate_limited("offline-sync", str(request.user.pk), SYNC_LIMIT, SYNC_WINDOW):
        return _json_error(_("Gửi quá nhiều lần; xin thử lại sau ít phút."), 429)
    if len(request.body) > MAX_SYNC_BODY:
        return _json_error(_("Dữ liệu gửi lên quá lớn."), 413)
    try:
        actions = json.loads(request.body.decode("utf-8")).get("actions")
    except (ValueError, UnicodeDecodeError, AttributeError, RecursionError):  # RecursionError: [[[[...]]]]
        actions = None
    if not isinstance(actions, list) or len(actions) > MAX_ACTIONS:
        return _json_error(_("Dữ liệu không hợp lệ."), 400)
    results = apply_actions(request.user, actions)
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})
