"""Point 6 of issue 14: every image in a StreamField carries alt text or is explicitly decorative, and
the accessibility checker runs in the editor's preview with the rules for missing alt text, empty
headings and skipped heading levels."""

import json
import re

from django.urls import reverse

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

import pytest

from accounts.factories import editor
from home.blocks import BaseStreamBlock, CaptionedImageBlock
from home.factories import ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(db):
    return ImageFactory(title="anh-hoi-nghi.jpg")


def test_an_image_without_alt_text_and_not_decorative_is_refused(image):
    block = CaptionedImageBlock()
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "Ảnh chỉ để trang trí" in str(refused.value.block_errors["alt_text"])


def test_decorative_images_carry_no_alt_text(image):
    block = CaptionedImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "Hội nghị", "decorative": True}))
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    assert 'alt=""' in block.render(value)


def test_alt_text_is_what_screen_readers_read(image):
    block = CaptionedImageBlock()
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "Hội viên tập huấn giám sát"}))
    assert 'alt="Hội viên tập huấn giám sát"' in block.render(value)


def test_every_stream_of_the_portal_uses_the_checked_image_block():
    """Articles, standard pages and lessons share BaseStreamBlock; its only image block is the checked one."""
    from training.blocks import LessonStreamBlock

    for stream in (BaseStreamBlock(), LessonStreamBlock()):
        images = [child for child in stream.child_blocks.values() if "image" in type(child).__name__.lower()]
        assert images and all(isinstance(child, CaptionedImageBlock) for child in images)
    with pytest.raises(StreamBlockValidationError):
        stream = BaseStreamBlock()
        stream.clean(stream.to_python([{"type": "image", "value": {"image": 1, "alt_text": ""}}]))


def axe_configuration(html):
    found = re.search(r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', html, re.S)
    assert found, "no accessibility checker on the page"
    return json.loads(found.group(1))


def test_the_preview_panel_runs_the_checker_with_the_alt_text_and_heading_rules(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    client.force_login(editor())
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    edit_form = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert edit_form.status_code == 200
    from tests.accounts.test_editorial_workflow import edit_form_data

    assert client.post(preview, edit_form_data(edit_form, "preview")).json()["is_valid"]
    html = client.get(preview, {"in_preview_panel": "true"}).content.decode()
    options = axe_configuration(html)["options"]
    assert {"image-alt", "empty-heading", "heading-order"} <= set(options["runOnly"])
    messages = axe_configuration(html)["messages"]
    assert messages["image-alt"]["error_name"] == "Ảnh thiếu mô tả (văn bản thay thế)"
    assert messages["heading-order"]["error_name"] != "Incorrect heading hierarchy"  # in Vietnamese
