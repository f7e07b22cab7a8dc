"""Training managers ("Quản lý đào tạo") build quizzes, enrol learners, revoke certificates, keep
programmes and read reports; they edit pages only inside the training catalogue.

The catalogue page may not exist yet when this runs: if it does, the page permissions are granted
on it here; if it is created later, ``training.signals`` grants them when it is saved."""

from django.db import migrations

TRAINING_MANAGERS = "Quản lý đào tạo"

MODEL_PERMISSIONS = {
    "programme": ("add", "change", "delete", "view"),
    "quiz": ("add", "change", "delete", "view"),
    "question": ("add", "change", "delete", "view"),
    "choice": ("add", "change", "delete", "view"),
    "enrolment": ("add", "change", "delete", "view"),
    "certificate": ("change", "view"),
    "attempt": ("view",),
    "lessoncompletion": ("view",),
}
PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    group, _ = Group.objects.get_or_create(name=TRAINING_MANAGERS)
    for model, actions in MODEL_PERMISSIONS.items():
        for action in actions:
            group.permissions.add(_permission(apps, "training", model, f"{action}_{model}", f"Can {action} {model}"))
    group.permissions.add(
        _permission(apps, "training", "enrolment", "view_training_report", "Xem báo cáo đào tạo")
    )
    index_type = ContentType.objects.filter(app_label="training", model="trainingindexpage").first()
    if index_type is None:
        return
    for page in Page.objects.filter(content_type=index_type):
        for code in PAGE_PERMISSIONS:
            permission = _permission(apps, "wagtailcore", "page", f"{code}_page", f"Can {code} page")
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name=TRAINING_MANAGERS).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="training"))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
