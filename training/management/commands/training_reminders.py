from django.core.management.base import BaseCommand

from training.services.reminders import send_due


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc học qua hộp thư đi: học viên lâu không vào khóa học đã ghi danh, người đã đăng ký "
        "lớp tập huấn diễn ra ngày mai. Mỗi học viên tối đa một thư mỗi tuần. Chạy hằng ngày."
    )

    def handle(self, *args, **options):
        sent = send_due()
        self.stdout.write(f"Đã gửi {sent} thư nhắc học.")
