import io

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, fits, screenshot, sign_in

MIGRATION_DATA = [
    ("wagtail.migrations.0054_initial_locale", "initial_locale"),
    ("wagtail.migrations.0025_collection_initial_data", "initial_data"),
    ("home.migrations.0002_create_homepage", "create_homepage"),
    ("accounts.migrations.0002_create_roles", "create_roles"),
    ("training.migrations.0002_training_manager_permissions", "grant"),
]


def ensure_migration_data():
    """Journeys flush the database; when pytest-django did not keep the migrations' data for the
    serialized rollback (it happens once an ordinary ``db`` test ran first in the same process),
    the data those migrations create is made again here so this file does not depend on order."""
    from importlib import import_module

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.sql import emit_post_migrate_signal

    from home.models import HomePage

    if HomePage.objects.exists():
        return
    from wagtail.models import Page

    ContentType.objects.clear_cache()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    for module, function in MIGRATION_DATA:
        getattr(import_module(module), function)(apps, None)
        if function == "initial_locale" and not Page.objects.filter(depth=1).exists():
            Page.add_root(instance=Page(title="Root", slug="root"))


@pytest.fixture
def course_in_progress(transactional_db):
    from accounts.factories import DEFAULT_PASSWORD, learner
    from accounts.models import OrganisationUnit, UnitKind
    from home.models import HomePage
    from training.factories import TrainingIndexPageFactory, build_course, make_quiz
    from training.services import progress

    ensure_migration_data()
    unit = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.PROVINCE)
    index = TrainingIndexPageFactory(parent=HomePage.objects.get())
    course, lessons = build_course(
        index, title="Kỹ năng giám sát, phản biện xã hội", slug="ky-nang-giam-sat", modules=2, lessons_per_module=2
    )
    lessons[3].body = [
        ("paragraph", "<p>Theo dõi việc giải quyết kiến nghị đến cùng.</p>"),
        ("checklist", {"title": "Hằng tháng rà soát", "items": ["Kiến nghị nào đã đến hạn?", "Đã báo lại hội viên?"]}),
    ]
    lessons[3].save_revision().publish()
    make_quiz(course, questions=2, title="Bài kiểm tra cuối khóa", pass_mark=100, max_attempts=3)
    student = learner(username="hocvien", full_name="Vũ Thị Học", unit=unit)
    for lesson in lessons[:3]:
        progress.complete_lesson(student, lesson)
    return {"course": course, "lessons": lessons, "student": student, "password": DEFAULT_PASSWORD}


def answer(page, correct):
    for fieldset in page.locator("fieldset.question").all():
        label = "Đáp án đúng" if correct else "Đáp án sai A"
        fieldset.get_by_label(label, exact=False).check()


def test_learner_finishes_a_course_on_a_phone_and_verifies_the_certificate(phone, course_in_progress):
    data = course_in_progress
    phone.goto("/tai-khoan/dang-nhap/?next=/khoa-hoc-cua-toi/")
    phone.get_by_label("Tên đăng nhập").fill("hocvien")
    phone.get_by_label("Mật khẩu").fill(data["password"])
    phone.get_by_role("button", name="Đăng nhập").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Khóa học của tôi")
    expect(phone.get_by_text("Đã học 3/4 bài (75%)")).to_be_visible()
    screenshot(phone, "training-1-my-courses-phone")
    phone.get_by_role("link", name="Tiếp tục học").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Bài 2.2")
    expect(phone.get_by_role("heading", name="Hằng tháng rà soát")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "training-2-lesson-phone")
    phone.get_by_role("button", name="Đánh dấu đã học xong").click()

    expect(phone.get_by_text("Đã đánh dấu hoàn thành bài")).to_be_visible()
    expect(phone.get_by_text("Đã học 4/4 bài (100%)")).to_be_visible()
    phone.get_by_role("button", name="Làm bài kiểm tra").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Bài kiểm tra cuối khóa")
    assert "Giải thích câu" not in phone.content()
    answer(phone, correct=False)
    assert fits(phone)
    screenshot(phone, "training-3-quiz-phone")
    phone.get_by_role("button", name="Nộp bài").click()

    expect(phone.get_by_text("Lần 1: 0%")).to_be_visible()
    expect(phone.get_by_text("Giải thích câu 1.")).to_be_visible()
    screenshot(phone, "training-4-quiz-failed-phone")
    phone.get_by_role("button", name="Làm lại bài kiểm tra").click()

    answer(phone, correct=True)
    phone.get_by_role("button", name="Nộp bài").click()
    expect(phone.get_by_text("Chúc mừng, bạn đã đạt!")).to_be_visible()
    screenshot(phone, "training-5-quiz-passed-phone")
    phone.get_by_role("link", name="Xem chứng nhận của bạn").click()

    expect(phone.locator(".certificate__name")).to_have_text("Vũ Thị Học")
    expect(phone.locator(".certificate__course")).to_have_text("Kỹ năng giám sát, phản biện xã hội")
    screenshot(phone, "training-6-certificate-phone")
    phone.locator(".certificate__code a").click()

    expect(phone.get_by_text("Chứng nhận hợp lệ")).to_be_visible()
    expect(phone.locator("#main").get_by_text("Vũ Thị Học")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "training-7-verification-phone")


def test_manager_opens_the_report_and_downloads_the_spreadsheet(new_page, live_server, course_in_progress):
    from openpyxl import load_workbook

    from accounts.factories import training_manager

    page = new_page(DESKTOP, accept_downloads=True)
    sign_in(page, training_manager(), live_server.url)
    page.goto("/admin/dao-tao/bao-cao/")
    expect(page.get_by_role("heading", name="Kỹ năng giám sát, phản biện xã hội")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Hội LHPN xã Hòa Bình")).to_be_visible()
    screenshot(page, "training-8-report-desktop")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải về Excel (XLSX)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(open(download.path(), "rb").read()))  # noqa: SIM115
    assert workbook.worksheets[0]["A4"].value == "Kỹ năng giám sát, phản biện xã hội"
