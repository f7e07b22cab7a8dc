import io

from django.conf import settings

import pytest
from PIL import Image

from feedback.models import Attachment, Feedback
from tests.utils import third_party_resources

from .conftest import bomb_png, form_data, image_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


def post(client, page, data, files=()):
    payload = dict(data)
    if files:
        payload["attachments"] = list(files)
    return client.post(page.url, payload)


def test_form_page_shows_intro_form_and_privacy_link(client, feedback_page, topic, home_page):
    from home.factories import StandardPageFactory

    privacy = StandardPageFactory(parent=home_page, title="Chính sách", slug="chinh-sach-bao-ve-du-lieu")
    feedback_page.privacy_page = privacy
    feedback_page.save()
    html = client.get("/gui-y-kien/").content.decode()
    assert "Hội lắng nghe ý kiến" in html
    assert 'name="consent"' in html
    assert 'href="/chinh-sach-bao-ve-du-lieu/"' in html
    assert 'enctype="multipart/form-data"' in html
    assert third_party_resources(html) == []


def test_sending_stores_the_item_and_shows_its_code(client, feedback_page, topic):
    response = post(client, feedback_page, form_data(topic))
    assert response.status_code == 200
    item = Feedback.objects.get()
    html = response.content.decode()
    assert "Đã gửi ý kiến thành công" in html
    assert item.code in html
    assert item.status == "new"
    assert item.name == "Nguyễn Thị Lan"
    assert item.consent_at is not None
    assert item.events.filter(action="submit").exists()


def test_anonymous_sending_needs_no_contact(client, feedback_page, topic):
    response = post(client, feedback_page, form_data(topic, name="", phone="", email="", wants_reply=None))
    assert response.status_code == 200
    assert Feedback.objects.get().is_anonymous


def test_wanting_a_reply_requires_a_contact_and_keeps_the_text(client, feedback_page, topic):
    data = form_data(topic, phone="", email="", content="Nội dung rất cần được giữ lại khi báo lỗi.")
    response = post(client, feedback_page, data)
    html = response.content.decode()
    assert Feedback.objects.count() == 0
    assert "Để nhận trả lời, xin để lại số điện thoại hoặc thư điện tử." in html
    assert "Nội dung rất cần được giữ lại khi báo lỗi." in html


def test_consent_is_required(client, feedback_page, topic):
    response = post(client, feedback_page, form_data(topic, consent=None))
    assert "Xin đánh dấu đồng ý xử lý dữ liệu cá nhân để gửi ý kiến." in response.content.decode()
    assert Feedback.objects.count() == 0


def test_photo_is_reencoded_without_exif_and_stored_privately(client, feedback_page, topic):
    original = image_bytes(exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif()  # the test photo carries EXIF and GPS
    response = post(client, feedback_page, form_data(topic), [upload("anh-hien-truong.jpg", original, "image/jpeg")])
    assert response.status_code == 200
    attachment = Attachment.objects.get()
    stored = attachment.file.read()
    assert stored != original
    assert not Image.open(io.BytesIO(stored)).getexif()
    assert attachment.kind == "jpeg"
    path = attachment.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        attachment.file.url  # noqa: B018 - no public URL exists


def test_pdf_and_three_files_are_accepted(client, feedback_page, topic):
    files = [
        upload("don.pdf", pdf_bytes()),
        upload("anh.png", image_bytes("PNG")),
        upload("anh.webp", image_bytes("WEBP")),
    ]
    post(client, feedback_page, form_data(topic), files)
    assert sorted(Attachment.objects.values_list("kind", flat=True)) == ["pdf", "png", "webp"]


def test_a_fourth_file_is_refused(client, feedback_page, topic):
    files = [upload(f"anh{n}.png", image_bytes("PNG")) for n in range(4)]
    response = post(client, feedback_page, form_data(topic), files)
    assert "Chỉ gửi được tối đa 3 tệp." in response.content.decode()
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("anh-lon.jpg", b"\xff\xd8\xff" + b"0" * (6 * 1024 * 1024), "lớn hơn 5 MB"),
        ("don.jpg", pdf_bytes(), "có tên không khớp với nội dung"),
        ("ghi-chu.png", "Đây là văn bản, không phải ảnh.".encode(), "không phải ảnh JPEG, PNG, WebP hay tệp PDF"),
        ("bom.png", bomb_png(), "có kích thước điểm ảnh quá lớn"),
    ],
    ids=["6MB", "pdf-renamed-jpg", "text-renamed-png", "decompression-bomb"],
)
def test_bad_attachment_is_refused_in_vietnamese_and_the_form_kept(
    client, feedback_page, topic, name, content, message
):
    data = form_data(topic, content="Nội dung phải còn nguyên khi tệp bị từ chối.", name="Trần Thị Bé")
    response = post(client, feedback_page, data, [upload(name, content)])
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Nội dung phải còn nguyên khi tệp bị từ chối." in html
    assert 'value="Trần Thị Bé"' in html
    assert f'value="{topic.pk}" selected' in html
    assert Feedback.objects.count() == 0


def test_html_in_every_field_is_escaped_on_the_success_and_error_pages(client, feedback_page, topic):
    script = "<script>alert(1)</script>"
    response = post(client, feedback_page, form_data(topic, name=script, content=f"Nội dung {script}", phone="abc"))
    html = response.content.decode()
    assert script not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
