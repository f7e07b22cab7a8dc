"""A moderator records a phone report, prints the slip, opens a supervision round from it, records two
recommendations, one is answered, and the public page shows each status (phone width, no overflow)."""

import datetime
import re

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from accounts import factories as accounts_factories
from accounts import roles
from accounts.models import OrganisationUnit, UnitKind
from feedback.factories import TopicFactory
from feedback.models import Feedback
from supervision.models import Recommendation, SupervisionRound

from .conftest import DESKTOP, PHONE, screenshot, sign_in


@pytest.fixture
def cadre(transactional_db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    TopicFactory(name="An toàn thực phẩm")
    user = accounts_factories.moderator(username="tiepnhan", full_name="Phạm Thị Tiếp Nhận")
    user.groups.add(Group.objects.get(name=roles.SUPERVISORS))
    return user


def day(offset):
    return (timezone.localdate() + datetime.timedelta(days=offset)).strftime("%d/%m/%Y")


def open_action(page, name):
    details = page.locator(f"details:has(form[data-action='{name}'])")
    if not details.evaluate("element => element.open"):
        details.locator("summary").click()


def add_recommendation(page, addressee, text):
    open_action(page, "recommend")
    form = page.locator("form[data-action='recommend']")
    form.get_by_label("Cơ quan nhận kiến nghị").fill(addressee)
    form.get_by_label("Nội dung kiến nghị").fill(text)
    form.get_by_label("Hạn trả lời").fill((timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    form.get_by_role("button", name="Gửi kiến nghị").click()
    expect(page.get_by_text("Đã thêm kiến nghị.")).to_be_visible()


def test_phone_report_to_published_supervision_result(new_page, live_server, cadre):
    admin = new_page(DESKTOP)
    sign_in(admin, cadre, live_server.url)

    # 1. The phone report, recorded from the admin menu.
    admin.goto("/admin/")
    admin.get_by_role("link", name=re.compile("Ghi nhận ý kiến")).first.click()
    expect(admin.get_by_role("heading", name="Ghi nhận ý kiến, phản ánh")).to_be_visible()
    admin.get_by_label("Kênh tiếp nhận").select_option(label="Điện thoại")
    admin.get_by_label("Lĩnh vực").select_option(label="An toàn thực phẩm")
    commune = OrganisationUnit.objects.get(name="Hội LHPN xã Hòa Bình")
    admin.get_by_label("Địa bàn").select_option(value=str(commune.pk))
    admin.get_by_label("Nội dung ý kiến, phản ánh").fill(
        "Phụ huynh gọi điện: bếp ăn bán trú trường mầm non xã mua thịt không có giấy kiểm dịch."
    )
    admin.get_by_label("Họ và tên người phản ánh").fill("Trần Thị Hoa")
    admin.get_by_label("Số điện thoại").fill("0912 345 678")
    admin.get_by_label(re.compile("Người phản ánh đồng ý")).check()
    screenshot(admin, "supervision-01-record-phone-report")
    admin.get_by_role("button", name="Lưu và in phiếu tiếp nhận").click()

    # 2. The slip, as it prints: the code, no content, no name.
    item = Feedback.objects.get()
    expect(admin.locator("[data-slip-code]")).to_have_text(item.code)
    assert item.channel == "phone" and item.recorded_by == cadre
    admin.emulate_media(media="print")
    screenshot(admin, "supervision-02-slip-print")
    expect(admin.get_by_role("button", name="In phiếu")).to_be_hidden()
    assert "Trần Thị Hoa" not in admin.content()
    admin.emulate_media(media="screen")

    # 3. A round opened from it: the item's code and unit are filled in.
    admin.get_by_role("link", name="Mở đợt giám sát từ ý kiến này").click()
    expect(admin.locator("#id_source_codes")).to_have_value(item.code)
    admin.locator("#id_topic").fill("Giám sát bếp ăn bán trú trường mầm non xã Hòa Bình")
    admin.locator("#id_kind").select_option(label="Giám sát đột xuất")
    admin.locator("#id_supervised_body").fill("Trường Mầm non xã Hòa Bình")
    admin.locator("#id_planned_start").fill(day(-3))
    admin.locator("#id_planned_end").fill(day(-2))
    admin.locator("#id_actual_start").fill(day(-3))
    admin.locator("#id_actual_end").fill(day(-2))
    admin.locator("#id_public_summary").fill(
        "Bếp ăn chưa có sổ theo dõi nguồn gốc thực phẩm; thịt nhập không kèm giấy kiểm dịch."
    )
    # The date picker Wagtail opens may cover the button: press it directly.
    admin.locator("button.action-save").dispatch_event("click")
    admin.wait_for_load_state()
    screenshot(admin, "supervision-03a-round-saved")
    expect(admin.get_by_text(re.compile("đã được tạo|Đã tạo"))).to_be_visible()
    round = SupervisionRound.objects.get()
    assert list(round.source_items.all()) == [item]
    assert round.lead_unit.name == "Hội LHPN xã Hòa Bình"

    # 4. Two recommendations, from the round's page.
    admin.goto(f"/admin/snippets/supervision/supervisionround/inspect/{round.pk}/")
    add_recommendation(admin, "Trường Mầm non xã Hòa Bình", "Chỉ mua thịt có giấy kiểm dịch, lưu chứng từ.")
    add_recommendation(admin, "UBND xã Hòa Bình", "Kiểm tra định kỳ bếp ăn bán trú các trường trên địa bàn.")
    screenshot(admin, "supervision-03-round-with-recommendations")

    # 5. The school answers the first one.
    first = Recommendation.objects.get(addressee="Trường Mầm non xã Hòa Bình")
    admin.goto(f"/admin/snippets/supervision/recommendation/inspect/{first.pk}/")
    form = admin.locator("form[data-action='record_answer']")
    form.get_by_label("Nội dung trả lời của cơ quan").fill("Nhà trường đã đổi nhà cung cấp thịt có kiểm dịch.")
    form.get_by_label("Ngày nhận trả lời").fill(timezone.localdate().isoformat())
    form.get_by_role("button", name="Ghi nhận trả lời của cơ quan").click()
    expect(admin.get_by_text("Đã thực hiện: Ghi nhận trả lời của cơ quan.")).to_be_visible()
    screenshot(admin, "supervision-04-recommendation-answered")

    # 6. Published.
    admin.goto(f"/admin/snippets/supervision/supervisionround/inspect/{round.pk}/")
    admin.get_by_role("button", name="Công khai kết quả giám sát").click()
    expect(admin.get_by_text("Đã công khai kết quả giám sát.")).to_be_visible()

    # 7. The public page, on a phone, for an anonymous reader.
    reader = new_page(PHONE)
    reader.goto("/giam-sat/")
    reader.get_by_role("link", name=re.compile("Giám sát bếp ăn bán trú")).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text("Giám sát bếp ăn bán trú trường mầm non xã Hòa Bình")
    expect(reader.locator("[data-recommendation-status='answered']")).to_contain_text("Đã có trả lời")
    expect(reader.locator("[data-recommendation-status='sent']")).to_contain_text("Đã gửi")
    html = reader.content()
    for private in ("Trần Thị Hoa", "0912", item.code, "Nhà trường đã đổi nhà cung cấp"):
        assert private not in html
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(reader, "supervision-05-public-result-phone")
    reader.goto("/du-lieu-mo/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Dữ liệu mở")
    screenshot(reader, "supervision-06-open-data-phone")
