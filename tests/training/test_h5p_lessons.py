"""H5P lessons: the package is checked like a SCORM one, played by h5p-standalone inside the lesson's
frame, and its xAPI statements complete the lesson like a quiz."""

import io
import json

import pytest

from elearning.archive import PackageRefused
from elearning.models import PackageRecord, XapiStatement
from elearning.storage import create_package
from tests.elearning.builders import h5p_files, h5p_zip, zip_bytes
from training.models import LessonCompletion
from training.services.page_context import lesson_context

COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def statement(verb=COMPLETED, success=True, scaled=1.0, sub_content=False):
    result = {"score": {"raw": scaled, "max": 1, "scaled": scaled}, "completion": True, "success": success}
    context = {"extensions": {"http://h5p.org/x-api/h5p-subContentId": "abc"}} if sub_content else {}
    return {"verb": {"id": verb}, "result": result, "context": context}


@pytest.fixture
def h5p_course(course_with_lessons):
    course, lessons, _quiz, _final = course_with_lessons
    package = create_package(io.BytesIO(h5p_zip()), name="cau-hoi.h5p")
    lesson = lessons[0]
    lesson.package = package
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return course, lesson, package


def post(client, lesson, user, body):
    url = lesson_context(lesson, user)["package_player"]["commit_url"]
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_an_h5p_package_missing_a_library_is_refused():
    files = h5p_files()
    del files["H5P.HoiQuestion-1.0/library.json"]
    with pytest.raises(PackageRefused, match="thiếu thư viện H5P.HoiQuestion-1.0"):
        create_package(io.BytesIO(zip_bytes(files)))


@pytest.mark.django_db
def test_the_player_page_may_read_only_its_own_package(client, h5p_course, student):
    _course, lesson, _package = h5p_course
    client.force_login(student)
    response = client.get(f"/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/h5p/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert f"connect-src http://testserver/khoa-hoc-cua-toi/bai-hoc/{lesson.pk}/goi/" in policy
    assert "frame-ancestors 'self'" in policy
    assert "vendor/h5p-standalone-3.8.2/main.bundle.js" in response.content.decode()


@pytest.mark.django_db
def test_a_completed_statement_completes_the_lesson(client, h5p_course, student):
    _course, lesson, package = h5p_course
    client.force_login(student)
    assert post(client, lesson, student, {"statement": statement(sub_content=True)}).json()["lessonDone"] is False
    body = post(client, lesson, student, {"statement": statement()}).json()
    assert body["lessonDone"] is True
    assert LessonCompletion.objects.filter(user=student, lesson=lesson).exists()
    record = PackageRecord.objects.get(user=student, package=package)
    assert (str(record.score), record.success_status) == ("100.00", "passed")
    assert XapiStatement.objects.filter(record=record, verb="completed").count() == 1


@pytest.mark.django_db
def test_a_failed_answer_does_not_complete_the_lesson(client, h5p_course, student):
    _course, lesson, _package = h5p_course
    client.force_login(student)
    assert (
        post(client, lesson, student, {"statement": statement(success=False, scaled=0)}).json()["lessonDone"] is False
    )
    assert not LessonCompletion.objects.filter(user=student, lesson=lesson).exists()


@pytest.mark.django_db
def test_the_contents_state_is_kept_for_the_next_visit(client, h5p_course, student):
    _course, lesson, _package = h5p_course
    client.force_login(student)
    post(client, lesson, student, {"state": {"answer": "Hội viên"}})
    assert json.loads(lesson_context(lesson, student)["package_player"]["h5p_state"]) == {"answer": "Hội viên"}


@pytest.mark.django_db
def test_something_that_is_not_a_statement_is_refused(client, h5p_course, student):
    _course, lesson, _package = h5p_course
    client.force_login(student)
    assert post(client, lesson, student, {"statement": "completed"}).status_code == 400
    assert post(client, lesson, student, {"other": 1}).status_code == 400
