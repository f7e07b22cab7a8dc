"""Demo register at /van-ban/: fourteen documents of several types and years, some of them expired,
each with a one-page PDF, and one that replaces an older one."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.demo_pages import child_page
from home.models import HomePage
from home.text import slugify_vi

from .models import (
    DocumentArea,
    DocumentFile,
    DocumentRegisterPage,
    DocumentReplacement,
    DocumentType,
    IssuingBody,
    OfficialDocumentPage,
)
from .pdf import simple_pdf

AREAS = ["Giám sát, phản biện xã hội", "Phụ nữ phát triển kinh tế", "Bình đẳng giới", "Công tác tổ chức, cán bộ",
         "Phòng, chống bạo lực gia đình"]  # fmt: skip
BODIES = ["Ban Chấp hành Hội LHPN tỉnh", "Ban Thường vụ Hội LHPN tỉnh", "Trung ương Hội LHPN Việt Nam"]

# type slug, number, title, summary, body index, area index, issued, effective, expiry, signer
DOCUMENTS = [
    ("nghi-quyet", "01-NQ/HLHPN", "Nghị quyết Đại hội đại biểu phụ nữ tỉnh nhiệm kỳ 2021-2026",
     "Nghị quyết Đại hội đại biểu phụ nữ tỉnh lần thứ XV, nhiệm kỳ 2021-2026: mục tiêu, chỉ tiêu và giải pháp.",
     0, 3, (2021, 6, 20), (2021, 6, 20), None, "Nguyễn Thị Hồng Nhung"),
    ("chuong-trinh", "05/CTr-HLHPN", "Chương trình công tác Hội năm 2022",
     "Chương trình công tác Hội và phong trào phụ nữ năm 2022.", 1, 3, (2022, 1, 5), (2022, 1, 5), (2022, 12, 31),
     "Nguyễn Thị Hồng Nhung"),
    ("ke-hoach", "12/KH-HLHPN", "Kế hoạch giám sát chuyên đề năm 2022",
     "Giám sát việc thực hiện chính sách hỗ trợ vay vốn cho hộ nghèo do phụ nữ làm chủ.", 1, 0, (2022, 3, 10),
     (2022, 3, 10), (2022, 12, 31), "Trần Thị Thu Hà"),
    ("huong-dan", "03/HD-HLHPN", "Hướng dẫn sinh hoạt chi hội phụ nữ (bản 2022)",
     "Hướng dẫn nội dung, hình thức sinh hoạt chi hội phụ nữ hằng quý.", 1, 3, (2022, 4, 2), (2022, 4, 2),
     (2024, 3, 31), "Trần Thị Thu Hà"),
    ("quyet-dinh", "45/QĐ-HLHPN", "Quyết định thành lập Tổ tư vấn phản biện xã hội",
     "Về việc thành lập Tổ tư vấn giám sát, phản biện xã hội của Hội LHPN tỉnh.", 1, 0, (2022, 8, 15),
     (2022, 8, 15), None, "Nguyễn Thị Hồng Nhung"),
    ("bao-cao", "88/BC-HLHPN", "Báo cáo tổng kết công tác Hội năm 2023",
     "Báo cáo kết quả công tác Hội và phong trào phụ nữ năm 2023, phương hướng nhiệm vụ năm 2024.", 0, 3,
     (2023, 12, 20), (2023, 12, 20), None, "Nguyễn Thị Hồng Nhung"),
    ("ke-hoach", "07/KH-HLHPN", "Kế hoạch tuyên truyền phòng, chống bạo lực gia đình năm 2023",
     "Tuyên truyền phòng, chống bạo lực gia đình và nhân rộng mô hình Địa chỉ tin cậy.", 1, 4, (2023, 2, 14),
     (2023, 2, 14), (2023, 12, 31), "Trần Thị Thu Hà"),
    ("cong-van", "112/CV-HLHPN", "Công văn về việc góp ý dự thảo quy định hỗ trợ phụ nữ khởi nghiệp",
     "Về việc góp ý dự thảo quy định chính sách hỗ trợ phụ nữ khởi nghiệp giai đoạn 2024-2026.", 1, 1,
     (2023, 9, 12), (2023, 9, 12), None, "Lê Thị Mai"),
    ("huong-dan", "02/HD-HLHPN", "Hướng dẫn sinh hoạt chi hội phụ nữ",
     "Hướng dẫn nội dung, hình thức sinh hoạt chi hội phụ nữ hằng quý, thay thế Hướng dẫn 03/HD-HLHPN.", 1, 3,
     (2024, 3, 25), (2024, 4, 1), None, "Trần Thị Thu Hà"),
    ("ke-hoach", "15/KH-HLHPN", "Kế hoạch giám sát chuyên đề năm 2024",
     "Giám sát việc thực hiện chính sách hỗ trợ phụ nữ sinh con đúng chính sách dân số tại sáu xã.", 1, 0,
     (2024, 3, 15), (2024, 3, 15), (2024, 12, 31), "Trần Thị Thu Hà"),
    ("thong-bao", "21/TB-HLHPN", "Thông báo kết luận Hội nghị Ban Chấp hành lần thứ 8",
     "Thông báo kết luận của Thường trực Hội tại Hội nghị Ban Chấp hành lần thứ 8.", 1, 3, (2024, 7, 8),
     (2024, 7, 8), None, "Lê Thị Mai"),
    ("chuong-trinh", "01/CTr-ĐCT", "Chương trình hành động thực hiện Nghị quyết Đại hội phụ nữ toàn quốc",
     "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu phụ nữ toàn quốc lần thứ XIII.", 2, 2,
     (2022, 5, 3), (2022, 5, 3), None, "Ban Chấp hành Trung ương Hội"),
    ("ke-hoach", "04/KH-HLHPN", "Kế hoạch tập huấn kỹ năng giám sát cho cán bộ Hội cơ sở năm 2025",
     "Tập huấn kỹ năng giám sát và phản biện xã hội cho chủ tịch Hội LHPN xã, phường và chi hội trưởng.", 1, 0,
     (2025, 1, 20), (2025, 1, 20), None, "Trần Thị Thu Hà"),
    ("bao-cao", "09/BC-HLHPN", "Báo cáo sơ kết sáu tháng đầu năm 2025",
     "Báo cáo sơ kết công tác Hội sáu tháng đầu năm 2025, nhiệm vụ trọng tâm sáu tháng cuối năm.", 1, 3,
     (2025, 6, 30), (2025, 6, 30), None, "Nguyễn Thị Hồng Nhung"),
]  # fmt: skip
REPLACEMENTS = [("02/HD-HLHPN", "03/HD-HLHPN")]


def _pdf(number, title, summary):
    Document = get_document_model()
    name = f"Văn bản {number}"
    existing = Document.objects.filter(title=name).first()
    if existing is None:
        existing = Document(title=name)
        content = simple_pdf(title, number, summary, "Hoi Lien hiep Phu nu tinh - ban demo")
        existing.file.save(f"{slugify_vi(number.replace('/', ' '))}.pdf", ContentFile(content), save=False)
        existing.save()
    return existing


def load(command):
    home = HomePage.objects.get()
    register = child_page(
        home,
        DocumentRegisterPage,
        "van-ban",
        title="Văn bản",
        show_in_menus=True,
        intro="Nghị quyết, chương trình, kế hoạch, hướng dẫn và các văn bản khác của Hội LHPN tỉnh: tra cứu theo số "
        "ký hiệu, trích yếu, loại, lĩnh vực, cơ quan ban hành và năm.",
    )
    areas = [DocumentArea.objects.get_or_create(name=name)[0] for name in AREAS]
    bodies = [IssuingBody.objects.get_or_create(name=name)[0] for name in BODIES]
    types = {item.slug: item for item in DocumentType.objects.all()}
    for type_slug, number, title, summary, body, area, issued, effective, expiry, signer in DOCUMENTS:
        document = OfficialDocumentPage(
            title=title, number=number, summary=summary, document_type=types[type_slug], issuing_body=bodies[body],
            area=areas[area], signer=signer, issue_date=datetime.date(*issued),
            effective_date=datetime.date(*effective), expiry_date=datetime.date(*expiry) if expiry else None,
        )  # fmt: skip
        if register.get_children().filter(slug=document.default_slug()).exists():
            continue
        document.slug = document.default_slug()
        document.files = [DocumentFile(document=_pdf(number, title, summary))]
        register.add_child(instance=document)
        document.save_revision().publish()
    for number, replaced in REPLACEMENTS:
        page = OfficialDocumentPage.objects.filter(number=number).first()
        old = OfficialDocumentPage.objects.filter(number=replaced).first()
        if page and old and not DocumentReplacement.objects.filter(page=page, replaced=old).exists():
            DocumentReplacement.objects.create(page=page, replaced=old)
            page.save_revision().publish()
