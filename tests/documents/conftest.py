import datetime

import pytest

from documents.factories import (
    DocumentAreaFactory,
    DocumentRegisterPageFactory,
    DocumentTypeFactory,
    IssuingBodyFactory,
    OfficialDocumentPageFactory,
)
from documents.models import DocumentType


@pytest.fixture
def register(home_page):
    return DocumentRegisterPageFactory(parent=home_page)


@pytest.fixture
def plan_type(db):
    return DocumentType.objects.get(slug="ke-hoach")  # created by the migration


@pytest.fixture
def sample(register, plan_type):
    """Three documents: a plan of 2024, a resolution of 2022 that has expired, a guide of 2023."""
    resolution = DocumentType.objects.get(slug="nghi-quyet")
    guide = DocumentType.objects.get(slug="huong-dan")
    supervision = DocumentAreaFactory(name="Giám sát, phản biện xã hội")
    economy = DocumentAreaFactory(name="Phụ nữ phát triển kinh tế")
    standing = IssuingBodyFactory(name="Ban Thường vụ Hội LHPN tỉnh")
    executive = IssuingBodyFactory(name="Ban Chấp hành Hội LHPN tỉnh")
    plan = OfficialDocumentPageFactory(
        parent=register,
        title="Kế hoạch giám sát chuyên đề năm 2024",
        slug="15-kh-hlhpn-2024",
        number="15/KH-HLHPN",
        document_type=plan_type,
        issuing_body=standing,
        area=supervision,
        issue_date=datetime.date(2024, 3, 15),
        summary="Giám sát việc thực hiện chính sách hỗ trợ phụ nữ sinh con tại sáu xã.",
    )
    old = OfficialDocumentPageFactory(
        parent=register,
        title="Nghị quyết về phát triển kinh tế hộ",
        number="02-NQ/HLHPN",
        document_type=resolution,
        issuing_body=executive,
        area=economy,
        issue_date=datetime.date(2022, 1, 10),
        expiry_date=datetime.date(2023, 12, 31),
        summary="Về hỗ trợ phụ nữ khởi nghiệp và phát triển tổ hợp tác.",
    )
    guide_page = OfficialDocumentPageFactory(
        parent=register,
        title="Hướng dẫn sinh hoạt chi hội",
        number="07/HD-HLHPN",
        document_type=guide,
        issuing_body=standing,
        issue_date=datetime.date(2023, 6, 1),
        summary="Hướng dẫn nội dung sinh hoạt chi hội phụ nữ hằng quý.",
    )
    return {"plan": plan, "old": old, "guide": guide_page, "types": {"plan": plan_type, "resolution": resolution}}


__all__ = ["DocumentTypeFactory"]
