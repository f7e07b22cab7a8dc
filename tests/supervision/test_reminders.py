"""Overdue recommendations are reminded to the round's lead through the outbox, at most once a day."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from accounts import factories as accounts_factories
from feedback.workflow import history
from outbox.models import Message
from supervision.factories import RecommendationFactory, SupervisionRoundFactory
from supervision.reminders import send_reminders

TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


@pytest.fixture
def lead(db):
    return accounts_factories.supervisor(email="truongdoan@example.org")


@pytest.fixture
def round(units, lead):
    return SupervisionRoundFactory(lead_unit=units["east"], lead=lead, topic="Bếp ăn bán trú")


def test_the_lead_gets_one_message_listing_the_overdue_recommendations(round, lead):
    overdue = [RecommendationFactory(round=round, deadline=days(-3)) for _ in range(2)]
    RecommendationFactory(round=round, deadline=days(5))  # not due yet
    assert send_reminders() == (1, 2)
    message = Message.objects.get()
    assert message.recipient == "truongdoan@example.org"
    assert message.kind == "supervision_reminder"
    assert message.audience == "supervision.view_recommendation"
    assert "Bếp ăn bán trú" in message.body_text
    for recommendation in overdue:
        assert [event.action for event in history(recommendation)][-1] == "reminder"


def test_answered_recommendations_are_not_reminded(round):
    RecommendationFactory(round=round, deadline=days(-3), status="answered")
    assert send_reminders() == (0, 0)
    assert not Message.objects.exists()


def test_reminders_go_out_at_most_once_a_day(round):
    RecommendationFactory(round=round, deadline=days(-3))
    send_reminders()
    send_reminders()
    assert Message.objects.count() == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=False):
        assert send_reminders() == (1, 1)
    assert Message.objects.count() == 2


def test_a_round_without_a_lead_reminds_the_supervision_staff(units):
    staff = accounts_factories.supervisor(email="canbo@example.org")
    accounts_factories.moderator(email="tiepnhan@example.org")
    RecommendationFactory(round=SupervisionRoundFactory(lead_unit=units["east"]), deadline=days(-1))
    send_reminders()
    assert list(Message.objects.values_list("recipient", flat=True)) == [staff.email]


def test_the_command_runs_the_reminders(round, capsys):
    RecommendationFactory(round=round, deadline=days(-3))
    call_command("supervision_reminders")
    assert "1 kiến nghị" in capsys.readouterr().out
    assert Message.objects.count() == 1
