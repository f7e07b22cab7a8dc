"""The dashboard panels about pages: an editor's drafts, what came back to them, what is scheduled,
and an approver's queue. Each reads a fixed number of queries (titles come from the revision or the
page row, never from the specific page)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, Revision, TaskState, WorkflowState

from accounts import roles
from home.dashboard import ADMINISTRATORS, DashboardPanel, Entry, Figure

LIST_LENGTH = 8


def edit_url(page_pk):
    return reverse("wagtailadmin_pages:edit", args=(page_pk,))


def local_time(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def waited(delta):
    """ "3 ngày", "5 giờ", "12 phút": the largest unit only, as staff say it."""
    minutes = int(delta.total_seconds() // 60)
    if minutes >= 24 * 60:
        return _("%(count)d ngày") % {"count": minutes // (24 * 60)}
    if minutes >= 60:
        return _("%(count)d giờ") % {"count": minutes // 60}
    return _("%(count)d phút") % {"count": minutes}


def page_type(page):
    """The page's type as editors call it, read from the content type cache (no query per row)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return str(model._meta.verbose_name) if model else ""


class MyDraftsPanel(DashboardPanel):
    """Pages the editor owns with changes not yet published nor submitted."""

    roles = (roles.EDITORS,)
    title = _("Bản nháp của tôi")
    order = 10
    empty_text = _("Bạn không có bản nháp nào.")

    def queryset(self):
        in_workflow = WorkflowState.objects.active().filter(base_content_type=ContentType.objects.get_for_model(Page))
        return (
            Page.objects.filter(owner=self.user)
            .filter(Q(live=False) | Q(has_unpublished_changes=True))
            .exclude(pk__in=in_workflow.annotate(page_id=Cast("object_id", IntegerField())).values("page_id"))
            .exclude(depth=1)
        )

    def get_figures(self):
        return [Figure(_("bản nháp chưa gửi duyệt"), self.queryset().count())]

    def get_entries(self):
        pages = self.queryset().only("pk", "title", "content_type", "latest_revision_created_at")
        pages = pages.order_by("-latest_revision_created_at")[:LIST_LENGTH]
        return [
            Entry(
                page.title,
                edit_url(page.pk),
                [page_type(page), _("sửa lúc %(time)s") % {"time": local_time(page.latest_revision_created_at)}]
                if page.latest_revision_created_at
                else [page_type(page)],
            )
            for page in pages
        ]


class ReturnedToMePanel(DashboardPanel):
    """Pages the editor submitted and an approver sent back, with the approver's comment."""

    roles = (roles.EDITORS,)
    title = _("Bị trả lại, cần sửa")
    order = 5
    empty_text = _("Không có bài nào bị trả lại.")

    def queryset(self):
        return WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES,
            requested_by=self.user,
            base_content_type=ContentType.objects.get_for_model(Page),
        )

    def get_figures(self):
        return [Figure(_("bài cần sửa theo nhận xét"), self.queryset().count(), alert=True)]

    def get_entries(self):
        states = (
            self.queryset()
            .select_related("current_task_state__finished_by", "current_task_state__revision")
            .order_by("-current_task_state__finished_at")[:LIST_LENGTH]
        )
        entries = []
        for state in states:
            task_state = state.current_task_state
            reviewer = task_state.finished_by.get_full_name() if task_state and task_state.finished_by else ""
            details = [_("trả lại lúc %(time)s") % {"time": local_time(task_state.finished_at)}] if task_state else []
            if reviewer:
                details.append(_("bởi %(name)s") % {"name": reviewer})
            entries.append(
                Entry(
                    task_state.revision.object_str if task_state and task_state.revision else state.object_id,
                    edit_url(state.object_id),
                    details,
                    note=(task_state.comment if task_state else "") or _("(Người duyệt không ghi nhận xét.)"),
                    alert=True,
                )
            )
        return entries


class ScheduledPanel(DashboardPanel):
    """Approved changes waiting for their "go live" time, soonest first."""

    roles = (roles.EDITORS, roles.APPROVERS)
    title = _("Đã hẹn giờ đăng")
    order = 30
    empty_text = _("Không có bài nào hẹn giờ đăng.")

    def queryset(self):
        return Revision.page_revisions.filter(approved_go_live_at__gt=timezone.now())

    def get_figures(self):
        return [Figure(_("bài hẹn giờ đăng"), self.queryset().count())]

    def get_entries(self):
        revisions = (
            self.queryset()
            .only("object_id", "object_str", "approved_go_live_at")
            .order_by("approved_go_live_at")[:LIST_LENGTH]
        )
        return [
            Entry(
                revision.object_str,
                edit_url(revision.object_id),
                [_("đăng lúc %(time)s") % {"time": local_time(revision.approved_go_live_at)}],
            )
            for revision in revisions
        ]


class AwaitingMyApprovalPanel(DashboardPanel):
    """What waits for the approver, oldest first, with how long each has waited."""

    roles = (roles.APPROVERS, ADMINISTRATORS)
    title = _("Chờ tôi duyệt")
    order = 1
    empty_text = _("Không có bài nào chờ duyệt.")

    def queryset(self):
        return TaskState.objects.reviewable_by(self.user).filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page)
        )

    def get_figures(self):
        return [Figure(_("bài chờ duyệt"), self.queryset().count(), alert=True)]

    def get_entries(self):
        states = (
            self.queryset()
            .select_related("revision", "workflow_state__requested_by")
            .order_by("started_at")[:LIST_LENGTH]
        )
        now = timezone.now()
        entries = []
        for state in states:
            requested_by = state.workflow_state.requested_by
            details = [_("đã chờ %(duration)s") % {"duration": waited(now - state.started_at)}]
            if requested_by:
                details.append(_("gửi bởi %(name)s") % {"name": requested_by.get_full_name()})
            entries.append(
                Entry(
                    state.revision.object_str if state.revision else state.workflow_state.object_id,
                    edit_url(state.workflow_state.object_id),
                    details,
                    alert=(now - state.started_at).days >= 2,
                )
            )
        return entries
