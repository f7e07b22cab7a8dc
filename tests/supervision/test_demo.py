from django.core.management import call_command
from django.utils import timezone

import pytest

from feedback.models import Channel
from supervision.models import ForumSession, Recommendation, RecommendationStatus, RoundStage, SupervisionRound

pytestmark = pytest.mark.django_db


def test_demo_has_sessions_a_finished_round_and_one_in_progress_and_is_idempotent(settings, client):
    settings.DEBUG = True
    call_command("load_demo")
    counts = (ForumSession.objects.count(), SupervisionRound.objects.count(), Recommendation.objects.count())
    call_command("load_demo")
    assert (ForumSession.objects.count(), SupervisionRound.objects.count(), Recommendation.objects.count()) == counts
    sessions = ForumSession.objects.all()
    assert sessions.count() == 2
    for session in sessions:
        assert session.entries.filter(feedback__channel=Channel.FORUM).count() == 2
    finished = SupervisionRound.objects.get(actual_end__isnull=False)
    assert "an toàn thực phẩm" in finished.topic.lower() and finished.is_published
    originals = finished.recommendations.filter(previous__isnull=True)
    assert originals.count() == 4
    assert len(set(originals.values_list("status", flat=True))) == 4
    assert finished.recommendations.overdue().exists()
    re_recommended = finished.recommendations.get(status=RecommendationStatus.RE_RECOMMENDED)
    assert re_recommended.follow_up.deadline > timezone.localdate()
    assert SupervisionRound.objects.get(actual_end__isnull=True).stage == RoundStage.IN_PROGRESS
    page = client.get(finished.get_absolute_url()).content.decode()
    assert 'data-recommendation-status="re_recommended"' in page
    assert client.get("/giam-sat/").status_code == 200
    assert client.get("/du-lieu-mo/giam-sat.csv").status_code == 200
