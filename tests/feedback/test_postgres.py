"""Against PostgreSQL, through a live server: concurrent submissions are stored once each."""

import re
import threading
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie

from django.conf import settings as django_settings

import pytest

from feedback.models import Feedback

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in django_settings.DATABASES["default"]["ENGINE"], reason="needs DATABASE_URL to PostgreSQL"
    ),
]

SENDERS = 50


def _hidden_fields(html):
    return dict(re.findall(r'<input type="hidden" name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', html))


def submit(base_url, index, results):
    """A visitor at their own address: opens the (cached, token-less) form, then sends it, as a browser
    without JavaScript: the first press shows the form again with tokens, the second stores it."""
    headers = {"X-Forwarded-For": f"198.51.100.{index + 1}"}
    with urllib.request.urlopen(urllib.request.Request(f"{base_url}/gui-y-kien/", headers=headers)) as response:  # noqa: S310
        html = response.read().decode()
    action = base_url + re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    fields = {
        "topic": results["topic"],
        "content": f"Phản ánh số {index}: rác thải đổ trộm ở đầu thôn, xin được xử lý.",
        "email": f"nguoigui{index}@example.org",
        "wants_reply": "on",
        "consent": "on",
        "website": "",
    }
    cookie = None
    for _press in range(2):
        request = urllib.request.Request(  # noqa: S310 - the live server's http:// address
            action,
            data=urllib.parse.urlencode({**fields, **_hidden_fields(html)}).encode(),
            headers={**headers, "Referer": f"{base_url}/gui-y-kien/", **({"Cookie": cookie} if cookie else {})},
        )
        with urllib.request.urlopen(request) as response:  # noqa: S310
            html = response.read().decode()
            set_cookie = response.headers.get("Set-Cookie")
            if set_cookie:
                cookie = f"csrftoken={SimpleCookie(set_cookie)['csrftoken'].value}"
    match = re.search(r"data-tracking-code>(PA-[0-9A-Z]{4}-[0-9A-Z]{4})<", html)
    results[index] = match.group(1) if match else None


def test_fifty_parallel_submissions_from_distinct_addresses_are_stored_once_with_distinct_codes(
    live_server, settings, topic, feedback_page
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_MIN_SECONDS = 0
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 1
    results = {"topic": str(topic.pk)}
    barrier = threading.Barrier(SENDERS)

    def run(index):
        barrier.wait()
        submit(live_server.url, index, results)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    codes = [results.get(index) for index in range(SENDERS)]
    assert None not in codes
    assert len(set(codes)) == SENDERS
    assert Feedback.objects.count() == SENDERS
    assert set(Feedback.objects.values_list("code", flat=True)) == set(codes)
    assert Feedback.objects.values("email").distinct().count() == SENDERS
