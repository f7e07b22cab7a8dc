import datetime

from django.utils import timezone

import factory

from home.factories import PageFactory

from . import codes
from .models import Feedback, FeedbackPage, Status, Topic


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    sensitive = False

    class Meta:
        model = Topic
        django_get_or_create = ("name",)


class FeedbackPageFactory(PageFactory):
    title = "Gửi ý kiến, phản ánh"
    slug = "gui-y-kien"
    intro = "<p>Hội lắng nghe ý kiến của hội viên và người dân.</p>"

    class Meta:
        model = FeedbackPage


class FeedbackFactory(factory.django.DjangoModelFactory):
    """An item stored directly in a given status (tests of transitions start from here)."""

    code = factory.LazyFunction(codes.generate)
    topic = factory.SubFactory(TopicFactory)
    content = factory.Sequence(lambda n: f"Đường vào thôn số {n} bị ngập mỗi khi trời mưa, xin được xem xét.")
    name = "Nguyễn Thị Lan"
    phone = "0912345678"
    email = "lan@example.org"
    wants_reply = True
    consent_at = factory.LazyFunction(timezone.now)
    status = Status.NEW

    class Meta:
        model = Feedback

    class Params:
        forwarded = factory.Trait(
            status=Status.FORWARDED,
            forwarded_to="UBND xã Hòa Bình",
            deadline=factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10)),
        )
        resolved = factory.Trait(
            status=Status.RESOLVED,
            forwarded_to="UBND xã Hòa Bình",
            deadline=factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10)),
            answer="UBND xã đã nạo vét cống thoát nước.",
            resolved_at=factory.LazyFunction(timezone.now),
            closed_at=factory.LazyFunction(timezone.now),
        )
        published = factory.Trait(
            status=Status.PUBLISHED,
            forwarded_to="UBND xã Hòa Bình",
            deadline=factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=10)),
            answer="UBND xã đã nạo vét cống thoát nước.",
            public_summary="Đường vào thôn bị ngập khi trời mưa.",
            resolved_at=factory.LazyFunction(timezone.now),
            closed_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )


class CommentFactory(factory.django.DjangoModelFactory):
    """A reader comment; pass ``page=`` (any page) and ``status=``."""

    name = factory.Sequence(lambda n: f"Bạn đọc {n}")
    email = ""
    text = factory.Sequence(lambda n: f"Ý kiến số {n}: bài viết rất bổ ích cho chị em hội viên.")
    status = "pending"

    class Meta:
        model = "feedback.Comment"


class CommentReplyFactory(factory.django.DjangoModelFactory):
    text = "Cảm ơn bạn đọc đã quan tâm."

    class Meta:
        model = "feedback.CommentReply"
