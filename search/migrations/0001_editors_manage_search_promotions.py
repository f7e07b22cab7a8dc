"""Editors and approvers manage promoted search results (Settings > Promoted search results)."""

from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
CODES = ("add", "change", "delete")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailsearchpromotions", model="searchpromotion")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{code}_searchpromotion",
            defaults={"name": f"Can {code} search promotion"},
        )[0]
        for code in CODES
    ]
    for name in (EDITORS, APPROVERS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=[f"{code}_searchpromotion" for code in CODES]
    )
    for group in Group.objects.filter(name__in=(EDITORS, APPROVERS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_create_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
