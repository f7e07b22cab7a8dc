"""What a learner's phone saves of a course for offline reading: the pages (course, chapters, lessons),
their images at phone size, and the quizzes' questions without their answers."""

import hashlib
import logging

from wagtail.images.models import AbstractImage

from home.images import preset_specs
from training.models import LessonPage, ModulePage, Quiz

logger = logging.getLogger(__name__)

# The lesson images saved for offline reading: the narrowest "content" rendition, WebP and JPEG.
PHONE_WIDTH, PHONE_WEBP, PHONE_JPEG = preset_specs("content")[0]


def _images_in(value):
    """The images in a StreamField value, whatever block holds them."""
    if isinstance(value, AbstractImage):
        yield value
    elif hasattr(value, "raw_data") or isinstance(value, (list, tuple)):
        for child in value:
            yield from _images_in(getattr(child, "value", child))
    elif hasattr(value, "items"):
        for child in value.values():
            yield from _images_in(child)


def _version(page):
    stamp = page.last_published_at or page.latest_revision_created_at
    return stamp.isoformat() if stamp else ""


def quiz_for_phone(quiz):
    """A quiz's questions and choices in their editorial order, with no sign of which are correct."""
    questions = quiz.questions.prefetch_related("choices").order_by("sort_order", "pk")
    return {
        "id": quiz.pk,
        "title": quiz.title,
        "lesson": quiz.lesson_id,
        "instructions": quiz.instructions,
        "pass_mark": quiz.pass_mark,
        "max_attempts": quiz.max_attempts,
        "questions": [
            {
                "id": question.pk,
                "text": question.text,
                "multiple": question.is_multiple,
                "choices": [{"id": choice.pk, "text": choice.text} for choice in question.choices.all()],
            }
            for question in questions
        ],
    }


def course_package(course, user):
    """The list of what to save for ``course`` and a version that changes when any lesson does."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = list(LessonPage.objects.descendant_of(course).live().public().order_by("path"))
    pages = [{"url": page.url, "version": _version(page), "title": page.title} for page in [course, *modules, *lessons]]
    assets = []
    for lesson in lessons:
        for image in _images_in(lesson.body):
            try:
                renditions = image.get_renditions(PHONE_WEBP, PHONE_JPEG)
            except (OSError, ValueError):  # the image's file is missing or unreadable: the lesson goes without it
                logger.warning("offline package: no rendition of image %s", image.pk, exc_info=True)
                continue
            assets.extend(rendition.url for rendition in renditions.values())
    quizzes = [quiz_for_phone(quiz) for quiz in Quiz.objects.filter(course=course).order_by("pk")]
    version = hashlib.sha256("|".join(f"{page['url']}={page['version']}" for page in pages).encode()).hexdigest()
    return {
        "course": course.pk,
        "title": course.title,
        "user": user.pk,
        "version": version[:16],
        "pages": pages,
        "assets": sorted(set(assets)),
        "quizzes": quizzes,
    }
