"""Ten identical submissions at the same moment store one case, and every sender is shown its code.

Real concurrent HTTP requests against the live test server (one thread and one database connection
each), on the file SQLite of the test settings and, with ``DATABASE_URL``, on PostgreSQL.
"""

import re
import threading

from django.urls import reverse

import pytest
import requests

from feedback.factories import FeedbackPageFactory, TopicFactory
from feedback.models import Comment, Feedback

from .comments_helpers import comment_data, submit_url
from .conftest import aged_token, form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PARALLEL = 10
CODE = re.compile(r"PA-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def page_and_topic(home_page, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = settings.COMMENTS_RATE_LIMIT_NO_POW = 100
    return FeedbackPageFactory(parent=home_page), TopicFactory(name="Môi trường")


def at_once(url, payloads, scope="feedback"):
    """POSTs each payload from its own thread, all released together; returns the responses."""
    base = url.split("/", 3)[:3]
    session = requests.Session()
    # The CSRF token and cookie, as the page's script fetches them (feedback.tokens).
    csrf = session.get("/".join(base) + f"/api/form-token/?form={scope}", timeout=30).json()["csrf"]
    cookie = session.cookies.get("csrftoken", "")
    barrier = threading.Barrier(len(payloads))
    responses = [None] * len(payloads)

    def send(index):
        payload = {**payloads[index], "csrfmiddlewaretoken": csrf}
        barrier.wait()
        responses[index] = requests.post(
            url,
            data=payload,
            cookies={"csrftoken": cookie},
            headers={"Referer": url},
            timeout=60,
            allow_redirects=False,
        )

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(payloads))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def submit_address(page):
    return reverse("feedback:feedback_submit", args=[page.pk])


def assert_one_case_shown_to_all(responses):
    assert [response.status_code for response in responses] == [200] * PARALLEL
    for response in responses:
        assert "database is locked" not in response.text
    item = Feedback.objects.get()
    shown = [set(CODE.findall(response.text)) for response in responses]
    assert shown == [{item.code}] * PARALLEL


def test_the_same_form_sent_ten_times_at_once_is_one_case(live_server, page_and_topic):
    page, topic = page_and_topic
    data = form_data(topic)
    responses = at_once(live_server.url + submit_address(page), [data] * PARALLEL)
    assert_one_case_shown_to_all(responses)


def test_the_same_content_and_contact_from_ten_forms_at_once_is_one_case(live_server, page_and_topic):
    page, topic = page_and_topic
    payloads = [form_data(topic, form_token=aged_token(seconds=10 + n)) for n in range(PARALLEL)]
    assert len({payload["form_token"] for payload in payloads}) == PARALLEL
    responses = at_once(live_server.url + submit_address(page), payloads)
    assert_one_case_shown_to_all(responses)


def test_a_second_press_shows_the_same_code(client, page_and_topic):
    page, topic = page_and_topic
    data = form_data(topic)
    first = client.post(page.url, data)
    second = client.post(page.url, data)
    item = Feedback.objects.get()
    assert item.code in first.content.decode() and item.code in second.content.decode()


def test_the_same_comment_sent_ten_times_at_once_is_stored_once(live_server, page_and_topic, article):
    data = comment_data()
    responses = at_once(live_server.url + submit_url(article), [data] * PARALLEL, scope="comments")
    assert [response.status_code for response in responses] == [302] * PARALLEL
    assert Comment.objects.filter(page=article).count() == 1
