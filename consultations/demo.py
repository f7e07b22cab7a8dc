"""Demo consultations (one open with six sections and comments, one closed with its synthesis) and the
questions and answers (eight answered in three fields, two waiting)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import OrganisationUnit
from feedback import comments
from feedback.models import Comment, CommentStatus
from feedback.workflow import record
from home.demo_pages import child_page
from home.models import HomePage
from home.text import fold_vi

from .forms import has_contact
from .models import (
    ConsultationCommentDetails,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
    Question,
    QuestionField,
    QuestionIndexPage,
    QuestionStatus,
    SynthesisAcceptance,
)
from .questions import PREFIX
from .questions import WORKFLOW as QUESTION_WORKFLOW

STARTUP_SECTIONS = [
    ("Điều 1", "Phạm vi điều chỉnh", "Quy định này quy định chính sách hỗ trợ phụ nữ khởi nghiệp trên địa bàn tỉnh."),
    (
        "Điều 2",
        "Đối tượng áp dụng",
        "Phụ nữ từ 18 tuổi trở lên có ý tưởng hoặc đang khởi nghiệp; tổ hợp tác, hợp tác xã do phụ nữ làm chủ.",
    ),
    (
        "Điều 3",
        "Hỗ trợ vay vốn",
        "Phụ nữ khởi nghiệp được vay tối đa 100 triệu đồng không cần tài sản bảo đảm qua Ngân hàng Chính sách xã hội, "
        "thời hạn tối đa 36 tháng.",
    ),
    (
        "Điều 4",
        "Hỗ trợ đào tạo, tư vấn",
        "Miễn phí các lớp đào tạo khởi sự kinh doanh, tư vấn pháp lý, thuế, kế toán trong năm đầu.",
    ),
    (
        "Điều 5",
        "Hỗ trợ tiêu thụ sản phẩm",
        "Ưu tiên gian hàng tại hội chợ của tỉnh và sàn thương mại điện tử do tỉnh hỗ trợ.",
    ),
    (
        "Điều 6",
        "Tổ chức thực hiện",
        "Hội LHPN tỉnh chủ trì, phối hợp các sở, ngành hướng dẫn và tổng hợp kết quả hằng năm.",
    ),
]

# (section index or None, name, text, status, member, hours ago)
STARTUP_COMMENTS = [
    (
        2,
        "Nguyễn Thị Hằng",
        "Đề nghị nâng mức vay lên 150 triệu đồng với mô hình có từ 5 lao động nữ trở lên.",
        "approved",
        True,
        40,
    ),
    (
        1,
        "Lò Thị Xuân",
        "Nên bổ sung phụ nữ dân tộc thiểu số, phụ nữ khuyết tật vào nhóm được ưu tiên.",
        "approved",
        True,
        30,
    ),
    (
        None,
        "Trần Văn Bình",
        "Dự thảo thiết thực, cần hướng dẫn thủ tục thật đơn giản cho chị em nông thôn.",
        "approved",
        False,
        20,
    ),
    (3, "Phạm Thị Hoa", "Đề nghị tổ chức lớp đào tạo ngay tại xã, vào buổi tối để chị em đi được.", "pending", True, 4),
    (4, "Đinh Thị Mỹ", "Cần hỗ trợ chi phí chứng nhận OCOP cho sản phẩm của chị em.", "pending", False, 2),
]

CLOSED_SECTIONS = [
    ("Điều 1", "Đối tượng", "Hộ gia đình có phụ nữ làm chủ hộ thuộc hộ nghèo, cận nghèo."),
    ("Điều 2", "Mức hỗ trợ", "Hỗ trợ 40 triệu đồng xây mới, 20 triệu đồng sửa chữa nhà."),
    ("Điều 3", "Trình tự", "Chi hội bình xét, Hội LHPN xã đề nghị, UBND xã phê duyệt danh sách."),
]
CLOSED_COMMENTS = [
    (1, "Hà Thị Lan", "Mức 40 triệu đồng chưa đủ xây nhà ở vùng cao, đề nghị 50 triệu đồng.", True, 900),
    (2, "Vi Văn Toàn", "Nên công khai danh sách bình xét tại nhà văn hóa thôn trước khi phê duyệt.", False, 880),
    (None, "Mai Thị Dung", "Cần thêm nguồn vận động từ doanh nghiệp để hỗ trợ nhiều hộ hơn.", True, 860),
]

FIELDS = ["Hôn nhân và gia đình", "Vay vốn, sinh kế", "Chăm sóc sức khỏe"]
# (field index, question, answer); the last two wait for an answer (field None).
QUESTIONS = [
    (
        0,
        "Tôi muốn ly hôn nhưng chồng không đồng ý thì phải làm thế nào?",
        "Chị có quyền yêu cầu Tòa án nhân dân cấp huyện nơi chồng cư trú giải quyết ly hôn đơn phương theo Luật Hôn nhân và gia đình năm 2014.",
    ),
    (
        0,
        "Con ngoài giá thú có được hưởng thừa kế như con trong giá thú không?",
        "Có. Theo Bộ luật Dân sự, con đẻ không phân biệt trong hay ngoài giá thú đều được hưởng thừa kế theo pháp luật như nhau.",
    ),
    (
        0,
        "Bị chồng đánh thì nhờ ai giúp đỡ ngay?",
        "Chị gọi ngay Tổng đài 111 (miễn phí), báo công an xã hoặc Hội Phụ nữ xã; địa chỉ tin cậy ở cộng đồng sẽ tạm lánh cho chị.",
    ),
    (
        1,
        "Phụ nữ nông thôn vay vốn hộ nghèo cần những giấy tờ gì?",
        "Chị cần giấy đề nghị vay vốn, sổ hộ nghèo hoặc cận nghèo và phương án sản xuất; tổ tiết kiệm và vay vốn ở thôn hướng dẫn chị lập hồ sơ.",
    ),
    (
        1,
        "Tổ tiết kiệm và vay vốn của Hội hoạt động thế nào?",
        "Mỗi tổ từ 20 đến 50 thành viên, họp hằng tháng, thành viên gửi tiết kiệm nhỏ và được xét vay vốn ưu đãi qua Ngân hàng Chính sách xã hội.",
    ),
    (
        1,
        "Muốn học nghề may miễn phí thì đăng ký ở đâu?",
        "Chị đăng ký với Hội Phụ nữ xã; các lớp dạy nghề cho lao động nông thôn được miễn học phí và hỗ trợ tiền ăn, đi lại.",
    ),
    (
        2,
        "Phụ nữ mang thai cần khám thai mấy lần?",
        "Nên khám ít nhất 4 lần trong thai kỳ tại trạm y tế hoặc bệnh viện; lần đầu ngay khi biết có thai.",
    ),
    (
        2,
        "Tiêm vắc xin HPV cho con gái mấy tuổi là phù hợp?",
        "Trẻ gái từ 9 đến 14 tuổi tiêm 2 mũi là hiệu quả nhất; hỏi trạm y tế xã về lịch tiêm miễn phí trong chương trình.",
    ),
    (None, "Xin hỏi nghỉ thai sản khi sinh đôi được bao nhiêu tháng? Số tôi là 0912 345 678, gọi lại giúp.", ""),
    (None, "Mẹ chồng không cho tôi đi làm xa nhà thì Hội có giúp gì được không?", ""),
]


def _units():
    return list(OrganisationUnit.objects.tree_order().exclude(parent=None)[:3]) or [None]


def _comment(page, section, name, text, status, member, created, unit, moderator):
    comment = Comment.objects.create(
        page=page,
        name=name,
        text=text,
        status=status,
        created_at=created,
        moderated_at=None if status == CommentStatus.PENDING else created + datetime.timedelta(hours=2),
    )
    ConsultationCommentDetails.objects.create(comment=comment, section=section, unit=unit, is_member=member)
    record(comment, "submit", actor_label="Bạn đọc")
    for action in comments.WORKFLOW.path(CommentStatus.PENDING, status):
        record(comment, action, user=moderator, actor_label="" if moderator else "Cán bộ tiếp nhận")
    return comment


def _consultation(index, slug, title, sections, **fields):
    page = child_page(index, ConsultationPage, slug, title=title, **fields)
    if not page.sections.exists():
        for order, (label, heading, text) in enumerate(sections):
            ConsultationSection.objects.create(page=page, sort_order=order, label=label, heading=heading, text=text)
        page.save_revision().publish()
    return page, list(page.sections.all())


def load(command):
    home = HomePage.objects.first()
    if home is None:
        return
    moderator = get_user_model().objects.filter(username="tiepnhan").first()
    units = _units()
    now = timezone.now()
    index = child_page(
        home,
        ConsultationIndexPage,
        "gop-y-du-thao",
        title="Góp ý dự thảo",
        intro="Hội viên, người dân góp ý vào dự thảo văn bản trước khi ban hành: Hội tổng hợp, phản biện và trả lời công khai.",
    )
    startup, sections = _consultation(
        index,
        "du-thao-quy-dinh-ho-tro-phu-nu-khoi-nghiep",
        "Dự thảo Quy định chính sách hỗ trợ phụ nữ khởi nghiệp giai đoạn 2027-2030",
        STARTUP_SECTIONS,
        issuing_body="Sở Kế hoạch và Đầu tư tỉnh (đề nghị Hội LHPN tỉnh phản biện)",
        audience="Hội viên phụ nữ, chủ hộ kinh doanh nữ, cán bộ Hội cơ sở",
        summary="<p>Dự thảo gồm 6 điều về vay vốn, đào tạo, tư vấn và tiêu thụ sản phẩm cho phụ nữ khởi nghiệp.</p>",
        opens_at=now - datetime.timedelta(days=5),
        closes_at=now + datetime.timedelta(days=20),
    )
    if not Comment.objects.on_page(startup).exists():
        for number, (section, name, text, status, member, hours) in enumerate(STARTUP_COMMENTS):
            target = sections[section] if section is not None else None
            created = now - datetime.timedelta(hours=hours)
            _comment(startup, target, name, text, status, member, created, units[number % len(units)], moderator)
    housing, housing_sections = _consultation(
        index,
        "du-thao-de-an-mai-am-tinh-thuong",
        "Dự thảo Đề án “Mái ấm tình thương” cho phụ nữ nghèo",
        CLOSED_SECTIONS,
        issuing_body="Ban Thường vụ Hội LHPN tỉnh",
        audience="Cán bộ Hội các cấp, hội viên phụ nữ",
        summary="<p>Đề án hỗ trợ xây, sửa nhà cho hộ phụ nữ nghèo làm chủ hộ.</p>",
        opens_at=now - datetime.timedelta(days=45),
        closes_at=now - datetime.timedelta(days=30),
    )
    if not Comment.objects.on_page(housing).exists():
        made = []
        for number, (section, name, text, member, hours) in enumerate(CLOSED_COMMENTS):
            target = housing_sections[section] if section is not None else None
            created = now - datetime.timedelta(hours=hours)
            made.append(
                _comment(
                    housing, target, name, text, "approved", member, created, units[number % len(units)], moderator
                )
            )
        housing.synthesis_points = (
            "<p>Các ý kiến đồng tình với đề án; đề nghị tăng mức hỗ trợ ở vùng cao và công khai việc bình xét.</p>"
        )
        housing.save_revision().publish()
        SynthesisAcceptance.objects.create(
            page=housing, comment=made[0], change="Điều 2: mức hỗ trợ xây mới ở xã vùng cao nâng lên 50 triệu đồng."
        )
        SynthesisAcceptance.objects.create(
            page=housing, comment=made[1], change="Điều 3: bổ sung bước niêm yết danh sách tại nhà văn hóa thôn 7 ngày."
        )
        housing.save_revision().publish()
    load_questions(command, home, moderator, now)
    command.log(f"Consultations at {index.url}: {ConsultationPage.objects.count()} drafts.")


def load_questions(command, home, moderator, now):
    page = child_page(
        home,
        QuestionIndexPage,
        "hoi-dap",
        title="Hỏi đáp",
        intro="Hội trả lời câu hỏi về pháp luật, sinh kế, sức khỏe của phụ nữ và gia đình.",
    )
    fields = [
        QuestionField.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for order, name in enumerate(FIELDS)
    ]
    for number, (field, text, answer) in enumerate(QUESTIONS):
        code = f"{PREFIX}-DEM0-{number:04d}"
        if Question.objects.filter(code=code).exists():
            continue
        created = now - datetime.timedelta(days=30 - number * 3)
        status = QuestionStatus.PUBLISHED if answer else QuestionStatus.NEW
        item = Question.objects.create(
            code=code,
            name="Người hỏi mẫu",
            text=text,
            has_contact_in_text=has_contact(text),
            public_question=text if answer else "",
            answer=answer,
            field=fields[field] if field is not None else None,
            status=status,
            search_folded=fold_vi(f"{text}\n{answer}") if answer else "",
            created_at=created,
            published_at=created + datetime.timedelta(days=2) if answer else None,
            moderated_at=created + datetime.timedelta(days=2) if answer else None,
        )
        record(item, "submit", actor_label="Người hỏi")
        for action in QUESTION_WORKFLOW.path(QuestionStatus.NEW, status):
            record(item, action, user=moderator, actor_label="" if moderator else "Cán bộ tiếp nhận")
    command.log(f"Questions and answers at {page.url}: {Question.objects.count()} questions.")
