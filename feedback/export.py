"""The XLSX report of feedback items (openpyxl); personal data only for holders of a dedicated permission."""

from django.utils import timezone
from django.utils.translation import gettext as _

from home.spreadsheets import Spreadsheet


def _date(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def rows(queryset, include_personal=False):
    header = [
        _("Mã tra cứu"),
        _("Ngày gửi"),
        _("Lĩnh vực"),
        _("Địa bàn"),
        _("Trạng thái"),
        _("Chuyển đến cơ quan"),
        _("Hạn trả lời"),
        _("Ngày giải quyết"),
        _("Người xử lý"),
    ]
    if include_personal:
        header += [_("Họ và tên"), _("Số điện thoại"), _("Thư điện tử"), _("Nội dung")]
    yield header
    for item in queryset:
        row = [
            item.code,
            _date(item.created_at),
            item.topic.name,
            item.unit.name if item.unit else "",
            item.status_label,
            item.forwarded_to,
            _date(item.deadline),
            _date(item.resolved_at),
            str(item.assignee) if item.assignee else "",
        ]
        if include_personal:
            row += [item.name, item.phone, item.email, item.content]
        yield [str(value or "") for value in row]


def workbook_bytes(queryset, include_personal=False):
    """One sheet of items; cells are guarded against formulas by ``home.spreadsheets``."""
    spreadsheet = Spreadsheet()
    sheet = spreadsheet.sheet(_("Ý kiến, phản ánh"))
    for row in rows(queryset, include_personal):
        sheet.append(row)
    sheet.widths(*[22] * sheet.worksheet.max_column)
    return spreadsheet.to_bytes()
