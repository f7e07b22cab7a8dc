"""What staff download about a consultation: its comments as XLSX (``home.spreadsheets``, safe cells;
the commenters' names and contacts only with a permission) and the synthesis as DOCX (python-docx),
for the union's official reply."""

import io
import re
from html import unescape

from django.utils import timezone
from django.utils.translation import gettext as _

from docx import Document
from docx.shared import Pt

from home.spreadsheets import Spreadsheet

from . import services
from .models import ConsultationComment
from .models.comments import where_of

PERSONAL_PERMISSION = "consultations.export_personal_comments"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _local(value, pattern="%d/%m/%Y %H:%M"):
    return timezone.localtime(value).strftime(pattern) if value else ""


def comment_rows(page, include_personal=False):
    header = [_("Số"), _("Ngày gửi"), _("Góp ý vào"), _("Đơn vị"), _("Hội viên"), _("Trạng thái"), _("Nội dung")]
    header.append(_("Đã tiếp thu"))
    if include_personal:
        header += [_("Tên người góp ý"), _("Thư điện tử"), _("Số điện thoại")]
    yield header
    accepted = dict(page.acceptances.values_list("comment_id", "change"))
    queryset = ConsultationComment.objects.for_listing().on_page(page).order_by("created_at", "pk")
    for comment in queryset:
        details = comment.details
        row = [
            comment.pk,
            _local(comment.created_at),
            str(comment.where),
            details.unit.name if details.unit_id else "",
            _("Có") if details.is_member else _("Không"),
            comment.status_label,
            comment.text,
            accepted.get(comment.pk, ""),
        ]
        if include_personal:
            row += [comment.name, comment.email, details.phone]
        yield [value if isinstance(value, int) else str(value) for value in row]


def comments_workbook(page, include_personal=False):
    spreadsheet = Spreadsheet()
    sheet = spreadsheet.sheet(_("Góp ý dự thảo"))
    for number, row in enumerate(comment_rows(page, include_personal)):
        sheet.append(row, bold=number == 0)
    sheet.widths(8, 17, 28, 24, 10, 14, 60, 40, 22, 28, 16)
    return spreadsheet


BLOCK_END = re.compile(r"</(p|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def plain_paragraphs(html):
    """The rich text's paragraphs and list items as plain lines (what a Word report can carry)."""
    text = unescape(TAG.sub("", BLOCK_END.sub("\n", html or "")))
    return [line.strip() for line in text.splitlines() if line.strip()]


def _table(document, header, rows):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = str(value)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = str(value)


def synthesis_docx(page):
    """The synthesis report (báo cáo tổng hợp ý kiến) as DOCX bytes."""
    figures = services.synthesis(page)
    document = Document()
    document.styles["Normal"].font.size = Pt(13)
    document.add_heading(_("BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý"), level=0)
    document.add_paragraph(page.title).runs[0].bold = True
    document.add_paragraph(_("Cơ quan soạn thảo, đề nghị góp ý: %(body)s") % {"body": page.issuing_body})
    document.add_paragraph(
        _("Thời gian lấy ý kiến: từ %(start)s đến %(end)s (giờ Việt Nam)")
        % {"start": _local(page.opens_at), "end": _local(page.closes_at)}
    )
    document.add_paragraph(
        _("Tổng số ý kiến đã duyệt: %(total)s, trong đó %(members)s ý kiến của hội viên.")
        % {"total": figures.total, "members": figures.members}
    )
    document.add_heading(_("Số ý kiến theo từng phần của dự thảo"), level=1)
    _table(document, [_("Phần dự thảo"), _("Số ý kiến")], [(label, count) for label, _a, count in figures.per_section])
    document.add_heading(_("Số ý kiến theo đơn vị"), level=1)
    _table(document, [_("Đơn vị"), _("Số ý kiến")], figures.per_unit)
    document.add_heading(_("Các ý kiến chính"), level=1)
    for line in plain_paragraphs(page.synthesis_points):
        document.add_paragraph(line)
    document.add_heading(_("Ý kiến được tiếp thu"), level=1)
    for acceptance, comment, _url in figures.acceptances:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(_("Ý kiến số %(number)s (%(where)s): ") % {"number": comment.pk, "where": where_of(comment)})
        paragraph.add_run(comment.text).italic = True
        document.add_paragraph(_("Tiếp thu: %(change)s") % {"change": acceptance.change})
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
