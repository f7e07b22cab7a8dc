"""The XLSX report of feedback items (openpyxl); personal data only for holders of a dedicated permission."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.utils import get_column_letter


def _date(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def _cell(value):
    # A cell starting with = + - @ would be read as a formula by spreadsheet programs.
    text = str(value or "")
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


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
        yield [_cell(value) for value in row]


def workbook_bytes(queryset, include_personal=False):
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = _("Ý kiến, phản ánh")[:31]
    for row in rows(queryset, include_personal):
        sheet.append(row)
    for index in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 22
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
