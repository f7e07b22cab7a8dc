"""Importing learners from a spreadsheet (XLSX or CSV: name, phone, email, position, unit).

Every row is validated before anything is written; one bad row and nothing is imported. New
accounts get an unusable password and an e-mail inviting them to set one."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import OrganisationUnit
from home.phones import normalise_vn_phone
from home.spreadsheet_import import ImportResult, first_line_upper, read_table
from home.text import fold_vi

from ..models import EnrolmentSource
from .invitations import queue_invitation
from .progress import enrol

# Folded header -> field. Accepts the Vietnamese headers and their ASCII forms.
HEADERS = {
    "ho va ten": "name",
    "ho ten": "name",
    "ten": "name",
    "so dien thoai": "phone",
    "dien thoai": "phone",
    "email": "email",
    "thu dien tu": "email",
    "chuc vu": "position",
    "don vi": "unit",
}
REQUIRED_COLUMNS = ("name", "email", "unit")
LEARNERS = "Học viên"


@dataclass
class LearnerImportResult(ImportResult):
    enrolled: int = 0


def read_rows(uploaded):
    """``[(line_number, {field: text})]`` from an uploaded XLSX or CSV file (``home.spreadsheet_import``)."""
    return read_table(
        uploaded,
        HEADERS,
        REQUIRED_COLUMNS,
        missing_message=_("Dòng tiêu đề phải có các cột: Họ và tên, Số điện thoại, Email, Chức vụ, Đơn vị."),
    )


def _units_by_name():
    units = {}
    for unit in OrganisationUnit.objects.only("id", "name"):
        units.setdefault(fold_vi(unit.name).lower(), []).append(unit)
    return units


def validate_rows(rows):
    """Checks every row; returns ``(clean_rows, errors)`` without writing anything."""
    User = get_user_model()
    units = _units_by_name()
    emails = [values.get("email", "").lower() for _line, values in rows]
    existing = {user.email.lower(): user for user in User.objects.filter(email__in=[e for e in emails if e])}
    seen = {}
    clean, errors = [], []
    for line, values in rows:
        problems = []
        name = values.get("name", "")
        email = values.get("email", "").lower()
        phone = values.get("phone", "")
        position = values.get("position", "")
        if not name:
            problems.append(_("thiếu họ và tên"))
        elif len(name) > 150:
            problems.append(_("họ và tên quá dài"))
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                _("email \u201c%(email)s\u201d không hợp lệ") % {"email": email[:80]} if email else _("thiếu email")
            )
        if email and email in seen:
            problems.append(_("email trùng với dòng %(line)d") % {"line": seen[email]})
        seen.setdefault(email, line)
        if phone and normalise_vn_phone(phone) is None:
            problems.append(_("số điện thoại \u201c%(phone)s\u201d không hợp lệ") % {"phone": phone[:30]})
        if len(position) > 150:
            problems.append(_("chức vụ quá dài"))
        matches = units.get(fold_vi(values.get("unit", "")).lower(), [])
        if not values.get("unit"):
            problems.append(_("thiếu đơn vị"))
        elif not matches:
            problems.append(_("không có đơn vị \u201c%(unit)s\u201d") % {"unit": values["unit"][:100]})
        elif len(matches) > 1:
            problems.append(_("có nhiều đơn vị tên \u201c%(unit)s\u201d") % {"unit": values["unit"][:100]})
        if problems:
            errors.append((line, first_line_upper(problems)))
            continue
        clean.append(
            {
                "line": line,
                "name": name,
                "email": email,
                "phone": phone,
                "position": position,
                "unit": matches[0],
                "user": existing.get(email),
            }
        )
    return clean, errors


def _unique_username(email, taken):
    base = email[:150]
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: 150 - len(suffix)] + suffix
    taken.add(candidate)
    return candidate


def import_learners(course, rows, *, by, send_invitations=True):
    """Creates the missing accounts and enrols everyone in ``course``, all or nothing."""
    User = get_user_model()
    clean, errors = validate_rows(rows)
    result = LearnerImportResult(errors=errors)
    if errors:
        return result
    learners = Group.objects.get(name=LEARNERS)
    taken = set(
        User.objects.filter(username__in=[row["email"][:150] for row in clean]).values_list("username", flat=True)
    )
    with transaction.atomic():
        for row in clean:
            user = row["user"]
            if user is None:
                user = User(
                    username=_unique_username(row["email"], taken),
                    email=row["email"],
                    full_name=row["name"],
                    phone=row["phone"],
                    position=row["position"],
                    unit=row["unit"],
                )
                user.set_unusable_password()
                user.save()
                user.groups.add(learners)
                result.created.append(user)
            else:
                result.existing.append(user)
            if enrol(user, course, source=EnrolmentSource.IMPORT, by=by)[1]:
                result.enrolled += 1
        if send_invitations:
            for user in result.created:
                queue_invitation(user, course)
    return result
