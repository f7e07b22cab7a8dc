from django.core.management.base import BaseCommand
from django.utils import timezone

from home import pagecache

from ...models import ConsultationIndexPage, ConsultationPage


class Command(BaseCommand):
    help = (
        "Đánh dấu các dự thảo đã hết hạn góp ý và xóa bộ nhớ đệm của trang dự thảo và trang danh sách "
        "(biểu mẫu góp ý không còn hiện). Chạy vài phút một lần (portal-close-consultations.timer). "
        "Máy chủ vẫn từ chối góp ý gửi sau hạn dù lệnh chưa chạy."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        due = ConsultationPage.objects.live().filter(closes_at__lte=now, closed_marked_at__isnull=True)
        closed = 0
        for page in due:
            pagecache.purge_page(page)  # the page, the index above it, the sitemap
            ConsultationPage.objects.filter(pk=page.pk).update(closed_marked_at=now)
            closed += 1
        # The days left on the index change every day, openings too: the index is purged at every run.
        for index in ConsultationIndexPage.objects.live():
            pagecache.purge_page(index)
        self.stdout.write(f"{closed} dự thảo vừa hết hạn góp ý.")
