"""The XLSX workbooks the portal hands out (openpyxl): every writer goes through this module.

- Cells: a text starting with ``= + - @`` (or a tab or carriage return) would be run as a formula
  by spreadsheet programs (CSV/formula injection); it is kept as text with a leading apostrophe.
- Sheet titles: Excel refuses ``: \\ / ? * [ ]``, a leading or trailing apostrophe, more than 31
  characters and two sheets of the same name; titles are made acceptable instead of crashing.
- The download response, with the right content type and an attachment file name."""

import io
import re

from django.http import HttpResponse

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_TITLE = 31
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TITLE_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")


def safe_cell(value):
    """``value`` as written: numbers and dates as they are, text never read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_title(title, taken=()):
    """A sheet title Excel accepts, different from every title in ``taken``."""
    base = TITLE_FORBIDDEN.sub("-", str(title)).strip().strip("'").strip() or "Sheet"
    candidate, number = base[:MAX_TITLE], 1
    while candidate.casefold() in {name.casefold() for name in taken}:
        number += 1
        suffix = f" ({number})"
        candidate = base[: MAX_TITLE - len(suffix)].rstrip() + suffix
    return candidate


class Sheet:
    """One worksheet; rows are appended through ``safe_cell``."""

    def __init__(self, worksheet):
        self.worksheet = worksheet

    def append(self, values, *, bold=False, indent=0):
        self.worksheet.append([safe_cell(value) for value in values])
        row = self.worksheet[self.worksheet.max_row]
        if bold:
            for cell in row:
                cell.font = Font(bold=True)
        if indent:
            row[0].alignment = Alignment(indent=indent)

    def widths(self, *widths):
        """Column widths from column A on (``None`` keeps the default)."""
        for index, width in enumerate(widths, start=1):
            if width is not None:
                self.worksheet.column_dimensions[get_column_letter(index)].width = width


class Spreadsheet:
    """A workbook of named sheets: ``sheet(title)`` adds one, ``response(filename)`` sends it."""

    def __init__(self):
        self.workbook = Workbook()
        self._unused_first = True

    def sheet(self, title):
        title = safe_title(title, self.workbook.sheetnames if not self._unused_first else ())
        if self._unused_first:  # openpyxl starts with one empty sheet: it becomes the first one
            self._unused_first = False
            worksheet = self.workbook.active
            worksheet.title = title
        else:
            worksheet = self.workbook.create_sheet(title=title)
        return Sheet(worksheet)

    def to_bytes(self):
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()

    def response(self, filename):
        return xlsx_response(self.to_bytes(), filename)


def xlsx_response(content, filename):
    """An attachment download of the workbook bytes ``content``."""
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
