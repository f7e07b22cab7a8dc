"""Training managers approve registrations for training events and record attendance."""

from django.db import migrations

TRAINING_MANAGERS = "Quản lý đào tạo"
MODEL_PERMISSIONS = {
    "registration": ("change", "view"),
    "attendance": ("add", "change", "delete", "view"),
}


def _permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    for model, actions in MODEL_PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="training", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=TRAINING_MANAGERS)
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group = Group.objects.filter(name=TRAINING_MANAGERS).first()
    if group:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("training", "0006_event_registration_attendance_recording"), ("accounts", "0002_create_roles")]
    operations = [migrations.RunPython(grant, revoke)]
