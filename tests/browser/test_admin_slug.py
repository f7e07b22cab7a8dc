from playwright.sync_api import expect

from accounts.factories import UserFactory
from home.models import HomePage

from .conftest import sign_in


def test_admin_proposes_vietnamese_ascii_slug(desktop, live_server):
    admin = UserFactory(is_superuser=True, is_staff=True)
    home = HomePage.objects.get()
    sign_in(desktop, admin, live_server.url)
    desktop.goto(f"/admin/pages/add/home/standardpage/{home.pk}/")
    desktop.locator("#id_title").fill("Đào tạo cán bộ Hội")
    desktop.locator("#id_title").blur()
    desktop.locator('a[href="#tab-promote"]').click()
    expect(desktop.locator("#id_slug")).to_have_value("dao-tao-can-bo-hoi")
