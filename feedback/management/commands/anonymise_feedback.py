from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.comments import anonymise_old_comments
from feedback.services import anonymise_closed


class Command(BaseCommand):
    help = (
        "Xóa thông tin cá nhân (họ tên, điện thoại, thư điện tử, nội dung, tệp đính kèm) của các ý kiến đã khép lại "
        "quá N tháng; giữ trạng thái, lĩnh vực, địa bàn và ngày tháng để thống kê. Với ý kiến bạn đọc đã xử lý quá N "
        "tháng: xóa thư điện tử, và cả tên, nội dung của ý kiến không được duyệt. Chạy hằng tháng bằng cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.FEEDBACK_ANONYMISE_AFTER_MONTHS,
            help="Số tháng sau khi khép lại (mặc định: FEEDBACK_ANONYMISE_AFTER_MONTHS).",
        )

    def handle(self, *args, months, **options):
        count = anonymise_closed(months)
        self.stdout.write(f"Đã ẩn danh {count} ý kiến khép lại quá {months} tháng.")
        comments = anonymise_old_comments(months)
        self.stdout.write(f"Đã xóa thông tin cá nhân của {comments} ý kiến bạn đọc xử lý quá {months} tháng.")
