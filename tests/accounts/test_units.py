from django.core.exceptions import ValidationError

import pytest

from accounts.factories import UserFactory
from accounts.models import OrganisationUnit, UnitKind


@pytest.fixture
def tree(db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune_b = OrganisationUnit.objects.create(name="Hội LHPN xã Bình An", kind=UnitKind.COMMUNE, parent=province)
    commune_a = OrganisationUnit.objects.create(name="Hội LHPN xã An Hòa", kind=UnitKind.COMMUNE, parent=province)
    branch = OrganisationUnit.objects.create(name="Chi hội thôn Đông", kind=UnitKind.BRANCH, parent=commune_b)
    return province, commune_a, commune_b, branch


def test_units_list_in_tree_order(tree):
    province, commune_a, commune_b, branch = tree
    assert list(OrganisationUnit.objects.tree_order()) == [province, commune_a, commune_b, branch]


def test_a_branch_must_sit_under_a_commune(tree):
    province = tree[0]
    unit = OrganisationUnit(name="Chi hội lạc chỗ", kind=UnitKind.BRANCH, parent=province)
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "parent" in error.value.message_dict


def test_province_has_no_parent(tree):
    unit = OrganisationUnit(name="Tỉnh thứ hai", kind=UnitKind.PROVINCE, parent=tree[1])
    with pytest.raises(ValidationError):
        unit.full_clean()


def test_descendants_include_the_whole_subtree(tree):
    province, commune_a, commune_b, branch = tree
    assert set(province.descendant_ids()) == {province.pk, commune_a.pk, commune_b.pk, branch.pk}
    assert set(commune_b.descendant_ids()) == {commune_b.pk, branch.pk}


def test_renaming_a_unit_reorders_its_children(tree):
    province, commune_a, commune_b, branch = tree
    commune_b.name = "Hội LHPN xã A Lưới"
    commune_b.save()
    assert list(OrganisationUnit.objects.tree_order()) == [province, commune_b, branch, commune_a]


def test_units_are_managed_in_the_admin(client, tree):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/units/")
    assert response.status_code == 200
    assert "Chi hội thôn Đông" in response.content.decode()
    response = client.post(
        "/admin/units/new/",
        {"name": "Chi hội thôn Tây", "kind": "branch", "parent": tree[2].pk, "address": "", "phone": "", "email": ""},
    )
    assert response.status_code == 302
    assert OrganisationUnit.objects.get(name="Chi hội thôn Tây").parent == tree[2]


def test_user_profile_fields_are_editable_in_the_admin(client, tree):
    admin = UserFactory(is_superuser=True, is_staff=True)
    cadre = UserFactory(username="canbo")
    client.force_login(admin)
    response = client.get(f"/admin/users/edit/{cadre.pk}/")
    assert "Chức vụ" in response.content.decode()
    response = client.post(
        f"/admin/users/edit/{cadre.pk}/",
        {
            "username": "canbo",
            "email": "canbo@example.org",
            "first_name": "Lan",
            "last_name": "Nguyễn",
            "full_name": "Nguyễn Thị Lan",
            "phone": "0912345678",
            "position": "Chủ tịch Hội LHPN xã",
            "unit": tree[1].pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cadre.refresh_from_db()
    assert (cadre.full_name, cadre.position, cadre.unit) == ("Nguyễn Thị Lan", "Chủ tịch Hội LHPN xã", tree[1])


def test_a_staff_phone_that_is_not_a_vietnamese_number_is_refused_in_vietnamese(client, tree):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    cadre = UserFactory(username="canbo", phone="")
    data = {"username": "canbo", "email": "canbo@example.org", "first_name": "Lan", "last_name": "Nguyễn"}
    response = client.post(f"/admin/users/edit/{cadre.pk}/", {**data, "phone": "12345678", "is_active": "on"})
    assert response.status_code == 200
    assert "Số điện thoại chưa đúng" in response.content.decode()
    cadre.refresh_from_db()
    assert cadre.phone == ""
