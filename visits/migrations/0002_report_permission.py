"""Editors and approvers may read the visit report (administrators may anyway)."""

from django.db import migrations

ROLES = ["Biên tập viên", "Người duyệt"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="visits", model="pagevisitday")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_visit_report", defaults={"name": "Xem báo cáo lượt truy cập"}
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(content_type__app_label="visits", codename="view_visit_report").delete()


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_visit_counts"), ("accounts", "0002_create_roles")]
    operations = [migrations.RunPython(grant, revoke)]
