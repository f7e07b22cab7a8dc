import hashlib
import time

from django.test import RequestFactory

import pytest

from feedback import spam
from feedback.models import Feedback

from .conftest import aged_token, form_data

pytestmark = pytest.mark.django_db


def send(client, page, data, **extra):
    return client.post(page.url, data, **extra)


def solve_pow(token, bits):
    nonce = 0
    while not spam.pow_valid(token, format(nonce, "x"), bits):
        nonce += 1
    return format(nonce, "x")


def test_filled_honeypot_is_refused(client, feedback_page, topic):
    response = send(client, feedback_page, form_data(topic, website="http://spam.example"))
    assert "dấu hiệu gửi tự động" in response.content.decode()
    assert Feedback.objects.count() == 0


def test_the_page_carries_no_token_each_visitor_fetches_a_fresh_one(client, feedback_page, topic):
    page = client.get(feedback_page.url)
    assert 'name="form_token" value=' not in page.content.decode() and not page.cookies
    first, second = client.get("/api/form-token/?form=feedback"), client.get("/api/form-token/?form=feedback")
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert first.json()["token"] != second.json()["token"] and first.json()["csrf"]


def test_honeypot_is_hidden_from_people(client, feedback_page, topic):
    html = client.get(feedback_page.url).content.decode()
    assert '<div class="hp" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_too_fast_submission_is_refused_and_keeps_the_text(client, feedback_page, topic):
    data = form_data(topic, form_token=aged_token(seconds=0.5), content="Gửi quá nhanh nhưng nội dung vẫn còn.")
    html = send(client, feedback_page, data).content.decode()
    assert "Bạn gửi nhanh quá" in html
    assert "Gửi quá nhanh nhưng nội dung vẫn còn." in html
    assert Feedback.objects.count() == 0


def test_forged_or_expired_token_is_refused(client, feedback_page, topic):
    forged = f"feedback:{time.time() - 60:.3f}:abc:def"
    assert "Biểu mẫu đã hết hạn" in send(client, feedback_page, form_data(topic, form_token=forged)).content.decode()
    expired = aged_token(seconds=2 * 24 * 3600)
    assert "Biểu mẫu đã hết hạn" in send(client, feedback_page, form_data(topic, form_token=expired)).content.decode()
    assert Feedback.objects.count() == 0


def test_a_token_is_accepted_once(client, feedback_page, topic):
    """A second use of a token stores nothing more: its sender is shown the case the token already made."""
    token = aged_token()
    send(client, feedback_page, form_data(topic, form_token=token))
    html = send(client, feedback_page, form_data(topic, form_token=token, content="Một nội dung khác hẳn.")).content
    item = Feedback.objects.get()
    assert item.code in html.decode()
    assert "Một nội dung khác hẳn." not in Feedback.objects.values_list("content", flat=True)


def test_rate_limit_without_proof_of_work_is_stricter(client, feedback_page, topic, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 2
    for n in range(2):
        send(client, feedback_page, form_data(topic, content=f"Phản ánh thứ {n} về rác thải ở thôn."))
    html = send(client, feedback_page, form_data(topic, content="Phản ánh thứ ba về rác thải.")).content.decode()
    assert "Bạn đã gửi nhiều lần trong thời gian ngắn" in html
    assert Feedback.objects.count() == 2
    # Another address is not affected.
    send(client, feedback_page, form_data(topic, content="Từ máy khác."), REMOTE_ADDR="10.0.0.9")
    assert Feedback.objects.count() == 3


def test_proof_of_work_earns_the_larger_allowance(client, feedback_page, topic, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 1
    settings.FEEDBACK_RATE_LIMIT = 3
    bits = spam.SpamPolicy.from_settings("feedback", "FEEDBACK").pow_bits
    for n in range(3):
        token = aged_token()
        data = form_data(topic, form_token=token, pow_nonce=solve_pow(token, bits), content=f"Phản ánh số {n} rõ ràng.")
        send(client, feedback_page, data)
    assert Feedback.objects.count() == 3


def test_proof_of_work_is_checked():
    token = "abc"
    nonce = solve_pow(token, 12)
    assert spam.pow_valid(token, nonce, 12)
    assert not spam.pow_valid(token, "", 12)
    failing = next(str(n) for n in range(100) if hashlib.sha256(f"{token}:{n}".encode()).digest()[:2] != b"\0\0")
    assert not spam.pow_valid(token, failing, 16)


def test_same_content_and_contact_within_a_day_is_linked_not_stored_twice(client, feedback_page, topic, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 10
    first = send(client, feedback_page, form_data(topic, content="Cống thoát nước  bị tắc   ở ngõ 5."))
    second = send(client, feedback_page, form_data(topic, content="cống thoát nước bị tắc ở ngõ 5."))
    item = Feedback.objects.get()
    assert item.code in first.content.decode()
    assert item.code in second.content.decode()
    assert "đã được gửi trước đó" in second.content.decode()
    assert item.duplicate_count == 1
    # A different contact with the same words is a different person's report.
    send(client, feedback_page, form_data(topic, content="Cống thoát nước bị tắc ở ngõ 5.", email="khac@example.org"))
    assert Feedback.objects.count() == 2


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "1.2.3.4", "203.0.113.5"),
        (1, "10.0.0.1", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        (1, "10.0.0.1", "", "10.0.0.1"),
        (2, "10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", "198.51.100.7"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert spam.client_ip(request) == expected
