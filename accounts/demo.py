"""Demo units and one user per role."""

import secrets

from django.contrib.auth.models import Group

from . import roles
from .models import OrganisationUnit, UnitKind, User

UNITS = {
    "Hội LHPN tỉnh": ("province", None),
    "Hội LHPN phường Trung Tâm": ("commune", "Hội LHPN tỉnh"),
    "Hội LHPN xã Hòa Bình": ("commune", "Hội LHPN tỉnh"),
    "Hội LHPN xã Đồng Tâm": ("commune", "Hội LHPN tỉnh"),
    "Chi hội tổ dân phố 3": ("branch", "Hội LHPN phường Trung Tâm"),
    "Chi hội thôn Đông": ("branch", "Hội LHPN xã Hòa Bình"),
    "Chi hội thôn Tây": ("branch", "Hội LHPN xã Hòa Bình"),
}

USERS = [
    # username, role (group name or None for the superuser), full name, position, unit
    ("quantri", None, "Nguyễn Thị Quản Trị", "Quản trị website", "Hội LHPN tỉnh"),
    ("bientap", roles.EDITORS, "Trần Thị Biên Tập", "Biên tập viên", "Hội LHPN tỉnh"),
    ("duyetbai", roles.APPROVERS, "Lê Thị Duyệt", "Phó Chủ tịch", "Hội LHPN tỉnh"),
    ("tiepnhan", roles.MODERATORS, "Phạm Thị Tiếp Nhận", "Cán bộ Ban Chính sách - Luật pháp", "Hội LHPN tỉnh"),
    ("quanlydaotao", roles.TRAINING_MANAGERS, "Hoàng Thị Đào Tạo", "Trưởng ban Tổ chức", "Hội LHPN tỉnh"),
    ("giamsat", roles.SUPERVISORS, "Đinh Thị Giám Sát", "Trưởng ban Chính sách - Luật pháp", "Hội LHPN tỉnh"),
    ("hocvien", roles.LEARNERS, "Vũ Thị Học", "Chủ tịch Hội LHPN xã", "Hội LHPN xã Hòa Bình"),
]


def load(command):
    units = {}
    for name, (kind, parent_name) in UNITS.items():
        parent = units.get(parent_name)
        unit, _ = OrganisationUnit.objects.get_or_create(name=name, parent=parent, defaults={"kind": UnitKind(kind)})
        units[name] = unit

    for username, role, full_name, position, unit_name in USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(9)
        user = User(
            username=username,
            full_name=full_name,
            position=position,
            unit=units[unit_name],
            email=f"{username}@example.org",
            is_staff=role is None,
            is_superuser=role is None,
        )
        user.set_password(password)
        user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        command.created_logins.append((role or "Quản trị hệ thống", username, password))
