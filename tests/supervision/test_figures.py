"""The dashboard's numbers against a small, hand-counted set of items, sessions, rounds and recommendations."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from feedback.factories import FeedbackFactory
from feedback.models import Channel, Feedback, Status
from supervision import figures
from supervision.factories import ForumSessionFactory, RecommendationFactory, SupervisionRoundFactory

TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


def as_dict(table, value_column=1):
    return {row[0]: row[value_column] for row in table.rows}


@pytest.fixture
def fixtures(units, topic, sensitive_topic):
    """By hand: 6 items. East: 2 (one phone), branch (under east): 1 sensitive, west: 1, no unit: 2.

    Resolved: 3, taking 4, 10 and 6 days (median 6). Forwarded: 2, one past its deadline.
    """
    now = timezone.now()
    FeedbackFactory(topic=topic, unit=units["east"], channel=Channel.PHONE, received_on=days(-10),
                    resolved=True, resolved_at=now - datetime.timedelta(days=6))  # fmt: skip
    FeedbackFactory(topic=topic, unit=units["east"], resolved=True, created_at=now - datetime.timedelta(days=20),
                    resolved_at=now - datetime.timedelta(days=10))  # fmt: skip
    FeedbackFactory(topic=sensitive_topic, unit=units["branch"], published=True,
                    created_at=now - datetime.timedelta(days=6))  # fmt: skip
    FeedbackFactory(topic=topic, unit=units["west"], forwarded=True, deadline=days(-1))
    FeedbackFactory(topic=topic, forwarded=True)
    FeedbackFactory(topic=topic, channel=Channel.LETTER)
    ForumSessionFactory(unit=units["branch"], participants=30)
    ForumSessionFactory(unit=units["east"], participants=20)
    ForumSessionFactory(unit=units["west"], participants=10)
    finished = SupervisionRoundFactory(lead_unit=units["east"], area=topic, finished=True)
    SupervisionRoundFactory(lead_unit=units["west"], area=topic)
    SupervisionRoundFactory(lead_unit=units["west"])
    RecommendationFactory(round=finished, status="resolved", deadline=days(-5), response_date=days(-6))
    RecommendationFactory(round=finished, status="resolved", deadline=days(-5), response_date=days(-2))
    RecommendationFactory(round=finished, status="sent", deadline=days(-1))
    RecommendationFactory(round=finished, status="sent", deadline=days(3))
    RecommendationFactory(round=finished, status="re_recommended", deadline=days(-9))
    return units


def test_items_per_state(fixtures):
    counts = as_dict(figures.by_status())
    assert counts[Status.NEW.label] == 1
    assert counts[Status.FORWARDED.label] == 2
    assert counts[Status.RESOLVED.label] == 2
    assert counts[Status.PUBLISHED.label] == 1
    assert sum(counts.values()) == 6


def test_items_per_topic_count_the_sensitive_ones(fixtures, topic, sensitive_topic):
    counts = as_dict(figures.by_topic())
    assert (counts[topic.name], counts[sensitive_topic.name]) == (5, 1)


def test_items_per_channel(fixtures):
    counts = as_dict(figures.by_channel())
    assert counts[Channel.PHONE.label] == 1
    assert counts[Channel.LETTER.label] == 1
    assert counts[Channel.WEB.label] == 4


def test_items_per_unit_are_rolled_up_the_tree(fixtures):
    table = figures.by_unit()
    own, total = as_dict(table, 1), as_dict(table, 2)
    assert (own["Hội LHPN tỉnh"], total["Hội LHPN tỉnh"]) == (0, 4)
    assert (own["Hội LHPN xã Đông"], total["Hội LHPN xã Đông"]) == (2, 3)
    assert (own["Chi hội thôn Một"], total["Chi hội thôn Một"]) == (1, 1)
    assert total["Hội LHPN xã Tây"] == 1
    assert own["Không rõ địa bàn"] == 2
    assert table.indents[table.rows.index(next(r for r in table.rows if r[0] == "Chi hội thôn Một"))] == 2


def test_items_per_month_of_receipt(fixtures):
    months = as_dict(figures.by_month())
    assert sum(months.values()) == 6
    assert months[days(-10).strftime("%m/%Y")] >= 1


def test_median_days_to_resolution_and_share_overdue(fixtures):
    values = as_dict(figures.timeliness())
    assert values["Số ý kiến đã có kết quả giải quyết"] == 3
    assert values["Số ngày trung vị từ khi tiếp nhận đến khi giải quyết"] == 6
    assert values["Số ý kiến đang chờ cơ quan giải quyết trả lời"] == 2
    assert values["Trong đó đã quá hạn trả lời"] == 1
    assert values["Tỉ lệ quá hạn (%)"] == 50.0


def test_forum_sessions_per_unit_are_rolled_up(fixtures):
    table = figures.sessions_by_unit()
    mine, total, people = as_dict(table, 1), as_dict(table, 2), as_dict(table, 3)
    assert (mine["Hội LHPN xã Đông"], total["Hội LHPN xã Đông"], people["Hội LHPN xã Đông"]) == (1, 2, 50)
    assert (total["Hội LHPN tỉnh"], people["Hội LHPN tỉnh"]) == (3, 60)


def test_rounds_per_topic(fixtures, topic):
    table = figures.rounds_by_topic()
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows[topic.name] == [2, 1, 0]
    assert rows["Chưa xếp lĩnh vực"] == [1, 0, 0]


def test_recommendations_per_status_and_the_share_resolved_on_time(fixtures):
    values = as_dict(figures.recommendations_by_status())
    assert values["Đã giải quyết"] == 2
    assert values["Đã gửi"] == 2
    assert values["Đã kiến nghị lại"] == 1
    assert values["Tổng số kiến nghị"] == 5
    assert values["Đang quá hạn trả lời"] == 1
    assert values["Đã giải quyết đúng hạn"] == 1
    assert values["Tỉ lệ giải quyết đúng hạn (%)"] == 50.0


def test_a_year_keeps_to_that_years_items(fixtures):
    Feedback.objects.update(created_at=timezone.now())
    Feedback.objects.filter(unit__isnull=True).update(created_at=timezone.now() - datetime.timedelta(days=800))
    year = timezone.localdate().year
    assert sum(as_dict(figures.by_status(year)).values()) == 4
    assert sum(as_dict(figures.by_status()).values()) == 6


def test_the_dashboard_shows_the_tables_to_supervision_staff(client, fixtures, supervisor):
    client.force_login(supervisor)
    page = client.get(reverse("supervision_figures")).content.decode()
    for slug in figures.TABLES:
        assert f'data-figures="{slug}"' in page


@pytest.mark.parametrize("year", ["abcd", "²", "２０２６", "1999", "9" * 40, ""])
def test_a_year_typed_in_the_address_never_fails(client, fixtures, supervisor, year):
    client.force_login(supervisor)
    assert client.get(reverse("supervision_figures"), {"nam": year}).status_code == 200
    export = client.get(reverse("supervision_figures_export", args=["tat-ca"]), {"nam": year})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_dashboard_is_refused_to_learners(client, db):
    from accounts.factories import learner

    client.force_login(learner())
    assert client.get(reverse("supervision_figures")).status_code in (302, 403)


@pytest.mark.parametrize("slug", list(figures.TABLES))
def test_each_table_downloads_as_a_workbook(client, fixtures, supervisor, slug):
    client.force_login(supervisor)
    response = client.get(reverse("supervision_figures_export", args=[slug]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    table = figures.TABLES[slug]()
    assert [cell.value for cell in sheet[1]] == table.columns
    assert [cell.value for cell in sheet[2]] == table.rows[0]


def test_every_table_downloads_in_one_workbook(client, fixtures, supervisor):
    client.force_login(supervisor)
    response = client.get(reverse("supervision_figures_export", args=["tat-ca"]))
    assert len(load_workbook(io.BytesIO(response.content)).sheetnames) == len(figures.TABLES)


def test_sessions_held_this_year_are_counted_per_unit_in_one_query(units, django_assert_num_queries):
    from supervision.models import ForumSession

    ForumSessionFactory(unit=units["east"], held_on=TODAY())
    ForumSessionFactory(unit=units["east"], held_on=TODAY() - datetime.timedelta(days=400))
    ForumSessionFactory(unit=units["west"], held_on=TODAY())
    with django_assert_num_queries(1):
        counts = ForumSession.objects.count_by_unit()
    assert counts == {units["east"].pk: 1, units["west"].pk: 1}
