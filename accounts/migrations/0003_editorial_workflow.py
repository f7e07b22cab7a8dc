"""One editorial workflow for every page: "Duyệt nội dung", one task for the Người duyệt group, assigned
to the root of the page tree, so every page type, present and future, goes through it.

Wagtail's own default ("Moderators approval", made by its migration 0048 for the sample "Moderators"
group that 0002_create_roles removes, so its task had no group and waited for a superuser) loses its
assignment and is deactivated.
"""

from django.db import migrations

WORKFLOW_NAME = "Duyệt nội dung"
TASK_NAME = "Người duyệt phê duyệt"
APPROVERS = "Người duyệt"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([approvers])

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    root = Page.objects.filter(depth=1).first()
    if root is None:
        return
    leftovers = list(WorkflowPage.objects.filter(page=root).exclude(workflow=workflow).values_list("workflow", flat=True))
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for old in Workflow.objects.filter(pk__in=leftovers):
        if not WorkflowPage.objects.filter(workflow=old).exists() and not WorkflowState.objects.filter(
            workflow=old, status="in_progress"
        ).exists():
            old.active = False
            old.save(update_fields=["active"])
            for link in WorkflowTask.objects.filter(workflow=old).select_related("task"):
                if not link.task.workflow_tasks.exclude(workflow=old).exists():
                    link.task.active = False
                    link.task.save(update_fields=["active"])


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    Task = apps.get_model("wagtailcore.Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_create_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_workflow, remove_workflow)]
