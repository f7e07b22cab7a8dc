"""The news index no longer has a workflow of its own: it inherits the site-wide "Duyệt nội dung"
(accounts 0003). The former "Duyệt tin bài" loses its assignments and is deactivated once nothing
is in progress in it (items already submitted to it finish there)."""

from django.db import migrations

OLD_WORKFLOW = "Duyệt tin bài"


def drop_news_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore.WorkflowState")
    for old in Workflow.objects.filter(name=OLD_WORKFLOW):
        WorkflowPage.objects.filter(workflow=old).delete()
        if not WorkflowState.objects.filter(workflow=old, status="in_progress").exists():
            old.active = False
            old.save(update_fields=["active"])
            for link in old.workflow_tasks.select_related("task"):
                link.task.active = False
                link.task.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_featured_index"),
        ("accounts", "0003_editorial_workflow"),
    ]
    operations = [migrations.RunPython(drop_news_workflow, migrations.RunPython.noop)]
