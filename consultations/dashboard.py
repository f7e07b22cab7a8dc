"""The feedback moderator's dashboard panel for consultations and questions: comments on drafts waiting,
questions waiting (and those holding contact details to remove); then the open consultations, closing
soonest first, with their waiting comments. Three queries, whatever the number of rows."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import roles
from feedback.models import CommentStatus
from home.dashboard import DashboardPanel, Entry, Figure

from .models import ConsultationComment, ConsultationPage, Question, QuestionStatus

COMMENTS_NS = "wagtailsnippets_consultations_consultationcomment"
QUESTIONS_NS = "wagtailsnippets_consultations_question"
OPEN_SHOWN = 5


class ConsultationModerationPanel(DashboardPanel):
    roles = (roles.MODERATORS,)
    title = _("Góp ý dự thảo, hỏi đáp")
    order = 25
    empty_text = _("Không có dự thảo nào đang lấy ý kiến.")
    more_label = _("Mở danh sách góp ý dự thảo")

    @property
    def more_url(self):
        return reverse(f"{COMMENTS_NS}:list")

    def get_figures(self):
        figures = []
        if self.user.has_perm("consultations.view_consultationcomment"):
            pending = ConsultationComment.objects.on_consultations().filter(status=CommentStatus.PENDING).count()
            url = f"{reverse(f'{COMMENTS_NS}:list')}?status=pending"
            figures.append(Figure(_("góp ý dự thảo chờ duyệt"), pending, url, alert=True))
        if self.user.has_perm("consultations.view_question"):
            counts = Question.objects.filter(status=QuestionStatus.NEW).aggregate(
                waiting=Count("pk"), flagged=Count("pk", filter=Q(has_contact_in_text=True))
            )
            queue = reverse(f"{QUESTIONS_NS}:list")
            figures.append(Figure(_("câu hỏi chờ trả lời"), counts["waiting"], f"{queue}?status=new", alert=True))
            flagged_url = f"{queue}?status=new&has_contact_in_text=true"
            figures.append(Figure(_("câu hỏi cần lược bỏ thông tin liên hệ"), counts["flagged"], flagged_url))
        return figures

    def get_entries(self):
        pending = Count("reader_comments", filter=Q(reader_comments__status=CommentStatus.PENDING))
        consultations = ConsultationPage.objects.live().open_at(timezone.now()).annotate(pending=pending)
        queue = reverse(f"{COMMENTS_NS}:list")
        return [
            Entry(
                page.title,
                f"{queue}?page={page.pk}&status=pending",
                [
                    ngettext("%(count)d góp ý chờ duyệt", "%(count)d góp ý chờ duyệt", page.pending)
                    % {"count": page.pending},
                    _("hết hạn %(date)s") % {"date": timezone.localtime(page.closes_at).strftime("%H:%M %d/%m/%Y")},
                ],
                alert=bool(page.pending),
            )
            for page in consultations[:OPEN_SHOWN]
        ]
