"""Demo supervision cycle: two listening-forum sessions with the items entered from them, a finished
and published round on food safety in school kitchens with four recommendations in different states
(one overdue, one re-recommended), and a round in progress."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import OrganisationUnit
from feedback.intake import record_item
from feedback.models import Channel, Topic

from . import services
from .models import ForumSession, ForumSessionItem, RoundKind, SupervisionRound

SESSIONS = [
    # unit, days ago, place, chair, participants, topics raised, items (topic, content)
    (
        "Hội LHPN xã Hòa Bình",
        40,
        "Nhà văn hóa thôn Đông",
        "Chủ tịch Hội LHPN xã Hòa Bình",
        46,
        "Bếp ăn bán trú của trường mầm non chưa có sổ theo dõi nguồn gốc thực phẩm\n"
        "Rác thải ứ đọng ở bãi tập kết đầu thôn",
        [
            (
                "An toàn thực phẩm",
                "Phụ huynh phản ánh bếp ăn bán trú trường mầm non xã mua thịt không có giấy kiểm dịch.",
            ),
            ("Môi trường", "Bãi tập kết rác đầu thôn Đông lâu ngày không được thu gom, mùi hôi ảnh hưởng khu dân cư."),
        ],
    ),
    (
        "Hội LHPN phường Trung Tâm",
        25,
        "Hội trường UBND phường Trung Tâm",
        "Phó Chủ tịch Hội LHPN phường",
        38,
        "Chế độ thai sản của công nhân nữ ở doanh nghiệp may\nSuất ăn bán trú của trường tiểu học",
        [
            ("Quyền lợi lao động nữ", "Công nhân nữ doanh nghiệp may chưa được nghỉ khám thai theo quy định."),
            ("An toàn thực phẩm", "Suất ăn bán trú của trường tiểu học phường ít rau, phụ huynh lo về nguồn gốc rau."),
        ],
    ),
]

FOOD_ROUND = "Giám sát bảo đảm an toàn thực phẩm tại bếp ăn bán trú các trường mầm non, tiểu học"
LABOUR_ROUND = "Giám sát thực hiện chế độ thai sản đối với lao động nữ tại các doanh nghiệp may"

# addressee, text, days sent ago, deadline (days from today), what happened: (transition, response, days ago)
RECOMMENDATIONS = [
    (
        "UBND huyện",
        "Chỉ đạo các trường mầm non, tiểu học ký hợp đồng mua thực phẩm với cơ sở có giấy chứng nhận đủ điều kiện.",
        60,
        -30,
        [
            ("record_answer", "UBND huyện đã ban hành văn bản chỉ đạo, 100% trường đã ký lại hợp đồng.", 40),
            ("resolve",),
        ],
    ),
    (
        "Phòng Giáo dục và Đào tạo huyện",
        "Hướng dẫn các trường lưu mẫu thức ăn đủ 24 giờ và ghi sổ kiểm thực ba bước.",
        60,
        -30,
        [
            ("record_answer", "Phòng đã tập huấn cho nhân viên bếp; còn 3 trường chưa có tủ lưu mẫu.", 35),
            ("resolve_partly",),
        ],
    ),
    (
        "Trường Mầm non xã Hòa Bình",
        "Bố trí khu sơ chế riêng, tách khu nấu chín và khu chia suất ăn.",
        60,
        -10,
        [],
    ),
    (
        "Trung tâm Y tế huyện",
        "Kiểm tra định kỳ bếp ăn bán trú ít nhất mỗi học kỳ một lần và công khai kết quả.",
        60,
        -25,
        [
            ("record_answer", "Trung tâm chưa bố trí được kinh phí kiểm tra trong học kỳ này.", 30),
            ("mark_not_resolved",),
            ("re_recommend", "Đề nghị bố trí kinh phí và kiểm tra ngay trong học kỳ II.", 20),
        ],
    ),
]


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def _staff():
    users = get_user_model().objects
    moderator = users.filter(username="tiepnhan").first() or users.filter(is_superuser=True).first()
    supervisor = users.filter(username="giamsat").first() or users.filter(is_superuser=True).first()
    return moderator, supervisor


def load_sessions(moderator):
    sessions = []
    for unit_name, ago, place, chair, participants, raised, items in SESSIONS:
        unit = OrganisationUnit.objects.filter(name=unit_name).first()
        if unit is None:
            continue
        session, created = ForumSession.objects.get_or_create(
            unit=unit,
            place=place,
            defaults={
                "held_on": _days(-ago),
                "chair": chair,
                "participants": participants,
                "topics_raised": raised,
                "created_by": moderator,
            },
        )
        sessions.append(session)
        if created and moderator is not None:
            for topic_name, content in items:
                topic = Topic.objects.filter(name=topic_name).first()
                if topic is None:
                    continue
                item = record_item(
                    moderator,
                    channel=Channel.FORUM,
                    received_on=session.held_on,
                    topic=topic,
                    unit=unit,
                    content=content,
                )
                ForumSessionItem.objects.create(session=session, feedback=item)
    return sessions


def _follow(recommendation, steps, supervisor):
    for step in steps:
        name = step[0]
        values = {}
        if name == "record_answer":
            values = {"response": step[1], "response_date": _days(-step[2])}
        elif name == "re_recommend":
            values = {"text": step[1], "deadline": _days(step[2])}
        services.apply_transition(recommendation, name, supervisor, values=values)


def load_rounds(sessions, supervisor):
    province = OrganisationUnit.objects.filter(parent__isnull=True).first()
    food = Topic.objects.filter(name="An toàn thực phẩm").first()
    labour = Topic.objects.filter(name="Quyền lợi lao động nữ").first()
    if province is None or supervisor is None:
        return
    food_round, created = SupervisionRound.objects.get_or_create(
        topic=FOOD_ROUND,
        defaults={
            "area": food,
            "kind": RoundKind.THEMATIC,
            "supervised_body": "UBND huyện, Phòng Giáo dục và Đào tạo và 6 trường mầm non, tiểu học",
            "lead_unit": province,
            "lead": supervisor,
            "members": "Đinh Thị Giám Sát, Trưởng ban Chính sách - Luật pháp\nĐại diện Trung tâm Y tế huyện",
            "planned_start": _days(-75),
            "planned_end": _days(-65),
            "actual_start": _days(-70),
            "actual_end": _days(-62),
            "findings": "6/6 trường có hợp đồng cung cấp thực phẩm; 3 trường chưa lưu mẫu đủ 24 giờ.",
            "public_summary": (
                "Đoàn giám sát 6 bếp ăn bán trú. Các trường đã có hợp đồng cung cấp thực phẩm, nhưng còn 3 trường "
                "chưa lưu mẫu thức ăn đủ 24 giờ, 2 trường chưa tách khu sơ chế và khu nấu chín."
            ),
        },
    )
    if created:
        food_round.source_sessions.set(sessions)
        food_items = [entry.feedback for s in sessions for entry in s.entries.all() if entry.feedback.topic == food]
        food_round.source_items.set(food_items)
        for addressee, text, sent_ago, deadline, steps in RECOMMENDATIONS:
            recommendation = services.create_recommendation(
                food_round,
                supervisor,
                addressee=addressee,
                text=text,
                deadline=_days(deadline),
                sent_on=_days(-sent_ago),
            )
            _follow(recommendation, steps, supervisor)
        services.publish_round(food_round, supervisor)
    SupervisionRound.objects.get_or_create(
        topic=LABOUR_ROUND,
        defaults={
            "area": labour,
            "kind": RoundKind.UNANNOUNCED,
            "supervised_body": "Công ty may ở cụm công nghiệp phường Trung Tâm",
            "lead_unit": OrganisationUnit.objects.filter(name="Hội LHPN phường Trung Tâm").first() or province,
            "lead": supervisor,
            "planned_start": _days(-3),
            "planned_end": _days(7),
            "actual_start": _days(-2),
        },
    )


def load(command):
    moderator, supervisor = _staff()
    sessions = load_sessions(moderator)
    load_rounds(sessions, supervisor)
    command.log(
        f"Supervision: {ForumSession.objects.count()} forum sessions, {SupervisionRound.objects.count()} rounds "
        "(published at /giam-sat/), open data at /du-lieu-mo/."
    )
