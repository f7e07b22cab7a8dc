"""Forms on cached pages: the page carries no secret; with JavaScript the tokens are fetched, without
JavaScript the first press of "send" shows the form again with fresh tokens and the text kept."""

import re

from django.test import Client

import pytest

from feedback.models import Comment, Feedback

pytestmark = pytest.mark.django_db

HIDDEN = r'<input type="hidden" name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"'


@pytest.fixture
def browser(page_cache, settings):
    """A client that enforces CSRF as a real browser's requests are checked."""
    settings.COMMENTS_MIN_SECONDS = 0
    settings.FEEDBACK_MIN_SECONDS = 0
    return Client(enforce_csrf_checks=True)


def _comment(**extra):
    return {"name": "Trần Thị Mai", "email": "", "text": "Bài viết rất bổ ích cho hội viên.", "website": "", **extra}


def test_the_cached_article_is_the_same_for_every_reader(browser, article):
    first = browser.get(article.url).content.decode()
    second = Client().get(article.url)
    assert second["X-Page-Cache"] == "HIT" and second.content.decode() == first
    assert not re.search(HIDDEN, first) and not second.cookies


def test_with_javascript_the_tokens_come_from_the_api_and_the_comment_is_stored(browser, article):
    browser.get(article.url)
    tokens = browser.get("/api/form-token/?form=comments")
    assert "no-store" in tokens["Cache-Control"]
    data = tokens.json()
    response = browser.post(
        f"/y-kien/gui/{article.pk}/", _comment(csrfmiddlewaretoken=data["csrf"], form_token=data["token"])
    )
    assert response.status_code == 302 and Comment.objects.count() == 1


def test_without_javascript_the_comment_form_comes_back_with_tokens_and_the_text(browser, article):
    first = browser.post(f"/y-kien/gui/{article.pk}/", _comment())
    html = first.content.decode()
    assert first.status_code == 200 and Comment.objects.count() == 0
    assert "Ý kiến của bạn chưa được gửi" in html and "Bài viết rất bổ ích cho hội viên." in html
    assert "no-store" in first["Cache-Control"]
    fields = dict(re.findall(HIDDEN, html))
    assert set(fields) == {"csrfmiddlewaretoken", "form_token"}
    second = browser.post(f"/y-kien/gui/{article.pk}/", _comment(**fields))
    assert second.status_code == 302 and Comment.objects.get().text == "Bài viết rất bổ ích cho hội viên."


def test_without_javascript_the_feedback_form_comes_back_with_tokens_and_the_text(browser, feedback_page, topic):
    page = browser.get(feedback_page.url).content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    data = {
        "topic": str(topic.pk),
        "content": "Đèn đường thôn Đoài hỏng đã hai tháng, xin được sửa.",
        "email": "lan@example.org",
        "consent": "on",
        "website": "",
    }
    first = browser.post(action, data)
    html = first.content.decode()
    assert first.status_code == 200 and Feedback.objects.count() == 0
    assert "chưa nhận được mã bảo vệ" in html and "Đèn đường thôn Đoài hỏng đã hai tháng" in html
    assert 'value="lan@example.org"' in html and "no-store" in first["Cache-Control"]
    second = browser.post(action, {**data, **dict(re.findall(HIDDEN, html))})
    assert second.status_code == 200 and "data-tracking-code" in second.content.decode()
    assert Feedback.objects.get().content.startswith("Đèn đường thôn Đoài")


def test_the_feedback_form_page_is_cached(browser, feedback_page):
    browser.get(feedback_page.url)
    assert Client().get(feedback_page.url)["X-Page-Cache"] == "HIT"


def test_an_unknown_form_gets_no_token(client, db):
    assert client.get("/api/form-token/?form=login").status_code == 404
