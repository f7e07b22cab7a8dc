"""The feedback lifecycle: submission, moderation transitions, sender actions, privacy.

Every status change of a :class:`~feedback.models.Feedback` goes through :data:`WORKFLOW` here.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from home import pagecache

from . import codes, notifications
from .models import Attachment, Feedback, Status
from .spam import TOKEN_FIELD, content_fingerprint, ip_fingerprint, token_hash
from .storage import discard, store_attachments
from .workflow import IllegalTransition, Transition, Workflow, history, record

SENDER = _("Người gửi")
DUPLICATE_WINDOW = datetime.timedelta(hours=24)
CHANGE = "feedback.change_feedback"
PUBLISH = "feedback.publish_feedback"


def _close(item, values):
    item.closed_at = timezone.now()


def _reject(item, values):
    item.rejection_reason = values["reason"].strip()
    _close(item, values)


def _forward(item, values):
    deadline = values["deadline"]
    if isinstance(deadline, str):
        deadline = parse_date(deadline)
    if deadline is None:
        raise ValueError("deadline")
    item.forwarded_to = values["forwarded_to"].strip()
    item.deadline = deadline
    item.reminded_at = None


def _resolve(item, values):
    item.answer = values["answer"].strip()
    item.resolved_at = item.closed_at = timezone.now()


def _purge_resolutions():
    pagecache.purge_paths([reverse("feedback:resolutions")])


def _publish(item, values):
    _purge_resolutions()
    item.public_summary = values["public_summary"].strip()
    item.published_at = timezone.now()


def _reopen(item, values):
    _purge_resolutions()
    item.reopen_count += 1
    item.closed_at = item.published_at = item.sender_confirmed_at = None


WORKFLOW = Workflow(
    "status",
    [
        Transition("accept", _("Tiếp nhận"), (Status.NEW, Status.NEEDS_INFO), Status.ACCEPTED, CHANGE, style="primary"),
        Transition(
            "request_info",
            _("Đề nghị bổ sung thông tin"),
            (Status.NEW,),
            Status.NEEDS_INFO,
            CHANGE,
            fields=("note",),
            help_text=_("Ghi rõ cần bổ sung gì; nội dung này được lưu trong lịch sử xử lý."),
        ),
        Transition(
            "forward",
            _("Chuyển cơ quan giải quyết"),
            (Status.ACCEPTED,),
            Status.FORWARDED,
            CHANGE,
            fields=("forwarded_to", "deadline"),
            effect=_forward,
            style="primary",
        ),
        Transition(
            "resolve",
            _("Ghi nhận kết quả, trả lời"),
            (Status.FORWARDED,),
            Status.RESOLVED,
            CHANGE,
            fields=("answer",),
            effect=_resolve,
            style="primary",
            help_text=_("Câu trả lời được gửi cho người gửi (nếu có thư điện tử) và hiện ở trang tra cứu."),
        ),
        Transition(
            "publish",
            _("Công khai kết quả (đã ẩn danh)"),
            (Status.RESOLVED,),
            Status.PUBLISHED,
            PUBLISH,
            fields=("public_summary",),
            effect=_publish,
            style="primary",
            initial=lambda item: {"public_summary": suggest_public_summary(item)},
            help_text=_("Tóm tắt công khai không được chứa họ tên, số điện thoại, địa chỉ của người gửi."),
        ),
        Transition(
            "reject",
            _("Không tiếp nhận"),
            (Status.NEW, Status.NEEDS_INFO, Status.ACCEPTED),
            Status.REJECTED,
            CHANGE,
            fields=("reason",),
            effect=_reject,
            style="warning",
        ),
        Transition(
            "mark_spam",
            _("Đánh dấu tin rác"),
            (Status.NEW, Status.NEEDS_INFO),
            Status.SPAM,
            CHANGE,
            effect=_close,
            style="serious",
        ),
        Transition(
            "reopen",
            _("Người gửi đề nghị xem xét lại"),
            (Status.RESOLVED, Status.PUBLISHED),
            Status.ACCEPTED,
            None,
            fields=("reason",),
            effect=_reopen,
        ),
    ],
)

# Labels of actions that are not transitions, for the history.
ACTION_LABELS = {
    "submit": _("Người gửi gửi ý kiến"),
    "record": _("Cán bộ ghi nhận ý kiến (điện thoại, thư, trực tiếp, diễn đàn)"),
    "duplicate": _("Người gửi gửi lại nội dung trùng"),
    "assign": _("Phân công xử lý"),
    "note": _("Ghi chú nội bộ"),
    "confirm": _("Người gửi xác nhận đã được giải quyết"),
    "anonymise": _("Ẩn danh hóa dữ liệu cá nhân"),
    "reminder": _("Nhắc hạn xử lý"),
    **{name: transition.label for name, transition in WORKFLOW.transitions.items()},
}


@dataclass
class SubmitResult:
    item: Feedback
    duplicate: bool


def _fingerprint(data):
    phone = re.sub(r"\D", "", data.get("phone") or "")
    return content_fingerprint(data["content"], (data.get("email") or "").lower(), phone)


def submit_feedback(form):
    """Stores a valid :class:`~feedback.forms.FeedbackForm` and queues its notifications.

    The item and its attachments are committed first; emails are enqueued only after the commit,
    so a mail or queue failure can never lose a submission. A repeat (the same one-time token, or the
    same content and contact within 24 hours) is linked to the first item instead of being stored
    twice, and its sender is shown the first item's code. Two unique keys make that hold when the
    repeats arrive at the same moment, on any database: ``token_hash`` and ``dedupe_key``; the
    request that loses the race gets an ``IntegrityError`` and answers with the winner's item.
    """
    data = form.cleaned_data
    fingerprint = _fingerprint(data)
    token = token_hash(form.cleaned_data.get(TOKEN_FIELD))
    existing = _first_submission(token, fingerprint)
    if existing is not None:
        return _repeat(form, existing)
    # Files first (AttachmentStorageError: nothing kept), rows after; a row failure deletes the files.
    file_field = Attachment._meta.get_field("file")
    stored = store_attachments(file_field, data.get("attachments") or [])
    try:
        with transaction.atomic():
            # A repeat of a case older than the window is a new case: the old one gives up the key.
            Feedback.objects.filter(dedupe_key=fingerprint, created_at__lt=timezone.now() - DUPLICATE_WINDOW).update(
                dedupe_key=None
            )
            item = Feedback(
                topic=data["topic"],
                unit=data.get("unit"),
                name=data.get("name", "").strip(),
                phone=data.get("phone", ""),
                email=data.get("email", ""),
                wants_reply=bool(data.get("wants_reply")),
                content=data["content"],
                consent_at=timezone.now(),
                ip_fingerprint=ip_fingerprint(form.client_ip),
                content_hash=fingerprint,
                dedupe_key=fingerprint,
                token_hash=token,
            )
            save_with_unique_code(item)
            for clean, name in stored:
                Attachment.objects.create(
                    feedback=item,
                    file=name,
                    original_name=clean.original_name,
                    kind=clean.kind,
                    content_type=clean.content_type,
                    size=clean.size,
                )
            record(item, "submit", actor_label=str(SENDER))
            notifications.new_item(item)
            if item.email:
                notifications.receipt(item)
    except BaseException as error:
        discard(file_field.storage, [name for _clean, name in stored])
        existing = _first_submission(token, fingerprint) if isinstance(error, IntegrityError) else None
        if existing is None:
            raise
        return _repeat(form, existing)
    form.accept()
    return SubmitResult(item, duplicate=False)


def submitted_with_token(token):
    """The item already stored from this one-time form token, or ``None`` (a second press, a replay)."""
    if not token:
        return None
    return Feedback.objects.filter(token_hash=token_hash(token)).first()


def _first_submission(token, fingerprint):
    by_token = Feedback.objects.filter(token_hash=token).first()
    if by_token is not None:
        return by_token
    return (
        Feedback.objects.filter(content_hash=fingerprint, created_at__gte=timezone.now() - DUPLICATE_WINDOW)
        .order_by("created_at")
        .first()
    )


def _repeat(form, existing):
    """Counts a repeat on the first item; spends the token without counting it against the address."""
    Feedback.objects.filter(pk=existing.pk).update(duplicate_count=F("duplicate_count") + 1)
    record(existing, "duplicate", actor_label=str(SENDER))
    form.spend_token()
    return SubmitResult(existing, duplicate=True)


def save_with_unique_code(item, prefix=codes.PREFIX, attempts=8):
    """Saves ``item`` (any model with a unique ``code``) under a fresh tracking code of ``prefix``."""
    manager = type(item)._default_manager
    for _attempt in range(attempts):
        item.code = codes.generate(prefix)
        try:
            with transaction.atomic():
                item.save()
            return item
        except IntegrityError:
            if manager.filter(code=item.code).exists():
                continue
            raise
    raise RuntimeError("could not find a free tracking code")


def apply_transition(item, name, user, *, note="", values=None):
    """A moderator's action; raises ``IllegalTransition``, ``PermissionDenied`` or ``ValueError``."""
    item = WORKFLOW.apply(item, name, user=user, note=note, values=values)
    if name == "resolve" and item.email:
        notifications.answer(item)
    return item


def find_by_code(raw):
    """The item for a code a person typed, or ``None`` (malformed codes never touch the database)."""
    code = codes.normalise(raw)
    if code is None:
        return None
    return Feedback.objects.select_related("topic", "unit").filter(code=code).first()


def sender_can_respond(item):
    """The sender may confirm or contest the outcome exactly when the workflow lets them reopen it."""
    return WORKFLOW.allows("reopen", item.status)


def sender_confirm(item):
    if not sender_can_respond(item):
        raise IllegalTransition("confirm")
    Feedback.objects.filter(pk=item.pk).update(sender_confirmed_at=timezone.now())
    record(item, "confirm", actor_label=str(SENDER))
    item.refresh_from_db()
    return item


def sender_reopen(item, reason):
    item = WORKFLOW.apply(
        item, "reopen", actor_label=str(SENDER), note=reason, values={"reason": reason}, as_sender=True
    )
    notifications.reopened(item)
    return item


def assign(item, assignee, user, note=""):
    if not user.has_perm(CHANGE):
        raise PermissionError("assign")
    if assignee is not None and not assignee.has_perm("feedback.view_feedback"):
        raise ValueError("assignee")
    Feedback.objects.filter(pk=item.pk).update(assignee=assignee)
    record(item, "assign", user=user, note=note, data={"assignee": str(assignee) if assignee else ""})
    item.refresh_from_db()
    if assignee is not None and assignee != user and assignee.email:
        notifications.assigned(item, assignee)
    return item


def add_note(item, user, note):
    if not user.has_perm(CHANGE):
        raise PermissionError("note")
    if not note.strip():
        raise ValueError("note")
    return record(item, "note", user=user, note=note.strip())


def suggest_public_summary(item):
    """The content with the sender's name, phone numbers and email addresses masked (a starting point)."""
    text = item.content
    text = re.sub(r"[\w.+-]+@[\w-]+\.[\w.-]+", "[…]", text)
    text = re.sub(r"\+?\d[\d .\-]{7,}\d", "[…]", text)
    if item.name:
        text = re.sub(re.escape(item.name), "[…]", text, flags=re.IGNORECASE)
    return text


ANONYMISED = "[Đã xóa thông tin theo chính sách bảo vệ dữ liệu cá nhân]"


def anonymise(item):
    """Erases the sender's data and the attachments; status, topic, unit and dates stay for statistics."""
    with transaction.atomic():
        for attachment in item.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        item.name = item.phone = item.email = ""
        item.content = item.public_summary or ANONYMISED
        item.ip_fingerprint = item.content_hash = ""
        item.dedupe_key = None
        item.anonymised_at = timezone.now()
        item.save()
        history(item).exclude(action="anonymise").update(note="", data={})
        item.notifications.update(recipient="", body_text="", body_html="")
        record(item, "anonymise")
    return item


def retention_cutoff(months=None, now=None):
    """The moment before which closed items and decided comments lose their personal data."""
    months = months if months is not None else settings.FEEDBACK_ANONYMISE_AFTER_MONTHS
    return (now or timezone.now()) - datetime.timedelta(days=30 * months)


def anonymise_closed(months=None, now=None):
    items = Feedback.objects.filter(anonymised_at__isnull=True, closed_at__lt=retention_cutoff(months, now))
    count = 0
    for item in items.iterator():
        anonymise(item)
        count += 1
    return count
