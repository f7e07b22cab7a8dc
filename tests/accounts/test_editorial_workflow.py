"""One editorial workflow, "Duyệt nội dung", for every page type: an editor submits any page they may
edit from the admin, an approver of the Người duyệt group approves it, Wagtail's default is gone."""

from django.apps import apps
from django.urls import reverse

from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from accounts import roles
from accounts.factories import approver, editor
from feedback.factories import FeedbackPageFactory
from home.factories import StandardPageFactory
from training.factories import CoursePageFactory, TrainingIndexPageFactory

pytestmark = pytest.mark.django_db


def test_the_root_carries_the_one_editorial_workflow():
    workflow = Workflow.objects.get(name=roles.EDITORIAL_WORKFLOW)
    assert workflow.active
    assert WorkflowPage.objects.get(page__depth=1).workflow == workflow
    task = workflow.tasks.get().specific
    assert task.name == roles.EDITORIAL_TASK
    assert list(task.groups.values_list("name", flat=True)) == [roles.APPROVERS]
    # Nothing else is assigned anywhere, and Wagtail's default is switched off.
    assert set(WorkflowPage.objects.values_list("workflow__name", flat=True)) == {roles.EDITORIAL_WORKFLOW}
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()


def test_every_page_type_is_under_it(home_page):
    workflow = Workflow.objects.get(name=roles.EDITORIAL_WORKFLOW)
    page_models = [model for model in apps.get_models() if issubclass(model, Page) and model is not Page]
    assert len(page_models) >= 8
    # No page type chooses its own workflow: each asks its ancestors, and the root answers.
    assert all(model.get_workflow is Page.get_workflow for model in page_models)
    for depth in (2, 3, 4):
        page = Page(title="x", slug="x", path=home_page.path[:4] + "0001" * (depth - 1), depth=depth)
        assert page.get_workflow() == workflow


def edit_form_data(response, action):
    """What the edit form posts back unchanged (as a browser would), plus the workflow ``action``."""
    from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea
    from wagtail.blocks.base import BlockWidget

    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, BlockWidget):
            data[name] = streamfield([])  # the factory pages have an empty body
        elif isinstance(field.widget, DraftailRichTextArea):
            data[name] = rich_text(value or "<p>Nội dung.</p>")
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        elif value is not None:
            data[name] = str(value)
    for name in form.formsets:
        data[name] = inline_formset([])
    data[action] = "1"
    form_data = nested_form_data(data)
    for key, value in list(form_data.items()):
        if isinstance(value, list) and not value:
            del form_data[key]
    return form_data


@pytest.fixture
def pages(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    return [
        StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu"),
        CoursePageFactory(parent=index, title="Kỹ năng giám sát", slug="ky-nang-giam-sat"),
        FeedbackPageFactory(parent=home_page),
    ]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["standard page", "course", "feedback form page"])
def test_editor_submits_and_an_approver_approves(client, pages, which):
    page = pages[which]
    page.title = f"{page.title} (bản mới)"
    page.save_revision()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.force_login(editor())
    form_page = client.get(edit_url)
    assert form_page.status_code == 200
    assert 'name="action-submit"' in form_page.content.decode()
    response = client.post(edit_url, edit_form_data(form_page, "action-submit"))
    assert response.status_code == 302, response.context and response.context["form"].errors
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == roles.EDITORIAL_WORKFLOW
    assert state.requested_by.groups.filter(name=roles.EDITORS).exists()

    client.force_login(approver())
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk)),
        {"comment": "Đồng ý."},
    )
    assert response.status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live
    assert page.title.endswith("(bản mới)")
