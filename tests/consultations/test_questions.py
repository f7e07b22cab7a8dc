"""Questions and answers: asking with a code, the look-up, the moderator's publication, the public pages."""

import time
import unicodedata

from django.urls import reverse

import pytest
import time_machine

from consultations import questions
from consultations.factories import QuestionFactory, QuestionFieldFactory
from consultations.models import Question, QuestionStatus
from feedback.models import ModerationEvent

from .conftest import question_data

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_consultations_question"


def ask_url(page):
    return f"/y-kien/cau-hoi/{page.pk}/"


def test_the_form_page_carries_no_token_and_posts_to_its_own_address(client, qa_page):
    html = client.get("/hoi-dap/dat-cau-hoi/").content.decode()
    assert f'action="{ask_url(qa_page)}"' in html and "data-pow-form" in html
    assert 'name="form_token" value=""' in html or 'name="form_token" data-pow-token' in html


def test_a_question_gets_a_tracking_code_and_waits_for_the_moderator(client, qa_page, qa_field):
    response = client.post(ask_url(qa_page), question_data(field=str(qa_field.pk)))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    item = Question.objects.get()
    assert item.code.startswith("HD-") and item.code in response.content.decode()
    assert item.status == QuestionStatus.NEW and item.field == qa_field and not item.has_contact_in_text
    assert ModerationEvent.objects.filter(action="submit", object_id=item.pk).exists()


@pytest.mark.parametrize(
    "text",
    [
        "Xin gọi lại cho tôi theo số 0912 345 678 để tư vấn vay vốn.",
        "Xin gửi thư trả lời vào địa chỉ thu.pham@example.org giúp tôi.",
        "Số của tôi là +84 912.345.678, mong Hội liên hệ sớm.",
    ],
)
def test_a_question_with_a_phone_number_or_an_email_address_is_flagged(client, qa_page, text):
    client.post(ask_url(qa_page), question_data(text=text))
    assert Question.objects.get().has_contact_in_text


def test_bad_input_is_refused_in_vietnamese_with_the_text_kept(client, qa_page):
    response = client.post(ask_url(qa_page), question_data(text="Câu hỏi có ký tự \x00 rỗng ở giữa."))
    assert response.status_code == 400 and "ký tự không hợp lệ" in response.content.decode()
    response = client.post(ask_url(qa_page), question_data(consent=""))
    assert response.status_code == 400 and "vay vốn hỗ trợ" in response.content.decode()
    assert not Question.objects.exists()


def test_a_decomposed_question_is_stored_composed(client, qa_page):
    text = unicodedata.normalize("NFD", "Xin hỏi thủ tục đăng ký hộ kinh doanh cho phụ nữ?")
    client.post(ask_url(qa_page), question_data(text=text))
    assert Question.objects.get().text == unicodedata.normalize("NFC", text)


def test_questions_are_rate_limited_like_the_listening_forum(client, qa_page, settings):
    settings.FEEDBACK_RATE_LIMIT_NO_POW = 1
    assert client.post(ask_url(qa_page), question_data()).status_code == 200
    assert client.post(ask_url(qa_page), question_data(text="Một câu hỏi khác về vay vốn ạ?")).status_code == 429
    assert Question.objects.count() == 1


def test_the_lookup_page_finds_a_question_by_its_code(client, qa_page):
    item = QuestionFactory()
    html = client.get("/tra-cuu/", {"ma": item.code.lower().replace("-", " ")}).content.decode()
    assert "Chờ trả lời" in html and item.code in html and item.text not in html
    missing = client.get("/tra-cuu/", {"ma": "HD-0000-0000"})
    assert missing.status_code == 404 and "Không tìm thấy câu hỏi" in missing.content.decode()


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def publish(client, item, **values):
    data = {
        "publish-question": values.get("question", "Xin hỏi điều kiện vay vốn khởi nghiệp?"),
        "publish-field": str(values["field"].pk),
        "publish-answer": values.get("answer", "Chị liên hệ Hội Phụ nữ xã để được hướng dẫn."),
    }
    return client.post(reverse(f"{NS}:action", args=[item.pk, "publish"]), data, follow=True)


def test_a_moderator_edits_answers_and_publishes_without_the_askers_name(mod_client, client, qa_page, qa_field):
    item = QuestionFactory(name="Phạm Thị Thu", text="Tôi là Thu ở thôn Đông, số 0912345678: vay vốn thế nào?")
    page = mod_client.get(reverse(f"{NS}:inspect", args=[item.pk])).content.decode()
    assert "Phạm Thị Thu" in page and 'data-action="publish"' in page
    publish(mod_client, item, field=qa_field, question="Xin hỏi vay vốn khởi nghiệp thế nào?")
    item.refresh_from_db()
    assert item.status == QuestionStatus.PUBLISHED and item.field == qa_field and item.published_at
    mod_client.logout()
    for address in ("/hoi-dap/", f"/hoi-dap/cau-hoi/{item.pk}/"):
        html = client.get(address).content.decode()
        assert "Xin hỏi vay vốn khởi nghiệp thế nào?" in html
        assert "Phạm Thị Thu" not in html and "0912345678" not in html and "thôn Đông" not in html
    lookup = client.get("/tra-cuu/", {"ma": item.code}).content.decode()
    assert f'href="/hoi-dap/cau-hoi/{item.pk}/"' in lookup


def test_a_public_question_still_holding_a_phone_number_is_refused(mod_client, qa_page, qa_field):
    item = QuestionFactory()
    response = publish(mod_client, item, field=qa_field, question="Gọi cho tôi số 0912 345 678 nhé?")
    assert "Xin lược bỏ" in response.content.decode()
    item.refresh_from_db()
    assert item.status == QuestionStatus.NEW


def test_withdrawing_a_pair_takes_it_off_the_public_pages(client, qa_page, moderator):
    item = QuestionFactory(published=True)
    questions.apply_transition(item, "withdraw", moderator)
    assert client.get(f"/hoi-dap/cau-hoi/{item.pk}/").status_code == 404


def test_the_listing_filters_by_field_newest_first(client, qa_page):
    family, money = QuestionFieldFactory(name="Hôn nhân và gia đình"), QuestionFieldFactory(name="Vay vốn, sinh kế")
    old = QuestionFactory(published=True, field=money, public_question="Câu hỏi cũ về vay vốn?")
    new = QuestionFactory(published=True, field=money, public_question="Câu hỏi mới về vay vốn?")
    other = QuestionFactory(published=True, field=family, public_question="Câu hỏi về ly hôn?")
    Question.objects.filter(pk=old.pk).update(published_at=new.published_at.replace(year=2025))
    html = client.get("/hoi-dap/", {"linh-vuc": money.slug}).content.decode()
    assert html.index(new.public_question) < html.index(old.public_question)
    assert other.public_question not in html


def test_the_listing_search_folds_vietnamese(client, qa_page):
    QuestionFactory(published=True, public_question="Điều kiện vay vốn khởi nghiệp?", answer="Hồ sơ gồm giấy đề nghị.")
    QuestionFactory(published=True, public_question="Khám thai mấy lần?", answer="Ít nhất bốn lần.")
    QuestionFactory(text="Câu hỏi vay vốn chưa trả lời?")
    html = client.get("/hoi-dap/", {"q": "VAY von khoi nghiep"}).content.decode()
    assert "Điều kiện vay vốn khởi nghiệp?" in html and "Khám thai" not in html and "chưa trả lời" not in html
    assert "Không tìm thấy" in client.get("/hoi-dap/", {"q": "\x00'; DROP"}).content.decode()


def test_the_listing_search_is_rate_limited_per_address_with_the_words_kept(client, qa_page):
    from consultations.qa_views import SEARCH_LIMIT

    QuestionFactory(published=True, public_question="Điều kiện vay vốn khởi nghiệp?")
    # The limit counts per fixed window: the clock stands still so that the loop never crosses into the next.
    with time_machine.travel(time.time(), tick=False):
        for _ in range(SEARCH_LIMIT):
            assert client.get("/hoi-dap/", {"q": "vay von"}).status_code == 200
        assert "Điều kiện vay vốn" in client.get("/hoi-dap/").content.decode()  # browsing is not counted
        response = client.get("/hoi-dap/", {"q": "vay vốn"})
        other = client.get("/hoi-dap/", {"q": "vay von"}, REMOTE_ADDR="10.0.0.9")
    html = response.content.decode()
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert "Bạn đã tìm quá nhiều lần trong một phút" in html
    assert 'value="vay vốn"' in html and "Điều kiện vay vốn" not in html
    assert "Điều kiện vay vốn" in other.content.decode()


def test_the_listing_reads_a_fixed_number_of_queries(client, qa_page, django_assert_max_num_queries):
    field = QuestionFieldFactory()
    for _number in range(40):
        QuestionFactory(published=True, field=field)
    client.get("/hoi-dap/")
    with django_assert_max_num_queries(12):
        assert client.get("/hoi-dap/").status_code == 200


def test_published_pairs_are_in_the_sitemap_and_unanswered_ones_are_not(client, qa_page):
    published, waiting = QuestionFactory(published=True), QuestionFactory()
    xml = client.get("/sitemap-trang.xml").content.decode()
    assert f"/hoi-dap/cau-hoi/{published.pk}/" in xml and f"/hoi-dap/cau-hoi/{waiting.pk}/" not in xml


def test_the_site_search_finds_the_pair_and_never_the_asker(client, qa_page):
    QuestionFactory(
        published=True,
        name="Trần Thị Bích Ngọc",
        text="Tôi là Bích Ngọc, hỏi về vay vốn chăn nuôi.",
        public_question="Xin hỏi về vay vốn chăn nuôi bò?",
    )
    html = client.get("/tim-kiem/", {"q": "chan nuoi bo"}).content.decode()
    assert "Tìm thấy 1 kết quả" in html and "Hỏi đáp" in html
    assert "Tìm thấy 0 kết quả" in client.get("/tim-kiem/", {"q": "Bích Ngọc"}).content.decode()


def test_the_site_search_reads_the_questions_page_once_for_all_its_pairs(client, qa_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(6):
        QuestionFactory(published=True, public_question=f"Xin hỏi về vay vốn chăn nuôi, lần {number}?")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/tim-kiem/", {"q": "chan nuoi"}).content.decode()
    assert html.count('href="/hoi-dap/cau-hoi/') == 6
    reads = [query for query in queries.captured_queries if "consultations_questionindexpage" in query["sql"]]
    assert len(reads) <= 1
