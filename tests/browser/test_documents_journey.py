"""At 360 px: find a plan by its number in the register, open it, download its PDF; the organisation's
pages fit the phone too."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts.models import OrganisationUnit, UnitKind
from documents.factories import DocumentRegisterPageFactory, OfficialDocumentPageFactory, PdfDocumentFactory
from documents.models import DocumentType
from organisation.models import Leader, LeadershipPage, Term, UnitDirectoryPage

from .conftest import fits, screenshot


@pytest.fixture
def register(transactional_db):
    from home.models import HomePage

    home = HomePage.objects.get()
    register = DocumentRegisterPageFactory(parent=home)
    plan = DocumentType.objects.get(slug="ke-hoach")
    guide = DocumentType.objects.get(slug="huong-dan")
    for number in range(12):
        OfficialDocumentPageFactory(
            parent=register, document_type=guide if number % 2 else plan, number=f"{number + 20}/HD-HLHPN",
            issue_date=datetime.date(2023, 1, 1) + datetime.timedelta(days=20 * number),
        )  # fmt: skip
    OfficialDocumentPageFactory(
        parent=register, title="Kế hoạch giám sát chuyên đề năm 2024", slug="15-kh-hlhpn-2024",
        number="15/KH-HLHPN", document_type=plan, issue_date=datetime.date(2024, 3, 15),
        summary="Giám sát việc thực hiện chính sách hỗ trợ phụ nữ sinh con đúng chính sách dân số tại sáu xã.",
        files=[PdfDocumentFactory(title="Kế hoạch 15-KH-HLHPN bản ký số")],
    )  # fmt: skip
    return register


def test_find_a_plan_by_its_number_open_it_and_download_its_pdf(phone, register):
    phone.goto("/van-ban/")
    assert fits(phone)
    screenshot(phone, "documents-register-360")
    phone.get_by_label("Số ký hiệu hoặc trích yếu").fill("15/kh")
    phone.get_by_role("button", name="Tra cứu").click()
    expect(phone.locator(".document-item")).to_have_count(1)
    assert "q=15%2Fkh" in phone.url
    phone.get_by_role("link", name="15/KH-HLHPN").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Kế hoạch giám sát chuyên đề năm 2024")
    expect(phone.locator(".document__facts")).to_contain_text("Còn hiệu lực")
    assert fits(phone)
    screenshot(phone, "documents-document-360")
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Kế hoạch 15-KH-HLHPN bản ký số").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_the_register_filters_work_without_javascript(new_page, register):
    page = new_page(java_script_enabled=False)
    page.goto("/van-ban/")
    page.get_by_label("Loại văn bản").select_option(label="Kế hoạch")
    page.get_by_label("Năm ban hành").select_option("2024")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.locator(".document-item")).to_have_count(1)
    expect(page.locator(".document-item__number")).to_have_text("15/KH-HLHPN")


def test_the_directory_and_leadership_fit_a_phone(phone, transactional_db):
    from home.demo_images import get_or_create_demo_image
    from home.models import HomePage

    home = HomePage.objects.get()
    directory = UnitDirectoryPage(title="Cơ sở Hội", slug="co-so-hoi")
    home.add_child(instance=directory)
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune = OrganisationUnit.objects.create(
        name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province, chair="Vũ Thị Học",
        address="Trụ sở UBND xã Hòa Bình, thôn Đông", phone="0210 3 833 202", email="phunu.hoabinh@example.org",
        working_hours="7h30 - 16h30, thứ Hai đến thứ Sáu; sáng thứ Bảy trực tiếp dân",
    )  # fmt: skip
    OrganisationUnit.objects.create(name="Chi hội thôn Đông", kind=UnitKind.BRANCH, parent=commune, chair="Lý Thị Hoa")
    leadership = LeadershipPage(title="Lãnh đạo Hội", slug="lanh-dao")
    home.add_child(instance=leadership)
    term = Term.objects.create(name="Nhiệm kỳ 2021 - 2026", start_year=2021, end_year=2026)
    for order, name in enumerate(["Nguyễn Thị Hồng Nhung", "Trần Thị Thu Hà", "Lê Thị Mai", "Phạm Thị Lan"]):
        photo = get_or_create_demo_image(f"Chân dung {name}", seed=order, size=(480, 600))
        duties = "Chỉ đạo công tác tuyên giáo và đào tạo cán bộ Hội."
        Leader.objects.create(page=leadership, sort_order=order, term=term, name=name, position="Phó Chủ tịch",
                              responsibilities=duties, photo=photo)  # fmt: skip
    phone.goto("/co-so-hoi/")
    assert fits(phone)
    screenshot(phone, "organisation-directory-360")
    phone.get_by_label("Tìm đơn vị theo tên (có dấu hoặc không dấu)").fill("hoa binh")
    phone.locator("#main").get_by_role("button", name="Tìm", exact=True).click()
    phone.get_by_role("link", name="Hội LHPN xã Hòa Bình").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Hội LHPN xã Hòa Bình")
    assert fits(phone)
    phone.goto("/lanh-dao/")
    assert fits(phone)
    screenshot(phone, "organisation-leadership-360")
