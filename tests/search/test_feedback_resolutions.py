"""Published feedback resolutions are searchable as their own type; the sender's personal data never is."""

from django.urls import reverse

from wagtail.search.models import IndexEntry

import pytest

from feedback.factories import FeedbackFactory
from feedback.models import PublishedResolution


@pytest.fixture
def resolution(db):
    return FeedbackFactory(
        published=True,
        name="Trần Thị Bích Ngọc",
        phone="0987654321",
        email="bichngoc@example.org",
        content="Tôi là Bích Ngọc ở thôn Đông, số nhà 12: đường vào thôn bị ngập.",
        public_summary="Đường vào thôn bị ngập khi trời mưa lớn.",
        answer="UBND xã đã nạo vét cống thoát nước dọc đường thôn.",
    )


def get(client, query, **params):
    response = client.get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_published_resolution_is_found_by_its_summary_and_answer(client, resolution):
    html = get(client, "nao vet cong")
    assert "Tìm thấy 1 kết quả" in html
    assert 'Ý kiến đã trả lời <span class="search-filter__count">(1)</span>' in html
    assert "<mark>nạo</mark> <mark>vét</mark> <mark>cống</mark>" in html
    assert f'href="{reverse("feedback:resolutions")}#res-{resolution.pk}"' in html


@pytest.mark.parametrize("query", ["Bích Ngọc", "bich ngoc", "0987654321", "bichngoc@example.org", "so nha 12"])
def test_personal_data_and_the_original_message_are_never_found(client, resolution, query):
    assert "Tìm thấy 0 kết quả" in get(client, query)
    assert client.get("/tim-kiem/goi-y/", {"q": query}).json()["results"] == []


def test_personal_data_never_reaches_the_index(resolution):
    entry = IndexEntry.objects.get(object_id=str(resolution.pk))
    stored = f"{entry.title} {entry.autocomplete} {entry.body}".lower()  # text, or tsvector on PostgreSQL
    for private in ("ngọc", "ngoc", "0987654321", "bichngoc", "nhà", "nha"):
        assert private not in stored
    assert "vét" in stored
    assert "vet" in stored


def test_the_result_page_shows_no_personal_data(client, resolution):
    html = get(client, "ngap")
    assert "Tìm thấy 1 kết quả" in html
    for private in ("Bích Ngọc", "0987654321", "bichngoc@example.org", "số nhà 12"):
        assert private not in html


@pytest.mark.parametrize("status", ["new", "accepted", "resolved"])
def test_unpublished_items_are_never_found(client, db, status):
    traits = {"resolved": True} if status == "resolved" else {"status": status}
    FeedbackFactory(public_summary="Đèn đường hỏng ở xóm Bãi.", answer="Đã thay bóng đèn.", **traits)
    assert "Tìm thấy 0 kết quả" in get(client, "den duong")


def test_a_resolution_taken_back_from_publication_leaves_the_index(client, resolution):
    resolution.status = "resolved"
    resolution.published_at = None
    resolution.save()
    assert not IndexEntry.objects.filter(object_id=str(resolution.pk), content_type__model="feedback").exists()
    assert "Tìm thấy 0 kết quả" in get(client, "nao vet cong")


def test_type_filter_shows_only_resolutions(client, resolution, make_page):
    make_page("Nạo vét kênh mương nội đồng")
    html = get(client, "nao vet", type="feedback")
    assert "Tìm thấy 1 kết quả" in html
    assert "kênh mương" not in html.split('class="search-results"', 1)[1]


def test_link_points_to_the_page_of_the_list_that_shows_it(db, resolution):
    for _number in range(12):
        FeedbackFactory(published=True)
    assert (
        PublishedResolution.objects.get(pk=resolution.pk)
        .get_absolute_url()
        .startswith(reverse("feedback:resolutions") + "?page=2#res-")
    )
