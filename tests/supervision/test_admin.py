"""The supervision admin: recording an item and its slip, sessions, rounds and recommendations, per role."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts import factories as accounts_factories
from accounts import roles
from feedback.factories import FeedbackFactory
from feedback.models import Channel, Feedback
from supervision.factories import ForumSessionFactory, RecommendationFactory, SupervisionRoundFactory
from supervision.models import ForumSession, Recommendation, RecommendationStatus, SupervisionRound

TODAY = timezone.localdate


def intake_data(topic, **overrides):
    data = {
        "intake-channel": "phone",
        "intake-received_on": TODAY().isoformat(),
        "intake-topic": topic.pk,
        "intake-content": "Bếp ăn trường tiểu học dùng rau không rõ nguồn gốc.",
        "intake-name": "Trần Thị Hoa",
        "intake-phone": "0912345678",
        "intake-consent": "on",
    }
    data.update(overrides)
    return data


def test_a_moderator_records_a_phone_report_and_gets_its_slip(client, moderator, topic):
    client.force_login(moderator)
    response = client.post(reverse("supervision_intake"), intake_data(topic))
    item = Feedback.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("supervision_slip", args=[item.pk])
    assert (item.channel, item.received_on, item.recorded_by, item.status) == (
        Channel.PHONE,
        TODAY(),
        moderator,
        "new",
    )
    slip = client.get(response.url).content.decode()
    assert item.code in slip
    assert "Trần Thị Hoa" not in slip and item.content not in slip


def test_an_invalid_record_keeps_what_was_typed(client, moderator, topic):
    client.force_login(moderator)
    future = (TODAY() + datetime.timedelta(days=2)).isoformat()
    response = client.post(reverse("supervision_intake"), intake_data(topic, **{"intake-received_on": future}))
    assert response.status_code == 400
    assert "Bếp ăn trường tiểu học" in response.content.decode()
    assert not Feedback.objects.exists()


def test_personal_data_needs_the_persons_consent(client, moderator, topic):
    client.force_login(moderator)
    response = client.post(reverse("supervision_intake"), intake_data(topic, **{"intake-consent": ""}))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_an_item_from_a_session_is_linked_to_it(client, moderator, topic, units):
    session = ForumSessionFactory(unit=units["east"])
    client.force_login(moderator)
    client.post(
        reverse("supervision_intake"),
        intake_data(topic, **{"intake-channel": "forum", "intake-session": session.pk}),
    )
    item = Feedback.objects.get()
    assert item.forum_entry.session == session
    page = client.get(reverse("wagtailsnippets_supervision_forumsession:inspect", args=[session.pk]))
    assert item.code in page.content.decode()


def test_sensitive_items_of_a_session_show_their_code_but_not_their_content(client, moderator, units, sensitive_topic):
    session = ForumSessionFactory(unit=units["east"])
    item = FeedbackFactory(topic=sensitive_topic, content="Chồng đánh vợ ở thôn Một", channel=Channel.FORUM)
    session.entries.create(feedback=item)
    client.force_login(moderator)
    page = client.get(reverse("wagtailsnippets_supervision_forumsession:inspect", args=[session.pk])).content.decode()
    assert item.code in page
    assert "Chồng đánh vợ" not in page


def test_learners_and_editors_cannot_record_items(client, topic):
    for user in (accounts_factories.learner(), accounts_factories.editor()):
        client.force_login(user)
        assert client.post(reverse("supervision_intake"), intake_data(topic)).status_code in (302, 403)
    assert not Feedback.objects.exists()


def test_a_moderator_records_a_forum_session(client, moderator, units):
    client.force_login(moderator)
    response = client.post(
        reverse("wagtailsnippets_supervision_forumsession:add"),
        {
            "unit": units["east"].pk,
            "held_on": TODAY().isoformat(),
            "place": "Nhà văn hóa thôn Một",
            "chair": "Nguyễn Thị Bình",
            "participants": 35,
            "topics_raised": "Bếp ăn bán trú\nRác thải",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session = ForumSession.objects.get()
    assert session.created_by == moderator
    listing = client.get(reverse("wagtailsnippets_supervision_forumsession:list"), {"unit": units["east"].pk})
    assert "Nhà văn hóa thôn Một" in listing.content.decode()


@pytest.mark.parametrize("year", ["0", "99999", "2024.5", "abc", "-1"])
def test_a_bad_year_in_the_session_list_is_a_message_not_an_error(client, moderator, units, year):
    ForumSessionFactory(unit=units["east"], place="Nhà văn hóa thôn Một")
    client.force_login(moderator)
    response = client.get(reverse("wagtailsnippets_supervision_forumsession:list"), {"year": year})
    assert response.status_code == 200


def test_a_round_is_opened_from_an_item(client, supervisor, units, topic):
    item = FeedbackFactory(topic=topic, unit=units["east"])
    client.force_login(supervisor)
    form = client.get(reverse("wagtailsnippets_supervision_supervisionround:add"), {"y_kien": item.pk})
    assert item.code in form.content.decode()
    response = client.post(
        reverse("wagtailsnippets_supervision_supervisionround:add"),
        {
            "topic": "Giám sát bếp ăn bán trú",
            "kind": "unannounced",
            "area": topic.pk,
            "supervised_body": "Trường tiểu học xã Đông",
            "lead_unit": units["east"].pk,
            "planned_start": TODAY().isoformat(),
            "planned_end": (TODAY() + datetime.timedelta(days=5)).isoformat(),
            "source_codes": item.code.lower().replace("-", " "),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    round = SupervisionRound.objects.get()
    assert list(round.source_items.all()) == [item]


@pytest.mark.parametrize("raw", ["²", "abc", "9" * 40])
def test_odd_ids_in_the_address_open_empty_forms(client, supervisor, moderator, units, raw):
    client.force_login(supervisor)
    assert client.get(reverse("wagtailsnippets_supervision_supervisionround:add"), {"y_kien": raw}).status_code == 200
    client.force_login(moderator)
    assert client.get(reverse("supervision_intake"), {"phien": raw}).status_code == 200


def test_an_unknown_code_is_refused_with_a_message(client, supervisor, units):
    client.force_login(supervisor)
    response = client.post(
        reverse("wagtailsnippets_supervision_supervisionround:add"),
        {
            "topic": "Giám sát",
            "kind": "thematic",
            "supervised_body": "UBND xã",
            "lead_unit": units["east"].pk,
            "planned_start": TODAY().isoformat(),
            "planned_end": TODAY().isoformat(),
            "source_codes": "PA-0000-0000",
        },
    )
    assert response.status_code == 200
    assert "Không có ý kiến nào mang mã" in response.content.decode()
    assert not SupervisionRound.objects.exists()


def test_recommendations_are_added_and_answered_from_the_admin(client, supervisor, units):
    round = SupervisionRoundFactory(lead_unit=units["east"])
    client.force_login(supervisor)
    action = reverse("wagtailsnippets_supervision_supervisionround:action", args=[round.pk, "recommend"])
    client.post(
        action,
        {
            "recommendation-addressee": "UBND xã Đông",
            "recommendation-text": "Kiểm tra nguồn rau của bếp ăn.",
            "recommendation-sent_on": TODAY().isoformat(),
            "recommendation-deadline": (TODAY() + datetime.timedelta(days=15)).isoformat(),
        },
    )
    recommendation = Recommendation.objects.get()
    page = client.get(reverse("wagtailsnippets_supervision_recommendation:inspect", args=[recommendation.pk]))
    assert "Ghi nhận trả lời của cơ quan" in page.content.decode()
    client.post(
        reverse("wagtailsnippets_supervision_recommendation:action", args=[recommendation.pk, "record_answer"]),
        {"record_answer-response": "Đã đổi nhà cung cấp rau.", "record_answer-response_date": TODAY().isoformat()},
    )
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.ANSWERED
    round_page = client.get(reverse("wagtailsnippets_supervision_supervisionround:inspect", args=[round.pk]))
    assert "Đã có trả lời" in round_page.content.decode()


def test_publishing_needs_a_finished_round(client, supervisor, units):
    round = SupervisionRoundFactory(lead_unit=units["east"])
    client.force_login(supervisor)
    client.post(reverse("wagtailsnippets_supervision_supervisionround:action", args=[round.pk, "publish"]))
    round.refresh_from_db()
    assert round.published_at is None
    finished = SupervisionRoundFactory(lead_unit=units["east"], finished=True)
    client.post(reverse("wagtailsnippets_supervision_supervisionround:action", args=[finished.pk, "publish"]))
    finished.refresh_from_db()
    assert finished.published_at is not None


def test_a_moderator_cannot_change_rounds_or_recommendations(client, moderator, units):
    recommendation = RecommendationFactory(round=SupervisionRoundFactory(lead_unit=units["east"]))
    client.force_login(moderator)
    url = reverse("wagtailsnippets_supervision_recommendation:action", args=[recommendation.pk, "record_answer"])
    response = client.post(url, {"record_answer-response": "x", "record_answer-response_date": TODAY().isoformat()})
    assert response.status_code in (302, 403)
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.SENT
    assert client.get(reverse("wagtailsnippets_supervision_supervisionround:add")).status_code in (302, 403)


def test_the_supervision_role_exists_with_no_delete_permission(db):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=roles.SUPERVISORS)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"add_supervisionround", "change_recommendation", "publish_supervisionround"} <= codenames
    assert not any(code.startswith("delete_") for code in codenames)
    assert "view_feedback" not in codenames


def test_the_dashboard_panel_counts_overdue_recommendations(client, supervisor, moderator, units):
    round = SupervisionRoundFactory(lead_unit=units["east"])
    RecommendationFactory(round=round, deadline=TODAY() - datetime.timedelta(days=2))
    RecommendationFactory(round=round)
    client.force_login(supervisor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-overdue="1"' in page
    assert "2 kiến nghị đang chờ cơ quan trả lời" in page
    client.force_login(moderator)
    assert "data-overdue" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_round_page_needs_the_supervision_role(client, moderator, supervisor, units):
    round = SupervisionRoundFactory(lead_unit=units["east"], topic="Đợt riêng")
    url = reverse("wagtailsnippets_supervision_supervisionround:inspect", args=[round.pk])
    client.force_login(moderator)
    assert client.get(url).status_code in (302, 403)
    client.force_login(supervisor)
    assert "Đợt riêng" in client.get(url).content.decode()
