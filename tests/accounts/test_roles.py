from django.contrib.auth.models import Group

from wagtail.models import Page

import pytest

from accounts import roles
from accounts.factories import approver, editor, learner, moderator, training_manager


@pytest.mark.django_db
def test_the_five_roles_exist():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


@pytest.mark.django_db
@pytest.mark.parametrize("make", [editor, approver, moderator, training_manager])
def test_staff_roles_reach_the_admin(client, make, home_page):
    client.force_login(make())
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_learner_never_reaches_the_admin(client, home_page):
    client.force_login(learner())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302


@pytest.mark.django_db
def test_editor_can_edit_pages_but_not_publish(home_page):
    perms = Page.objects.get(pk=home_page.pk).permissions_for_user(editor())
    assert perms.can_add_subpage()
    assert perms.can_edit()
    assert not perms.can_publish()


@pytest.mark.django_db
def test_approver_can_publish(home_page):
    perms = Page.objects.get(pk=home_page.pk).permissions_for_user(approver())
    assert perms.can_publish()


@pytest.mark.django_db
def test_moderator_and_learner_cannot_edit_pages(home_page):
    assert not home_page.permissions_for_user(moderator()).can_edit()
    assert not home_page.permissions_for_user(learner()).can_edit()


@pytest.mark.django_db
def test_editor_can_upload_images_but_not_manage_users(client, home_page):
    client.force_login(editor())
    assert client.get("/admin/images/multiple/add/").status_code == 200
    assert client.get("/admin/users/").status_code == 302
