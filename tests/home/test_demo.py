from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from accounts.models import OrganisationUnit, User
from home.models import SiteSettings


def load(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    return capsys.readouterr().out


@pytest.mark.django_db
def test_demo_is_idempotent_and_prints_sign_ins_once(settings, capsys, client):
    first = load(settings, capsys)
    counts = (Page.objects.count(), User.objects.count(), OrganisationUnit.objects.count())
    second = load(settings, capsys)
    assert (Page.objects.count(), User.objects.count(), OrganisationUnit.objects.count()) == counts
    assert "hocvien" in first
    assert "bientap" in first
    assert "hocvien " not in second
    for slug in ("gioi-thieu", "lien-he"):
        assert client.get(f"/{slug}/").status_code == 200
    assert SiteSettings.objects.get().hotline


@pytest.mark.django_db
def test_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")


@pytest.mark.django_db
def test_demo_creates_one_user_per_role(settings, capsys):
    load(settings, capsys)
    assert set(User.objects.values_list("groups__name", flat=True)) >= {
        "Biên tập viên",
        "Người duyệt",
        "Cán bộ tiếp nhận",
        "Quản lý đào tạo",
        "Học viên",
    }
