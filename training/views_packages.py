"""The two addresses a lesson's package uses: its files (permission-checked, confined to the package,
under the package policy) and the SCORM commit (the learner's run-time data, saved on the server).

The commit is sent by scorm-again with XMLHttpRequest or, when the page closes, with sendBeacon,
which cannot carry a CSRF header: it is exempt from the cookie check and carries instead a token
signed for this learner and lesson, which another site cannot know."""

import json

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from elearning.serving import package_file_response, with_package_policy
from elearning.vendor import H5P_STANDALONE

from .models import LessonPage
from .services import TrainingError, packages

MAX_COMMIT_BYTES = 256 * 1024


def package_lesson(lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().public().select_related("package"), pk=lesson_id)
    if lesson.package is None:
        raise Http404
    return lesson


@require_GET
def package_file(request, lesson_id, path):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    lesson = package_lesson(lesson_id)
    if not packages.may_open(request.user, lesson):
        return HttpResponseForbidden()
    return package_file_response(lesson.package, path)


@require_GET
@never_cache
def h5p_player(request, lesson_id):
    """The page inside the lesson's frame that runs h5p-standalone on the package's files, under the
    package policy (H5P writes its own frame with inline script)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    lesson = package_lesson(lesson_id)
    if not lesson.package.is_h5p or not packages.may_open(request.user, lesson):
        return HttpResponseForbidden()
    player = packages.player_context(lesson, request.user, new_visit=False)
    context = {
        "player": player,
        "content_url": player["base_url"].rstrip("/"),
        "main_js": f"{H5P_STANDALONE}/main.bundle.js",
        "frame_js": f"{H5P_STANDALONE}/frame.bundle.js",
        "frame_css": f"{H5P_STANDALONE}/styles/h5p.css",
    }
    response = render(request, "training/h5p_player.html", context)
    return with_package_policy(response, read_from=request.build_absolute_uri(player["base_url"]))


def refused(status):
    return JsonResponse({"result": False, "errorCode": 101}, status=status)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def package_commit(request, lesson_id):
    """POST: a commit; GET: whether the lesson is done now (asked after the closing commit, which
    the browser sends as a beacon whose answer the page never sees)."""
    if not request.user.is_authenticated:
        return refused(403)
    lesson = package_lesson(lesson_id)
    if not packages.token_is_valid(request.GET.get("t"), request.user, lesson) or not packages.may_open(
        request.user, lesson
    ):
        return refused(403)
    if request.method == "GET":
        return JsonResponse({"result": True, "errorCode": 0, "lessonDone": packages.lesson_done(request.user, lesson)})
    if len(request.body) > MAX_COMMIT_BYTES:
        return refused(413)
    try:
        payload = json.loads(request.body.decode("utf-8"))
        done, certificate = packages.save_commit(request.user, lesson, payload)
    except (UnicodeDecodeError, ValueError, RecursionError, TrainingError):  # RecursionError: [[[[...]]]]
        return refused(400)
    return JsonResponse(
        {
            "result": True,
            "errorCode": 0,
            "lessonDone": done,
            "certificateUrl": certificate.get_print_url() if certificate else "",
        }
    )
