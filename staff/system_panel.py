"""The administrators' panel: the task queue and the state of each dependency, as ``/healthz/`` sees them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home import health
from home.dashboard import ADMINISTRATORS, DashboardPanel, Entry, Figure
from outbox.models import Message

STATE_LABELS = {
    "ok": _("hoạt động bình thường"),
    "down": _("không kết nối được"),
    "late": _("chậm: hàng đợi tồn quá 15 phút"),
    "local": _("bộ nhớ đệm riêng từng tiến trình"),
    "database": _("tìm kiếm bằng cơ sở dữ liệu (không dùng Elasticsearch)"),
    "immediate": _("chạy ngay trong yêu cầu (không có hàng đợi)"),
    "unknown": _("không rõ"),
}
CHECK_LABELS = {"cache": _("Bộ nhớ đệm"), "search": _("Công cụ tìm kiếm"), "tasks": _("Hàng đợi tác vụ")}


class SystemPanel(DashboardPanel):
    roles = (ADMINISTRATORS,)
    title = _("Tình trạng hệ thống")
    order = 900

    def get_figures(self):
        failed = Message.objects.failed().count()
        figures = [Figure(_("thư gửi đi bị lỗi"), failed, f"{reverse('outbox:index')}?state=failed", alert=True)]
        backlog = health.task_backlog()
        if "ready" in backlog:
            late = backlog["state"] == "late"
            figures += [
                Figure(_("tác vụ đang chờ chạy"), backlog["ready"], alert=late),
                Figure(_("phút: tác vụ chờ lâu nhất"), backlog["oldest_seconds"] // 60, alert=late),
            ]
        return figures

    def get_entries(self):
        _status, body = health.report()
        entries = []
        for name, label in CHECK_LABELS.items():
            value = body.get(name)
            state = value.get("state") if isinstance(value, dict) else value
            if state is None:
                continue
            entries.append(Entry(f"{label}: {STATE_LABELS.get(state, state)}", alert=state in ("down", "late")))
        return entries
