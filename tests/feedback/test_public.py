from django.utils import timezone

import pytest

from feedback.factories import FeedbackFactory
from feedback.models import Status
from tests.utils import third_party_resources

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"


def lookup(client, code, **extra):
    return client.get("/tra-cuu/", {"ma": code}, **extra)


def test_lookup_shows_status_dates_and_answer_but_nothing_personal(client, topic):
    item = FeedbackFactory(
        topic=topic,
        resolved=True,
        name="Nguyễn Thị Lan",
        phone="0912345678",
        email="lan@example.org",
        content="Nhà bà Lan ở số 5 ngõ 3 bị ngập",
        answer="UBND xã đã nạo vét cống.",
    )
    response = lookup(client, item.code.lower().replace("-", " "))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã giải quyết" in html
    assert "UBND xã đã nạo vét cống." in html
    # The page shows the date in GMT+7, which is the next day from 17:00 UTC.
    assert timezone.localtime(item.created_at).strftime("%d/%m/%Y") in html
    for personal in ["Nguyễn Thị Lan", "0912345678", "lan@example.org", "Nhà bà Lan"]:
        assert personal not in html
    assert 'name="robots" content="noindex"' in html
    assert third_party_resources(html) == []


def test_draft_answer_is_not_shown_before_resolution(client, topic):
    item = FeedbackFactory(topic=topic, forwarded=True, answer="Bản nháp chưa duyệt")
    assert "Bản nháp chưa duyệt" not in lookup(client, item.code).content.decode()


def test_moderator_notes_never_appear_on_the_lookup(client, topic, moderator):
    from feedback import services

    item = FeedbackFactory(topic=topic)
    services.add_note(item, moderator, "Ghi chú nội bộ bí mật")
    services.apply_transition(item, "accept", moderator, note="Lý do nội bộ")
    html = lookup(client, item.code).content.decode()
    assert "Ghi chú nội bộ bí mật" not in html and "Lý do nội bộ" not in html
    assert str(moderator) not in html
    assert "Tiếp nhận" in html


def test_unknown_code_gets_a_friendly_message(client, topic):
    response = lookup(client, "PA-2222-3333")
    assert response.status_code == 404
    assert "Không tìm thấy ý kiến nào có mã này" in response.content.decode()


def test_malformed_code_gets_a_friendly_message(client):
    response = lookup(client, f"abc{SCRIPT}")
    html = response.content.decode()
    assert "Mã tra cứu chưa đúng dạng" in html
    assert SCRIPT not in html


def test_lookups_are_rate_limited(client, settings):
    settings.FEEDBACK_LOOKUP_RATE_LIMIT = 3
    for n in range(3):
        assert lookup(client, f"PA-2222-333{n}").status_code == 404
    response = lookup(client, "PA-2222-3339")
    assert response.status_code == 429
    assert "Bạn đã tra cứu quá nhiều lần" in response.content.decode()
    assert lookup(client, "PA-2222-3339", REMOTE_ADDR="10.1.1.1").status_code == 404


def test_sender_confirms_resolution_on_the_lookup_page(client, topic):
    item = FeedbackFactory(topic=topic, resolved=True)
    response = client.post("/tra-cuu/", {"action": "confirm", "code": item.code})
    assert "Cảm ơn bạn đã xác nhận" in response.content.decode()
    item.refresh_from_db()
    assert item.sender_confirmed_at is not None


def test_sender_asks_to_reopen_with_a_reason_and_it_returns_to_the_queue(client, topic):
    item = FeedbackFactory(topic=topic, resolved=True)
    short = client.post("/tra-cuu/", {"action": "reopen", "code": item.code, "reason": "sai"})
    assert short.status_code == 400
    item.refresh_from_db()
    assert item.status == Status.RESOLVED
    response = client.post("/tra-cuu/", {"action": "reopen", "code": item.code, "reason": "Cống lại tắc sau một tuần."})
    assert "Đã gửi đề nghị xem xét lại" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.ACCEPTED and item.reopen_count == 1
    assert item.events.get(action="reopen").note == "Cống lại tắc sau một tuần."


def test_reopen_is_refused_for_items_not_resolved(client, topic):
    item = FeedbackFactory(topic=topic, status=Status.NEW)
    response = client.post("/tra-cuu/", {"action": "reopen", "code": item.code, "reason": "Cống lại tắc sau một tuần."})
    assert "không ở trạng thái" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.NEW


def test_sender_actions_are_rate_limited(client, topic, settings):
    settings.FEEDBACK_SENDER_ACTION_RATE_LIMIT = 2
    item = FeedbackFactory(topic=topic, resolved=True)
    for _ in range(2):
        client.post("/tra-cuu/", {"action": "confirm", "code": item.code})
    assert client.post("/tra-cuu/", {"action": "confirm", "code": item.code}).status_code == 429


def test_resolutions_page_lists_published_items_anonymised_and_escaped(client, topic):
    FeedbackFactory(
        topic=topic,
        published=True,
        name="Nguyễn Thị Lan",
        content="Nội dung gốc có tên người gửi",
        public_summary=f"Tóm tắt {SCRIPT}",
        answer="Đã nạo vét cống.",
    )
    FeedbackFactory(topic=topic, resolved=True, answer="Chưa công khai")
    html = client.get("/ket-qua-giai-quyet/").content.decode()
    assert "Đã nạo vét cống." in html
    assert "&lt;script&gt;" in html and SCRIPT not in html
    assert "Chưa công khai" not in html
    assert "Nguyễn Thị Lan" not in html and "Nội dung gốc" not in html
    assert third_party_resources(html) == []


def test_resolutions_page_query_count_is_bounded(client, topic, django_assert_max_num_queries):
    from accounts.factories import OrganisationUnitFactory

    unit = OrganisationUnitFactory()
    for _ in range(25):
        FeedbackFactory(topic=topic, unit=unit, published=True)
    client.get("/ket-qua-giai-quyet/")  # warm the menu and settings fragments, as on a running server
    with django_assert_max_num_queries(8):
        response = client.get("/ket-qua-giai-quyet/")
    assert response.content.decode().count('class="resolution"') == 10
    assert "Trang 1 / 3" in response.content.decode()


def test_lookup_query_count_is_bounded(client, topic, moderator, django_assert_max_num_queries):
    from feedback import services

    item = FeedbackFactory(topic=topic)
    for _ in range(30):
        services.add_note(item, moderator, "ghi chú")
    lookup(client, item.code)  # warm the menu and settings fragments, as on a running server
    with django_assert_max_num_queries(8):
        lookup(client, item.code)
