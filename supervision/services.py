"""Rules of the supervision cycle: the recommendations' state machine, creating and following them up,
publishing a round.

Every status change of a :class:`~supervision.models.Recommendation` goes through :data:`WORKFLOW`
(:class:`feedback.workflow.Workflow`, the machinery feedback and comments use), so each one is
checked against its source state and permission and recorded with who, when and a note. Nothing
here deletes anything.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from feedback.workflow import Transition, Workflow, record

from .models import Recommendation, RecommendationStatus

S = RecommendationStatus
CHANGE = "supervision.change_recommendation"
ADD = "supervision.add_recommendation"
PUBLISH = "supervision.publish_supervisionround"
CHANGE_ROUND = "supervision.change_supervisionround"


def _as_date(value):
    return parse_date(value) if isinstance(value, str) else value


def _answer(item, values):
    response_date = _as_date(values["response_date"])
    if response_date is None or response_date > timezone.localdate():
        raise ValueError("response_date")
    item.response = values["response"].strip()
    item.response_date = response_date


WORKFLOW = Workflow(
    "status",
    [
        Transition(
            "record_answer",
            _("Ghi nhận trả lời của cơ quan"),
            (S.SENT,),
            S.ANSWERED,
            CHANGE,
            fields=("response", "response_date"),
            effect=_answer,
            style="primary",
        ),
        Transition("resolve", _("Đã giải quyết"), (S.ANSWERED,), S.RESOLVED, CHANGE, style="primary"),
        Transition("resolve_partly", _("Giải quyết một phần"), (S.ANSWERED,), S.PARTLY_RESOLVED, CHANGE),
        Transition("mark_not_resolved", _("Chưa giải quyết"), (S.ANSWERED,), S.NOT_RESOLVED, CHANGE, style="warning"),
        Transition(
            "re_recommend",
            _("Kiến nghị lại"),
            (S.SENT, S.PARTLY_RESOLVED, S.NOT_RESOLVED),
            S.RE_RECOMMENDED,
            CHANGE,
            fields=("text", "deadline"),
            style="warning",
            initial=lambda item: {"text": item.text},
            help_text=_("Tạo một kiến nghị mới gửi cùng cơ quan, liên kết với kiến nghị này."),
        ),
    ],
)

ACTION_LABELS = {
    "create": _("Gửi kiến nghị"),
    "reminder": _("Nhắc trưởng đoàn: quá hạn trả lời"),
    **{name: transition.label for name, transition in WORKFLOW.transitions.items()},
}


def create_recommendation(round, user, *, addressee, text, deadline, sent_on=None, previous=None, note=""):
    """A new recommendation of ``round`` in state "sent", with its first history line."""
    if not user.has_perm(ADD):
        raise PermissionDenied("add_recommendation")
    with transaction.atomic():
        recommendation = Recommendation.objects.create(
            round=round,
            addressee=addressee.strip(),
            text=text.strip(),
            deadline=deadline,
            sent_on=sent_on or timezone.localdate(),
            previous=previous,
            created_by=user,
        )
        data = {"previous": str(previous.pk)} if previous else {}
        record(recommendation, "create", user=user, note=note, data=data)
    return recommendation


def apply_transition(item, name, user, *, note="", values=None):
    """A staff action on a recommendation; raises ``IllegalTransition``, ``PermissionDenied`` or ``ValueError``.

    Re-recommending also creates the follow-up recommendation (same round and addressee, the new text
    and deadline) linked to this one, in the same transaction.
    """
    values = values or {}
    with transaction.atomic():
        item = WORKFLOW.apply(item, name, user=user, note=note, values=values)
        if name == "re_recommend":
            create_recommendation(
                item.round,
                user,
                addressee=item.addressee,
                text=values["text"],
                deadline=_as_date(values["deadline"]),
                previous=item,
                note=note,
            )
    return item


def publish_round(round, user):
    """Shows ``round`` at /giam-sat/; only a finished round with a public summary can be published."""
    if not user.has_perm(PUBLISH):
        raise PermissionDenied("publish")
    if round.actual_end is None or not round.public_summary.strip():
        raise ValueError("not_ready")
    round.published_at = round.published_at or timezone.now()
    round.save(update_fields=["published_at", "updated_at"])
    record(round, "publish", user=user)
    return round


def unpublish_round(round, user):
    if not user.has_perm(PUBLISH):
        raise PermissionDenied("unpublish")
    round.published_at = None
    round.save(update_fields=["published_at", "updated_at"])
    record(round, "unpublish", user=user)
    return round


def chain(recommendation):
    """The recommendations this one follows up, oldest first, then itself and its follow-ups."""
    before, current = [], recommendation.previous
    while current is not None:
        before.insert(0, current)
        current = current.previous
    after, current = [], getattr(recommendation, "follow_up", None)
    while current is not None:
        after.append(current)
        current = getattr(current, "follow_up", None)
    return [*before, recommendation, *after]
