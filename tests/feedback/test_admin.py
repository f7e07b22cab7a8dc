import datetime
import io
import json
from functools import partial

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from accounts import factories as accounts_factories
from feedback.factories import FeedbackFactory
from feedback.models import Feedback, Status

from .conftest import SCRIPT, admin_url, attach_photo

pytestmark = pytest.mark.django_db
url = partial(admin_url, "feedback")


def test_queue_lists_items_with_filters(mod_client, topic):
    FeedbackFactory(topic=topic, content="Rác ở thôn Đông")
    FeedbackFactory(topic=topic, status=Status.ACCEPTED, content="Nước thải ở xã Đồng Tâm")
    html = mod_client.get(url("list")).content.decode()
    assert html.count('data-status="') == 2
    filtered = mod_client.get(url("list"), {"status": "accepted"}).content.decode()
    assert filtered.count('data-status="') == 1 and 'data-status="accepted"' in filtered


def test_queue_filters_by_topic_unit_assignee_and_date(mod_client, topic, moderator):
    from accounts.factories import OrganisationUnitFactory
    from feedback.factories import TopicFactory

    unit = OrganisationUnitFactory(name="Hội LHPN xã Hòa Bình")
    other_topic = TopicFactory(name="An toàn thực phẩm")
    old = FeedbackFactory(topic=topic, unit=unit, assignee=moderator)
    Feedback.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    recent = FeedbackFactory(topic=other_topic)
    for params, expected in [
        ({"topic": other_topic.pk}, recent),
        ({"unit": unit.pk}, old),
        ({"assignee": moderator.pk}, old),
        ({"created_at_from": (timezone.localdate() - datetime.timedelta(days=5)).isoformat()}, recent),
    ]:
        html = mod_client.get(url("list"), params).content.decode()
        assert expected.code in html, params
        assert ({old, recent} - {expected}).pop().code not in html, params


def test_queue_search_finds_content(mod_client, topic):
    FeedbackFactory(topic=topic, content="Cống thoát nước bị tắc")
    FeedbackFactory(topic=topic, content="Đèn đường hỏng")
    found = FeedbackFactory(topic=topic, content="Ống nước thải vỡ", name="Lò Thị Sáu")
    html = mod_client.get(url("list"), {"q": "thoát nước"}).content.decode()
    assert html.count('data-status="') == 1
    html = mod_client.get(url("list"), {"q": "Lò Thị Sáu"}).content.decode()
    assert found.code in html and html.count('data-status="') == 1


def test_overdue_items_stand_out_in_the_queue(mod_client, topic):
    late = FeedbackFactory(topic=topic, forwarded=True)
    Feedback.objects.filter(pk=late.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=2))
    FeedbackFactory(topic=topic, forwarded=True)
    html = mod_client.get(url("list")).content.decode()
    assert html.count("data-overdue") == 1
    assert "Quá hạn" in html
    only_overdue = mod_client.get(url("list"), {"overdue": "true"}).content.decode()
    assert late.code in only_overdue and only_overdue.count('data-status="') == 1


def test_queue_query_count_is_bounded(mod_client, topic, django_assert_max_num_queries, moderator):
    for _ in range(30):
        FeedbackFactory(topic=topic, assignee=moderator)
    mod_client.get(url("list"))
    with django_assert_max_num_queries(30):
        response = mod_client.get(url("list"))
    assert response.content.decode().count('data-status="') == 30


def test_html_is_escaped_in_the_admin_list_and_detail(mod_client, topic):
    item = FeedbackFactory(topic=topic, name=SCRIPT, content=f"Nội dung {SCRIPT}", email="a@example.org")
    services_item = item
    from feedback import services

    services.add_note(services_item, item.assignee or accounts_factories.moderator(), f"Ghi chú {SCRIPT}")
    for page in (mod_client.get(url("list")), mod_client.get(url("inspect", item.pk))):
        html = page.content.decode()
        assert SCRIPT not in html
    detail = mod_client.get(url("inspect", item.pk)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail


def test_detail_shows_content_sender_attachments_history_and_allowed_actions(mod_client, topic):
    item = FeedbackFactory(topic=topic, content="Bãi rác tự phát cạnh trường", phone="0912345678")
    attach_photo(item)
    from feedback.workflow import record

    record(item, "submit", actor_label="Người gửi")
    html = mod_client.get(url("inspect", item.pk)).content.decode()
    assert "Bãi rác tự phát cạnh trường" in html
    assert "0912345678" in html
    assert url("attachment", item.pk, item.attachments.get().pk) in html
    assert 'data-event="submit"' in html
    actions = {
        name
        for name in ["accept", "request_info", "reject", "mark_spam", "forward", "resolve", "publish"]
        if f'data-action="{name}"' in html
    }
    assert actions == {"accept", "request_info", "reject", "mark_spam"}


def test_moderator_runs_the_lifecycle_from_the_detail_page(mod_client, topic):
    item = FeedbackFactory(topic=topic)
    deadline = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    steps = [
        ("accept", {"accept-comment": "Đúng phạm vi"}),
        ("forward", {"forward-forwarded_to": "UBND xã Hòa Bình", "forward-deadline": deadline}),
        ("resolve", {"resolve-answer": "Đã nạo vét cống.", "resolve-comment": ""}),
        ("publish", {"publish-public_summary": "Cống bị tắc ở một thôn."}),
    ]
    for name, data in steps:
        response = mod_client.post(url("action", item.pk, name), data)
        assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert item.events.count() == 4


def test_illegal_action_from_the_admin_is_refused_with_a_message(mod_client, topic):
    item = FeedbackFactory(topic=topic)
    response = mod_client.post(url("action", item.pk, "resolve"), {"resolve-answer": "x"}, follow=True)
    assert "không áp dụng được" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.NEW


def test_forward_without_deadline_is_refused(mod_client, topic):
    item = FeedbackFactory(topic=topic, status=Status.ACCEPTED)
    response = mod_client.post(url("action", item.pk, "forward"), {"forward-forwarded_to": "UBND xã"}, follow=True)
    assert "Chưa thực hiện" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.ACCEPTED


def test_assignment_and_internal_note_from_the_detail_page(mod_client, topic, moderator):
    item = FeedbackFactory(topic=topic)
    mod_client.post(url("action", item.pk, "assign"), {"assign-assignee": moderator.pk})
    mod_client.post(url("action", item.pk, "note"), {"note-note": "Đã gọi điện xác minh."})
    item.refresh_from_db()
    assert item.assignee == moderator
    html = mod_client.get(url("inspect", item.pk)).content.decode()
    assert "Đã gọi điện xác minh." in html


def test_bulk_spam_marks_several_items_through_the_workflow(mod_client, topic):
    items = [FeedbackFactory(topic=topic) for _ in range(3)]
    accepted = FeedbackFactory(topic=topic, status=Status.ACCEPTED)
    bulk = reverse("wagtail_bulk_action", args=("feedback", "feedback", "mark_spam"))
    query = "&".join(f"id={item.pk}" for item in [*items, accepted])
    confirm = mod_client.get(f"{bulk}?{query}").content.decode()
    assert all(f"<li>{item.code}: " in confirm for item in items)
    assert f"<li>{accepted.code}</li>" in confirm  # listed as not applicable: already accepted
    done = mod_client.post(f"{bulk}?{query}", {})
    assert [str(note).strip() for note in get_messages(done.wsgi_request)] == [
        "Đã thực hiện “Đánh dấu tin rác” cho 3 ý kiến."
    ]
    assert Feedback.objects.filter(status=Status.SPAM).count() == 3
    accepted.refresh_from_db()
    assert accepted.status == Status.ACCEPTED
    assert all(item.events.filter(action="mark_spam").exists() for item in items)


def test_edit_opens_the_moderation_page_and_delete_is_refused_even_to_superusers(client, topic):
    item = FeedbackFactory(topic=topic, content="Nguyên văn người gửi")
    superuser = accounts_factories.make_user(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    assert client.get(url("edit", item.pk)).url == url("inspect", item.pk)
    assert client.post(url("edit", item.pk), {"content": "sửa"}).status_code == 302
    assert client.get(url("delete", item.pk)).status_code in (302, 403)
    client.post(url("delete", item.pk))
    item.refresh_from_db()
    assert item.content == "Nguyên văn người gửi"


def test_sensitive_items_are_hidden_from_ordinary_moderators(mod_client, client, sensitive_topic):
    item = FeedbackFactory(topic=sensitive_topic)
    assert item.code not in mod_client.get(url("list")).content.decode()
    assert mod_client.get(url("inspect", item.pk)).status_code == 404
    trusted = accounts_factories.make_user()
    trusted.groups.add(Group.objects.get(name="Cán bộ tiếp nhận (nhạy cảm)"))
    client.force_login(trusted)
    assert client.get(url("inspect", item.pk)).status_code == 200


def test_attachments_are_served_only_through_the_permission_checked_view(client, mod_client, topic):
    item = FeedbackFactory(topic=topic)
    attachment = attach_photo(item)
    address = url("attachment", item.pk, attachment.pk)
    response = mod_client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    client.logout()
    editor = accounts_factories.editor()
    client.force_login(editor)
    assert client.get(address).status_code in (302, 403, 404)
    client.logout()
    assert client.get(address).status_code == 302  # to the admin sign-in


def test_dashboard_panel_and_menu_badge_count_new_items(mod_client, topic):
    for _ in range(3):
        FeedbackFactory(topic=topic)
    FeedbackFactory(topic=topic, status=Status.ACCEPTED)
    html = mod_client.get(reverse("wagtailadmin_home")).content.decode()
    new = html.index("ý kiến mới chờ xử lý")
    assert '<span class="portal-figure__count">3</span>' in html[new - 120 : new]
    # The sidebar is JSON: both the group and its "Ý kiến, phản ánh" entry carry the count.
    assert json.dumps("Ý kiến, phản ánh (3)") in html
    assert json.dumps("Tiếp nhận ý kiến (3)") in html


def _sheet(response):
    workbook = load_workbook(io.BytesIO(response.content))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]


def test_export_leaves_out_personal_data_without_the_dedicated_permission(mod_client, client, topic):
    FeedbackFactory(topic=topic, name="Nguyễn Thị Lan", phone="0912345678", email="lan@example.org")
    rows = _sheet(mod_client.get(url("export")))
    assert rows[0][0] == "Mã tra cứu" and len(rows) == 2
    flat = str(rows)
    assert "Nguyễn Thị Lan" not in flat and "0912345678" not in flat and "lan@example.org" not in flat
    privileged = accounts_factories.moderator()
    privileged.user_permissions.add(Permission.objects.get(codename="export_personal_data"))
    client.force_login(privileged)
    flat = str(_sheet(client.get(url("export"))))
    assert "Nguyễn Thị Lan" in flat and "lan@example.org" in flat


def test_export_is_refused_to_other_roles(client):
    client.force_login(accounts_factories.editor())
    assert client.get(url("export")).status_code in (302, 403)


def test_detail_query_count_is_bounded_with_a_long_history(mod_client, topic, moderator, django_assert_max_num_queries):
    from feedback import services

    item = FeedbackFactory(topic=topic, assignee=moderator)
    for number in range(3):
        attach_photo(item, name=f"anh{number}.jpg")
    for number in range(40):
        services.add_note(item, moderator, f"Ghi chú số {number}")
    mod_client.get(url("inspect", item.pk))
    with django_assert_max_num_queries(30):
        html = mod_client.get(url("inspect", item.pk)).content.decode()
    assert html.count('data-event="note"') == 40
