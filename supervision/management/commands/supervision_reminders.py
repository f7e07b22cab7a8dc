from django.core.management.base import BaseCommand

from supervision.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc trưởng đoàn giám sát về các kiến nghị đã quá hạn trả lời (mỗi kiến nghị nhắc tối đa "
        "một lần mỗi ngày). Chạy hằng ngày (deploy/systemd/portal-supervision-reminders.timer)."
    )

    def handle(self, *args, **options):
        people, recommendations = send_reminders()
        self.stdout.write(f"Đã nhắc {people} người về {recommendations} kiến nghị quá hạn.")
