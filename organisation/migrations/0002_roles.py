"""Editors add and correct the terms (nhiệm kỳ) leaders belong to; approvers may also remove them."""

from django.db import migrations


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="organisation", model="term")
    perms = {
        code: Permission.objects.get_or_create(
            content_type=content_type, codename=f"{code}_term", defaults={"name": f"Can {code} nhiệm kỳ"}
        )[0]
        for code in ("add", "change", "delete", "view")
    }
    Group.objects.get_or_create(name="Biên tập viên")[0].permissions.add(perms["add"], perms["change"], perms["view"])
    Group.objects.get_or_create(name="Người duyệt")[0].permissions.add(*perms.values())


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial"), ("accounts", "0002_create_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
