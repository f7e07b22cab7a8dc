"""Consultations: what the pages show, how a comment on a draft is stored, and the synthesis figures.

The comment itself is feedback's (:func:`feedback.comments.submit_comment`: pending, moderated through
feedback's comment workflow, which purges the page on every decision); this module adds its
:class:`~consultations.models.ConsultationCommentDetails` in the same transaction.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from feedback import comments
from feedback.models import Comment, CommentStatus
from home.pagination import paginate

from .forms import ConsultationCommentForm
from .models import ConsultationCommentDetails, ConsultationPage
from .models.comments import WHOLE_DRAFT
from .period import Phase

CLOSED_PER_PAGE = 10
SECTION_PARAM = "muc"
NO_UNIT = _("Không ghi đơn vị")


def consultation_or_404(page_id):
    """The live, public consultation ``page_id`` (a page of another type, a draft or a restricted page: 404)."""
    page = ConsultationPage.objects.live().filter(pk=page_id).first()
    if page is None or not Page.objects.filter(pk=page_id).public().exists():
        raise Http404
    return page


def submit(form, page):
    """Stores a valid :class:`~consultations.forms.ConsultationCommentForm`: a pending feedback comment and
    its details, in one transaction (a repeat of the same form is stored once, by feedback)."""
    data = form.cleaned_data

    def details(comment):
        ConsultationCommentDetails.objects.create(
            comment=comment,
            section=data.get("section"),
            unit=data.get("unit"),
            phone=data.get("phone", ""),
            is_member=bool(data.get("is_member")),
        )

    return comments.submit_comment(form, page, details=details)


def comment_form(page, request):
    """The form on the (cached) page: no token in it; the section from ``?muc=`` when it is one of the draft's."""
    section = request.GET.get(SECTION_PARAM, "")
    initial = (
        {"section": section} if section.isdigit() and any(str(s.pk) == section for s in page.ordered_sections) else {}
    )
    return ConsultationCommentForm(request=request, auto_id="comment_%s", issue_token=False, page=page, initial=initial)


@dataclass
class CommentNote:
    """What a consultation adds to one approved comment of the thread: where it points, and whether it
    was taken up (and what it changed)."""

    section: object = None
    accepted: str = ""


def thread_notes(page, pks):
    """``{comment pk: CommentNote}`` for the comments of the page shown (two queries)."""
    notes = {pk: CommentNote() for pk in pks}
    for pk, section_id in ConsultationCommentDetails.objects.filter(comment_id__in=pks).values_list(
        "comment_id", "section_id"
    ):
        notes[pk].section = next((s for s in page.ordered_sections if s.pk == section_id), None)
    for pk, change in page.acceptances.filter(comment_id__in=pks).values_list("comment_id", "change"):
        notes[pk].accepted = change
    return notes


@dataclass
class Synthesis:
    total: int
    per_section: list  # (label, anchor or "", count), in the draft's order, the whole draft first
    per_unit: list  # (unit name, count), most first
    members: int
    acceptances: list = field(default_factory=list)  # (acceptance, comment, url of the comment)


def _comment_url(page, ordered_pks, pk):
    position = ordered_pks.index(pk) if pk in ordered_pks else 0
    number = position // comments.PER_PAGE + 1
    query = f"?{comments.PAGE_PARAM}={number}" if number > 1 else ""
    return f"{page.url}{query}#y-kien-{pk}"


def synthesis(page):
    """The figures of the synthesis, counted on the approved comments, and the accepted ones (bounded queries)."""
    approved = Comment.objects.approved().on_page(page)
    by_section = Counter(dict(approved.order_by().values_list("consultation_details__section").annotate(n=Count("pk"))))
    per_section = [(str(WHOLE_DRAFT), "", by_section.get(None, 0))]
    per_section += [
        (section.short_label, section.anchor, by_section.get(section.pk, 0)) for section in page.ordered_sections
    ]
    per_unit = [
        (name or str(NO_UNIT), count)
        for name, count in approved.order_by()
        .values_list("consultation_details__unit__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "consultation_details__unit__name")
    ]
    ordered = list(approved.order_by("created_at", "pk").values_list("pk", flat=True))
    acceptances = [
        (acceptance, acceptance.comment, _comment_url(page, ordered, acceptance.comment_id))
        for acceptance in page.acceptances.select_related("comment", "comment__consultation_details__section")
        if acceptance.comment.status == CommentStatus.APPROVED
    ]
    return Synthesis(
        total=len(ordered),
        per_section=per_section,
        per_unit=per_unit,
        members=approved.filter(consultation_details__is_member=True).count(),
        acceptances=acceptances,
    )


def section_counts(page):
    """``{section pk: approved comments}`` shown beside each section."""
    approved = Comment.objects.approved().on_page(page).order_by()
    return dict(approved.values_list("consultation_details__section").annotate(n=Count("pk")))


CLOSED_MESSAGES = {
    Phase.UPCOMING: _("Dự thảo chưa đến thời gian lấy ý kiến: biểu mẫu góp ý mở từ ngày bắt đầu."),
    Phase.CLOSED: _("Đã hết hạn góp ý cho dự thảo này."),
    Phase.OPEN: _("Dự thảo này tạm ngừng nhận góp ý."),
}


def page_context(page, request):
    """What the consultation page shows: feedback's comment thread (one page of approved comments) with
    where each points and whether it was taken up, the sections with their counts, the synthesis."""
    thread = comments.thread(page, request.GET.get(comments.PAGE_PARAM))
    thread.is_open = page.takes_comments
    thread.form = comment_form(page, request) if page.takes_comments else None
    thread.submit_url = reverse("consultations:comment_submit", args=[page.pk])
    thread.comment_extra = "consultations/_comment_note.html"
    thread.closed_message = CLOSED_MESSAGES[page.phase]
    notes = thread_notes(page, [comment.pk for comment in thread.comments])
    for comment in thread.comments:
        comment.note = notes[comment.pk]
    counts = section_counts(page)
    closed = page.phase == Phase.CLOSED
    return {
        "thread": thread,
        "sections": [(section, counts.get(section.pk, 0)) for section in page.ordered_sections],
        "draft_files": list(page.draft_files.select_related("document")),
        "synthesis": synthesis(page) if closed and (page.synthesis_points or page.acceptances.exists()) else None,
        "section_param": SECTION_PARAM,
    }


def index_context(index_page, request):
    now = timezone.now()
    consultations = ConsultationPage.objects.child_of(index_page).published()
    closed = paginate(request, consultations.closed_at(now), CLOSED_PER_PAGE)
    return {
        "open_consultations": list(consultations.open_at(now)) if closed.number == 1 else [],
        "upcoming_consultations": list(consultations.upcoming_at(now)) if closed.number == 1 else [],
        "closed_page": closed,
        "now": now,
    }
