"""The sensitive-topic rule holds on every admin view of a feedback item, and the queue offers no action
that always refuses."""

import re

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from feedback.factories import FeedbackFactory
from feedback.models import Attachment, Comment, Feedback

from .conftest import image_bytes

pytestmark = pytest.mark.django_db

# Values for the other parts of an address (everything but the item's pk).
OTHER_KWARGS = {"name": "mark_spam", "task_id": 1, "revision_id": 1, "revision_id_a": 1, "revision_id_b": 1}


def item_addresses(model, item, **extra):
    """Every address the model's viewset registers that names one item, reversed for ``item``."""
    viewset = model.snippet_viewset
    addresses = []
    for pattern in viewset.get_urlpatterns():
        converters = re.findall(r"<(?:\w+:)?(\w+)>", str(pattern.pattern))
        if "pk" not in converters:
            continue
        kwargs = {key: {**OTHER_KWARGS, **extra}.get(key, item.pk) for key in converters}
        kwargs["pk"] = item.pk
        addresses.append(reverse(viewset.get_url_name(pattern.name), kwargs=kwargs))
    return addresses


@pytest.fixture
def sensitive_item(sensitive_topic):
    item = FeedbackFactory(topic=sensitive_topic, content="Nội dung nhạy cảm, chỉ người được phép đọc.")
    attachment = Attachment.objects.create(
        feedback=item,
        file=ContentFile(image_bytes(), name="anh.jpg"),
        original_name="anh.jpg",
        kind="jpeg",
        content_type="image/jpeg",
        size=100,
    )
    return item, attachment


def test_every_item_address_answers_404_for_a_sensitive_item(client, moderator, sensitive_item):
    item, attachment = sensitive_item
    addresses = item_addresses(Feedback, item, attachment_pk=attachment.pk)
    # inspect, edit, delete, usage, history, history results, action, attachment at least
    assert len(addresses) >= 8, addresses
    client.force_login(moderator)
    for address in addresses:
        for method in (client.get, client.post):
            response = method(address)
            assert response.status_code == 404, (address, method.__name__, response.status_code)
            assert item.code not in response.content.decode()
    item.refresh_from_db()
    assert item.status == "new"


def test_the_same_addresses_answer_for_a_moderator_allowed_to_see_it(client, sensitive_item):
    from django.contrib.auth.models import Group

    from accounts.factories import make_user

    item, attachment = sensitive_item
    trusted = make_user()
    trusted.groups.add(Group.objects.get(name="Cán bộ tiếp nhận (nhạy cảm)"))
    client.force_login(trusted)
    answered = [client.get(a).status_code for a in item_addresses(Feedback, item, attachment_pk=attachment.pk)]
    assert 200 in answered
    assert 404 not in answered


def test_listing_and_export_leave_the_sensitive_item_out(client, moderator, sensitive_item):
    item, _attachment = sensitive_item
    client.force_login(moderator)
    viewset = Feedback.snippet_viewset
    for name in ("list", "list_results"):
        assert item.code not in client.get(reverse(viewset.get_url_name(name))).content.decode()
    assert item.code.encode() not in client.get(reverse(viewset.get_url_name("export"))).content


def test_no_chooser_lists_moderated_items(client, moderator, sensitive_item):
    client.force_login(moderator)
    assert client.get("/admin/snippets/choose/feedback/feedback/").status_code == 404


@pytest.mark.parametrize("model", [Feedback, Comment])
def test_the_queue_offers_no_bulk_delete(client, moderator, model, topic, home_page):
    from feedback.factories import CommentFactory

    FeedbackFactory(topic=topic) if model is Feedback else CommentFactory(page=home_page)
    client.force_login(moderator)
    html = client.get(reverse(model.snippet_viewset.get_url_name("list"))).content.decode()
    opts = model._meta
    assert reverse("wagtail_bulk_action", args=[opts.app_label, opts.model_name, "delete"]) not in html
    assert "data-bulk-action-button" in html  # the other bulk actions are still offered
