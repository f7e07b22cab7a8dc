"""Demo training content: a course on supervision and social criticism skills for commune cadres,
its quizzes, a programme, two training events and a learner part-way through the course."""

import datetime

from django.utils import timezone

from accounts.models import User
from home.demo_pages import child_page, default_home

from .models import (
    Attempt,
    CoursePage,
    EventMode,
    LessonCompletion,
    LessonPage,
    ModulePage,
    Programme,
    QuestionKind,
    Quiz,
    TrainingEventPage,
    TrainingIndexPage,
)
from .services.progress import enrol
from .services.quiz import add_question

PROGRAMME = "Nâng cao năng lực giám sát, phản biện xã hội của Hội LHPN các cấp giai đoạn 2026 - 2030"
COURSE_TITLE = "Kỹ năng giám sát, phản biện xã hội cho cán bộ Hội cơ sở"
T, F = True, False

LESSONS = [
    (
        "Chuẩn bị giám sát",
        "chuan-bi-giam-sat",
        "Chọn đúng vấn đề và nắm chắc thông tin trước khi giám sát.",
        [
            (
                "Lựa chọn nội dung giám sát",
                "lua-chon-noi-dung-giam-sat",
                "Vì sao chọn đúng vấn đề là nửa thành công của một cuộc giám sát.",
                [
                    ("heading", {"text": "Giám sát của Hội là gì?", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Giám sát là việc Hội theo dõi, xem xét, đánh giá việc thực hiện chính sách, pháp luật có liên quan đến quyền, lợi ích hợp pháp của phụ nữ và trẻ em, "
                        "rồi kiến nghị với cơ quan có thẩm quyền. Hội cơ sở không giám sát mọi việc, mà chọn những vấn đề hội viên quan tâm nhất và Hội có điều kiện theo đuổi đến cùng.</p>",
                    ),
                    ("heading", {"text": "Bốn câu hỏi khi chọn chủ đề", "level": "h2"}),
                    (
                        "checklist",
                        {
                            "title": "Trước khi đề xuất chủ đề giám sát, hãy tự hỏi",
                            "items": [
                                "Vấn đề có ảnh hưởng trực tiếp đến nhiều hội viên, phụ nữ, trẻ em trên địa bàn không?",
                                "Đã có chính sách, quy định cụ thể để đối chiếu chưa?",
                                "Có cơ quan, đơn vị chịu trách nhiệm rõ ràng để gửi kiến nghị không?",
                                "Hội có đủ người, thời gian và thông tin để làm đến nơi đến chốn không?",
                            ],
                        },
                    ),
                    (
                        "case_study",
                        {
                            "title": "Chọn giữa ba vấn đề",
                            "situation": "<p>Tại một xã miền núi, hội viên phản ánh ba việc: đường vào điểm trường bị sạt lở; chế độ hỗ trợ phụ nữ dân tộc thiểu số sinh con đúng chính sách chi chậm; "
                            "và chợ xã thiếu nhà vệ sinh. Ban Thường vụ Hội xã chỉ đủ sức tổ chức một cuộc giám sát trong quý.</p>",
                            "questions": [
                                "Vấn đề nào thuộc đúng phạm vi giám sát của Hội?",
                                "Những vấn đề còn lại nên chuyển cho ai, theo kênh nào?",
                            ],
                            "suggestion": "<p>Chế độ hỗ trợ phụ nữ sinh con đúng chính sách gắn trực tiếp với quyền lợi của hội viên, có văn bản quy định rõ mức và thời hạn chi, có cơ quan chịu trách nhiệm: đây là chủ đề phù hợp. "
                            "Hai việc kia có thể kiến nghị qua Mặt trận Tổ quốc xã hoặc tại kỳ tiếp xúc cử tri.</p>",
                        },
                    ),
                ],
            ),
            (
                "Thu thập thông tin từ hội viên",
                "thu-thap-thong-tin-tu-hoi-vien",
                "Lắng nghe hội viên một cách có hệ thống để có bằng chứng đáng tin cậy.",
                [
                    (
                        "paragraph",
                        "<p>Thông tin tốt là thông tin kiểm chứng được. Trước cuộc giám sát, chi hội trưởng nên tổ chức sinh hoạt chuyên đề, phát phiếu hỏi ngắn, "
                        "gặp riêng những chị em gặp khó khăn, và đối chiếu với danh sách, sổ sách mà chính quyền công khai.</p>",
                    ),
                    (
                        "table",
                        {
                            "first_row_is_table_header": True,
                            "first_col_is_header": False,
                            "table_caption": "Các cách thu thập thông tin",
                            "data": [
                                ["Cách làm", "Khi nào dùng", "Lưu ý"],
                                ["Sinh hoạt chi hội", "Cần nghe nhiều ý kiến", "Ghi biên bản, ghi rõ số người dự"],
                                ["Phiếu hỏi ngắn", "Cần số liệu", "Không quá 10 câu, không hỏi thông tin nhạy cảm"],
                                ["Gặp riêng", "Trường hợp cụ thể", "Giữ bí mật người cung cấp thông tin"],
                            ],
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": "Nghe một người thì biết một chuyện; nghe cả chi hội thì thấy được cả vấn đề.",
                            "attribution": "Một chi hội trưởng có kinh nghiệm",
                        },
                    ),
                ],
            ),
        ],
    ),
    (
        "Tiến hành giám sát và kiến nghị",
        "tien-hanh-giam-sat-va-kien-nghi",
        "Tổ chức đoàn giám sát, làm việc với đơn vị và viết kiến nghị thuyết phục.",
        [
            (
                "Tổ chức đoàn giám sát",
                "to-chuc-doan-giam-sat",
                "Thành lập đoàn, xây dựng kế hoạch và làm việc với đơn vị được giám sát.",
                [
                    (
                        "checklist",
                        {
                            "title": "Kế hoạch giám sát cần có",
                            "items": [
                                "Mục đích, yêu cầu và nội dung giám sát",
                                "Đối tượng, thời gian, địa điểm",
                                "Thành phần đoàn và phân công từng người",
                                "Đề cương báo cáo gửi trước cho đơn vị được giám sát",
                            ],
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Trong buổi làm việc, trưởng đoàn nêu rõ mục đích, nghe đơn vị báo cáo, đặt câu hỏi dựa trên thông tin đã thu thập, "
                        "và đề nghị xem hồ sơ, chứng từ khi cần. Thái độ cầu thị, khách quan giúp buổi làm việc đạt kết quả.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Đơn vị không cung cấp hồ sơ",
                            "situation": "<p>Đến buổi giám sát, cán bộ phụ trách chính sách của xã cho biết hồ sơ chi trả đang được cấp huyện giữ, nên không thể cung cấp.</p>",
                            "questions": ["Đoàn giám sát nên xử lý thế nào ngay tại buổi làm việc?"],
                            "suggestion": "<p>Ghi nhận vào biên bản, đề nghị đơn vị cung cấp bản sao trong thời hạn cụ thể, đồng thời báo cáo Ban Thường vụ để có văn bản đề nghị cấp có thẩm quyền.</p>",
                        },
                    ),
                ],
            ),
            (
                "Viết báo cáo và kiến nghị",
                "viet-bao-cao-va-kien-nghi",
                "Một kiến nghị tốt phải cụ thể, có địa chỉ và có thời hạn.",
                [
                    (
                        "paragraph",
                        "<p>Báo cáo kết quả giám sát gồm: khái quát cuộc giám sát, kết quả đạt được, tồn tại và nguyên nhân, kiến nghị. "
                        "Mỗi kiến nghị trả lời được ba câu hỏi: <b>ai</b> làm, làm <b>gì</b>, <b>đến khi nào</b>.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Sửa một kiến nghị chung chung",
                            "situation": "<p>Bản nháp ghi: “Đề nghị các cấp quan tâm hơn nữa đến chế độ cho phụ nữ.”</p>",
                            "questions": ["Kiến nghị này thiếu những gì?", "Hãy viết lại cho cụ thể."],
                            "suggestion": "<p>Ví dụ: “Đề nghị UBND xã hoàn thành chi trả hỗ trợ cho 12 trường hợp phụ nữ sinh con đúng chính sách còn tồn đọng trước ngày 30/6 và niêm yết công khai danh sách tại nhà văn hóa các thôn.”</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
    (
        "Theo dõi và phản biện xã hội",
        "theo-doi-va-phan-bien-xa-hoi",
        "Theo đuổi kiến nghị đến cùng và góp ý dự thảo chính sách.",
        [
            (
                "Theo dõi việc giải quyết kiến nghị",
                "theo-doi-viec-giai-quyet-kien-nghi",
                "Giám sát chỉ có ý nghĩa khi kiến nghị được giải quyết.",
                [
                    (
                        "paragraph",
                        "<p>Lập sổ theo dõi kiến nghị: số thứ tự, nội dung, cơ quan nhận, thời hạn, kết quả trả lời. Đến hạn mà chưa có trả lời, "
                        "Hội gửi văn bản đôn đốc; nếu cần, đề nghị Mặt trận Tổ quốc cùng cấp hoặc Hội cấp trên hỗ trợ.</p>",
                    ),
                    (
                        "checklist",
                        {
                            "title": "Hằng tháng, chi hội trưởng rà soát",
                            "items": [
                                "Kiến nghị nào đã đến hạn trả lời?",
                                "Kết quả giải quyết đã được thông tin lại cho hội viên chưa?",
                                "Có kiến nghị nào cần đưa vào cuộc giám sát tiếp theo không?",
                            ],
                        },
                    ),
                ],
            ),
            (
                "Phản biện xã hội dự thảo chính sách",
                "phan-bien-xa-hoi-du-thao-chinh-sach",
                "Góp ý có căn cứ vào dự thảo văn bản liên quan đến phụ nữ và trẻ em.",
                [
                    (
                        "paragraph",
                        "<p>Phản biện xã hội là việc Hội nhận xét, đánh giá, nêu chính kiến và kiến nghị đối với dự thảo văn bản, đề án của cơ quan nhà nước. "
                        "Ở cơ sở, Hội thường được mời góp ý các đề án, kế hoạch của xã; hãy đọc kỹ dự thảo, hỏi ý kiến hội viên chịu tác động và chỉ rõ điều khoản cần sửa.</p>",
                    ),
                    (
                        "case_study",
                        {
                            "title": "Góp ý kế hoạch hỗ trợ sinh kế",
                            "situation": "<p>Dự thảo kế hoạch của xã quy định người vay vốn hỗ trợ sinh kế phải có tài sản thế chấp.</p>",
                            "questions": ["Quy định này tác động thế nào tới phụ nữ nghèo, phụ nữ đơn thân?"],
                            "suggestion": "<p>Chỉ ra rằng nhiều phụ nữ không đứng tên tài sản; kiến nghị cho vay tín chấp qua tổ tiết kiệm, vay vốn do Hội quản lý.</p>",
                        },
                    ),
                ],
            ),
        ],
    ),
]

MODULE_QUIZZES = [
    [
        (
            "Chủ đề giám sát của Hội cơ sở nên ưu tiên vấn đề nào?",
            QuestionKind.SINGLE,
            [
                ("Vấn đề ảnh hưởng trực tiếp đến quyền lợi của nhiều hội viên, có quy định để đối chiếu", T),
                ("Mọi vấn đề người dân phản ánh", F),
                ("Vấn đề do một cá nhân đề nghị", F),
            ],
            "Hội chọn vấn đề gắn với quyền lợi hội viên, có căn cứ pháp lý và có địa chỉ chịu trách nhiệm.",
        ),
        (
            "Cách nào giúp thu thập thông tin từ hội viên?",
            QuestionKind.MULTIPLE,
            [("Sinh hoạt chi hội chuyên đề", T), ("Phiếu hỏi ngắn", T), ("Đăng công khai tên người phản ánh", F)],
            "Phải giữ bí mật người cung cấp thông tin.",
        ),
        (
            "Phiếu hỏi nên hỏi cả thông tin nhạy cảm để có đủ dữ liệu.",
            QuestionKind.TRUE_FALSE,
            [("Đúng", F), ("Sai", T)],
            "Phiếu hỏi ngắn, tránh thông tin nhạy cảm.",
        ),
    ],
    [
        (
            "Đề cương báo cáo nên gửi cho đơn vị được giám sát khi nào?",
            QuestionKind.SINGLE,
            [("Trước buổi làm việc", T), ("Trong buổi làm việc", F), ("Sau khi có kết luận", F)],
            "Gửi trước để đơn vị chuẩn bị báo cáo và hồ sơ.",
        ),
        (
            "Một kiến nghị tốt cần nêu rõ những gì?",
            QuestionKind.MULTIPLE,
            [("Ai thực hiện", T), ("Làm việc gì", T), ("Thời hạn", T), ("Lời lẽ chung chung", F)],
            "Ai, làm gì, đến khi nào.",
        ),
        (
            "Khi đơn vị không cung cấp hồ sơ, đoàn giám sát ghi nhận vào biên bản.",
            QuestionKind.TRUE_FALSE,
            [("Đúng", T), ("Sai", F)],
            "Ghi biên bản và đề nghị cung cấp trong thời hạn cụ thể.",
        ),
    ],
    [
        (
            "Đến hạn mà kiến nghị chưa được trả lời, Hội nên làm gì trước tiên?",
            QuestionKind.SINGLE,
            [("Gửi văn bản đôn đốc", T), ("Bỏ qua", F), ("Đăng lên mạng xã hội", F)],
            "Văn bản đôn đốc, sau đó đề nghị Mặt trận hoặc Hội cấp trên hỗ trợ.",
        ),
        (
            "Phản biện xã hội là góp ý vào dự thảo văn bản, đề án trước khi ban hành.",
            QuestionKind.TRUE_FALSE,
            [("Đúng", T), ("Sai", F)],
            "Phản biện xã hội diễn ra khi văn bản còn là dự thảo.",
        ),
        (
            "Khi góp ý dự thảo, Hội nên làm gì?",
            QuestionKind.MULTIPLE,
            [("Hỏi ý kiến hội viên chịu tác động", T), ("Chỉ rõ điều khoản cần sửa", T), ("Chỉ nêu ý kiến chung", F)],
            "Góp ý có căn cứ, cụ thể đến điều khoản.",
        ),
    ],
]

FINAL_TEST = [
    (
        "Giám sát của Hội nhằm mục đích chính là gì?",
        QuestionKind.SINGLE,
        [
            ("Bảo vệ quyền, lợi ích hợp pháp của phụ nữ và trẻ em", T),
            ("Thay chính quyền giải quyết", F),
            ("Xử phạt vi phạm", F),
        ],
        "Hội theo dõi, đánh giá và kiến nghị, không xử phạt.",
    ),
    (
        "Câu hỏi nào KHÔNG cần đặt ra khi chọn chủ đề giám sát?",
        QuestionKind.SINGLE,
        [
            ("Chủ đề có được nhiều người thích trên mạng không?", T),
            ("Có quy định để đối chiếu không?", F),
            ("Hội có đủ nguồn lực không?", F),
        ],
        "Mức độ nổi tiếng trên mạng không phải tiêu chí.",
    ),
    (
        "Những nguồn thông tin nào đáng tin cậy để chuẩn bị giám sát?",
        QuestionKind.MULTIPLE,
        [("Biên bản sinh hoạt chi hội", T), ("Danh sách công khai của chính quyền", T), ("Tin đồn chưa kiểm chứng", F)],
        "Thông tin phải kiểm chứng được.",
    ),
    (
        "Người cung cấp thông tin cho Hội cần được giữ bí mật khi họ yêu cầu.",
        QuestionKind.TRUE_FALSE,
        [("Đúng", T), ("Sai", F)],
        "Giữ bí mật giúp hội viên yên tâm phản ánh.",
    ),
    (
        "Kế hoạch giám sát gồm những nội dung nào?",
        QuestionKind.MULTIPLE,
        [("Mục đích, yêu cầu", T), ("Thành phần đoàn", T), ("Thời gian, địa điểm", T), ("Kết luận soạn sẵn", F)],
        "Kết luận chỉ có sau khi giám sát.",
    ),
    (
        "Thái độ phù hợp của đoàn giám sát khi làm việc với đơn vị là gì?",
        QuestionKind.SINGLE,
        [("Cầu thị, khách quan", T), ("Áp đặt", F), ("Im lặng, không hỏi", F)],
        "Cầu thị, khách quan giúp buổi làm việc hiệu quả.",
    ),
    (
        "Kiến nghị “Đề nghị các cấp quan tâm hơn nữa” là một kiến nghị tốt.",
        QuestionKind.TRUE_FALSE,
        [("Đúng", F), ("Sai", T)],
        "Kiến nghị tốt nêu rõ ai, làm gì, đến khi nào.",
    ),
    (
        "Sổ theo dõi kiến nghị nên ghi những gì?",
        QuestionKind.MULTIPLE,
        [("Nội dung kiến nghị", T), ("Cơ quan nhận", T), ("Thời hạn và kết quả trả lời", T)],
        "Đủ thông tin để đôn đốc đúng hạn.",
    ),
    (
        "Kết quả giải quyết kiến nghị cần được thông tin lại cho hội viên.",
        QuestionKind.TRUE_FALSE,
        [("Đúng", T), ("Sai", F)],
        "Hội viên cần biết tiếng nói của mình được giải quyết thế nào.",
    ),
    (
        "Khi phản biện dự thảo quy định vay vốn phải có tài sản thế chấp, Hội nên kiến nghị gì?",
        QuestionKind.SINGLE,
        [
            ("Cho vay tín chấp qua tổ tiết kiệm, vay vốn do Hội quản lý", T),
            ("Giữ nguyên quy định", F),
            ("Bỏ chương trình", F),
        ],
        "Nhiều phụ nữ không đứng tên tài sản nên cần hình thức tín chấp.",
    ),
]


def _quiz(course, lesson, title, questions, **fields):
    quiz = Quiz.objects.filter(course=course, lesson=lesson).first()
    if quiz:
        return quiz
    quiz = Quiz.objects.create(course=course, lesson=lesson, title=title, **fields)
    for text, kind, choices, explanation in questions:
        add_question(quiz, text, choices, kind=kind, explanation=explanation)
    return quiz


def load(command):
    home = default_home()
    programme, _ = Programme.objects.get_or_create(
        name=PROGRAMME,
        defaults={
            "code": "ĐA-01/2026",
            "start_date": datetime.date(2026, 1, 1),
            "end_date": datetime.date(2030, 12, 31),
            "description": "Bồi dưỡng kỹ năng giám sát, phản biện xã hội cho cán bộ Hội cấp xã và chi hội.",
        },
    )
    index = child_page(
        home,
        TrainingIndexPage,
        "dao-tao",
        title="Đào tạo",
        show_in_menus=True,
        intro="<p>Khóa học trực tuyến và lớp tập huấn cho cán bộ Hội cơ sở: học trên điện thoại, lưu tiến độ, làm bài kiểm tra và nhận chứng nhận.</p>",
    )
    course = child_page(
        index,
        CoursePage,
        "ky-nang-giam-sat-phan-bien-xa-hoi",
        title=COURSE_TITLE,
        intro="Sáu bài học ngắn giúp cán bộ Hội xã, chi hội tổ chức một cuộc giám sát từ khâu chọn chủ đề đến theo dõi kết quả, và tham gia phản biện xã hội.",
        objectives="<ul><li>Chọn được chủ đề giám sát phù hợp với địa bàn.</li><li>Thu thập và kiểm chứng thông tin từ hội viên.</li>"
        "<li>Tổ chức đoàn giám sát, viết kiến nghị cụ thể.</li><li>Theo dõi kiến nghị và góp ý dự thảo chính sách.</li></ul>",
        audience="Chủ tịch, Phó Chủ tịch Hội LHPN xã, phường; chi hội trưởng",
        estimated_minutes=120,
        programme=programme,
    )
    lessons = []
    for m, (module_title, module_slug, module_intro, module_lessons) in enumerate(LESSONS):
        module = child_page(
            course, ModulePage, module_slug, title=f"Chương {m + 1}. {module_title}", intro=module_intro
        )
        module_pages = []
        for title, slug, intro, body in module_lessons:
            module_pages.append(
                child_page(module, LessonPage, slug, title=title, intro=intro, body=body, estimated_minutes=15)
            )
        lessons.extend(module_pages)
        _quiz(
            course,
            module_pages[-1],
            f"Kiểm tra chương {m + 1}",
            MODULE_QUIZZES[m],
            pass_mark=60,
            max_attempts=0,
        )
    _quiz(
        course,
        None,
        "Bài kiểm tra cuối khóa",
        FINAL_TEST,
        pass_mark=80,
        max_attempts=3,
        instructions="Gồm 10 câu. Đạt từ 80% trở lên và học xong các bài bắt buộc để được cấp chứng nhận.",
    )

    now = timezone.now()
    child_page(
        index,
        TrainingEventPage,
        "tap-huan-ky-nang-giam-sat-2026",
        title="Tập huấn kỹ năng giám sát, phản biện xã hội cho cán bộ Hội cơ sở năm 2026",
        starts_at=now - datetime.timedelta(days=30),
        ends_at=now - datetime.timedelta(days=29),
        mode=EventMode.IN_PERSON,
        place="Hội trường Trường Chính trị tỉnh",
        organiser="Hội LHPN tỉnh",
        partner="Trường Chính trị tỉnh",
        audience="Chủ tịch, Phó Chủ tịch Hội LHPN các xã, phường",
        participants=86,
        programme=programme,
        agenda="<ul><li>Sáng: Quy trình giám sát, lựa chọn chủ đề, thu thập thông tin.</li><li>Chiều: Thực hành viết kiến nghị, thảo luận tình huống phản biện xã hội.</li></ul>",
    )
    child_page(
        index,
        TrainingEventPage,
        "giao-ban-truc-tuyen-phan-bien-xa-hoi",
        title="Giao ban trực tuyến: chia sẻ kinh nghiệm phản biện xã hội ở cơ sở",
        starts_at=now + datetime.timedelta(days=20),
        ends_at=now + datetime.timedelta(days=20, hours=2),
        mode=EventMode.ONLINE,
        meeting_link="https://meet.example.org/phan-bien-xa-hoi",
        organiser="Ban Chính sách - Luật pháp, Hội LHPN tỉnh",
        audience="Cán bộ Hội xã, phường và chi hội trưởng",
        programme=programme,
        agenda="<p>Ba xã chia sẻ cách góp ý dự thảo kế hoạch của xã; hỏi đáp với Ban Chính sách - Luật pháp.</p>",
    )

    learner = User.objects.filter(username="hocvien").first()
    if learner is not None:
        enrol(learner, course)
        for lesson in lessons[:2]:
            LessonCompletion.objects.get_or_create(user=learner, lesson=lesson, defaults={"course": course})
        first_quiz = Quiz.objects.get(lesson=lessons[1])
        if not Attempt.objects.filter(user=learner, quiz=first_quiz).exists():
            answers = {
                str(q.pk): sorted(c.pk for c in q.choices.all() if c.is_correct) for q in first_quiz.questions.all()
            }
            Attempt.objects.create(
                user=learner,
                quiz=first_quiz,
                number=1,
                seed=1,
                submitted_at=now,
                score=100,
                passed=True,
                answers=answers,
            )
    command.log(f"Training: {course.url_path} with {len(lessons)} lessons")
