"""Demo listening forum: the page at /gui-y-kien/, topics, and items in every status."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale, Page

from home.demo_pages import child_page, default_home

from . import codes, comments, services
from .models import Comment, CommentReply, CommentStatus, Feedback, FeedbackPage, ModerationEvent, Status, Topic
from .workflow import record

TOPICS = [
    ("Môi trường", "Rác thải, nước thải, ô nhiễm ở khu dân cư.", False),
    ("An toàn thực phẩm", "Thực phẩm bẩn, hàng giả, bếp ăn tập thể.", False),
    ("Quyền lợi lao động nữ", "Thai sản, giờ làm, bảo hiểm cho lao động nữ.", False),
    ("Khiếu nại kéo dài", "Vụ việc đã gửi nhiều nơi chưa được giải quyết.", False),
    ("Bạo lực gia đình, xâm hại", "Bạo lực, xâm hại phụ nữ và trẻ em (chỉ cán bộ được giao mới xem).", True),
    ("Sức khỏe sinh sản", "Chăm sóc sức khỏe bà mẹ, trẻ em (chỉ cán bộ được giao mới xem).", True),
]

INTRO = (
    "<p>Diễn đàn lắng nghe ý kiến hội viên phụ nữ: Hội tiếp nhận phản ánh về môi trường, an toàn thực phẩm, "
    "quyền lợi của lao động nữ, quyền của phụ nữ và trẻ em, và theo dõi kiến nghị đến khi được giải quyết.</p>"
    "<ul><li>Bạn có thể gửi ẩn danh; nếu muốn được trả lời, hãy để lại số điện thoại hoặc thư điện tử.</li>"
    "<li>Sau khi gửi, bạn nhận một mã tra cứu để theo dõi kết quả.</li></ul>"
)

# content, topic index, status, sender name, forwarded to, answer, public summary, days ago
ITEMS = [
    (
        "Bãi rác tự phát cạnh trường mầm non thôn Đông bốc mùi, ruồi nhặng nhiều, các cháu phải đeo khẩu trang khi vào lớp.",
        0,
        Status.NEW,
        "Đỗ Thị Hạnh",
        "",
        "",
        "",
        1,
    ),
    (
        "Cửa hàng đầu ngõ bán bánh kẹo không nhãn mác, không rõ hạn dùng, trẻ con mua nhiều.",
        1,
        Status.NEW,
        "",
        "",
        "",
        "",
        2,
    ),
    ("Mua vé số trúng thưởng lớn, bấm vào đường dẫn để nhận quà!!!", 0, Status.SPAM, "", "", "", "", 6),
    ("Tôi muốn hỏi giá phân bón năm nay.", 3, Status.REJECTED, "Lý Văn Tâm", "", "", "", 9),
    (
        "Công ty may ở cụm công nghiệp không cho công nhân nữ nghỉ khám thai định kỳ.",
        2,
        Status.NEEDS_INFO,
        "Vi Thị Mai",
        "",
        "",
        "",
        4,
    ),
    (
        "Nước thải từ cơ sở chế biến nông sản chảy thẳng ra mương tưới của xã Đồng Tâm.",
        0,
        Status.ACCEPTED,
        "Hà Thị Thu",
        "",
        "",
        "",
        5,
    ),
    (
        "Bếp ăn của trường tiểu học dùng rau không rõ nguồn gốc, phụ huynh lo lắng.",
        1,
        Status.FORWARDED,
        "Nông Thị Hoa",
        "Phòng Y tế huyện",
        "",
        "",
        20,
    ),
    (
        "Chị em lao động tự do ở chợ chưa được hướng dẫn tham gia bảo hiểm xã hội tự nguyện.",
        2,
        Status.FORWARDED,
        "",
        "Bảo hiểm xã hội huyện",
        "",
        "",
        12,
    ),
    (
        "Đèn đường khu tổ dân phố 3 hỏng nhiều tháng, chị em đi làm ca đêm về rất sợ.",
        3,
        Status.RESOLVED,
        "Trịnh Thị Yến",
        "UBND phường Trung Tâm",
        "UBND phường đã thay 12 bóng đèn và giao tổ dân phố kiểm tra hằng tháng.",
        "",
        30,
    ),
    (
        "Khói đốt rơm rạ mỗi vụ gặt làm nhiều trẻ nhỏ ở thôn Tây bị ho.",
        0,
        Status.PUBLISHED,
        "Mai Thị Nga",
        "UBND xã Hòa Bình",
        "UBND xã đã tuyên truyền không đốt rơm rạ, hỗ trợ chế phẩm ủ rơm làm phân bón cho 120 hộ.",
        "Khói đốt rơm rạ sau mùa gặt ảnh hưởng đến sức khỏe trẻ nhỏ ở một thôn.",
        45,
    ),
    (
        "Một số hộ kinh doanh thịt lợn ở chợ xã không có giấy kiểm dịch.",
        1,
        Status.PUBLISHED,
        "",
        "Trạm Chăn nuôi và Thú y huyện",
        "Trạm đã kiểm tra, xử phạt hai hộ và yêu cầu niêm yết giấy kiểm dịch tại quầy.",
        "Thịt bán ở chợ một xã không có giấy kiểm dịch.",
        60,
    ),
]


def _demo_code(index):
    # Stable codes keep the demo idempotent and easy to try on the lookup page.
    body = "".join(codes.ALPHABET[(index * 7 + k * 3 + 11) % 32] for k in range(codes.LENGTH))
    return codes.format_code(body)


def load(command):
    home = default_home()
    page = child_page(
        home,
        FeedbackPage,
        "gui-y-kien",
        title="Gửi ý kiến, phản ánh",
        intro=INTRO,
        privacy_page=Page.objects.filter(slug="chinh-sach-bao-ve-du-lieu").first(),
        show_in_menus=True,
    )

    topics = []
    for order, (name, description, sensitive) in enumerate(TOPICS):
        topic, _ = Topic.objects.get_or_create(
            name=name, defaults={"description": description, "sensitive": sensitive, "sort_order": order}
        )
        topics.append(topic)

    moderator = get_user_model().objects.filter(username="tiepnhan").first()
    now = timezone.now()
    for index, (content, topic_index, status, name, forwarded_to, answer, summary, days) in enumerate(ITEMS):
        code = _demo_code(index)
        if Feedback.objects.filter(code=code).exists():
            continue
        created = now - datetime.timedelta(days=days)
        item = Feedback.objects.create(
            code=code,
            topic=topics[topic_index],
            content=content,
            name=name,
            phone=f"09123456{index:02d}" if name else "",
            wants_reply=bool(name),
            consent_at=created,
            created_at=created,
            status=status,
            forwarded_to=forwarded_to,
            # One forwarded item is overdue, to show the highlight and the reminder.
            deadline=(timezone.localdate() + datetime.timedelta(days=-3 if index == 6 else 15))
            if forwarded_to
            else None,
            answer=answer,
            public_summary=summary,
            rejection_reason="Nội dung không thuộc phạm vi tiếp nhận của Hội." if status == Status.REJECTED else "",
            assignee=moderator if status not in (Status.NEW, Status.SPAM) else None,
            resolved_at=created + datetime.timedelta(days=days // 2) if answer else None,
            published_at=created + datetime.timedelta(days=days // 2 + 1) if summary else None,
            closed_at=created + datetime.timedelta(days=1)
            if status in (Status.SPAM, Status.REJECTED)
            else (created + datetime.timedelta(days=days // 2) if answer else None),
        )
        events = [record(item, "submit", actor_label="Người gửi")]
        # The history the workflow would have written on the way from "new" to the item's status.
        for action in services.WORKFLOW.path(Status.NEW, status):
            events.append(record(item, action, user=moderator, actor_label="" if moderator else "Cán bộ tiếp nhận"))
        # Spread the history over the item's life, as it would have happened.
        step = datetime.timedelta(days=days) / (len(events) + 1)
        for number, event in enumerate(events):
            ModerationEvent.objects.filter(pk=event.pk).update(created_at=created + step * number)
    command.log(f"Listening forum at {page.url}, {len(topics)} topics, {Feedback.objects.count()} feedback items.")
    load_comments(command, moderator)


# Reader comments on the newest articles: (article index, name, text, status, editorial reply, hours ago)
COMMENTS = [
    (0, "Nguyễn Thị Thu", "Bài viết rất thiết thực, chi hội thôn tôi sẽ học cách làm này.", "approved", "", 50),
    (
        0,
        "Lê Văn Hùng",
        "Xin hỏi lớp tập huấn tiếp theo tổ chức ở đâu, nam giới có được tham gia không?",
        "approved",
        "Chào anh, lớp tiếp theo mở tại hội trường xã vào đầu tháng tới; nam giới được hoan nghênh tham gia.",
        30,
    ),
    (0, "Phạm Thị Hoa", "Mong Hội có thêm tài liệu bằng tiếng dân tộc cho chị em vùng cao.", "pending", "", 3),
    (0, "Khách", "Mua hàng giá rẻ tại trang web lạ, liên hệ ngay!", "spam", "", 2),
    (1, "Hoàng Thị Mai", "Cảm ơn Hội đã kịp thời hỗ trợ các gia đình khó khăn.", "approved", "", 20),
    (1, "Trần Văn Nam", "Nội dung bình luận có lời lẽ thiếu tôn trọng người khác.", "rejected", "", 18),
    (1, "Vũ Thị Lan", "Xã tôi cũng muốn tổ chức mô hình này, cần liên hệ ai?", "pending", "", 1),
    (2, "Đặng Thị Ngọc", "Chúc mừng các chị đạt giải, rất tự hào về phụ nữ quê mình.", "approved", "", 10),
]


def load_comments(command, moderator):
    """Comments in every status on the newest news articles (found by content type: feedback never imports news)."""
    try:
        article_type = ContentType.objects.get(app_label="news", model="newsarticlepage")
    except ContentType.DoesNotExist:
        return
    # The Vietnamese articles (their English versions, made by the english demo, share their dates).
    vietnamese = Page.objects.live().filter(content_type=article_type, locale=Locale.get_default())
    articles = list(vietnamese.order_by("-first_published_at", "-pk")[:3])
    if not articles:
        return
    now = timezone.now()
    for index, name, text, status, reply, hours in COMMENTS:
        page = articles[index % len(articles)]
        if Comment.objects.filter(page=page, text=text).exists():
            continue
        created = now - datetime.timedelta(hours=hours)
        comment = Comment.objects.create(
            page=page,
            name=name,
            text=text,
            status=status,
            created_at=created,
            moderated_at=None if status == CommentStatus.PENDING else created + datetime.timedelta(hours=1),
        )
        events = [record(comment, "submit", actor_label="Bạn đọc")]
        for action in comments.WORKFLOW.path(CommentStatus.PENDING, status):
            events.append(record(comment, action, user=moderator, actor_label="" if moderator else "Cán bộ tiếp nhận"))
        if reply:
            CommentReply.objects.create(comment=comment, text=reply, author=moderator, created_at=created)
            events.append(record(comment, "reply", user=moderator, note=reply))
        for number, event in enumerate(events):
            ModerationEvent.objects.filter(pk=event.pk).update(
                created_at=created + datetime.timedelta(minutes=30 * number)
            )
    command.log(f"{Comment.objects.count()} reader comments on {len(articles)} articles.")
