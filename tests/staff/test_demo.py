"""The demo gives each staff role something on the dashboard, and loading it twice changes nothing."""

from django.core.management import call_command
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_dashboards_show_work_for_the_editor_and_the_approver(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    assert WorkflowState.objects.filter(status="needs_changes").count() == 1
    assert WorkflowState.objects.filter(status="in_progress").count() == 1

    client.force_login(User.objects.get(username="bientap"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Quy chế phối hợp với các ban, ngành" in html
    assert "Cần ghi số hiệu và ngày ban hành quy chế." in html

    client.force_login(User.objects.get(username="duyetbai"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Chương trình công tác năm 2027" in html
    assert "gửi bởi Trần Thị Biên Tập" in html

    client.force_login(User.objects.get(username="tiepnhan"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "ý kiến quá hạn trả lời" in html
