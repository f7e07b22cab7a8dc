import datetime

from django.utils import timezone

import factory

from accounts.factories import OrganisationUnitFactory

from .models import ForumSession, Recommendation, RoundKind, SupervisionRound


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


class ForumSessionFactory(factory.django.DjangoModelFactory):
    unit = factory.SubFactory(OrganisationUnitFactory)
    held_on = factory.LazyFunction(lambda: _days(-7))
    place = "Nhà văn hóa thôn Đông"
    chair = "Chủ tịch Hội LHPN xã"
    participants = 40
    topics_raised = "Rác thải gần trường học\nBếp ăn bán trú"

    class Meta:
        model = ForumSession


class SupervisionRoundFactory(factory.django.DjangoModelFactory):
    topic = factory.Sequence(lambda n: f"Giám sát bếp ăn bán trú số {n}")
    kind = RoundKind.THEMATIC
    supervised_body = "Phòng Giáo dục và Đào tạo huyện"
    lead_unit = factory.SubFactory(OrganisationUnitFactory)
    planned_start = factory.LazyFunction(lambda: _days(-30))
    planned_end = factory.LazyFunction(lambda: _days(-20))

    class Meta:
        model = SupervisionRound

    class Params:
        finished = factory.Trait(
            actual_start=factory.LazyFunction(lambda: _days(-30)),
            actual_end=factory.LazyFunction(lambda: _days(-21)),
            public_summary="Bếp ăn chưa lưu mẫu thức ăn đủ 24 giờ.",
        )


class RecommendationFactory(factory.django.DjangoModelFactory):
    round = factory.SubFactory(SupervisionRoundFactory)
    addressee = "Phòng Giáo dục và Đào tạo huyện"
    text = factory.Sequence(lambda n: f"Đề nghị chỉ đạo các trường lưu mẫu thức ăn đủ 24 giờ (kiến nghị {n}).")
    sent_on = factory.LazyFunction(lambda: _days(-20))
    deadline = factory.LazyFunction(lambda: _days(10))

    class Meta:
        model = Recommendation
