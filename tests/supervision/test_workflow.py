"""The recommendations' state machine: each transition, the refused ones, the history, re-recommending."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils import timezone

import pytest

from feedback.workflow import IllegalTransition, history
from supervision import services
from supervision.factories import RecommendationFactory, SupervisionRoundFactory
from supervision.models import Recommendation, RecommendationStatus

S = RecommendationStatus
TODAY = timezone.localdate


@pytest.fixture
def recommendation(units):
    return RecommendationFactory(round=SupervisionRoundFactory(lead_unit=units["east"]))


def answer(item, user, day=None):
    values = {"response": "Đã chỉ đạo các trường lưu mẫu.", "response_date": day or TODAY()}
    return services.apply_transition(item, "record_answer", user, values=values)


def test_recording_the_answer_keeps_the_response_and_its_date(recommendation, supervisor):
    answer(recommendation, supervisor)
    recommendation.refresh_from_db()
    assert recommendation.status == S.ANSWERED
    assert recommendation.response == "Đã chỉ đạo các trường lưu mẫu."
    assert recommendation.response_date == TODAY()


def test_an_answer_dated_in_the_future_is_refused(recommendation, supervisor):
    with pytest.raises(ValueError):
        answer(recommendation, supervisor, day=TODAY() + datetime.timedelta(days=1))
    recommendation.refresh_from_db()
    assert recommendation.status == S.SENT


@pytest.mark.parametrize(
    ("name", "target"),
    [("resolve", S.RESOLVED), ("resolve_partly", S.PARTLY_RESOLVED), ("mark_not_resolved", S.NOT_RESOLVED)],
)
def test_an_answered_recommendation_is_assessed(recommendation, supervisor, name, target):
    answer(recommendation, supervisor)
    services.apply_transition(recommendation, name, supervisor, note="Đã kiểm tra thực tế.")
    recommendation.refresh_from_db()
    assert recommendation.status == target
    last = list(history(recommendation))[-1]
    assert (last.action, last.from_state, last.to_state, last.actor) == (name, S.ANSWERED, target, supervisor)
    assert last.note == "Đã kiểm tra thực tế."


@pytest.mark.parametrize("name", ["resolve", "resolve_partly", "mark_not_resolved"])
def test_a_recommendation_without_an_answer_cannot_be_assessed(recommendation, supervisor, name):
    with pytest.raises(IllegalTransition):
        services.apply_transition(recommendation, name, supervisor)


def test_a_resolved_recommendation_cannot_be_re_recommended(recommendation, supervisor):
    answer(recommendation, supervisor)
    services.apply_transition(recommendation, "resolve", supervisor)
    with pytest.raises(IllegalTransition):
        services.apply_transition(
            recommendation, "re_recommend", supervisor, values={"text": "Lại", "deadline": TODAY()}
        )


def test_someone_without_the_role_cannot_move_a_recommendation(recommendation, moderator):
    with pytest.raises(PermissionDenied):
        answer(recommendation, moderator)


@pytest.mark.parametrize("before", ["sent", "partly_resolved", "not_resolved"])
def test_re_recommending_links_a_new_recommendation_to_the_old_one(recommendation, supervisor, before):
    if before != "sent":
        answer(recommendation, supervisor)
        services.apply_transition(
            recommendation,
            {"partly_resolved": "resolve_partly", "not_resolved": "mark_not_resolved"}[before],
            supervisor,
        )
    deadline = TODAY() + datetime.timedelta(days=30)
    services.apply_transition(
        recommendation,
        "re_recommend",
        supervisor,
        note="Chưa khắc phục.",
        values={"text": "Kiến nghị lại.", "deadline": deadline},
    )
    recommendation.refresh_from_db()
    follow_up = recommendation.follow_up
    assert recommendation.status == S.RE_RECOMMENDED
    assert (follow_up.status, follow_up.text, follow_up.deadline) == (S.SENT, "Kiến nghị lại.", deadline)
    assert (follow_up.round, follow_up.addressee, follow_up.previous) == (
        recommendation.round,
        recommendation.addressee,
        recommendation,
    )
    assert services.chain(follow_up) == [recommendation, follow_up]
    assert [event.action for event in history(follow_up)] == ["create"]


def test_creating_a_recommendation_is_recorded(units, supervisor):
    round = SupervisionRoundFactory(lead_unit=units["east"])
    item = services.create_recommendation(
        round, supervisor, addressee="UBND huyện", text="Kiểm tra bếp ăn.", deadline=TODAY()
    )
    assert item.status == S.SENT
    assert [(e.action, e.actor) for e in history(item)] == [("create", supervisor)]


def test_every_staff_transition_is_reachable_from_sent():
    for state in (S.ANSWERED, S.RESOLVED, S.PARTLY_RESOLVED, S.NOT_RESOLVED, S.RE_RECOMMENDED):
        assert services.WORKFLOW.path(S.SENT, state)


def test_nobody_may_delete_a_recommendation(recommendation, supervisor, admin_user):
    policy_holder = Recommendation.snippet_viewset.permission_policy
    assert not policy_holder.user_has_permission(admin_user, "delete")
    assert not policy_holder.user_has_permission(supervisor, "delete")
