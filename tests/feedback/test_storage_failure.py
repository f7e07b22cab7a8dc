"""A full disk (or an object store that fails) under the attachments never costs the visitor their text."""

import errno

from django.core.files.base import File

import pytest

from feedback.models import Attachment, Feedback

from .conftest import form_data, image_bytes, upload

pytestmark = pytest.mark.django_db

MESSAGE = "Hệ thống tạm thời không lưu được tệp đính kèm nên ý kiến chưa được gửi."


def files_under(root):
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.fixture
def disk_full_after(monkeypatch):
    """``arm(n)``: the disk fills up after ``n`` files were written whole, the next one fails half way
    (ENOSPC); ``arm(None)``: room again."""
    state = {"whole_files": None, "written": 0}
    original = File.chunks

    def chunks(self, chunk_size=None):
        if state["whole_files"] is None:
            yield from original(self, chunk_size)
            return
        data = self.read()
        if state["written"] >= state["whole_files"]:
            yield data[: len(data) // 2]  # half the file reaches the disk...
            raise OSError(errno.ENOSPC, "No space left on device")
        state["written"] += 1
        yield data

    def arm(whole_files):
        state.update(whole_files=whole_files, written=0)

    monkeypatch.setattr(File, "chunks", chunks)
    return arm


def post_with_photos(client, page, topic, count):
    photos = [upload(f"anh-{n}.jpg", image_bytes(), "image/jpeg") for n in range(count)]
    data = form_data(topic, content="Đường liên thôn sạt lở, xe máy không qua được, xin Hội kiến nghị sửa.")
    return client.post(page.url, {**data, "attachments": photos})


@pytest.mark.parametrize("whole_files", [0, 1])
def test_disk_full_shows_the_form_again_with_the_text_and_keeps_nothing(
    client, feedback_page, topic, settings, disk_full_after, whole_files
):
    disk_full_after(whole_files)
    response = post_with_photos(client, feedback_page, topic, 2)
    html = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in html
    assert "Đường liên thôn sạt lở, xe máy không qua được" in html  # what was typed is kept
    assert 'value="Nguyễn Thị Lan"' in html
    assert Feedback.objects.count() == 0 and Attachment.objects.count() == 0
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []  # no partial file, no orphan of the first photo


def test_an_object_store_error_is_the_same(client, feedback_page, topic, settings, monkeypatch):
    from feedback.storage import PrivateFileSystemStorage

    def unreachable(self, name, content):
        raise ConnectionError("endpoint unreachable")

    monkeypatch.setattr(PrivateFileSystemStorage, "_save", unreachable)
    response = post_with_photos(client, feedback_page, topic, 1)
    assert MESSAGE in response.content.decode()
    assert Feedback.objects.count() == 0


def test_sending_again_once_the_disk_has_room_stores_it(client, feedback_page, topic, settings, disk_full_after):
    disk_full_after(0)
    post_with_photos(client, feedback_page, topic, 1)
    disk_full_after(None)
    response = post_with_photos(client, feedback_page, topic, 1)
    item = Feedback.objects.get()
    assert item.code in response.content.decode()
    attachment = Attachment.objects.get()
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == [settings.PRIVATE_MEDIA_ROOT / attachment.file.name]


def test_files_written_before_a_database_failure_are_deleted(client, feedback_page, topic, settings, monkeypatch):
    from django.db import OperationalError

    from feedback import services

    def database_gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(services, "record", database_gone)
    client.raise_request_exception = False
    response = post_with_photos(client, feedback_page, topic, 2)
    assert response.status_code == 503
    assert Feedback.objects.count() == 0
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []
