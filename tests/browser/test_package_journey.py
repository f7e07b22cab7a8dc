"""A learner plays a SCORM lesson on a phone: opens it, answers, leaves mid-way, comes back where they
were, finishes; the course progress and the report move. The package is built by the test."""

import io
import time

import pytest
from playwright.sync_api import expect

from .conftest import fits, screenshot, sign_in
from .test_training_journey import ensure_migration_data


@pytest.fixture
def scorm_lesson(transactional_db, settings, tmp_path):
    from accounts.factories import learner
    from accounts.models import OrganisationUnit, UnitKind
    from elearning.storage import create_package
    from home.models import HomePage
    from tests.elearning.builders import scorm_zip
    from training.factories import TrainingIndexPageFactory, build_course
    from training.services import progress

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    ensure_migration_data()
    unit = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.PROVINCE)
    index = TrainingIndexPageFactory(parent=HomePage.objects.get())
    course, lessons = build_course(index, title="Giám sát cộng đồng", slug="giam-sat-cong-dong", modules=1)
    package = create_package(io.BytesIO(scorm_zip("1.2", mastery=80, score=90)), name="giam-sat.zip")
    lesson = lessons[1]
    lesson.package = package
    lesson.save_revision().publish()
    student = learner(username="hocvien", full_name="Vũ Thị Học", unit=unit)
    progress.complete_lesson(student, lessons[0])
    return {"course": course, "lesson": lesson, "student": student, "package": package}


def record_of(data):
    from elearning.models import PackageRecord

    return PackageRecord.objects.filter(user=data["student"], package=data["package"]).first()


def wait_for(check, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_learner_leaves_a_scorm_lesson_mid_way_resumes_and_finishes_it(phone, live_server, scorm_lesson):
    from training.services import reports

    data = scorm_lesson
    violations = []
    phone.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    sign_in(phone, data["student"], live_server.url)
    phone.goto(data["lesson"].url)

    frame = phone.frame_locator("iframe[sandbox]")
    expect(frame.get_by_text("Vị trí: đầu bài")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "scorm-1-opened-phone")
    frame.get_by_role("button", name="Trả lời câu 1").click()
    expect(frame.get_by_text("Câu 2: Khi nào giám sát?")).to_be_visible()
    frame.get_by_role("button", name="Tạm dừng").click()
    expect(frame.get_by_text("Đã tạm dừng")).to_be_visible()
    assert wait_for(lambda: (record_of(data) or None) and record_of(data).location == "q2")
    assert record_of(data).suspend_data == "q1=dung"

    phone.goto(data["course"].url)  # away, then back
    phone.goto(data["lesson"].url)
    expect(phone.get_by_text("Bài giảng sẽ mở lại ở chỗ bạn đã dừng.")).to_be_visible()
    expect(frame.get_by_text("Vị trí: q2 / vào: resume / dữ liệu: q1=dung")).to_be_visible()
    expect(frame.get_by_text("Câu 2: Khi nào giám sát?")).to_be_visible()
    screenshot(phone, "scorm-2-resumed-phone")
    frame.get_by_role("button", name="Nộp bài").click()

    expect(phone.get_by_text("Bạn đã hoàn thành bài giảng. Tiến độ khóa học đã được cập nhật.")).to_be_visible()
    record = record_of(data)
    assert (record.completion_status, str(record.score), record.satisfied_at is not None) == ("passed", "90.00", True)
    assert record.total_seconds == 90  # the first visit's time; the second is folded in on the next visit
    phone.reload()
    expect(phone.get_by_text("Bạn đã hoàn thành bài này.")).to_be_visible()
    expect(phone.get_by_text("Đã học 2/2 bài (100%)")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "scorm-3-finished-phone")
    report = reports.build_report([data["course"]])[0]
    assert (report.total.started, report.total.completed) == (1, 1)
    assert violations == []


@pytest.fixture
def h5p_lesson(transactional_db, settings, tmp_path):
    from accounts.factories import learner
    from elearning.storage import create_package
    from home.models import HomePage
    from tests.elearning.builders import h5p_zip
    from training.factories import TrainingIndexPageFactory, build_course

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    ensure_migration_data()
    index = TrainingIndexPageFactory(parent=HomePage.objects.get())
    course, lessons = build_course(index, title="Phản biện xã hội", slug="phan-bien", modules=1, lessons_per_module=1)
    package = create_package(io.BytesIO(h5p_zip()), name="cau-hoi.h5p")
    lesson = lessons[0]
    lesson.package = package
    lesson.save_revision().publish()
    student = learner(username="hocvien", full_name="Vũ Thị Học")
    return {"course": course, "lesson": lesson, "student": student, "package": package}


def test_learner_answers_an_h5p_lesson_leaves_resumes_and_completes_it(phone, live_server, h5p_lesson):
    from training.models import LessonCompletion

    data = h5p_lesson
    errors = []
    phone.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    sign_in(phone, data["student"], live_server.url)
    phone.goto(data["lesson"].url)
    frame = phone.frame_locator("iframe[sandbox]")
    expect(frame.get_by_text("Ai giám sát chính quyền cơ sở?")).to_be_visible()
    frame.get_by_label("Câu trả lời").fill("Hội viên")
    frame.get_by_role("button", name="Lưu câu trả lời").click()
    assert wait_for(lambda: record_of(data) is not None and "Hội viên" in record_of(data).suspend_data), errors
    screenshot(phone, "h5p-1-answered-phone")

    phone.goto(data["course"].url)
    phone.goto(data["lesson"].url)
    expect(frame.get_by_text("Đã lưu câu trả lời: Hội viên")).to_be_visible()
    expect(frame.get_by_label("Câu trả lời")).to_have_value("Hội viên")
    frame.get_by_role("button", name="Kiểm tra").click()
    expect(phone.get_by_text("Bạn đã hoàn thành bài giảng. Tiến độ khóa học đã được cập nhật.")).to_be_visible()
    assert LessonCompletion.objects.filter(user=data["student"], lesson=data["lesson"]).exists()
    record = record_of(data)
    assert (str(record.score), record.success_status) == ("100.00", "passed")
    phone.reload()
    expect(phone.get_by_text("Đã học 1/1 bài (100%)")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "h5p-2-completed-phone")
