"""Bounded queries: the figures, their exports, the public pages and the open data with 50,000 items
and 2,000 recommendations cost the same few queries as with ten."""

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import OrganisationUnit, UnitKind
from feedback.factories import TopicFactory
from feedback.models import Channel, Feedback, Status
from supervision import figures
from supervision.models import ForumSession, Recommendation, RecommendationStatus, SupervisionRound

ITEMS = 50_000
RECOMMENDATIONS = 2_000
ROUNDS = 100


@pytest.fixture
def many(db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    communes = [
        OrganisationUnit.objects.create(name=f"Hội LHPN xã {n}", kind=UnitKind.COMMUNE, parent=province)
        for n in range(20)
    ]
    branches = [
        OrganisationUnit.objects.create(name=f"Chi hội {n}", kind=UnitKind.BRANCH, parent=communes[n % 20])
        for n in range(40)
    ]
    units = [province, *communes, *branches]
    topics = [TopicFactory(name=f"Lĩnh vực {n}", sensitive=n == 0) for n in range(6)]
    now, today = timezone.now(), timezone.localdate()
    statuses, channels = list(Status), list(Channel)
    Feedback.objects.bulk_create(
        (
            Feedback(
                code=f"PA-{n:08d}"[:3] + f"{n:08d}"[:4] + "-" + f"{n:08d}"[4:],
                topic=topics[n % 6],
                unit=units[n % len(units)],
                status=(status := statuses[n % len(statuses)]),
                channel=channels[n % len(channels)],
                content="Nội dung",
                created_at=now - datetime.timedelta(days=n % 700),
                deadline=today + datetime.timedelta(days=(n % 40) - 20),
                resolved_at=now - datetime.timedelta(days=n % 300) if status in ("resolved", "published") else None,
                published_at=now if status == "published" else None,
                public_summary="Tóm tắt" if status == "published" else "",
            )
            for n in range(ITEMS)
        ),
        batch_size=2000,
    )
    ForumSession.objects.bulk_create(
        ForumSession(
            unit=units[n % len(units)], held_on=today, place="Nhà văn hóa", chair="Chủ tịch", topics_raised="x"
        )
        for n in range(500)
    )
    SupervisionRound.objects.bulk_create(
        SupervisionRound(
            topic=f"Đợt {n}",
            area=topics[n % 6],
            supervised_body="UBND",
            lead_unit=units[n % len(units)],
            planned_start=today,
            planned_end=today,
            actual_start=today,
            actual_end=today,
            public_summary="Tóm tắt",
            published_at=now,
        )
        for n in range(ROUNDS)
    )
    rounds = list(SupervisionRound.objects.all())
    states = itertools.cycle(RecommendationStatus)
    Recommendation.objects.bulk_create(
        Recommendation(
            round=rounds[n % ROUNDS],
            addressee="UBND huyện",
            text="Kiến nghị",
            deadline=today + datetime.timedelta(days=(n % 30) - 15),
            status=next(states),
            response_date=today if n % 2 else None,
        )
        for n in range(RECOMMENDATIONS)
    )
    assert Feedback.objects.count() == ITEMS and Recommendation.objects.count() == RECOMMENDATIONS
    return rounds


def test_figures_exports_public_pages_and_open_data_take_a_bounded_number_of_queries(
    client, many, django_assert_max_num_queries
):
    """One test, so that the 50,000 items are made once."""
    from accounts.factories import supervisor

    with django_assert_max_num_queries(20):
        tables = figures.all_tables()
    assert sum(row[1] for row in tables[0].rows) == ITEMS
    # What every page repeats (site settings, menu, footer) is read once, as in production.
    assert client.get("/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("supervision:index")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("supervision:round", args=[many[0].pk])).status_code == 200
    for slug, format in (("giam-sat", "csv"), ("giam-sat", "json"), ("ket-qua-giai-quyet", "csv")):
        with django_assert_max_num_queries(6):
            assert client.get(reverse("supervision:opendata_file", args=[slug, format])).status_code == 200
    client.force_login(supervisor())
    with django_assert_max_num_queries(30):
        assert client.get(reverse("supervision_figures")).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(reverse("supervision_figures_export", args=["tat-ca"])).status_code == 200
