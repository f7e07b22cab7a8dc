from django.core.management.base import BaseCommand
from django.utils import timezone

from outbox.mail import enqueue
from outbox.models import Message


class Command(BaseCommand):
    help = (
        "Gửi lại các thư bị lỗi đã đến lượt thử lại, và các thư còn chờ quá lâu. "
        "Chạy định kỳ bằng cron, ví dụ mỗi 10 phút."
    )

    def handle(self, *args, **options):
        ids = list(Message.objects.due(timezone.now()).values_list("pk", flat=True))
        for message_id in ids:
            enqueue(message_id)
        sent = Message.objects.filter(pk__in=ids, state=Message.State.SENT).count()
        self.stdout.write(f"Đã đưa {len(ids)} thư vào hàng đợi gửi lại ({sent} đã gửi xong ngay).")
