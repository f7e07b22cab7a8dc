"""With Redis unreachable the site stays up: pages answer, submissions are stored, nothing is a 500.

The cache points at a real Redis URL on a port where nothing listens (connection refused), as when
the Redis server is down; no mock.
"""

import socket
import time

from django.core.cache import cache

import pytest

from accounts import factories as accounts_factories
from feedback.models import Comment, Feedback

from .comments_helpers import comment_data, submit_url
from .conftest import form_data

pytestmark = pytest.mark.django_db

DEAD_REDIS = "redis://127.0.0.1:8399/3"
LIVE_REDIS = "redis://127.0.0.1:6379/3"


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "portal-test",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }


@pytest.fixture
def redis_down(settings):
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 8399)) != 0, "something listens on the 'dead' port"
    settings.CACHES = redis_cache(DEAD_REDIS)
    settings.FEEDBACK_MIN_SECONDS = 0
    settings.COMMENTS_MIN_SECONDS = 0
    yield


def test_public_pages_answer_while_redis_is_down(redis_down, client, feedback_page, article):
    for url in ("/", article.url, "/gui-y-kien/", "/tra-cuu/?ma=PA-7K3M-9QXD", "/tim-kiem/?q=dao+tao", "/healthz/"):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        if url.startswith("/tra-cuu/"):
            assert response.status_code == 404  # a well-formed code that does not exist: the page says so
        else:
            assert response.status_code == 200, url


def test_feedback_is_stored_and_its_code_shown_while_redis_is_down(redis_down, client, feedback_page, topic):
    response = client.get("/gui-y-kien/")
    assert response.status_code == 200
    response = client.post(feedback_page.url, form_data(topic))
    assert response.status_code == 200
    item = Feedback.objects.get()
    assert item.code in response.content.decode()


def test_comment_is_stored_while_redis_is_down(redis_down, client, article):
    response = client.post(submit_url(article), comment_data())
    assert response.status_code == 302
    assert Comment.objects.filter(page=article).count() == 1


def test_sign_in_works_and_is_still_limited_while_redis_is_down(redis_down, client, settings):
    settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 2
    user = accounts_factories.learner(username="hocvien")
    for _attempt in range(2):
        response = client.post("/tai-khoan/dang-nhap/", {"username": "hocvien", "password": "sai-mat-khau"})
        assert response.status_code == 200
    response = client.post(
        "/tai-khoan/dang-nhap/", {"username": "hocvien", "password": accounts_factories.DEFAULT_PASSWORD}
    )
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()  # the limit holds in this process
    assert "_auth_user_id" not in client.session
    assert user.pk


def test_a_dead_redis_costs_one_connection_attempt_not_one_per_call(redis_down):
    started = time.monotonic()
    for n in range(200):
        cache.set(f"k{n}", n)
        assert cache.get(f"k{n}") == n  # served by the per-process fallback
    assert time.monotonic() - started < 2


def test_a_live_redis_is_used(settings):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 6379)) != 0:
            pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = redis_cache(LIVE_REDIS)
    cache.set("portal-test-key", "giá trị", 30)
    assert cache._cache.get_client().exists(cache.make_and_validate_key("portal-test-key"))
    assert not cache.is_down
    cache.delete("portal-test-key")


def test_the_page_cache_reads_its_versions_in_one_round_trip_as_django_stored_them(settings):
    """``ResilientRedisCache.get_values`` reads what Django's cache API wrote, through Django's own client and
    serializer (private attributes: this fails when a Django upgrade moves them)."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 6379)) != 0:
            pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = redis_cache(LIVE_REDIS)
    cache.set_many({"portal-test-a": 4611686018427387903, "portal-test-b": "phiên bản"}, 30)
    try:
        assert cache.get_values(["portal-test-a", "portal-test-missing", "portal-test-b"]) == [
            4611686018427387903,
            None,
            "phiên bản",
        ]
        assert not cache.is_down
    finally:
        cache.delete_many(["portal-test-a", "portal-test-b"])


def test_the_page_cache_versions_come_from_the_fallback_while_redis_is_down(redis_down):
    cache.set("portal-test-a", 7)
    assert cache.get_values(["portal-test-a", "portal-test-missing"]) == [7, None]
    assert cache.is_down


def test_health_reports_the_cache_down_but_the_site_up(redis_down, client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body["cache"] == "down"
    assert body["status"] == "degraded"
