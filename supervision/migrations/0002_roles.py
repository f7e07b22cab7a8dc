"""The supervision role, and what the feedback moderators need for listening-forum sessions.

"Cán bộ giám sát" manage supervision rounds and their recommendations (add, change, view; publish a
finished round's results), read the forum sessions a round may be based on, and read the outbox for
the reminders about their overdue recommendations. "Cán bộ tiếp nhận" (and its sensitive-topic
sister group) record forum sessions; recording an item from a session, a phone call, a letter or a
visit uses the feedback permission they already hold (feedback.change_feedback). Nothing is deleted:
no group gets a delete permission.
"""

from django.db import migrations

SUPERVISORS = "Cán bộ giám sát"
MODERATORS = "Cán bộ tiếp nhận"
SENSITIVE_MODERATORS = "Cán bộ tiếp nhận (nhạy cảm)"

SUPERVISOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("supervision", "supervisionround", "add_supervisionround", "Can add Đợt giám sát"),
    ("supervision", "supervisionround", "change_supervisionround", "Can change Đợt giám sát"),
    ("supervision", "supervisionround", "view_supervisionround", "Can view Đợt giám sát"),
    ("supervision", "supervisionround", "publish_supervisionround", "Có thể công khai kết quả giám sát"),
    ("supervision", "recommendation", "add_recommendation", "Can add Kiến nghị sau giám sát"),
    ("supervision", "recommendation", "change_recommendation", "Can change Kiến nghị sau giám sát"),
    ("supervision", "recommendation", "view_recommendation", "Can view Kiến nghị sau giám sát"),
    ("supervision", "forumsession", "view_forumsession", "Can view Phiên diễn đàn lắng nghe"),
    ("outbox", "message", "view_message", "Can view Thư thông báo"),
]
MODERATOR_PERMISSIONS = [
    ("supervision", "forumsession", "add_forumsession", "Can add Phiên diễn đàn lắng nghe"),
    ("supervision", "forumsession", "change_forumsession", "Can change Phiên diễn đàn lắng nghe"),
    ("supervision", "forumsession", "view_forumsession", "Can view Phiên diễn đàn lắng nghe"),
]


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
    supervisors, _ = Group.objects.get_or_create(name=SUPERVISORS)
    supervisors.permissions.add(*[_permission(apps, *spec) for spec in SUPERVISOR_PERMISSIONS])
    forum = [_permission(apps, *spec) for spec in MODERATOR_PERMISSIONS]
    for name in (MODERATORS, SENSITIVE_MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*forum)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Group.objects.filter(name=SUPERVISORS).delete()
    forum = Permission.objects.filter(content_type__app_label="supervision")
    for group in Group.objects.filter(name__in=[MODERATORS, SENSITIVE_MODERATORS]):
        group.permissions.remove(*forum)


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        ("feedback", "0002_moderator_permissions"),
        ("outbox", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
