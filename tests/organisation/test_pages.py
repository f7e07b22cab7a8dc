"""The organisation's structure and leadership pages below "Giới thiệu", with the terms kept, and the
accessibility statement linked from every page's footer."""

import io

from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest

from home.factories import ImageFactory, StandardPageFactory
from home.models import SiteSettings, StandardPage
from organisation.models import Leader, LeadershipPage, OrganisationStructurePage, StructureBody, Term

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")


def publish(page):
    page.save_revision().publish()
    return page


def test_the_structure_page_sits_below_about_and_groups_the_bodies_with_their_duties(client, about):
    page = OrganisationStructurePage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc")
    about.add_child(instance=page)
    StructureBody.objects.create(page=page, sort_order=0, kind="department", name="Ban Tuyên giáo",
                                 duties="<p>Tuyên truyền, giáo dục hội viên.</p>", phone="0210 3 812 347")  # fmt: skip
    StructureBody.objects.create(page=page, sort_order=1, kind="standing", name="Ban Thường vụ",
                                 duties="<p>Lãnh đạo giữa hai kỳ họp.</p>", members="11 ủy viên")  # fmt: skip
    publish(page)
    assert OrganisationStructurePage in StandardPage.allowed_subpage_models()
    html = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()
    assert html.index('<h2 id="org-group-1">Ban Thường vụ</h2>') < html.index("Ban Tuyên giáo")
    assert "Tuyên truyền, giáo dục hội viên." in html and "11 ủy viên" in html and 'href="tel:02103812347"' in html


def test_the_leadership_page_shows_the_current_term_first_and_keeps_the_earlier_ones(client, about, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.phone, settings.email = "0210 3 812 345", "vanphong@example.org"
    settings.save()
    page = LeadershipPage(title="Lãnh đạo Hội", slug="lanh-dao")
    about.add_child(instance=page)
    current = Term.objects.create(name="Nhiệm kỳ 2021 - 2026", start_year=2021, end_year=2026)
    earlier = Term.objects.create(name="Nhiệm kỳ 2016 - 2021", start_year=2016, end_year=2021)
    Leader.objects.create(page=page, sort_order=0, term=earlier, name="Hoàng Thị Bích", position="Chủ tịch")
    Leader.objects.create(page=page, sort_order=1, term=current, name="Nguyễn Thị Hồng Nhung", position="Chủ tịch",
                          responsibilities="Phụ trách chung.", photo=ImageFactory(title="Chân dung"))  # fmt: skip
    publish(page)
    html = client.get("/gioi-thieu/lanh-dao/").content.decode()
    assert html.index("Nhiệm kỳ 2021 - 2026 (nhiệm kỳ hiện tại)") < html.index("Nguyễn Thị Hồng Nhung")
    assert html.index("Nguyễn Thị Hồng Nhung") < html.index("Các nhiệm kỳ trước") < html.index("Hoàng Thị Bích")
    assert "Phụ trách chung." in html and 'alt="Nguyễn Thị Hồng Nhung"' in html
    # Contact goes through the office; a leader has no phone of their own to show.
    assert "qua Văn phòng" in html and 'href="tel:02103812345"' in html
    assert not {"phone", "email"} & {field.name for field in Leader._meta.get_fields()}


def test_a_term_ends_after_it_starts():
    with pytest.raises(ValidationError):
        Term(name="Sai", start_year=2026, end_year=2021).full_clean()


def test_the_footer_links_the_accessibility_statement_when_it_exists(client, home_page):
    assert "Hỗ trợ tiếp cận" not in client.get("/").content.decode()
    publish(StandardPageFactory(parent=home_page, title="Hỗ trợ tiếp cận", slug="tro-nang", live=False))
    assert '<a href="/tro-nang/">Hỗ trợ tiếp cận</a>' in client.get("/").content.decode()


def test_demo_organisation_directory_and_accessibility_statement(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    leadership = LeadershipPage.objects.get()
    current, *earlier = leadership.terms()
    assert len(current[1]) == 4 and earlier
    assert leadership.url == "/gioi-thieu/lanh-dao/" and client.get(leadership.url).status_code == 200
    structure = OrganisationStructurePage.objects.get()
    assert structure.url == "/gioi-thieu/co-cau-to-chuc/" and structure.bodies.count() >= 6
    directory = client.get("/co-so-hoi/").content.decode()
    assert "Hội LHPN xã Hòa Bình" in directory and "Chi hội thôn Tây" in directory and "Vũ Thị Học" in directory
    statement = client.get("/tro-nang/").content.decode()
    for text in ("Cỡ chữ", "Bàn phím", "Trình đọc màn hình", "Không cần JavaScript", 'href="/gui-y-kien/"'):
        assert text in statement
    assert '<a href="/tro-nang/">Hỗ trợ tiếp cận</a>' in statement
