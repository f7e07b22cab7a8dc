"""A learner registers for an online event on a phone and only then sees its link; the manager imports
the signed sign-in sheet and the coverage report moves."""

import datetime

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, fits, screenshot, sign_in
from .test_training_journey import ensure_migration_data

LINK = "https://meet.example.org/giao-ban-phan-bien"


@pytest.fixture
def online_event(transactional_db):
    from django.utils import timezone

    from accounts.factories import learner
    from accounts.models import OrganisationUnit, UnitKind
    from home.models import HomePage
    from training.factories import TrainingEventPageFactory, TrainingIndexPageFactory
    from training.models import EventMode

    ensure_migration_data()
    unit = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.PROVINCE)
    index = TrainingIndexPageFactory(parent=HomePage.objects.get())
    event = TrainingEventPageFactory(
        parent=index,
        title="Giao ban trực tuyến: phản biện xã hội",
        slug="giao-ban-truc-tuyen",
        mode=EventMode.ONLINE,
        meeting_link=LINK,
        registration_open=True,
        capacity=50,
        registration_deadline=timezone.now() + datetime.timedelta(days=5),
    )
    student = learner(username="hocvien", full_name="Vũ Thị Học", unit=unit, email="hoc@example.org")
    return {"event": event, "student": student}


def test_learner_registers_then_sees_the_link_and_the_manager_imports_attendance(
    phone, new_page, live_server, online_event, tmp_path
):
    from accounts.factories import training_manager

    data = online_event
    sign_in(phone, data["student"], live_server.url)
    phone.goto(data["event"].url)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Giao ban trực tuyến: phản biện xã hội")
    expect(phone.get_by_role("link", name="Vào phòng học trực tuyến")).to_have_count(0)
    expect(phone.get_by_text("Còn 50 chỗ.")).to_be_visible()
    assert fits(phone)
    screenshot(phone, "event-1-before-registering-phone")
    phone.get_by_role("button", name="Đăng ký tham gia").click()

    expect(phone.get_by_text("Bạn đã đăng ký lớp này.")).to_be_visible()
    expect(phone.get_by_role("link", name="Vào phòng học trực tuyến")).to_have_attribute("href", LINK)
    assert fits(phone)
    screenshot(phone, "event-2-registered-phone")

    manager = new_page(DESKTOP)
    sign_in(manager, training_manager(), live_server.url)
    manager.goto("/admin/dao-tao/bao-cao/")
    section = manager.locator("section.training-report", has_text="Giao ban trực tuyến")
    expect(section.locator("tfoot td").nth(2)).to_have_text("0")
    manager.goto("/admin/dao-tao/lop-tap-huan/")
    manager.get_by_role("link", name="Giao ban trực tuyến: phản biện xã hội").click()
    expect(manager.get_by_role("rowheader", name="Vũ Thị Học")).to_be_visible()
    sheet = tmp_path / "danh-sach-ky.csv"
    sheet.write_text("Họ và tên,Email\nVũ Thị Học,hoc@example.org\n", encoding="utf-8")
    manager.get_by_label("Danh sách ký tên (.xlsx hoặc .csv)").set_input_files(str(sheet))
    manager.get_by_role("button", name="Nhập danh sách ký tên").click()
    expect(manager.get_by_text("1 người mới được ghi nhận có mặt")).to_be_visible()
    screenshot(manager, "event-3-attendance-desktop")
    manager.goto("/admin/dao-tao/bao-cao/")
    expect(section.locator("tfoot td").nth(2)).to_have_text("1")
    expect(section.get_by_role("rowheader", name="Hội LHPN xã Hòa Bình")).to_be_visible()
    screenshot(manager, "event-4-report-desktop")
