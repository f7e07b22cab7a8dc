import datetime

from django.utils import timezone

import pytest

from tests.utils import third_party_resources
from training.factories import TrainingEventPageFactory
from training.models import EventMode


@pytest.fixture
def online_event(training_index):
    return TrainingEventPageFactory(
        parent=training_index,
        title="Giao ban trực tuyến",
        mode=EventMode.ONLINE,
        meeting_link="https://meet.example.org/phong-hop-bi-mat",
    )


@pytest.mark.django_db
def test_meeting_link_only_for_registered_learners(client, student, online_event):
    from training.models import Registration, RegistrationStatus

    html = client.get(online_event.url).content.decode()
    assert "phong-hop-bi-mat" not in html
    client.force_login(student)
    assert "phong-hop-bi-mat" not in client.get(online_event.url).content.decode()  # signed in is not enough
    Registration.objects.create(event=online_event, user=student, status=RegistrationStatus.APPROVED)
    assert "https://meet.example.org/phong-hop-bi-mat" in client.get(online_event.url).content.decode()


@pytest.mark.django_db
def test_catalogue_separates_upcoming_and_past_events(client, training_index, online_event):
    TrainingEventPageFactory(
        parent=training_index,
        title="Lớp tập huấn năm trước",
        starts_at=timezone.now() - datetime.timedelta(days=300),
    )
    html = client.get(training_index.url).content.decode()
    upcoming, past = html.split("Lớp tập huấn đã tổ chức", 1)
    assert "Giao ban trực tuyến" in upcoming and "Lớp tập huấn năm trước" not in upcoming
    assert "Lớp tập huấn năm trước" in past
    assert "phong-hop-bi-mat" not in html


@pytest.mark.django_db
def test_event_page_has_plain_share_links_and_no_third_party_resources(client, online_event):
    html = client.get(online_event.url).content.decode()
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html
    assert "https://sp.zalo.me/share_inline?url=" in html  # the one builder: home.sharing
    assert third_party_resources(html) == []


@pytest.mark.django_db
def test_online_event_needs_a_meeting_link(training_index):
    from django.core.exceptions import ValidationError

    event = TrainingEventPageFactory.build(title="Thiếu đường dẫn", mode=EventMode.ONLINE, meeting_link="")
    with pytest.raises(ValidationError):
        event.clean()
