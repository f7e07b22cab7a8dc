"""Recordings of training events: on the event page and in a lesson, for signed-in learners only."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.documents.models import Document

import pytest

from training.blocks import EventRecordingBlock
from training.factories import TrainingEventPageFactory
from training.models import EventMode


@pytest.fixture
def recorded_event(training_index):
    video = Document.objects.create(
        title="Bản ghi giao ban", file=SimpleUploadedFile("ban-ghi.mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    )
    return TrainingEventPageFactory(
        parent=training_index,
        title="Giao ban trực tuyến tháng 10",
        mode=EventMode.ONLINE,
        meeting_link="https://meet.example.org/x",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        recording=video,
    )


@pytest.mark.django_db
def test_the_recording_plays_for_signed_in_learners_only(client, recorded_event, student):
    html = client.get(recorded_event.url).content.decode()
    assert "<video" not in html and "Đăng nhập để xem bản ghi buổi học" in html
    client.force_login(student)
    html = client.get(recorded_event.url).content.decode()
    assert '<video class="recording__video" controls' in html and recorded_event.recording.url in html


@pytest.mark.django_db
def test_a_lesson_embeds_an_events_recording(client, course_with_lessons, recorded_event, student):
    _course, lessons, _quiz, _final = course_with_lessons
    lesson = lessons[0]
    lesson.body = [("event_recording", {"event": recorded_event, "note": "Xem lại phần hỏi đáp."})]
    lesson.save_revision().publish()
    client.force_login(student)
    html = client.get(lesson.url).content.decode()
    assert "Giao ban trực tuyến tháng 10" in html and "Xem lại phần hỏi đáp." in html and "<video" in html
    assert "Đánh dấu đã học xong" in html  # the cadre who missed it marks the lesson done as usual


@pytest.mark.django_db
def test_an_event_without_recording_cannot_be_picked(training_index):
    from wagtail.blocks import StructBlockValidationError

    event = TrainingEventPageFactory(parent=training_index)
    block = EventRecordingBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"event": event.pk, "note": ""}))
