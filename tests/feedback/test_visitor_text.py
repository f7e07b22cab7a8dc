"""What visitors type is stored canonical (NFC), names carry no direction or invisible characters, and
their text is shown isolated so that it cannot reorder the page around it. NUL bytes never give a 500."""

import unicodedata

from django.urls import reverse

import pytest

from accounts import factories as accounts_factories
from feedback.models import Comment, CommentStatus, Feedback
from home.text import visitor_line, visitor_text
from outbox.models import Message

from .comments_helpers import comment_data, submit_url
from .conftest import form_data

pytestmark = pytest.mark.django_db

NFD = unicodedata.normalize("NFD", "Nguyễn Thị Lan phản ánh đường hỏng")
RLO, LRI, PDI, ZWSP = "\u202e", "\u2066", "\u2069", "\u200b"
NUL_MESSAGE = "Nội dung có ký tự không hợp lệ (ký tự rỗng)"


def test_text_helpers():
    assert visitor_line(f" Tr{ZWSP}ần {RLO}Mai{LRI}\u200f ") == "Trần Mai"
    assert visitor_line(NFD) == unicodedata.normalize("NFC", NFD)
    assert visitor_text(f"Dòng một\r\nDòng {RLO}hai") == f"Dòng một\nDòng {RLO}hai"  # letters kept


def test_feedback_is_stored_in_nfc_and_found_by_the_same_words_typed_normally(client, feedback_page, topic):
    content = unicodedata.normalize("NFD", "Đường liên thôn bị sạt lở sau mưa lớn, xe máy không qua được.")
    client.post(feedback_page.url, form_data(topic, content=content, name=f"{RLO}Nguyễn Thị Lan{ZWSP}"))
    item = Feedback.objects.get()
    assert unicodedata.is_normalized("NFC", item.content)
    assert item.name == "Nguyễn Thị Lan"
    assert Feedback.objects.filter(content__contains="sạt lở").exists()  # what a moderator types


def test_a_comment_name_with_a_right_to_left_override_cannot_reverse_the_date_line(client, article, moderator):
    client.post(submit_url(article), comment_data(name=f"Mai{RLO}", text=f"Ý kiến {RLO}có ký tự đảo chiều."))
    comment = Comment.objects.get()
    assert comment.name == "Mai"
    Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.APPROVED, name=f"Mai{RLO}")  # an old row
    html = client.get(article.url).content.decode()
    assert f"<bdi>Mai{RLO}</bdi>" in html
    assert '<div class="comment__text" dir="auto">' in html
    client.force_login(moderator)
    admin_url = reverse("wagtailsnippets_feedback_comment:inspect", args=[comment.pk])
    admin_html = client.get(admin_url).content.decode()
    assert f"<bdi>Mai{RLO}</bdi>" in admin_html


def test_notification_emails_isolate_what_the_visitor_wrote(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(article), comment_data(text=f"Nội dung {RLO}đảo chiều."))
    message = Message.objects.get(kind="new_comment")
    assert f"\u2068Nội dung {RLO}đảo chiều.\u2069" in message.body_text
    assert "\u2068Trần Thị Mai\u2069" in message.body_text
    assert "<bdi>Trần Thị Mai</bdi>" in message.body_html and '<blockquote dir="auto"' in message.body_html


@pytest.mark.parametrize(
    "url", ["/chung-nhan/AB%00CD/", "/tra-cuu/?ma=PA%00-7K3M", "/tim-kiem/?q=dao%00tao", "/tin-tuc/%00/"]
)
def test_a_nul_byte_in_the_path_or_query_is_never_a_500(client, home_page, url):
    response = client.get(url)
    assert response.status_code in (200, 404)


def test_a_nul_byte_in_a_form_field_is_refused_in_vietnamese(client, feedback_page, topic, article):
    response = client.post(
        feedback_page.url, form_data(topic, name="Lan\x00", content="Nội dung\x00 có ký tự rỗng ở giữa.")
    )
    assert NUL_MESSAGE in response.content.decode()
    assert Feedback.objects.count() == 0
    response = client.post(submit_url(article), comment_data(name="Mai\x00"))
    assert response.status_code == 400 and NUL_MESSAGE in response.content.decode()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "a\x00b", "password": "x"})
    assert response.status_code == 200 and NUL_MESSAGE in response.content.decode()


def test_sign_in_name_is_normalised(client, db):
    accounts_factories.learner(username="hocvien")
    client.post(
        "/tai-khoan/dang-nhap/", {"username": f"hoc{ZWSP}vien", "password": accounts_factories.DEFAULT_PASSWORD}
    )
    assert "_auth_user_id" in client.session
