import pytest

from accounts.factories import editor
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_an_editor_may_add_the_structure_and_leadership_below_about(client, home_page):
    about = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    client.force_login(editor())
    for model, label in (("organisationstructurepage", "Bộ phận"), ("leadershippage", "Nhiệm kỳ")):
        response = client.get(f"/admin/pages/add/organisation/{model}/{about.pk}/")
        assert response.status_code == 200 and label in response.content.decode()


def test_the_unit_form_has_the_public_contact_fields(client, db):
    from accounts.factories import make_user

    client.force_login(make_user(None, is_superuser=True, is_staff=True))
    html = client.get("/admin/units/new/").content.decode()
    assert "Chủ tịch, chi hội trưởng" in html and "Giờ làm việc" in html and "không ghi số điện thoại cá nhân" in html
