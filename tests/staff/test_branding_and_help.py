"""Point 2 of issue 14: the union's name and logo (site settings) on the admin's sign-in page, sidebar
and dashboard; avatars made on the site; the help menu and the editor's guide in Vietnamese."""

import json
import re

from django.urls import reverse

from wagtail.models import Site

import pytest

from accounts.factories import editor, moderator
from home.factories import ImageFactory
from home.models import SiteSettings
from tests.utils import third_party_resources

pytestmark = pytest.mark.django_db


@pytest.fixture
def branded(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Hội Liên hiệp Phụ nữ tỉnh Hòa Bình"
    settings.logo = ImageFactory(title="Biểu trưng Hội")
    settings.save()
    return settings


def test_sign_in_page_shows_the_union_name_and_logo(client, branded):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Đăng nhập trang quản trị Hội Liên hiệp Phụ nữ tỉnh Hòa Bình" in html
    rendition = branded.logo.get_rendition("max-240x240")
    assert f'src="{rendition.url}"' in html
    assert re.search(r"<title>[^<]*- Hội Liên hiệp Phụ nữ tỉnh Hòa Bình</title>", html)
    assert "wagtail-logo" not in html  # no bird


def test_sidebar_and_dashboard_carry_the_brand(client, branded):
    client.force_login(editor())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    rendition_url = branded.logo.get_rendition("max-240x240").url
    sidebar_logo = re.search(r"<template data-wagtail-sidebar-branding-logo>(.*?)</template>", html, re.S).group(1)
    assert rendition_url in sidebar_logo
    assert "Trang quản trị Hội Liên hiệp Phụ nữ tỉnh Hòa Bình" in html


def test_without_a_logo_the_portal_emblem_stands_in(client, home_page):
    client.force_login(editor())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "staff/emblem.svg" in html


def test_avatars_come_from_the_site_not_an_avatar_service(client, home_page):
    user = editor(full_name="Nguyễn Thị Biên")
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    avatars = re.findall(r'class="avatar[^"]*".*?<img src="([^"]+)"', html, re.S)
    assert avatars
    assert all(src.startswith("data:image/svg+xml") for src in avatars)
    assert "%3ENB%3C" in avatars[0]  # the initials
    assert third_party_resources(html) == []
    assert "gravatar" not in html


def sidebar_help(html):
    props = json.loads(
        re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    return json.dumps(props, ensure_ascii=False)


def test_the_help_menu_points_at_the_portal_guide(client, home_page):
    client.force_login(moderator())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    menu = sidebar_help(html)
    assert "Hướng dẫn biên tập" in menu
    assert reverse("staff_editor_guide") in menu
    assert "guide.wagtail.org" not in menu and "docs.wagtail.org" not in menu
    assert "guide.wagtail.org" not in html  # nor the account summary's link


def test_the_editor_guide_covers_the_daily_work_in_vietnamese(client, home_page):
    client.force_login(editor())
    response = client.get(reverse("staff_editor_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    for section in (
        "Viết một tin bài",
        "Hẹn giờ đăng",
        "Gửi duyệt và duyệt bài",
        "Tiếp nhận ý kiến, phản ánh",
        "Duyệt ý kiến bạn đọc",
        "Xây dựng khóa học và bài kiểm tra",
        "Nhập danh sách học viên",
        "Đọc báo cáo đào tạo",
    ):
        assert section in html
    from .english import english_on

    assert english_on(html)[0] == []


def test_the_guide_is_for_staff_only(client, home_page):
    assert client.get(reverse("staff_editor_guide")).status_code == 302  # to the sign-in
