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


def test_demo_has_comments_in_every_status_on_several_articles_and_is_idempotent(settings, client):
    from feedback.models import Comment, CommentReply, CommentStatus

    settings.DEBUG = True
    call_command("load_demo")
    counts = (Comment.objects.count(), CommentReply.objects.count())
    call_command("load_demo")
    assert (Comment.objects.count(), CommentReply.objects.count()) == counts
    assert set(Comment.objects.values_list("status", flat=True)) == set(CommentStatus.values)
    assert Comment.objects.values("page").distinct().count() >= 3
    reply = CommentReply.objects.select_related("comment__page").get()
    html = client.get(reply.comment.page.url).content.decode()
    assert reply.text in html and reply.comment.text in html
    pending = Comment.objects.filter(status=CommentStatus.PENDING).first()
    assert pending.text not in client.get(pending.page.url).content.decode()


def test_every_demo_history_is_a_route_the_workflow_allows(settings):
    """The demo writes no state map of its own: replaying each item's history follows the workflow."""
    from feedback import comments, services
    from feedback.models import Comment, CommentStatus
    from feedback.workflow import history

    settings.DEBUG = True
    call_command("load_demo")
    for model, workflow, start in [
        (Feedback, services.WORKFLOW, Status.NEW),
        (Comment, comments.WORKFLOW, CommentStatus.PENDING),
    ]:
        for item in model.objects.all():
            state = start
            for event in history(item):
                if event.action in workflow.transitions:
                    assert workflow.allows(event.action, state), (item, event.action, state)
                    state = workflow.get(event.action).target
            assert state == item.status, item
