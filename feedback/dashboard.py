"""The feedback moderator's dashboard panel: new items, those past their response deadline, those
forwarded and awaiting the responsible body, comments waiting; then the overdue items themselves,
oldest deadline first. Four queries, whatever the number of items."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts import roles
from home.dashboard import DashboardPanel, Entry, Figure
from outbox.models import Message

from . import comments
from .models import Comment, CommentStatus, Feedback, Status

NS = "wagtailsnippets_feedback_feedback"
COMMENTS_NS = "wagtailsnippets_feedback_comment"
OVERDUE_SHOWN = 8


class ModerationPanel(DashboardPanel):
    roles = (roles.MODERATORS,)
    title = _("Tiếp nhận ý kiến, phản ánh")
    order = 20
    empty_text = _("Không có ý kiến nào quá hạn.")

    @property
    def more_url(self):
        return reverse(f"{NS}:list")

    more_label = _("Mở danh sách ý kiến")

    def get_figures(self):
        today = timezone.localdate()
        items = Feedback.objects.visible_to(self.user)
        counts = items.aggregate(
            new=Count("pk", filter=Q(status=Status.NEW)),
            needs_info=Count("pk", filter=Q(status=Status.NEEDS_INFO)),
            forwarded=Count("pk", filter=Q(status=Status.FORWARDED, deadline__gte=today)),
            overdue=Count("pk", filter=Q(status=Status.FORWARDED, deadline__lt=today)),
        )
        queue = reverse(f"{NS}:list")
        figures = [
            Figure(_("ý kiến mới chờ xử lý"), counts["new"], f"{queue}?status=new", alert=True),
            Figure(_("ý kiến quá hạn trả lời"), counts["overdue"], f"{queue}?overdue=true", alert=True),
            Figure(_("đã chuyển, chờ cơ quan trả lời"), counts["forwarded"], f"{queue}?status=forwarded&overdue=false"),
            Figure(_("chờ người gửi bổ sung"), counts["needs_info"], f"{queue}?status=needs_info"),
        ]
        if self.user.has_perm(comments.MODERATE):
            pending = Comment.objects.filter(status=CommentStatus.PENDING).count()
            url = f"{reverse(f'{COMMENTS_NS}:list')}?status=pending"
            figures.append(Figure(_("ý kiến bạn đọc chờ duyệt"), pending, url, alert=True))
        failed = Message.objects.visible_to(self.user).failed().count()
        if failed:
            figures.append(Figure(_("thư thông báo gửi lỗi"), failed, reverse("outbox:index"), alert=True))
        return figures

    def get_entries(self):
        today = timezone.localdate()
        overdue = Feedback.objects.visible_to(self.user).overdue(today).select_related("topic")
        entries = []
        for item in overdue.order_by("deadline", "pk")[:OVERDUE_SHOWN]:
            late = (today - item.deadline).days
            entries.append(
                Entry(
                    item.code,
                    reverse(f"{NS}:inspect", args=(item.pk,)),
                    [
                        str(item.topic),
                        item.forwarded_to,
                        ngettext("quá hạn %(days)d ngày", "quá hạn %(days)d ngày", late) % {"days": late},
                    ],
                    alert=True,
                )
            )
        return entries
