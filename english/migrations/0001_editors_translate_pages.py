"""Editors may make the English version of a page (Wagtail's "Dịch" action, simple_translation); the
English page then goes through the same editing, approval and publishing as any page."""

from django.db import migrations

EDITORS = "Biên tập viên"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_create_roles"), ("simple_translation", "0001_initial")]
    operations = [migrations.RunPython(grant, revoke)]
