"""The document types every register starts with (editors may add, rename or remove them), and what the
roles may do with the register's lists: editors add and correct types, fields and issuing bodies;
approvers may also remove them."""

from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
TYPES = [
    ("Nghị quyết", "nghi-quyet"),
    ("Chương trình", "chuong-trinh"),
    ("Kế hoạch", "ke-hoach"),
    ("Hướng dẫn", "huong-dan"),
    ("Công văn", "cong-van"),
    ("Thông báo", "thong-bao"),
    ("Quyết định", "quyet-dinh"),
    ("Báo cáo", "bao-cao"),
]
MODELS = [("documenttype", "loại văn bản"), ("documentarea", "lĩnh vực văn bản"), ("issuingbody", "cơ quan ban hành")]


def create(apps, schema_editor):
    DocumentType = apps.get_model("documents.DocumentType")
    for order, (name, slug) in enumerate(TYPES, start=1):
        DocumentType.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    for model, label in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="documents", model=model)
        perms = {
            code: Permission.objects.get_or_create(
                content_type=content_type, codename=f"{code}_{model}", defaults={"name": f"Can {code} {label}"}
            )[0]
            for code in ("add", "change", "delete", "view")
        }
        editors.permissions.add(perms["add"], perms["change"], perms["view"])
        approvers.permissions.add(*perms.values())


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        ("accounts", "0002_create_roles"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
