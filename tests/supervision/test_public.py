"""/giam-sat/: published rounds only, each recommendation with its status, no one's personal data,
and the page cache purged as statuses change."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from feedback.factories import FeedbackFactory
from supervision import services
from supervision.factories import RecommendationFactory, SupervisionRoundFactory

TODAY = timezone.localdate


@pytest.fixture
def published(units, supervisor, topic):
    round = SupervisionRoundFactory(lead_unit=units["east"], finished=True, topic="Bếp ăn bán trú", area=topic)
    round.source_items.add(FeedbackFactory(topic=topic, name="Lò Thị Sen", phone="0987654321"))
    services.publish_round(round, supervisor)
    return round


def test_the_list_shows_published_rounds_only(client, published, units):
    SupervisionRoundFactory(lead_unit=units["east"], topic="Đợt chưa công khai")
    page = client.get(reverse("supervision:index")).content.decode()
    assert "Bếp ăn bán trú" in page
    assert "Đợt chưa công khai" not in page


def test_an_unpublished_round_has_no_public_page(client, units):
    round = SupervisionRoundFactory(lead_unit=units["east"], finished=True)
    assert client.get(reverse("supervision:round", args=[round.pk])).status_code == 404


def test_the_page_shows_each_recommendation_and_its_status_without_personal_data(client, published, supervisor):
    answered = RecommendationFactory(round=published, addressee="UBND xã Đông")
    RecommendationFactory(round=published, addressee="Trường tiểu học xã Đông")
    services.apply_transition(
        answered, "record_answer", supervisor, values={"response": "Ông Tư đã trả lời.", "response_date": TODAY()}
    )
    page = client.get(reverse("supervision:round", args=[published.pk])).content.decode()
    assert 'data-recommendation-status="answered"' in page
    assert 'data-recommendation-status="sent"' in page
    assert "Đã có trả lời" in page
    for private in ("Lò Thị Sen", "0987654321", published.source_items.get().code, "Ông Tư đã trả lời"):
        assert private not in page


def test_a_status_change_purges_the_cached_page(
    client, published, supervisor, page_cache, django_capture_on_commit_callbacks
):
    recommendation = RecommendationFactory(round=published)
    url = reverse("supervision:round", args=[published.pk])
    assert client.get(url)["X-Page-Cache"] == "MISS"
    assert client.get(url)["X-Page-Cache"] == "HIT"
    assert client.get(reverse("supervision:index"))["X-Page-Cache"] == "MISS"
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(
            recommendation, "record_answer", supervisor, values={"response": "Đã làm.", "response_date": TODAY()}
        )
    response = client.get(url)
    assert response["X-Page-Cache"] == "MISS"
    assert 'data-recommendation-status="answered"' in response.content.decode()
    assert client.get(reverse("supervision:index"))["X-Page-Cache"] == "MISS"


def test_a_re_recommendation_points_at_the_one_it_follows(client, published, supervisor):
    first = RecommendationFactory(round=published)
    services.apply_transition(
        first,
        "re_recommend",
        supervisor,
        values={"text": "Kiến nghị lại lần hai.", "deadline": TODAY() + datetime.timedelta(days=20)},
    )
    page = client.get(reverse("supervision:round", args=[published.pk])).content.decode()
    assert f'href="#kn-{first.pk}"' in page
    assert "Kiến nghị lại lần hai." in page


def test_the_public_pages_work_on_a_narrow_screen_without_third_party_resources(client, published):
    from tests.utils import third_party_resources

    for url in (reverse("supervision:index"), reverse("supervision:round", args=[published.pk])):
        html = client.get(url).content.decode()
        assert third_party_resources(html) == []
        assert 'name="viewport"' in html


def test_page_numbers_typed_by_visitors_never_fail(client, published):
    for raw in ("abc", "-3", "9" * 40):
        assert client.get(reverse("supervision:index"), {"page": raw}).status_code == 200
