"""/du-lieu-mo/: published resolutions and supervision results only, no personal data, renewed on change."""

import csv
import io
import json

from django.urls import reverse
from django.utils import timezone

import pytest

from feedback import services as feedback_services
from feedback.factories import FeedbackFactory
from feedback.models import Channel
from supervision import services
from supervision.factories import RecommendationFactory, SupervisionRoundFactory

TODAY = timezone.localdate
PRIVATE = ("Nguyễn Thị Lan", "0912345678", "lan@example.org", "Đường vào thôn số")


def fetch(client, slug, format):
    response = client.get(reverse("supervision:opendata_file", args=[slug, format]))
    assert response.status_code == 200
    return response.content.decode("utf-8-sig")


def rows(client, slug):
    return list(csv.DictReader(io.StringIO(fetch(client, slug, "csv"))))


@pytest.fixture
def content(units, topic, sensitive_topic, supervisor):
    published = FeedbackFactory(topic=topic, unit=units["east"], published=True, channel=Channel.PHONE)
    FeedbackFactory(topic=topic, resolved=True)  # resolved, not published
    FeedbackFactory(topic=sensitive_topic, published=True, public_summary="Vụ việc nhạy cảm đã xử lý.")
    round = SupervisionRoundFactory(lead_unit=units["east"], finished=True, topic="Bếp ăn bán trú")
    round.source_items.add(published)
    RecommendationFactory(round=round, addressee="UBND xã Đông")
    services.publish_round(round, supervisor)
    SupervisionRoundFactory(lead_unit=units["east"], finished=True, topic="Đợt chưa công khai")
    return {"published": published, "round": round}


def test_the_resolutions_file_holds_published_items_only_without_personal_data(client, content):
    found = rows(client, "ket-qua-giai-quyet")
    assert [row["id"] for row in found] == [str(content["published"].pk)]
    assert found[0]["kenh_tiep_nhan"] == "Điện thoại"
    assert found[0]["tom_tat"] == "Đường vào thôn bị ngập khi trời mưa."
    text = fetch(client, "ket-qua-giai-quyet", "csv") + fetch(client, "ket-qua-giai-quyet", "json")
    for private in (*PRIVATE, content["published"].code, "Vụ việc nhạy cảm"):
        assert private not in text


def test_the_supervision_file_holds_published_rounds_and_their_recommendations(client, content):
    found = rows(client, "giam-sat")
    assert [(row["chu_de"], row["co_quan_nhan_kien_nghi"], row["trang_thai"]) for row in found] == [
        ("Bếp ăn bán trú", "UBND xã Đông", "sent")
    ]
    document = json.loads(fetch(client, "giam-sat", "json"))
    assert document["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert [r["chu_de"] for r in document["records"]] == ["Bếp ăn bán trú"]
    assert document["records"][0]["kien_nghi"][0]["co_quan_nhan_kien_nghi"] == "UBND xã Đông"
    assert set(document["fields"]) == set(found[0])
    text = json.dumps(document, ensure_ascii=False)
    assert content["published"].code not in text and "Đợt chưa công khai" not in text


def test_the_files_follow_a_status_change(client, content, supervisor, django_capture_on_commit_callbacks):
    assert rows(client, "giam-sat")[0]["trang_thai"] == "sent"
    recommendation = content["round"].recommendations.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_transition(
            recommendation, "record_answer", supervisor, values={"response": "Đã làm.", "response_date": TODAY()}
        )
    assert rows(client, "giam-sat")[0]["trang_thai"] == "answered"


def test_a_newly_published_resolution_appears(client, content, topic, django_capture_on_commit_callbacks):
    from accounts import factories as accounts_factories

    assert len(rows(client, "ket-qua-giai-quyet")) == 1
    item = FeedbackFactory(topic=topic, resolved=True)
    with django_capture_on_commit_callbacks(execute=True):
        feedback_services.apply_transition(
            item, "publish", accounts_factories.moderator(), values={"public_summary": "Đã xử lý rác thải."}
        )
    assert len(rows(client, "ket-qua-giai-quyet")) == 2


def test_a_topic_marked_sensitive_leaves_the_files_at_once(client, content, topic, django_capture_on_commit_callbacks):
    assert len(rows(client, "ket-qua-giai-quyet")) == 1  # built, and kept in the cache
    with django_capture_on_commit_callbacks(execute=True):
        topic.sensitive = True
        topic.save()
    assert rows(client, "ket-qua-giai-quyet") == []
    assert content["published"].public_summary not in fetch(client, "ket-qua-giai-quyet", "json")


def test_a_renamed_unit_shows_under_its_new_name(client, content, units, django_capture_on_commit_callbacks):
    assert rows(client, "ket-qua-giai-quyet")[0]["dia_ban"] == "Hội LHPN xã Đông"
    with django_capture_on_commit_callbacks(execute=True):
        units["east"].name = "Hội LHPN phường Đông Hòa"
        units["east"].save()
    assert rows(client, "ket-qua-giai-quyet")[0]["dia_ban"] == "Hội LHPN phường Đông Hòa"
    assert rows(client, "giam-sat")[0]["don_vi_chu_tri"] == "Hội LHPN phường Đông Hòa"


def test_text_that_a_spreadsheet_would_run_is_kept_as_text(client, units, supervisor):
    round = SupervisionRoundFactory(lead_unit=units["east"], finished=True, topic="=HYPERLINK(1)")
    services.publish_round(round, supervisor)
    assert rows(client, "giam-sat")[0]["chu_de"] == "'=HYPERLINK(1)"


def test_the_page_describes_every_field_and_the_licence(client, content):
    from supervision.opendata import DATASETS

    page = client.get(reverse("supervision:opendata")).content.decode()
    assert "CC BY 4.0" in page
    for dataset in DATASETS.values():
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in page


def test_an_unknown_file_is_not_found(client, db):
    assert client.get("/du-lieu-mo/khac.csv").status_code == 404
    assert client.get("/du-lieu-mo/giam-sat.xml").status_code == 404


def test_the_files_are_built_when_the_cache_is_down(client, content):
    from unittest import mock

    with mock.patch("supervision.opendata.cache.get", side_effect=ConnectionError("redis down")):
        assert rows(client, "giam-sat")[0]["chu_de"] == "Bếp ăn bán trú"
