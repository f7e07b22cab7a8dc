"""A visitor refused by a limit gets 429 with Retry-After, and the form keeps what they typed."""

import pytest

from feedback.factories import FeedbackFactory
from feedback.models import Comment, Feedback
from home.ratelimit import retry_after

from .comments_helpers import comment_data, submit_url
from .conftest import form_data

pytestmark = pytest.mark.django_db


def assert_retry_after(response, window):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= window


def test_retry_after_counts_to_the_end_of_the_window():
    assert retry_after(3600, now=7200.0) == 3600
    assert retry_after(3600, now=7200 + 3599.2) == 1
    assert retry_after(60, now=90.5) == 30


def test_feedback_over_the_limit_answers_429_and_keeps_the_text(client, feedback_page, topic, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 1
    client.post(feedback_page.url, form_data(topic, content="Phản ánh đầu tiên về đèn đường hỏng."))
    typed = form_data(topic, content="Đèn đường ở xóm Bãi tắt đã ba tuần.", name="Lò Thị Hoa", email="hoa@example.org")
    response = client.post(feedback_page.url, typed)
    assert_retry_after(response, settings.FEEDBACK_RATE_WINDOW)
    html = response.content.decode()
    assert "Bạn đã gửi nhiều lần trong thời gian ngắn" in html
    assert "Đèn đường ở xóm Bãi tắt đã ba tuần." in html
    assert 'value="Lò Thị Hoa"' in html and 'value="hoa@example.org"' in html
    assert Feedback.objects.count() == 1


def test_other_form_errors_are_not_429(client, feedback_page, topic):
    response = client.post(feedback_page.url, form_data(topic, content=""))
    assert response.status_code == 200
    assert "Retry-After" not in response


def test_comments_over_the_limit_answer_429_and_keep_the_text(client, article, settings):
    settings.COMMENTS_RATE_LIMIT_NO_POW = 1
    assert client.post(submit_url(article), comment_data()).status_code == 302
    response = client.post(submit_url(article), comment_data(text="Mong Hội mở thêm lớp học nghề.", name="Hà Thị Thu"))
    assert_retry_after(response, settings.FEEDBACK_RATE_WINDOW)
    html = response.content.decode()
    assert "Mong Hội mở thêm lớp học nghề." in html and 'value="Hà Thị Thu"' in html
    assert Comment.objects.count() == 1


def test_lookups_over_the_limit_answer_429_with_retry_after_and_keep_the_code(client, settings):
    settings.FEEDBACK_LOOKUP_RATE_LIMIT = 1
    client.get("/tra-cuu/", {"ma": "PA-2222-3330"})
    response = client.get("/tra-cuu/", {"ma": "PA-2222-3331"})
    assert_retry_after(response, 3600)
    assert 'value="PA-2222-3331"' in response.content.decode()


def test_sender_actions_over_the_limit_answer_429_with_retry_after(client, topic, settings):
    settings.FEEDBACK_SENDER_ACTION_RATE_LIMIT = 1
    item = FeedbackFactory(topic=topic, resolved=True)
    client.post("/tra-cuu/", {"action": "confirm", "code": item.code})
    assert_retry_after(client.post("/tra-cuu/", {"action": "confirm", "code": item.code}), 3600)


def test_certificate_lookups_over_the_limit_answer_429_with_retry_after(client, home_page):
    from training.views import VERIFY_LIMIT, VERIFY_WINDOW

    for _ in range(VERIFY_LIMIT):
        client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/")
    assert_retry_after(client.get("/chung-nhan/AAAA-BBBB-CCCC-DDDD/"), VERIFY_WINDOW)
