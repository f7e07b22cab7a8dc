"""Lessons that play a SCORM package: upload, permission-checked confined serving, run-time data
saved and restored per learner, completion feeding progress, certificates and reports."""

import io
import json

import pytest

from accounts.factories import training_manager
from elearning.models import Package, PackageRecord
from elearning.storage import create_package
from tests.elearning.builders import scorm_zip, zip_bytes
from training.models import Certificate, Enrolment, LessonCompletion
from training.services import TrainingError, packages, progress, reports
from training.services.page_context import lesson_context

ADD_URL = "/admin/dao-tao/goi-bai-giang/new/"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def scorm_course(course_with_lessons):
    """The course of 4 lessons whose last one plays a SCORM 1.2 package with mastery score 80."""
    course, lessons, lesson_quiz, final = course_with_lessons
    package = create_package(io.BytesIO(scorm_zip("1.2", mastery=80)), name="giam-sat.zip")
    lesson = lessons[3]
    lesson.package = package
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return course, lessons, lesson, package, final


def commit_url(client, lesson):
    context = lesson_context(lesson, client.user)
    return context["package_player"]["commit_url"]


def post_commit(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="text/plain;charset=UTF-8")


@pytest.mark.django_db
def test_a_manager_uploads_a_package_into_private_storage(client, private_media):
    client.force_login(training_manager())
    upload = io.BytesIO(scorm_zip("2004", title="Phản biện xã hội", mastery=75))
    upload.name = "phan-bien.zip"
    response = client.post(ADD_URL, {"title": "", "upload": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    package = Package.objects.get()
    assert (package.title, package.kind, str(package.mastery_score), package.launch) == (
        "Phản biện xã hội",
        "scorm2004",
        "75.00",
        "index.html",
    )
    assert (private_media / package.folder / "index.html").is_file()


@pytest.mark.django_db
def test_a_refused_upload_says_why_and_keeps_nothing(client, private_media):
    client.force_login(training_manager())
    upload = io.BytesIO(zip_bytes({"../../thoat.html": "x", "imsmanifest.xml": "<manifest/>"}))
    upload.name = "xau.zip"
    response = client.post(ADD_URL, {"title": "Gói xấu", "upload": upload})
    assert response.status_code == 200
    assert "nằm ngoài thư mục của gói" in response.content.decode()
    assert not Package.objects.exists()
    assert not private_media.exists() or not any(p.is_file() for p in private_media.rglob("*"))


@pytest.mark.django_db
def test_package_files_are_served_only_to_signed_in_learners_who_may_open_the_lesson(client, scorm_course, student):
    _course, _lessons, lesson, _package, _final = scorm_course
    url = f"/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/goi/index.html"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(student)
    response = client.get(url)
    assert response.status_code == 200
    assert b"LMSInitialize" in b"".join(response.streaming_content)
    policy = response["Content-Security-Policy"]
    assert "connect-src 'none'" in policy and "frame-ancestors 'self'" in policy and "form-action 'none'" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_course_enrolled_by_managers_only_keeps_its_package_from_others(client, scorm_course, student):
    course, _lessons, lesson, _package, _final = scorm_course
    course.self_enrolment = False
    course.save_revision().publish()
    client.force_login(student)
    url = f"/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/goi/index.html"
    assert client.get(url).status_code == 403
    Enrolment.objects.create(user=student, course=course)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["../index.html", "css/../../x", "%2e%2e/%2e%2e/settings.py", "khong-co.html", "css"])
def test_paths_stay_inside_the_package(client, scorm_course, student, path):
    _course, _lessons, lesson, _package, _final = scorm_course
    client.force_login(student)
    assert client.get(f"/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/goi/{path}").status_code == 404


@pytest.mark.django_db
def test_a_commit_without_the_learners_token_is_refused(client, scorm_course, student, other_student):
    _course, _lessons, lesson, _package, _final = scorm_course
    client.force_login(other_student)
    client.user = other_student
    others_url = commit_url(client, lesson)
    client.force_login(student)
    bare = f"/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/du-lieu-goi/"
    assert post_commit(client, bare, {"cmi.core.lesson_status": "passed"}).status_code == 403
    assert post_commit(client, others_url, {"cmi.core.lesson_status": "passed"}).status_code == 403
    assert not PackageRecord.objects.filter(user=student, completion_status="passed").exists()


@pytest.mark.django_db
def test_a_commit_nested_too_deep_is_refused_not_an_error(client, scorm_course, student):
    _course, _lessons, lesson, _package, _final = scorm_course
    client.force_login(student)
    client.user = student
    body = b"[" * 50_000 + b"]" * 50_000  # within the size limit, past any parser's depth
    response = client.post(commit_url(client, lesson), data=body, content_type="text/plain;charset=UTF-8")
    assert response.status_code == 400 and response.json()["result"] is False


@pytest.mark.django_db
def test_cmi_data_is_saved_and_restored_on_the_next_visit(client, scorm_course, student):
    _course, _lessons, lesson, package, _final = scorm_course
    client.force_login(student)
    client.user = student
    url = commit_url(client, lesson)
    response = post_commit(
        client,
        url,
        {
            "cmi.core.lesson_status": "incomplete",
            "cmi.core.lesson_location": "q2",
            "cmi.suspend_data": "q1=dung",
            "cmi.core.exit": "suspend",
            "cmi.core.session_time": "00:01:30",
        },
    )
    assert response.json() == {"result": True, "errorCode": 0, "lessonDone": False, "certificateUrl": ""}
    player = lesson_context(lesson, student)["package_player"]
    assert player["cmi"]["core"]["lesson_location"] == "q2"
    assert player["cmi"]["suspend_data"] == "q1=dung"
    assert player["cmi"]["core"]["entry"] == "resume"
    assert player["cmi"]["core"]["total_time"] == "0000:01:30"
    assert not LessonCompletion.objects.filter(user=student, lesson=lesson).exists()


@pytest.mark.django_db
def test_a_score_below_mastery_does_not_complete_the_lesson(client, scorm_course, student):
    _course, _lessons, lesson, _package, _final = scorm_course
    client.force_login(student)
    client.user = student
    response = post_commit(
        client, commit_url(client, lesson), {"cmi.core.lesson_status": "passed", "cmi.core.score.raw": "60"}
    )
    assert response.json()["lessonDone"] is False
    assert not LessonCompletion.objects.filter(user=student, lesson=lesson).exists()


@pytest.mark.django_db
def test_mastering_the_package_completes_the_lesson_the_course_and_issues_the_certificate(
    client, scorm_course, student
):
    course, lessons, lesson, _package, final = scorm_course
    for other in lessons[:3]:
        progress.complete_lesson(student, other)
    from training.models import Attempt

    Attempt.objects.create(
        user=student, quiz=final, number=1, seed=1, score=100, passed=True, submitted_at="2026-01-01T00:00:00Z"
    )
    before = reports.build_report([course])[0].total.completed
    client.force_login(student)
    client.user = student
    response = post_commit(
        client,
        commit_url(client, lesson),
        {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "90", "cmi.core.score.max": "100"},
    )
    body = response.json()
    assert body["lessonDone"] is True and body["certificateUrl"]
    assert LessonCompletion.objects.filter(user=student, lesson=lesson).exists()
    assert Certificate.objects.filter(user=student, course=course).exists()
    assert (before, reports.build_report([course])[0].total.completed) == (0, 1)


@pytest.mark.django_db
def test_the_lessons_button_cannot_complete_a_package_lesson(scorm_course, student):
    _course, _lessons, lesson, _package, _final = scorm_course
    with pytest.raises(TrainingError):
        progress.complete_lesson(student, lesson)


@pytest.mark.django_db
def test_the_lesson_page_plays_the_package_in_a_sandboxed_frame(client, scorm_course, student):
    _course, _lessons, lesson, _package, _final = scorm_course
    client.force_login(student)
    html = client.get(lesson.url).content.decode()
    assert 'sandbox="allow-scripts allow-same-origin allow-forms"' in html
    assert "vendor/scorm-again-3.4.3/scorm12.min.js" in html
    assert "Đánh dấu đã học xong" not in html
    assert packages.may_open(student, lesson)


@pytest.mark.django_db
def test_anonymous_readers_are_asked_to_sign_in_to_play_the_package(client, scorm_course):
    _course, _lessons, lesson, _package, _final = scorm_course
    html = client.get(lesson.url).content.decode()
    assert "Đăng nhập để học bài giảng điện tử này" in html
    assert "package-cmi" not in html
