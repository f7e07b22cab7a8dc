import datetime
import re
import time

from django.core.exceptions import ValidationError

import pytest
import time_machine

from documents.factories import OfficialDocumentPageFactory
from documents.models import DocumentStatus, OfficialDocumentPage
from tests.utils import third_party_resources


def numbers(response):
    return re.findall(r'class="document-item__number" href="[^"]+">([^<]+)<', response.content.decode())


def test_the_register_lists_the_newest_first_and_can_sort_oldest_first(client, sample):
    assert numbers(client.get("/van-ban/")) == ["15/KH-HLHPN", "07/HD-HLHPN", "02-NQ/HLHPN"]
    assert numbers(client.get("/van-ban/?sapxep=cu-nhat")) == ["02-NQ/HLHPN", "07/HD-HLHPN", "15/KH-HLHPN"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("loai=ke-hoach", ["15/KH-HLHPN"]),
        ("linhvuc=phu-nu-phat-trien-kinh-te", ["02-NQ/HLHPN"]),
        ("coquan=ban-thuong-vu-hoi-lhpn-tinh", ["15/KH-HLHPN", "07/HD-HLHPN"]),
        ("nam=2023", ["07/HD-HLHPN"]),
        ("tinhtrang=het-hieu-luc", ["02-NQ/HLHPN"]),
        ("tinhtrang=con-hieu-luc&coquan=ban-thuong-vu-hoi-lhpn-tinh&nam=2024", ["15/KH-HLHPN"]),
    ],
)
def test_the_filters(client, sample, query, expected):
    assert numbers(client.get(f"/van-ban/?{query}")) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("15/KH", ["15/KH-HLHPN"]),
        ("15/kh-hlhpn", ["15/KH-HLHPN"]),
        ("ke hoach", ["15/KH-HLHPN"]),
        ("KẾ HOẠCH giám sát", ["15/KH-HLHPN"]),
        ("khoi nghiep", ["02-NQ/HLHPN"]),
        ("sinh hoat chi hoi", ["07/HD-HLHPN"]),
        ("HLHPN", ["15/KH-HLHPN", "07/HD-HLHPN", "02-NQ/HLHPN"]),
        ("không có văn bản này", []),
    ],
)
def test_the_search_folds_numbers_and_summaries_like_the_site_search(client, sample, q, expected):
    assert numbers(client.get("/van-ban/", {"q": q})) == expected


@pytest.mark.parametrize(
    "query",
    ["nam=abcd", "loai=khong-co", "linhvuc=%3Cscript%3E", "coquan=x&nam=99999999999", "page=999", "page=-1",
     "tinhtrang=gi-do", "sapxep=ngau-nhien", "q=" + "a" * 500, "q=%00"],
)  # fmt: skip
def test_bad_input_gives_a_normal_page(client, sample, query):
    response = client.get(f"/van-ban/?{query}")
    assert response.status_code == 200
    assert "document-item__number" in response.content.decode()


def test_an_unknown_filter_value_is_ignored_and_said_so(client, sample):
    html = client.get("/van-ban/?nam=abcd&loai=ke-hoach").content.decode()
    assert numbers_from(html) == ["15/KH-HLHPN"]
    assert "Đã bỏ qua giá trị không hợp lệ của: Năm ban hành." in html


def numbers_from(html):
    return re.findall(r'class="document-item__number" href="[^"]+">([^<]+)<', html)


def test_a_page_past_the_end_shows_the_last_page(client, register, plan_type):
    for number in range(25):
        OfficialDocumentPageFactory(parent=register, document_type=plan_type, files=[],
                                    issue_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number))  # fmt: skip
    html = client.get("/van-ban/?page=40").content.decode()
    assert len(numbers_from(html)) == 5
    assert "25 văn bản" in html


def test_the_document_page_shows_its_facts_files_and_status(client, sample):
    response = client.get("/van-ban/15-kh-hlhpn-2024/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "15/KH-HLHPN" in html and "Ban Thường vụ Hội LHPN tỉnh" in html and "15/03/2024" in html
    assert "Còn hiệu lực" in html
    file = sample["plan"].files.get()
    assert f'href="{file.document.url}" download' in html and "(PDF" in html
    assert not third_party_resources(html)
    assert client.get(file.document.url).status_code == 200


def test_the_status_is_derived_from_the_dates():
    document = OfficialDocumentPage(effective_date=datetime.date(2024, 1, 1), expiry_date=datetime.date(2025, 1, 1))
    assert document.status_on(datetime.date(2023, 12, 31)) == DocumentStatus.PENDING
    assert document.status_on(datetime.date(2024, 6, 1)) == DocumentStatus.IN_FORCE
    assert document.status_on(datetime.date(2025, 1, 1)) == DocumentStatus.EXPIRED
    document.expiry_date = None
    assert document.status_on(datetime.date(2099, 1, 1)) == DocumentStatus.IN_FORCE


def test_the_status_filter_and_the_status_property_agree(sample):
    for status in DocumentStatus:
        filtered = set(OfficialDocumentPage.objects.with_status(status))
        assert filtered == {page for page in OfficialDocumentPage.objects.all() if page.status == status}


def test_replacement_is_shown_both_ways(client, sample):
    from documents.models import DocumentReplacement

    DocumentReplacement.objects.create(page=sample["guide"], replaced=sample["old"])
    old_html = client.get(sample["old"].url).content.decode()
    assert "Được thay thế bởi" in old_html and "07/HD-HLHPN" in old_html
    assert "Thay thế" in client.get(sample["guide"].url).content.decode()


def test_dates_and_numbers_are_validated(sample, plan_type):
    page = sample["plan"]
    page.effective_date = datetime.date(2024, 3, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "effective_date" in error.value.message_dict
    twin = OfficialDocumentPage(
        title="Bản sao", slug="ban-sao", number="15/kh-hlhpn", document_type=plan_type,
        issuing_body=page.issuing_body, issue_date=datetime.date(2024, 5, 1),
        effective_date=datetime.date(2024, 5, 1), summary="Trùng số.", path="x", depth=3,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        twin.clean()
    assert "number" in error.value.message_dict


def test_the_register_has_an_rss_feed(client, sample):
    response = client.get("/van-ban/rss/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "Kế hoạch 15/KH-HLHPN: Kế hoạch giám sát chuyên đề năm 2024" in body
    assert "http://testserver/van-ban/15-kh-hlhpn-2024/" in body
    assert 'type="application/rss+xml"' in client.get("/van-ban/").content.decode()


def test_documents_are_in_the_sitemap(client, sample):
    body = client.get("/sitemap-trang.xml").content.decode()
    assert "/van-ban/15-kh-hlhpn-2024/" in body and "/van-ban/</loc>" in body


def test_drafts_and_private_documents_are_not_listed(client, sample):
    sample["guide"].unpublish()
    assert "07/HD-HLHPN" not in numbers(client.get("/van-ban/"))


def test_the_listing_reads_a_fixed_number_of_queries(client, register, plan_type, django_assert_max_num_queries):
    for _number in range(30):
        OfficialDocumentPageFactory(parent=register, document_type=plan_type, files=[])
    client.get("/van-ban/")
    with django_assert_max_num_queries(14):
        assert client.get("/van-ban/?nam=2024&q=ke+hoach").status_code == 200


def test_searches_are_rate_limited_per_address_with_what_was_typed_kept(client, sample):
    from documents.models.register import SEARCH_LIMIT

    # The limit counts per fixed window: the clock stands still so that the loop never crosses into the next.
    with time_machine.travel(time.time(), tick=False):
        for _ in range(SEARCH_LIMIT):
            assert client.get("/van-ban/", {"q": "ke hoach"}).status_code == 200
        # Filters without a search are not counted: a reader browsing by type is never stopped.
        assert numbers(client.get("/van-ban/", {"loai": "ke-hoach"})) == ["15/KH-HLHPN"]
        response = client.get("/van-ban/", {"q": "giám sát", "nam": "2024"})
        other = client.get("/van-ban/", {"q": "ke hoach"}, REMOTE_ADDR="10.0.0.9")
    html = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert "Bạn đã tra cứu quá nhiều lần trong một phút" in html
    assert 'value="giám sát"' in html  # what the reader typed stays in the box
    assert numbers_from(html) == []
    assert numbers(other) == ["15/KH-HLHPN"]  # another address is not held back


def test_the_register_searches_and_counts_searches_while_redis_is_down(client, sample, settings):
    import socket

    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", 8399)) != 0, "something listens on the 'dead' port"
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:8399/3",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages-down"},
    }
    assert numbers(client.get("/van-ban/", {"q": "ke hoach"})) == ["15/KH-HLHPN"]
    assert client.get("/van-ban/15-kh-hlhpn-2024/").status_code == 200
    assert client.get("/van-ban/rss/").status_code == 200
