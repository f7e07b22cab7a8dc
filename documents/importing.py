"""Importing documents into the register from a spreadsheet, one document a line, all or nothing.

Columns (Vietnamese headers, with or without accents): Loại văn bản, Số ký hiệu, Tên văn bản (optional:
the summary's start otherwise), Trích yếu, Cơ quan ban hành, Người ký, Ngày ban hành, Ngày có hiệu lực
(the issue date when empty), Ngày hết hiệu lực, Lĩnh vực, Tệp (the titles or file names of documents
already uploaded to the admin's Documents, separated by ``;``), Thay thế (the numbers of documents already
in the register that this one replaces, separated by ``;``, with the year in brackets when a number was
used in several years: ``03/HD-HLHPN (2022)``). Every line is checked first; a single
bad line and nothing is written, each bad line listed with what is wrong with it."""

import datetime
import re

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model

from home.spreadsheet_import import ImportResult, first_line_upper, header_key, read_table
from home.text import fold_vi

from .models import DocumentArea, DocumentFile, DocumentReplacement, DocumentType, IssuingBody, OfficialDocumentPage
from .models.document import FILE_EXTENSIONS, NUMBER_MAX

HEADERS = {
    **dict.fromkeys(["loai", "loai van ban"], "type"),
    **dict.fromkeys(["so ky hieu", "so hieu", "so"], "number"),
    **dict.fromkeys(["ten", "ten van ban", "tieu de"], "title"),
    "trich yeu": "summary",
    **dict.fromkeys(["co quan ban hanh", "co quan"], "body"),
    "nguoi ky": "signer",
    "ngay ban hanh": "issue_date",
    **dict.fromkeys(["ngay co hieu luc", "ngay hieu luc"], "effective_date"),
    "ngay het hieu luc": "expiry_date",
    "linh vuc": "area",
    **dict.fromkeys(["tep", "tep van ban", "tep dinh kem"], "files"),
    **dict.fromkeys(["thay the", "thay the van ban"], "replaces"),
}
REQUIRED_COLUMNS = ("type", "number", "summary", "body", "issue_date", "files")
REPLACED_RE = re.compile(r"^(?P<number>.+?)\s*(?:\((?P<year>\d{4})\))?$")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
TITLE_MAX = 255
SUMMARY_MAX = 1000
SIGNER_MAX = 150


def read_rows(uploaded):
    return read_table(
        uploaded,
        HEADERS,
        REQUIRED_COLUMNS,
        missing_message=_(
            "Dòng tiêu đề phải có các cột: Loại văn bản, Số ký hiệu, Trích yếu, Cơ quan ban hành, Ngày ban hành, Tệp."
        ),
    )


def parse_date(text):
    text = text.strip().split(" ")[0]
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None


def _files_by_name():
    """Uploaded documents by folded title and by folded file name (without its folder)."""
    found = {}
    for document in get_document_model().objects.only("id", "title", "file"):
        for name in (document.title, document.file.name.rsplit("/", 1)[-1]):
            found.setdefault(header_key(name), []).append(document)
    return found


class _Line:
    """One line being checked: its problems, and the values it will be written with."""

    def __init__(self, values):
        self.values = values
        self.problems = []

    def text(self, name, limit, label):
        value = " ".join(self.values.get(name, "").split()) if name != "summary" else self.values.get(name, "").strip()
        if len(value) > limit:
            self.problems.append(_("%(field)s dài quá %(max)d ký tự") % {"field": label, "max": limit})
        return value

    def choice(self, name, items, label, required=True):
        raw = self.values.get(name, "")
        if not raw:
            if required:
                self.problems.append(_("thiếu %(field)s") % {"field": label})
            return None
        item = items.get(header_key(raw))
        if item is None:
            self.problems.append(_("không có %(field)s “%(value)s”") % {"field": label, "value": raw[:100]})
        return item

    def date(self, name, label, required=True):
        raw = self.values.get(name, "")
        if not raw:
            if required:
                self.problems.append(_("thiếu %(field)s") % {"field": label})
            return None
        day = parse_date(raw)
        if day is None:
            self.problems.append(
                _("%(field)s “%(value)s” không đúng dạng ngày/tháng/năm") % {"field": label, "value": raw[:30]}
            )
        return day


def validate_rows(rows):
    """Checks every line; returns ``(clean, errors)`` without writing anything."""
    types = DocumentType.objects.all().by_folded_name()
    bodies = IssuingBody.objects.all().by_folded_name()
    areas = DocumentArea.objects.all().by_folded_name()
    files = _files_by_name()
    seen = {}
    clean, errors = [], []
    for line_number, values in rows:
        line = _Line(values)
        record = {
            "document_type": line.choice("type", types, _("loại văn bản")),
            "number": line.text("number", NUMBER_MAX, _("số ký hiệu")),
            "title": line.text("title", TITLE_MAX, _("tên văn bản")),
            "summary": line.text("summary", SUMMARY_MAX, _("trích yếu")),
            "issuing_body": line.choice("body", bodies, _("cơ quan ban hành")),
            "signer": line.text("signer", SIGNER_MAX, _("người ký")),
            "issue_date": line.date("issue_date", _("ngày ban hành")),
            "effective_date": line.date("effective_date", _("ngày có hiệu lực"), required=False),
            "expiry_date": line.date("expiry_date", _("ngày hết hiệu lực"), required=False),
            "area": line.choice("area", areas, _("lĩnh vực"), required=False),
        }
        if not record["number"]:
            line.problems.append(_("thiếu số ký hiệu"))
        if not record["summary"]:
            line.problems.append(_("thiếu trích yếu"))
        issued, effective, expiry = record["issue_date"], record["effective_date"], record["expiry_date"]
        effective = record["effective_date"] = effective or issued
        if issued and effective and effective < issued:
            line.problems.append(_("ngày có hiệu lực trước ngày ban hành"))
        if effective and expiry and expiry <= effective:
            line.problems.append(_("ngày hết hiệu lực phải sau ngày có hiệu lực"))
        if record["number"] and issued:
            key = (fold_vi(record["number"]), issued.year)
            if key in seen:
                line.problems.append(_("trùng số ký hiệu với dòng %(line)d") % {"line": seen[key]})
            elif OfficialDocumentPage(number=record["number"], issue_date=issued).same_number().exists():
                line.problems.append(
                    _("đã có văn bản số %(number)s năm %(year)d") % {"number": record["number"], "year": issued.year}
                )
            seen.setdefault(key, line_number)
        record["files"] = _line_files(line, files)
        record["replaces"] = _line_replaced(line)
        if line.problems:
            errors.append((line_number, first_line_upper(line.problems)))
            continue
        record["title"] = record["title"] or Truncator(record["summary"]).chars(TITLE_MAX)
        clean.append(record)
    return clean, errors


def _line_files(line, files):
    names = [name.strip() for name in re.split(r"[;\n]", line.values.get("files", "")) if name.strip()]
    if not names:
        line.problems.append(_("thiếu tệp văn bản"))
    chosen = []
    for name in names:
        matches = files.get(header_key(name), [])
        if not matches:
            line.problems.append(_("chưa có tệp “%(name)s” trong mục Tài liệu") % {"name": name[:100]})
        elif len({document.pk for document in matches}) > 1:
            line.problems.append(_("có nhiều tệp tên “%(name)s”") % {"name": name[:100]})
        elif (matches[0].file_extension or "").lower() not in FILE_EXTENSIONS:
            line.problems.append(_("tệp “%(name)s” không phải PDF hay tệp văn phòng") % {"name": name[:100]})
        else:
            chosen.append(matches[0])
    return chosen


def _line_replaced(line):
    replaced = []
    for text in (part.strip() for part in line.values.get("replaces", "").split(";")):
        match = REPLACED_RE.match(text) if text else None
        if match is None:
            continue
        found = OfficialDocumentPage.objects.filter(number__iexact=" ".join(match["number"].split()))
        if match["year"]:
            year = int(match["year"])
            # Year 0 is no date at all: the database lookup would fail on it.
            found = found.filter(issue_date__year=year) if year >= 1 else found.none()
        found = list(found[:2])
        if not found:
            line.problems.append(_("không có văn bản “%(number)s” để thay thế") % {"number": text[:80]})
        elif len(found) > 1:
            line.problems.append(
                _("có nhiều văn bản số “%(number)s”: ghi thêm năm, ví dụ %(number)s (2022)") % {"number": text[:80]}
            )
        else:
            replaced.append(found[0])
    return replaced


def _free_slug(base, taken):
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def import_documents(register, rows, *, by, publish=False):
    """Adds a page below ``register`` for every line, as drafts (published when ``publish``), all or nothing."""
    clean, errors = validate_rows(rows)
    result = ImportResult(errors=errors)
    if errors:
        return result
    taken = set(register.get_children().values_list("slug", flat=True))
    with transaction.atomic():
        for record in clean:
            files, replaced = record.pop("files"), record.pop("replaces")
            page = OfficialDocumentPage(live=False, owner=by, **record)
            page.slug = _free_slug(page.default_slug(), taken)
            page.files = [DocumentFile(document=document) for document in files]
            page.replacements = [DocumentReplacement(replaced=other) for other in replaced]
            register.add_child(instance=page)
            revision = page.save_revision(user=by, log_action=True)
            if publish:
                revision.publish(user=by)
            result.created.append(page)
    return result
