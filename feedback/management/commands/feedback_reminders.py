from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils import timezone

from feedback import notifications
from feedback.models import Feedback
from feedback.workflow import record


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc cán bộ về các ý kiến đã quá hạn trả lời (mỗi ý kiến nhắc tối đa một lần mỗi ngày). "
        "Chạy hằng ngày bằng cron, ví dụ 7 giờ sáng."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        start_of_day = timezone.make_aware(timezone.datetime.combine(today, timezone.datetime.min.time()))
        overdue = (
            Feedback.objects.overdue(today)
            .exclude(reminded_at__gte=start_of_day)
            .select_related("assignee", "topic")
            .order_by("deadline")
        )
        by_user = defaultdict(list)
        unassigned = []
        for item in overdue:
            if item.assignee and item.assignee.is_active and item.assignee.email:
                by_user[item.assignee].append(item)
            else:
                unassigned.append(item)
        if unassigned:
            for user in notifications.staff_with_perm("feedback.change_feedback"):
                visible = [
                    i for i in unassigned if not i.topic.sensitive or user.has_perm("feedback.view_sensitive_feedback")
                ]
                if visible:
                    by_user[user].extend(visible)
        reminded = set()
        for user, items in by_user.items():
            notifications.overdue_reminder(user, items)
            reminded.update(item.pk for item in items)
        for item in Feedback.objects.filter(pk__in=reminded):
            record(item, "reminder")
        Feedback.objects.filter(pk__in=reminded).update(reminded_at=timezone.now())
        self.stdout.write(f"Đã nhắc {len(by_user)} cán bộ về {len(reminded)} ý kiến quá hạn.")
