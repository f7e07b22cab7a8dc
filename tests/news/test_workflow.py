"""The editorial workflow through the admin: editors submit, approvers approve or reject; scheduled
publication."""

import datetime
from unittest import mock

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from accounts.factories import approver, editor
from news.factories import NewsArticlePageFactory
from news.models import NewsArticlePage
from news.services import WORKFLOW_NAME


def article_form(category, action, **overrides):
    data = {
        "title": "Hội phụ nữ giám sát bữa ăn bán trú",
        "slug": "hoi-phu-nu-giam-sat-bua-an-ban-tru",
        "lead": "Đoàn giám sát làm việc tại ba trường tiểu học.",
        "body": streamfield([("paragraph", rich_text("<p>Bữa ăn của học sinh được kiểm tra kỹ.</p>"))]),
        "tags": "giám sát, an toàn thực phẩm",
        "author": "Minh Thư",
        "comments": inline_formset([]),
        action: "1",
        **overrides,
    }
    form = nested_form_data(data)
    form["categories"] = [category.pk]
    return form


def submitted_article(client, news_index, category):
    client.force_login(editor())
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk)),
        article_form(category, "action-submit"),
    )
    assert response.status_code == 302, getattr(response, "context", None) and response.context["form"].errors
    return NewsArticlePage.objects.get(slug="hoi-phu-nu-giam-sat-bua-an-ban-tru")


def test_news_index_is_under_the_approval_workflow(news_index):
    article = NewsArticlePageFactory(parent=news_index)
    assert news_index.get_workflow().name == WORKFLOW_NAME
    assert article.get_workflow().name == WORKFLOW_NAME
    task = news_index.get_workflow().tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Người duyệt"]


def test_editor_submits_approver_approves_and_the_article_is_published(client, news_index, categories):
    article = submitted_article(client, news_index, categories[0])
    assert not article.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/tin-tuc/hoi-phu-nu-giam-sat-bua-an-ban-tru/").status_code == 404

    client.force_login(approver())
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)),
        {"comment": "Đồng ý đăng."},
    )
    assert response.status_code == 302

    article.refresh_from_db()
    state.refresh_from_db()
    assert article.live
    assert state.status == WorkflowState.STATUS_APPROVED
    client.logout()
    page = client.get("/tin-tuc/hoi-phu-nu-giam-sat-bua-an-ban-tru/")
    assert page.status_code == 200
    assert "Bữa ăn của học sinh được kiểm tra kỹ." in page.content.decode()
    assert list(article.categories.all()) == [categories[0]]


def test_approver_rejects_with_a_comment_and_the_article_stays_unpublished(client, news_index, categories):
    article = submitted_article(client, news_index, categories[0])
    state = WorkflowState.objects.get(object_id=str(article.pk))
    client.force_login(approver())
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "reject", state.current_task_state.pk)),
        {"comment": "Cần bổ sung số liệu."},
    )
    article.refresh_from_db()
    state.refresh_from_db()
    assert not article.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Cần bổ sung số liệu."


def test_editor_cannot_publish_directly(client, news_index, categories):
    client.force_login(editor())
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    assert 'name="action-publish"' not in client.get(add_url).content.decode()
    client.post(add_url, article_form(categories[0], "action-publish"))
    article = NewsArticlePage.objects.get(slug="hoi-phu-nu-giam-sat-bua-an-ban-tru")
    assert not article.live
    assert not article.permissions_for_user(editor()).can_publish()


def test_editor_cannot_approve_a_submitted_article(client, news_index, categories):
    article = submitted_article(client, news_index, categories[0])
    state = WorkflowState.objects.get(object_id=str(article.pk))
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", state.current_task_state.pk)),
        {"comment": ""},
    )
    # Wagtail answers a refused admin action by sending the user back to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    article.refresh_from_db()
    state.refresh_from_db()
    assert not article.live
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_scheduled_article_is_invisible_before_its_time_and_visible_after(client, news_index, categories):
    go_live = timezone.now() + datetime.timedelta(hours=2)
    article = NewsArticlePageFactory(parent=news_index, slug="tin-hen-gio", live=False, categories=[categories[0]])
    article.go_live_at = go_live
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get("/tin-tuc/tin-hen-gio/").status_code == 404
    assert "tin-hen-gio" not in client.get("/tin-tuc/").content.decode()

    call_command("publish_scheduled")
    assert client.get("/tin-tuc/tin-hen-gio/").status_code == 404

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert Page.objects.get(pk=article.pk).live
    assert client.get("/tin-tuc/tin-hen-gio/").status_code == 200
    assert "/tin-tuc/tin-hen-gio/" in client.get("/tin-tuc/").content.decode()


def test_editors_and_approvers_may_manage_categories(db):
    assert editor().has_perms(["news.add_newscategory", "news.change_newscategory"])
    assert not editor().has_perm("news.delete_newscategory")
    assert approver().has_perm("news.delete_newscategory")
