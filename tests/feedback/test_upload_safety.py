"""Attachments are stored under names the server makes up; PDFs that can act on their own are refused;
the phone number is a Vietnamese one."""

import re
import time
import zlib
from pathlib import PurePosixPath

from django.urls import reverse

import pytest

from feedback.models import Attachment, Feedback
from feedback.pdfcheck import dangerous_features
from home.phones import normalise_vn_phone

from .conftest import form_data, image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def post(client, page, data, files=()):
    return client.post(page.url, {**data, "attachments": list(files)} if files else data)


def pdf(*objects, trailer=b"<< /Root 1 0 R >>"):
    """A small PDF made of the given object bodies (1 0 obj, 2 0 obj, ...)."""
    body = b"%PDF-1.7\n"
    for number, content in enumerate(objects, start=1):
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    return body + b"trailer\n" + trailer + b"\n%%EOF\n"


def object_stream(text):
    """An object stream (PDF 1.5): dictionaries compressed inside a Flate stream."""
    packed = zlib.compress(text)
    return (
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed)
        + packed
        + (b"\nendstream")
    )


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [] /Count 0 >>"
ACTIVE_PDFS = {
    "open-action-javascript": pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>", PAGES, b"<< /S /JavaScript /JS (app.alert(1)) >>"
    ),
    "launch": pdf(b"<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>"),
    "embedded-file": pdf(CATALOG, b"<< /Names << /EmbeddedFiles << /Names [(a.exe) 3 0 R] >> >> >>"),
    "page-additional-actions": pdf(CATALOG, b"<< /Type /Page /AA << /O 4 0 R >> >>"),
    "escaped-name": pdf(CATALOG, b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
    "javascript-in-object-stream": pdf(CATALOG, object_stream(b"3 0 << /S /JavaScript /JS (app.alert(1)) >>")),
    "encrypted": pdf(CATALOG, trailer=b"<< /Root 1 0 R /Encrypt 5 0 R >>"),
}


@pytest.mark.parametrize("data", ACTIVE_PDFS.values(), ids=ACTIVE_PDFS.keys())
def test_pdfs_that_can_act_on_their_own_are_found(data):
    assert dangerous_features(data)


def test_ordinary_pdfs_pass_even_with_an_open_action_that_only_shows_a_page():
    assert dangerous_features(pdf_bytes()) == []
    ordinary = pdf(b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", PAGES, b"<< /JSON (x) /AAx 1 >>")
    assert dangerous_features(ordinary) == []
    assert dangerous_features(pdf(CATALOG, object_stream(b"3 0 << /Type /Font /Subtype /Type1 >>"))) == []


def test_hostile_pdfs_are_judged_quickly():
    """Thousands of unterminated streams, or a stream inflating to 80 MB (above the 64 MB examined), are
    judged in well under a second."""
    started = time.monotonic()
    assert dangerous_features(b"%PDF-1.7\n" + b"stream\nx endstream " * 200_000) == []
    bomb = b"1 0 obj << /Filter /FlateDecode >>\nstream\n" + zlib.compress(b"\0" * 80_000_000, 1) + b"\nendstream"
    assert dangerous_features(pdf(CATALOG, bomb)) == []
    assert time.monotonic() - started < 5


def test_a_pdf_with_javascript_is_refused_in_vietnamese_and_the_form_kept(client, feedback_page, topic):
    data = form_data(topic, content="Đơn đề nghị kèm theo, xin Hội xem giúp.", name="Đinh Thị Nga")
    response = post(client, feedback_page, data, [upload("don.pdf", ACTIVE_PDFS["open-action-javascript"])])
    html = response.content.decode()
    assert "có chứa mã chạy tự động (JavaScript)" in html
    assert "Đơn đề nghị kèm theo, xin Hội xem giúp." in html and 'value="Đinh Thị Nga"' in html
    assert Feedback.objects.count() == 0 and Attachment.objects.count() == 0


def test_a_compressed_javascript_pdf_is_refused_too(client, feedback_page, topic):
    response = post(
        client, feedback_page, form_data(topic), [upload("don.pdf", ACTIVE_PDFS["javascript-in-object-stream"])]
    )
    assert "có chứa mã chạy tự động" in response.content.decode()
    assert Attachment.objects.count() == 0


def test_attachments_get_server_made_names_and_keep_the_visitors_name_for_the_download(
    client, feedback_page, topic, moderator
):
    files = [upload("x.php.jpg", image_bytes()), upload("../../Đơn khiếu nại.pdf", pdf_bytes())]
    post(client, feedback_page, form_data(topic), files)
    stored = {attachment.kind: attachment for attachment in Attachment.objects.all()}
    for kind, extension in (("jpeg", "jpg"), ("pdf", "pdf")):
        name = PurePosixPath(stored[kind].file.name)
        assert re.fullmatch(r"[0-9a-f]{32}\." + extension, name.name), name
        assert name.parts[0] == "feedback" and ".." not in name.parts
    assert "php" not in stored["jpeg"].file.name
    assert stored["jpeg"].original_name == "x.php.jpg"
    client.force_login(moderator)
    item = Feedback.objects.get()
    response = client.get(reverse("wagtailsnippets_feedback_feedback:attachment", args=[item.pk, stored["pdf"].pk]))
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''%C4%90%C6%A1n%20khi%E1%BA%BFu%20n%E1%BA%A1i.pdf" in disposition


VALID_PHONES = [
    "0912345678",
    "0912 345 678",
    "091.234.5678",
    "0386-123-456",
    "+84 912 345 678",
    "+84912345678",
    "84 912 345 678",
    "0243 825 1234",
    "024 3825 1234",
    "0203 3825 123",
    "+84 24 3825 1234",
    "0708123456",
    "0567123456",
    "0812345678",
]
INVALID_PHONES = [
    "--------",
    "........",
    "12345678",
    "0112345678",
    "0612345678",
    "091234567",
    "09123456789",
    "021234567",
    "0203 3825 1234",
    "+1 415 555 0100",
    "+840912345678",
    "0912345678 ext 2",
    "abc",
]


@pytest.mark.parametrize("number", VALID_PHONES)
def test_vietnamese_numbers_are_accepted(number):
    assert normalise_vn_phone(number) is not None


@pytest.mark.parametrize("number", INVALID_PHONES)
def test_other_numbers_are_refused(number):
    assert normalise_vn_phone(number) is None


def test_the_form_refuses_a_phone_of_dashes_in_vietnamese(client, feedback_page, topic):
    response = post(client, feedback_page, form_data(topic, phone="--------", content="Nội dung vẫn phải còn đây."))
    html = response.content.decode()
    assert "Số điện thoại chưa đúng" in html and "Nội dung vẫn phải còn đây." in html
    assert Feedback.objects.count() == 0


def test_the_form_accepts_an_international_form_of_a_vietnamese_mobile(client, feedback_page, topic):
    post(client, feedback_page, form_data(topic, phone="+84 912 345 678"))
    assert Feedback.objects.get().phone == "+84 912 345 678"
