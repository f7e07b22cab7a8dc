"""Items from other channels: same code and lifecycle as web feedback, recorded by a cadre."""

import datetime

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import factories as accounts_factories
from feedback import codes
from feedback import services as feedback_services
from feedback.intake import record_item
from feedback.models import Channel, Status
from feedback.workflow import history

TODAY = timezone.localdate


def record(user, topic, **kwargs):
    values = {"channel": Channel.LETTER, "received_on": TODAY() - datetime.timedelta(days=2), "topic": topic}
    values.update(kwargs)
    return record_item(user, content="Đơn thư về bếp ăn tập thể của công ty may.", **values)


def test_a_recorded_item_gets_a_code_and_starts_the_feedback_lifecycle(moderator, topic):
    item = record(moderator, topic)
    assert codes.normalise(item.code) == item.code
    assert (item.status, item.channel, item.recorded_by) == (Status.NEW, Channel.LETTER, moderator)
    assert item.received_date == TODAY() - datetime.timedelta(days=2)
    event = history(item).get()
    assert (event.action, event.actor, event.data["channel"]) == ("record", moderator, "Thư, đơn gửi Hội")
    feedback_services.apply_transition(item, "accept", moderator)
    feedback_services.apply_transition(
        item, "forward", moderator, values={"forwarded_to": "UBND xã", "deadline": TODAY() + datetime.timedelta(7)}
    )
    item.refresh_from_db()
    assert item.status == Status.FORWARDED


def test_the_public_lookup_shows_the_recording_step_but_not_who_recorded_it(client, moderator, topic):
    item = record(moderator, topic)
    page = client.get(reverse("feedback:lookup"), {"ma": item.code}).content.decode()
    assert "Cán bộ ghi nhận ý kiến" in page
    assert moderator.get_full_name() not in page


def test_only_staff_who_handle_feedback_may_record(topic):
    with pytest.raises(PermissionDenied):
        record(accounts_factories.editor(), topic)


def test_the_web_channel_and_future_dates_are_refused(moderator, topic):
    with pytest.raises(ValueError):
        record(moderator, topic, channel=Channel.WEB)
    with pytest.raises(ValueError):
        record(moderator, topic, received_on=TODAY() + datetime.timedelta(days=1))


def test_contact_details_need_consent(moderator, topic):
    with pytest.raises(ValueError):
        record(moderator, topic, name="Lò Thị Sen")
    item = record(moderator, topic, name="Lò Thị Sen", phone="0912345678", consent=True, wants_reply=True)
    assert item.consent_at is not None and item.wants_reply


def test_web_items_keep_the_web_channel(topic):
    from feedback.factories import FeedbackFactory

    item = FeedbackFactory(topic=topic)
    assert item.channel == Channel.WEB
    assert item.received_date == timezone.localdate(item.created_at)


def test_the_feedback_admin_shows_the_channel_and_filters_on_it(client, moderator, topic):
    item = record(moderator, topic, channel=Channel.PHONE)
    client.force_login(moderator)
    page = client.get(reverse("wagtailsnippets_feedback_feedback:inspect", args=[item.pk])).content.decode()
    assert 'data-channel="phone"' in page
    listing = client.get(reverse("wagtailsnippets_feedback_feedback:list"), {"channel": "letter"}).content.decode()
    assert item.code not in listing
