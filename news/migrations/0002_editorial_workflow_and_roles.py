"""The "Duyệt tin bài" workflow (approvers approve or reject what editors submit) and the roles'
permissions on categories.

The news index is usually created after migrations run (demo content, or an administrator), so the
workflow is attached to it by news.signals when it is created; an index that already exists is
attached here.
"""

from django.db import migrations

WORKFLOW_NAME = "Duyệt tin bài"
TASK_NAME = "Người duyệt phê duyệt tin bài"
EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    NewsIndexPage = apps.get_model("news.NewsIndexPage")

    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(approvers)

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index_page in NewsIndexPage.objects.all():
        WorkflowPage.objects.get_or_create(page_id=index_page.pk, defaults={"workflow": workflow})

    # Categories: editors create and correct them, approvers may also remove them.
    perms = {
        code: _permission(apps, "news", "newscategory", f"{code}_newscategory", f"Can {code} chuyên mục")
        for code in ("add", "change", "delete", "view")
    }
    editors.permissions.add(perms["add"], perms["change"], perms["view"])
    approvers.permissions.add(perms["add"], perms["change"], perms["delete"], perms["view"])


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("accounts", "0002_create_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_workflow, remove_workflow)]
