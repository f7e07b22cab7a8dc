"""The comment form is held to the feedback form's spam defences."""

import time

import pytest

from feedback.models import Comment

from .comments_helpers import comment_data, submit_url
from .conftest import aged_token

pytestmark = pytest.mark.django_db


def test_filled_honeypot_is_refused(client, article):
    response = client.post(submit_url(article), comment_data(website="http://quang-cao.example"))
    assert response.status_code == 400 and "dấu hiệu gửi tự động" in response.content.decode()
    assert Comment.objects.count() == 0


def test_too_fast_comment_is_refused_and_keeps_the_text(client, article):
    data = comment_data(form_token=aged_token(seconds=0.5, scope="comments"), text="Gửi nhanh quá nhưng vẫn giữ chữ.")
    html = client.post(submit_url(article), data).content.decode()
    assert "Bạn gửi nhanh quá" in html and "Gửi nhanh quá nhưng vẫn giữ chữ." in html
    assert Comment.objects.count() == 0


def test_forged_or_foreign_token_is_refused(client, article):
    forged = f"comments:{time.time() - 60:.3f}:abc:def"
    assert "Biểu mẫu đã hết hạn" in client.post(submit_url(article), comment_data(form_token=forged)).content.decode()
    feedback_token = aged_token(scope="feedback")
    response = client.post(submit_url(article), comment_data(form_token=feedback_token))
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_token_is_accepted_once(client, article):
    """A second press stores nothing more; the reader is thanked again."""
    data = comment_data()
    assert client.post(submit_url(article), data).status_code == 302
    assert client.post(submit_url(article), {**data, "text": "Một ý kiến khác."}).status_code == 302
    assert Comment.objects.count() == 1


def test_an_address_is_rate_limited(client, article, settings):
    settings.COMMENTS_RATE_LIMIT_NO_POW = 2
    for n in range(2):
        assert client.post(submit_url(article), comment_data(text=f"Ý kiến thứ {n}.")).status_code == 302
    response = client.post(submit_url(article), comment_data(text="Ý kiến thứ ba, quá giới hạn."))
    html = response.content.decode()
    assert response.status_code == 429 and "Bạn đã gửi nhiều lần" in html and "Ý kiến thứ ba, quá giới hạn." in html
    assert Comment.objects.count() == 2
    other = client.post(submit_url(article), comment_data(text="Từ địa chỉ khác."), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
