"""The editor's "my recent articles" panel, each with its reader comments ("Ý kiến") counted: shown
and waiting for moderation. Three queries, whatever the number of articles or comments."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import roles
from home.dashboard import DashboardPanel, Entry, Figure

from .models import NewsArticlePage

SHOWN = 6


class MyRecentArticlesPanel(DashboardPanel):
    roles = (roles.EDITORS,)
    title = _("Tin bài gần đây của tôi")
    order = 40
    empty_text = _("Bạn chưa viết tin bài nào.")

    def queryset(self):
        return NewsArticlePage.objects.filter(owner=self.user)

    def get_figures(self):
        return [Figure(_("tin bài do tôi viết"), self.queryset().count())]

    def get_entries(self):
        articles = (
            self.queryset()
            .annotate(
                shown=Count("reader_comments", filter=Q(reader_comments__status="approved")),
                waiting=Count("reader_comments", filter=Q(reader_comments__status="pending")),
            )
            .only("pk", "title", "live", "first_published_at", "latest_revision_created_at")
            .order_by("-latest_revision_created_at", "-pk")[:SHOWN]
        )
        entries = []
        for article in articles:
            details = [_("Ý kiến (%(count)d)") % {"count": article.shown}]
            if article.waiting:
                details.append(_("%(count)d chờ duyệt") % {"count": article.waiting})
            if not article.live:
                details.append(_("chưa đăng"))
            entries.append(Entry(article.title, reverse("wagtailadmin_pages:edit", args=(article.pk,)), details))
        return entries
