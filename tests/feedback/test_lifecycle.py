import datetime

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.utils import timezone

import pytest

from accounts import factories as accounts_factories
from feedback import services
from feedback.factories import FeedbackFactory
from feedback.models import Feedback, Status
from feedback.permissions import RestrictedActionsPolicy
from feedback.workflow import IllegalTransition

pytestmark = pytest.mark.django_db

NEXT_WEEK = timezone.localdate() + datetime.timedelta(days=7)
VALUES = {
    "reject": {"reason": "Không thuộc phạm vi của Hội."},
    "request_info": {"note": "Xin cho biết địa chỉ cụ thể."},
    "forward": {"forwarded_to": "UBND xã Hòa Bình", "deadline": NEXT_WEEK},
    "resolve": {"answer": "Đã nạo vét cống."},
    "publish": {"public_summary": "Cống thoát nước bị tắc ở một thôn."},
    "reopen": {"reason": "Cống lại tắc sau một tuần."},
}


def act(item, name, user):
    return services.apply_transition(item, name, user, note=f"ghi chú {name}", values=VALUES.get(name))


def test_whole_lifecycle_is_recorded_with_who_when_and_note(moderator):
    item = FeedbackFactory()
    for name in ["request_info", "accept", "forward", "resolve", "publish"]:
        item = act(item, name, moderator)
    assert item.status == Status.PUBLISHED
    assert item.forwarded_to == "UBND xã Hòa Bình" and item.deadline == NEXT_WEEK
    assert item.answer == "Đã nạo vét cống." and item.resolved_at and item.published_at
    events = list(services.history(item))
    assert [(e.action, e.from_state, e.to_state) for e in events] == [
        ("request_info", "new", "needs_info"),
        ("accept", "needs_info", "accepted"),
        ("forward", "accepted", "forwarded"),
        ("resolve", "forwarded", "resolved"),
        ("publish", "resolved", "published"),
    ]
    assert all(e.actor == moderator and e.created_at for e in events)
    assert events[2].note == "ghi chú forward"
    assert events[2].data["forwarded_to"] == "UBND xã Hòa Bình"


@pytest.mark.parametrize(
    ("start", "name", "end"),
    [
        (Status.NEW, "mark_spam", Status.SPAM),
        (Status.NEW, "reject", Status.REJECTED),
        (Status.NEEDS_INFO, "reject", Status.REJECTED),
        (Status.ACCEPTED, "reject", Status.REJECTED),
        (Status.NEW, "accept", Status.ACCEPTED),
    ],
)
def test_side_exits_close_the_item(moderator, start, name, end):
    item = act(FeedbackFactory(status=start), name, moderator)
    assert item.status == end
    if end in (Status.SPAM, Status.REJECTED):
        assert item.closed_at is not None
    if name == "reject":
        assert item.rejection_reason == "Không thuộc phạm vi của Hội."


@pytest.mark.parametrize(
    ("start", "name"),
    [
        (Status.NEW, "forward"),
        (Status.NEW, "resolve"),
        (Status.NEW, "publish"),
        (Status.ACCEPTED, "resolve"),
        (Status.FORWARDED, "publish"),
        (Status.SPAM, "accept"),
        (Status.REJECTED, "accept"),
        (Status.PUBLISHED, "mark_spam"),
        (Status.RESOLVED, "forward"),
        (Status.FORWARDED, "mark_spam"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(moderator, start, name):
    traits = {"forwarded": True} if start == Status.FORWARDED else {}
    item = FeedbackFactory(status=start, **traits) if not traits else FeedbackFactory(**traits)
    with pytest.raises(IllegalTransition):
        act(item, name, moderator)
    item.refresh_from_db()
    assert item.status == start
    assert not item.events.exists()


def test_unknown_transition_is_refused(moderator):
    with pytest.raises(IllegalTransition):
        services.apply_transition(FeedbackFactory(), "delete", moderator)


@pytest.mark.parametrize("name", ["accept", "request_info", "mark_spam", "reject"])
def test_transitions_need_the_change_permission(name):
    editor = accounts_factories.editor()
    with pytest.raises(PermissionDenied):
        act(FeedbackFactory(), name, editor)


@pytest.mark.parametrize(("trait", "name"), [("forwarded", "resolve"), ("resolved", "publish")])
def test_later_transitions_need_their_permission(trait, name):
    viewer = accounts_factories.make_user()
    viewer.user_permissions.add(Permission.objects.get(codename="view_feedback"))
    with pytest.raises(PermissionDenied):
        act(FeedbackFactory(**{trait: True}), name, viewer)


def test_publishing_needs_the_publish_permission_beyond_change():
    changer = accounts_factories.make_user()
    changer.user_permissions.add(*Permission.objects.filter(codename__in=["view_feedback", "change_feedback"]))
    item = FeedbackFactory(resolved=True)
    assert "publish" not in [t.name for t in services.WORKFLOW.available(item, changer)]
    with pytest.raises(PermissionDenied):
        act(item, "publish", changer)
    changer.user_permissions.add(Permission.objects.get(codename="publish_feedback"))
    changer = type(changer).objects.get(pk=changer.pk)  # fresh permission cache
    assert act(item, "publish", changer).status == Status.PUBLISHED


def test_transition_missing_its_value_is_refused(moderator):
    item = FeedbackFactory(status=Status.ACCEPTED)
    with pytest.raises(ValueError):
        services.apply_transition(item, "forward", moderator, values={"forwarded_to": "UBND xã"})
    with pytest.raises(ValueError):
        services.apply_transition(FeedbackFactory(), "reject", moderator, values={"reason": "  "})


def test_staff_cannot_reopen_only_the_sender_can(moderator):
    item = FeedbackFactory(resolved=True)
    assert "reopen" not in [t.name for t in services.WORKFLOW.available(item, moderator)]
    with pytest.raises(PermissionDenied):
        act(item, "reopen", moderator)
    item = services.sender_reopen(item, "Cống lại tắc sau một tuần.")
    assert item.status == Status.ACCEPTED
    assert item.reopen_count == 1 and item.closed_at is None
    event = services.history(item).last()
    assert event.action == "reopen" and event.actor is None and event.actor_label == "Người gửi"


def test_sender_confirms_a_resolved_item():
    item = services.sender_confirm(FeedbackFactory(resolved=True))
    assert item.sender_confirmed_at is not None
    assert services.history(item).last().action == "confirm"
    with pytest.raises(IllegalTransition):
        services.sender_confirm(FeedbackFactory(status=Status.ACCEPTED))


def test_moderators_hold_no_delete_permission_and_nobody_deletes_in_the_admin(moderator):
    assert not moderator.has_perm("feedback.delete_feedback")
    assert moderator.has_perm("feedback.change_feedback")
    superuser = accounts_factories.make_user(is_superuser=True, is_staff=True)
    policy = RestrictedActionsPolicy(Feedback, denied={"add", "delete", "copy"})
    assert not policy.user_has_permission(superuser, "delete")
    assert not policy.user_has_permission(superuser, "add")
    assert policy.user_has_permission(moderator, "change")


def test_sensitive_topics_are_visible_only_to_the_dedicated_group(moderator, topic, sensitive_topic):
    ordinary = FeedbackFactory(topic=topic)
    hidden = FeedbackFactory(topic=sensitive_topic)
    assert list(Feedback.objects.visible_to(moderator)) == [ordinary]
    trusted = accounts_factories.make_user()
    trusted.groups.add(Group.objects.get(name="Cán bộ tiếp nhận (nhạy cảm)"))
    assert set(Feedback.objects.visible_to(trusted)) == {ordinary, hidden}
    assert not Feedback.objects.visible_to(accounts_factories.editor()).exists()


def test_assignment_and_notes_are_logged(moderator):
    item = FeedbackFactory()
    colleague = accounts_factories.moderator()
    services.assign(item, colleague, moderator)
    services.add_note(item, moderator, "Đã gọi điện cho người gửi.")
    item.refresh_from_db()
    assert item.assignee == colleague
    assert [e.action for e in services.history(item)] == ["assign", "note"]
    with pytest.raises(ValueError):
        services.assign(item, accounts_factories.editor(), moderator)
    with pytest.raises(PermissionError):
        services.add_note(item, accounts_factories.editor(), "không được")


def test_the_workflow_finds_the_shortest_staff_route_and_the_sender_may_respond_where_reopen_starts():
    assert services.WORKFLOW.path(Status.NEW, Status.PUBLISHED) == ["accept", "forward", "resolve", "publish"]
    assert services.WORKFLOW.path(Status.NEW, Status.SPAM) == ["mark_spam"]
    responding = {state for state in Status.values if services.sender_can_respond(FeedbackFactory.build(status=state))}
    assert responding == set(services.WORKFLOW.get("reopen").sources) == {Status.RESOLVED, Status.PUBLISHED}
