"""Moderating reader comments in the admin, beside feedback."""

import json
from functools import partial

from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

import pytest

from accounts import factories as accounts_factories
from feedback.factories import CommentFactory
from feedback.models import Comment, CommentReply, CommentStatus, ModerationEvent
from outbox.models import Message

from .comments_helpers import comment_data, submit_url
from .conftest import SCRIPT, admin_url

pytestmark = pytest.mark.django_db
url = partial(admin_url, "comment")


def test_the_queue_lists_pending_comments_with_their_article(mod_client, article):
    CommentFactory(page=article, text="Chờ duyệt trong hàng đợi.")
    CommentFactory(page=article, status=CommentStatus.APPROVED, text="Đã duyệt từ trước.")
    html = mod_client.get(url("list"), {"status": "pending"}).content.decode()
    assert "Chờ duyệt trong hàng đợi." in html and "Đã duyệt từ trước." not in html
    assert f'href="{article.url}"' in html and article.title in html


def test_the_queue_filters_by_page_and_date(mod_client, article, home_page):
    CommentFactory(page=article, text="Trên bài viết.")
    CommentFactory(page=home_page, text="Trên trang chủ.")
    html = mod_client.get(url("list"), {"page": article.pk}).content.decode()
    assert "Trên bài viết." in html and "Trên trang chủ." not in html
    html = mod_client.get(url("list"), {"created_at_from": "2000-01-01", "created_at_to": "2000-01-02"}).content
    assert "Trên bài viết." not in html.decode()


def test_the_menu_entry_opens_the_pending_queue_with_its_count(mod_client, article):
    CommentFactory(page=article)
    CommentFactory(page=article)
    html = mod_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is JSON.
    assert json.dumps("Ý kiến bạn đọc (2)") in html and json.dumps(f"{url('list')}?status=pending") in html


def test_a_moderator_approves_and_the_comment_appears_with_its_history(mod_client, client, article, moderator):
    comment = CommentFactory(page=article, text="Xin cảm ơn Hội.")
    page = mod_client.get(url("inspect", comment.pk)).content.decode()
    assert 'data-action="approve"' in page and 'data-action="reply"' in page
    mod_client.post(url("action", comment.pk, "approve"), {"approve-comment": "Nội dung phù hợp."})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_at is not None
    event = ModerationEvent.objects.get(action="approve", object_id=comment.pk)
    assert event.actor == moderator and event.note == "Nội dung phù hợp."
    history = mod_client.get(url("inspect", comment.pk)).content.decode()
    assert 'data-event="approve"' in history and "Nội dung phù hợp." in history
    mod_client.logout()
    assert "Xin cảm ơn Hội." in client.get(article.url).content.decode()


def test_reject_and_spam_hide_an_approved_comment(mod_client, article):
    first = CommentFactory(page=article, status=CommentStatus.APPROVED)
    second = CommentFactory(page=article, status=CommentStatus.APPROVED)
    mod_client.post(url("action", first.pk, "reject"), {})
    mod_client.post(url("action", second.pk, "mark_spam"), {})
    assert set(Comment.objects.values_list("status", flat=True)) == {CommentStatus.REJECTED, CommentStatus.SPAM}


def test_an_impossible_action_is_refused_with_a_message(mod_client, article):
    comment = CommentFactory(page=article, status=CommentStatus.SPAM)
    response = mod_client.post(url("action", comment.pk, "reject"), {}, follow=True)
    assert "không áp dụng được" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SPAM
    assert mod_client.post(url("action", comment.pk, "delete"), {}).status_code == 404


@pytest.mark.parametrize(
    ("action", "expected"),
    [("approve_comments", "approved"), ("reject_comments", "rejected"), ("spam_comments", "spam")],
)
def test_bulk_actions_go_through_the_workflow(mod_client, article, action, expected):
    comments = [CommentFactory(page=article) for _ in range(3)]
    bulk = reverse("wagtail_bulk_action", args=("feedback", "comment", action))
    query = "&".join(f"id={comment.pk}" for comment in comments)
    assert mod_client.get(f"{bulk}?{query}").status_code == 200
    mod_client.post(f"{bulk}?{query}", {})
    assert set(Comment.objects.values_list("status", flat=True)) == {expected}
    assert ModerationEvent.objects.filter(object_id__in=[c.pk for c in comments]).exclude(action="submit").count() == 3


def test_the_editorial_team_replies_from_the_admin(mod_client, client, article, moderator):
    comment = CommentFactory(page=article, status=CommentStatus.APPROVED, text="Lớp học ở đâu?")
    mod_client.post(url("action", comment.pk, "reply"), {"reply-text": "Tại nhà văn hóa xã."})
    reply = CommentReply.objects.get()
    assert reply.comment == comment and reply.author == moderator
    assert ModerationEvent.objects.filter(action="reply", object_id=comment.pk).exists()
    mod_client.post(url("action", comment.pk, "reply"), {"reply-text": "   "})
    assert CommentReply.objects.count() == 1
    mod_client.logout()
    assert "Tại nhà văn hóa xã." in client.get(article.url).content.decode()


def test_nobody_deletes_or_rewrites_a_comment_in_the_admin(client, article):
    comment = CommentFactory(page=article, text="Nguyên văn bạn đọc")
    client.force_login(accounts_factories.make_user(is_superuser=True, is_staff=True))
    assert client.get(url("edit", comment.pk)).url == url("inspect", comment.pk)
    client.post(url("edit", comment.pk), {"text": "đã sửa"})
    assert client.get(url("delete", comment.pk)).status_code in (302, 403)
    client.post(url("delete", comment.pk))
    assert Comment.objects.get().text == "Nguyên văn bạn đọc"


def test_editors_and_learners_cannot_moderate(client, article):
    comment = CommentFactory(page=article)
    for user in (accounts_factories.editor(), accounts_factories.learner()):
        client.force_login(user)
        assert client.get(url("list")).status_code in (302, 403)
        assert client.post(url("action", comment.pk, "approve"), {}).status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_moderators_group_holds_the_comment_permissions():
    group = Group.objects.get(name="Cán bộ tiếp nhận")
    codenames = set(group.permissions.filter(content_type__model="comment").values_list("codename", flat=True))
    assert codenames == {"view_comment", "change_comment"}


def test_html_is_escaped_in_the_admin_queue_and_detail(mod_client, article):
    comment = CommentFactory(page=article, name=f"Tên {SCRIPT}", text=f"Nội dung {SCRIPT}")
    for page in (url("list"), url("inspect", comment.pk)):
        html = mod_client.get(page).content.decode()
        assert SCRIPT not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_moderators_are_emailed_after_a_comment_is_sent_with_the_text_escaped(
    client, article, moderator, django_capture_on_commit_callbacks
):
    other_role = accounts_factories.editor(email="bientap@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(article), comment_data(name=f"Mai {SCRIPT}", text=f"Ý kiến {SCRIPT} nhé"))
    notification = Message.objects.get(kind="new_comment")
    assert notification.recipient == moderator.email != other_role.email
    assert SCRIPT not in notification.body_html and "&lt;script&gt;" in notification.body_html
    assert url("inspect", Comment.objects.get().pk) in notification.body_text
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert article.title in mail.outbox[0].subject


def test_a_comment_is_kept_when_the_mail_server_fails(
    client, article, moderator, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.utils.BrokenMailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(article), comment_data())
    assert response.status_code == 302
    assert Comment.objects.count() == 1
    assert Message.objects.get(kind="new_comment").state == "failed"


def test_editors_find_the_comments_switch_on_the_article(client, article):
    client.force_login(accounts_factories.make_user(is_superuser=True, is_staff=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert 'name="comments_open"' in html and "Cho phép bạn đọc gửi ý kiến" in html
