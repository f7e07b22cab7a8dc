import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Page, Revision, TaskState, Workflow, WorkflowState

import pytest

from accounts import roles
from news.factories import NewsIndexPageFactory
from news.generate import generate_articles
from news.models import NewsArticlePage


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page)


def make_articles(count, owner, **fields):
    """``count`` articles owned by ``owner`` (bulk-made), updated with ``fields``; their pks, oldest first."""
    before = set(NewsArticlePage.objects.values_list("pk", flat=True))
    generate_articles(count, index_search=False)
    pks = sorted(set(NewsArticlePage.objects.values_list("pk", flat=True)) - before)
    Page.objects.filter(pk__in=pks).update(owner=owner, **fields)
    return pks


def workflow_states(pks, requester, status, task_status, finished_by=None, comment="", started=None):
    """One workflow state per page (bulk-made), each with its current task state and a revision."""
    workflow = Workflow.objects.get(name=roles.EDITORIAL_WORKFLOW)
    task = workflow.tasks.get()
    page_type = ContentType.objects.get_for_model(Page)
    started = started or timezone.now() - datetime.timedelta(days=3)
    titles = dict(Page.objects.filter(pk__in=pks).values_list("pk", "title"))
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=ContentType.objects.get_for_model(NewsArticlePage),
            base_content_type=page_type,
            object_id=str(pk),
            object_str=titles[pk],
            content={"title": titles[pk]},
            user=requester,
            created_at=timezone.now(),
        )
        for pk in pks
    )
    states = WorkflowState.objects.bulk_create(
        WorkflowState(
            base_content_type=page_type,
            content_type=page_type,
            object_id=str(pk),
            workflow=workflow,
            status=status,
            requested_by=requester,
        )
        for pk in pks
    )
    finished = None if task_status == TaskState.STATUS_IN_PROGRESS else timezone.now()
    task_states = TaskState.objects.bulk_create(
        TaskState(
            workflow_state=state,
            revision=revision,
            task=task,
            status=task_status,
            finished_at=finished,
            finished_by=finished_by,
            comment=comment,
            content_type=ContentType.objects.get_for_model(task.specific),
        )
        for state, revision in zip(states, revisions, strict=True)
    )
    for n, (state, task_state) in enumerate(zip(states, task_states, strict=True)):
        state.current_task_state = task_state
        task_state.started_at = started + datetime.timedelta(minutes=n)  # auto_now_add ignored it
    TaskState.objects.bulk_update(task_states, ["started_at"])
    WorkflowState.objects.bulk_update(states, ["current_task_state"])
    return states
