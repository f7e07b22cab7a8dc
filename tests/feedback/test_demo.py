from django.core.management import call_command

import pytest

from feedback.models import Feedback, FeedbackPage, ModerationEvent, Status, Topic

pytestmark = pytest.mark.django_db


def test_demo_has_the_forum_topics_and_items_in_every_status_and_is_idempotent(settings, client, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (Feedback.objects.count(), Topic.objects.count(), ModerationEvent.objects.count())
    call_command("load_demo")
    assert (Feedback.objects.count(), Topic.objects.count(), ModerationEvent.objects.count()) == counts
    assert set(Feedback.objects.values_list("status", flat=True)) == set(Status.values)
    assert Topic.objects.filter(sensitive=True).exists()
    page = FeedbackPage.objects.get()
    assert page.url == "/gui-y-kien/"
    assert page.privacy_page.url == "/chinh-sach-bao-ve-du-lieu/"
    assert client.get("/gui-y-kien/").status_code == 200
    assert Feedback.objects.overdue().exists()
    published = Feedback.objects.filter(status=Status.PUBLISHED).first()
    html = client.get("/ket-qua-giai-quyet/").content.decode()
    assert published.answer in html
    assert client.get("/tra-cuu/", {"ma": published.code}).status_code == 200
