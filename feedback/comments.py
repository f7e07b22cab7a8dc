"""Reader comments: submission, the moderation workflow, replies, and what a page shows publicly.

Built on the feedback machinery: :mod:`feedback.spam` for the form, :mod:`feedback.workflow` for the
transitions and their history, :mod:`feedback.notifications` for the moderators' emails.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from home import fragments, pagecache
from home.pagination import page_number as page_number_of
from home.pagination import page_of_count

from . import notifications
from .models import Comment, CommentablePageMixin, CommentReply, CommentStatus
from .services import ANONYMISED, retention_cutoff
from .spam import TOKEN_FIELD, content_fingerprint, ip_fingerprint, token_hash
from .workflow import Transition, Workflow, record

MODERATE = "feedback.change_comment"
PER_PAGE = 20
PAGE_PARAM = "binh-luan"
ANCHOR = "y-kien"
READER = _("Bạn đọc")


def _moderated(comment, values):
    comment.moderated_at = timezone.now()
    purge_page_of(comment)


def purge_page_of(comment):
    """The page's cached copies go (its "Ý kiến (N)" count and list change), once the change commits."""
    page = comment.page
    parts = page.get_url_parts() if page is not None else None
    if parts and parts[2]:
        pagecache.purge_paths([parts[2]], urls=[parts[1] + parts[2]])


WORKFLOW = Workflow(
    "status",
    [
        Transition(
            "approve",
            _("Duyệt, cho hiện"),
            (CommentStatus.PENDING, CommentStatus.REJECTED),
            CommentStatus.APPROVED,
            MODERATE,
            effect=_moderated,
            style="primary",
        ),
        Transition(
            "reject",
            _("Không duyệt"),
            (CommentStatus.PENDING, CommentStatus.APPROVED),
            CommentStatus.REJECTED,
            MODERATE,
            effect=_moderated,
            style="warning",
            help_text=_("Ý kiến không hiện công khai; vẫn được lưu cùng lịch sử xử lý."),
        ),
        Transition(
            "mark_spam",
            _("Đánh dấu tin rác"),
            (CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.REJECTED),
            CommentStatus.SPAM,
            MODERATE,
            effect=_moderated,
            style="serious",
        ),
    ],
)

ACTION_LABELS = {
    "submit": _("Bạn đọc gửi ý kiến"),
    "reply": _("Ban biên tập trả lời"),
    **{name: transition.label for name, transition in WORKFLOW.transitions.items()},
}


def commentable(page):
    """The specific page when it is live, public and takes comments (open or closed), else ``None``."""
    if page is None or not page.live:
        return None
    specific = page.specific
    if not isinstance(specific, CommentablePageMixin):
        return None
    if not Page.objects.filter(pk=page.pk).public().exists():
        return None
    return specific


def get_commentable_or_404(page_id):
    page = commentable(Page.objects.filter(pk=page_id).first())
    if page is None:
        raise Http404
    return page


def submit_comment(form, page, details=None):
    """Stores a valid :class:`~feedback.forms.CommentForm` as pending and queues the moderators' emails.

    The comment is committed first; the emails go after the commit, so a mail failure never loses it.
    ``details(comment)``, when given, stores what another app adds to the comment (a consultation's
    section and unit), in the same transaction.
    """
    data = form.cleaned_data
    token = token_hash(data.get(TOKEN_FIELD))
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                page=page,
                name=data["name"],
                email=data.get("email", ""),
                text=data["text"],
                ip_fingerprint=ip_fingerprint(form.client_ip),
                content_hash=content_fingerprint(data["text"]),
                token_hash=token,
            )
            if details is not None:
                details(comment)
            record(comment, "submit", actor_label=str(READER))
            notify_moderators(comment, page)
    except IntegrityError:
        # The same form sent twice at once: the unique token key kept the first; this is a repeat.
        comment = submitted_with_token(data.get(TOKEN_FIELD))
        if comment is None:
            raise
        form.spend_token()
        return comment
    form.accept()
    return comment


def submitted_with_token(token):
    """The comment already stored from this one-time form token, or ``None``."""
    if not token:
        return None
    return Comment.objects.filter(token_hash=token_hash(token)).first()


def notify_moderators(comment, page):
    from django.urls import reverse
    from django.utils.translation import gettext as _gettext

    admin_url = notifications._absolute(reverse("wagtailsnippets_feedback_comment:inspect", args=[comment.pk]))
    for user in notifications.staff_with_perm(MODERATE):
        notifications.queue(
            "new_comment",
            user.email,
            _gettext("Ý kiến bạn đọc mới về bài “%(title)s”") % {"title": page.title},
            "feedback/email/new_comment",
            {"comment": comment, "page": page, "admin_url": admin_url, "recipient": user},
        )


def apply_transition(comment, name, user, *, note="", values=None):
    """A moderator's action; raises ``IllegalTransition`` or ``PermissionDenied``."""
    return WORKFLOW.apply(comment, name, user=user, note=note, values=values)


def add_reply(comment, user, text):
    """The editorial team answers ``comment``; only moderators may."""
    if not user.has_perm(MODERATE):
        raise PermissionError("reply")
    text = (text or "").strip()
    if not text:
        raise ValueError("text")
    with transaction.atomic():
        reply = CommentReply.objects.create(comment=comment, author=user, text=text)
        record(comment, "reply", user=user, note=text)
        purge_page_of(comment)
    return reply


@dataclass
class Thread:
    """What a page shows: the count of approved comments and one page of them, replies included."""

    page: Page
    count: int
    page_obj: object
    comments: list
    is_open: bool
    anchor: str = ANCHOR
    page_param: str = PAGE_PARAM
    form: object = None
    # What another app's page (a consultation) changes: where the form posts, a template shown under
    # each comment (given ``comment``), the words shown instead of the form.
    submit_url: str = ""
    comment_extra: str = ""
    closed_message: str = ""


@dataclass
class PublicComment:
    pk: int
    name: str
    text: str
    created_at: object
    replies: list


@dataclass
class PublicReply:
    text: str
    created_at: object


def _rows(page, number):
    """One query: the approved comments of page ``number``, their replies, and the total count."""
    approved = Comment.objects.approved().on_page(page)
    start = (number - 1) * PER_PAGE
    page_ids = approved.order_by("created_at", "pk").values("pk")[start : start + PER_PAGE]
    total = approved.order_by().values("page_id").annotate(n=Count("pk")).values("n")
    return list(
        Comment.objects.filter(pk__in=page_ids)
        .annotate(total=Subquery(total))
        .order_by("created_at", "pk", "replies__created_at", "replies__pk")
        .values_list("pk", "name", "text", "created_at", "total", "replies__text", "replies__created_at")
    )


def thread(page, page_number=None):
    """Approved comments of ``page``, oldest first, ``PER_PAGE`` a page, with the editorial replies.

    Kept in the fragment cache until the next change of content or of a shown comment or reply
    (``feedback.signals``); else one query whatever the number of comments and replies (two more only
    for a page number past the end, which then shows the last page).
    """
    number, total, shown = fragments.cached(
        f"comments:{page.pk}:{page_number_of(page_number)}",
        lambda: _read(page, page_number_of(page_number)),
        shared_only=True,
    )
    return Thread(
        page=page,
        count=total,
        page_obj=page_of_count(total, PER_PAGE, number),
        comments=shown,
        is_open=bool(getattr(page, "comments_open", False)),
    )


def _read(page, number):
    """``(page number shown, total, [PublicComment])``."""
    rows = _rows(page, number)
    if rows:
        total = rows[0][4]
    else:
        total = Comment.objects.approved().on_page(page).count() if number > 1 else 0
        if total:
            number = (total - 1) // PER_PAGE + 1
            rows = _rows(page, number)
    comments = {}
    for pk, name, text, created_at, _total, reply_text, reply_at in rows:
        comment = comments.setdefault(pk, PublicComment(pk, name, text, created_at, []))
        if reply_text is not None:
            comment.replies.append(PublicReply(reply_text, reply_at))
    return number, total, list(comments.values())


def anonymise_old_comments(months=None, now=None):
    """Erase what identifies readers once their comments were decided more than ``months`` ago.

    Every decided comment loses its e-mail address and address fingerprint; rejected and spam
    comments, which were never shown, also lose their name and text. Approved comments keep the name
    and text the reader chose to publish. What other apps keep beside a comment (a consultation
    comment's phone) is erased by their ``feedback_anonymise_comments`` hook, given the decided
    comments and returning the ids it changed. Returns how many comments changed.
    """
    decided = Comment.objects.filter(moderated_at__lt=retention_cutoff(months, now))
    decided = decided.exclude(status=CommentStatus.PENDING)
    with transaction.atomic():
        with_contact = set(decided.exclude(email="", ip_fingerprint="").values_list("pk", flat=True))
        never_shown = decided.filter(status__in=[CommentStatus.REJECTED, CommentStatus.SPAM]).exclude(text=ANONYMISED)
        hidden = set(never_shown.values_list("pk", flat=True))
        Comment.objects.filter(pk__in=with_contact).update(email="", ip_fingerprint="")
        Comment.objects.filter(pk__in=hidden).update(name="", text=ANONYMISED, content_hash="")
        others = set()
        for hook in hooks.get_hooks("feedback_anonymise_comments"):
            others |= set(hook(decided) or ())
    return len(with_contact | hidden | others)
