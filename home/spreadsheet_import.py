"""Reading the spreadsheets editors upload (XLSX or CSV, one record a line): every importer goes through
this module (learners into a course, documents into the register).

The first line names the columns; a header is matched after folding (``"Số ký hiệu"``, ``"so ky hieu"``
and ``"SỐ KÝ HIỆU"`` are the same column). Each cell comes back as text: a date cell as ``dd/mm/yyyy``,
a whole number without ``.0``. Whatever is wrong with the file as a whole (too large, not a spreadsheet,
a missing column, too many lines) raises :class:`SpreadsheetError` with a Vietnamese message; checking
the lines themselves is the importer's job, which reports every bad line and writes nothing when
there is one (all or nothing).
"""

import contextlib
import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .text import fold_vi

MAX_FILE_SIZE = 2 * 1024 * 1024
MAX_ROWS = 3000


class SpreadsheetError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class ImportResult:
    """What an all-or-nothing import did: ``errors`` are ``(line, message)``; nothing was written if any."""

    errors: list = field(default_factory=list)
    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def header_key(text):
    """What a header (or a name an importer looks up) is matched by: its folded words, without punctuation
    ("Giám sát, phản biện" and "giam sat phan bien" are the same)."""
    return " ".join(re.findall(r"\w+", fold_vi(str(text or ""))))


def cell_text(cell):
    """A cell as the text an editor sees in it."""
    if cell is None:
        return ""
    if isinstance(cell, datetime.datetime | datetime.date):
        return f"{cell:%d/%m/%Y}"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_table(uploaded, headers, required, *, missing_message, max_rows=MAX_ROWS):
    """``[(line_number, {field: text})]`` from an uploaded XLSX or CSV file.

    ``headers`` maps folded header texts to field names; ``required`` names the fields that must have
    a column (``missing_message`` says which, when one has none). Empty lines are skipped."""
    name = (uploaded.name or "").lower()
    if uploaded.size > MAX_FILE_SIZE:
        raise SpreadsheetError(_("Tệp quá lớn (tối đa 2 MB)."))
    data = uploaded.read()
    if name.endswith(".xlsx"):
        raw_rows = _xlsx_rows(data, max_rows)
    elif name.endswith(".csv"):
        raw_rows = _csv_rows(data, max_rows)
    else:
        raise SpreadsheetError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
    if not raw_rows:
        raise SpreadsheetError(_("Tệp không có dữ liệu."))
    header = [headers.get(header_key(cell)) for cell in raw_rows[0]]
    if any(column not in header for column in required):
        raise SpreadsheetError(str(missing_message))
    rows = []
    for line, cells in enumerate(raw_rows[1:], start=2):
        values = {column: cell_text(cell) for column, cell in zip(header, cells, strict=False) if column}
        if any(values.values()):
            rows.append((line, values))
    if len(rows) > max_rows:
        raise SpreadsheetError(_("Mỗi lần nhập tối đa %(max)d dòng.") % {"max": max_rows})
    return rows


def _xlsx_rows(data, max_rows):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True, max_row=max_rows + 2)]
        workbook.close()
    except Exception:  # openpyxl raises many kinds of errors for a broken file
        raise SpreadsheetError(_("Không đọc được tệp Excel. Xin lưu lại dưới dạng .xlsx rồi thử lại.")) from None
    return rows


def _csv_rows(data, max_rows):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(_("Tệp CSV phải dùng bảng mã UTF-8.")) from None
    dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    reader = csv.reader(io.StringIO(text), dialect)
    return [row for _i, row in zip(range(max_rows + 2), reader, strict=False)]


def first_line_upper(problems):
    """Problems of one line joined into its message, starting with a capital."""
    message = "; ".join(problems)
    return message[:1].upper() + message[1:]
