import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from feedback.models import Notification
from feedback.notifications import enqueue


class Command(BaseCommand):
    help = (
        "Gửi lại các thư thông báo bị lỗi đã đến lượt thử lại, và các thư còn chờ quá lâu. "
        "Chạy định kỳ bằng cron, ví dụ mỗi 10 phút."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        due = Notification.objects.filter(
            Q(state=Notification.State.FAILED, next_attempt_at__lte=now)
            | Q(state=Notification.State.PENDING, created_at__lte=now - datetime.timedelta(minutes=10))
        )
        ids = list(due.values_list("pk", flat=True))
        for notification_id in ids:
            enqueue(notification_id)
        sent = Notification.objects.filter(pk__in=ids, state=Notification.State.SENT).count()
        self.stdout.write(f"Đã đưa {len(ids)} thư vào hàng đợi gửi lại ({sent} đã gửi xong ngay).")
