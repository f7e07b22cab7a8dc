"""The five roles of the portal as groups, with the narrowest permissions each needs.

Later apps (news, feedback, training) add their own model permissions to these groups in their own
migrations; this one grants what exists now: admin access, pages, images and documents.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
MODERATORS = "Cán bộ tiếp nhận"
TRAINING_MANAGERS = "Quản lý đào tạo"
LEARNERS = "Học viên"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    page_perms = {
        code: _permission(apps, "wagtailcore", "page", f"{code}_page", f"Can {code} page")
        for code in ("add", "change", "publish", "lock", "unlock")
    }
    image_perms = {
        code: _permission(apps, "wagtailimages", "image", f"{code}_image", f"Can {code} image")
        for code in ("add", "change", "choose")
    }
    document_perms = {
        code: _permission(apps, "wagtaildocs", "document", f"{code}_document", f"Can {code} document")
        for code in ("add", "change", "choose")
    }

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, APPROVERS, MODERATORS, TRAINING_MANAGERS, LEARNERS)}
    for name in (EDITORS, APPROVERS, MODERATORS, TRAINING_MANAGERS):
        groups[name].permissions.add(access_admin)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    page_grants = {
        # Editors write and submit; they never publish (the approval workflow does).
        EDITORS: ("add", "change", "lock", "unlock"),
        APPROVERS: ("add", "change", "publish", "lock", "unlock"),
    }
    for name, codes in page_grants.items():
        for code in codes:
            GroupPagePermission.objects.get_or_create(group=groups[name], page=root_page, permission=page_perms[code])
    collection_grants = {
        EDITORS: (image_perms["add"], image_perms["change"], image_perms["choose"],
                  document_perms["add"], document_perms["change"], document_perms["choose"]),
        APPROVERS: (image_perms["add"], image_perms["change"], image_perms["choose"],
                    document_perms["add"], document_perms["change"], document_perms["choose"]),
        TRAINING_MANAGERS: (image_perms["add"], image_perms["choose"], document_perms["add"], document_perms["choose"]),
    }
    for name, perms in collection_grants.items():
        for perm in perms:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name], collection=root_collection, permission=perm
            )

    # Wagtail's own sample groups are replaced by the roles above (kept if someone already uses them).
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name__in=[EDITORS, APPROVERS, MODERATORS, TRAINING_MANAGERS, LEARNERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
