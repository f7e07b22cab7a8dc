import io

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Page

import pytest
from openpyxl import Workbook

from accounts.factories import approver, editor, learner
from documents.factories import DocumentAreaFactory, IssuingBodyFactory, OfficialDocumentPageFactory, PdfDocumentFactory
from documents.models import OfficialDocumentPage

URL = "/admin/van-ban/nhap/"
HEADER = "Loại văn bản,Số ký hiệu,Tên văn bản,Trích yếu,Cơ quan ban hành,Người ký,Ngày ban hành,Ngày có hiệu lực,Ngày hết hiệu lực,Lĩnh vực,Tệp\n"  # noqa: E501
GOOD = [
    "Kế hoạch,20/KH-HLHPN,Kế hoạch tập huấn,Tập huấn kỹ năng giám sát cho cán bộ Hội cơ sở,"
    "Ban Thường vụ Hội LHPN tỉnh,Nguyễn Thị Chủ Tịch,05/04/2024,,,giam sat phan bien xa hoi,ke-hoach-20.pdf",
    "cong van,31/CV-HLHPN,,Về việc báo cáo kết quả sáu tháng đầu năm,ban thuong vu hoi lhpn tinh,,"
    "2024-06-20,01/07/2024,31/12/2024,,Công văn 31; Phụ lục 31",
]


@pytest.fixture
def lists(register):
    IssuingBodyFactory(name="Ban Thường vụ Hội LHPN tỉnh")
    DocumentAreaFactory(name="Giám sát, phản biện xã hội")
    PdfDocumentFactory(title="Kế hoạch 20", file__filename="ke-hoach-20.pdf")
    PdfDocumentFactory(title="Công văn 31")
    PdfDocumentFactory(title="Phụ lục 31")
    return register


def csv_file(*lines, name="van-ban.csv"):
    return SimpleUploadedFile(name, (HEADER + "\n".join(lines) + "\n").encode("utf-8"), content_type="text/csv")


def post(client, register, upload, publish=False):
    data = {"register": register.pk, "file": upload}
    if publish:
        data["publish"] = "on"
    return client.post(URL, data)


def test_an_editor_imports_drafts_for_the_workflow(client, lists):
    client.force_login(editor())
    response = post(client, lists, csv_file(*GOOD))
    assert response.status_code == 302
    plan = OfficialDocumentPage.objects.get(number="20/KH-HLHPN")
    assert not plan.live and plan.has_unpublished_changes
    assert plan.slug == "20-kh-hlhpn-2024" and plan.url_path.endswith("/van-ban/20-kh-hlhpn-2024/")
    assert plan.document_type.slug == "ke-hoach" and plan.area.name == "Giám sát, phản biện xã hội"
    assert plan.effective_date == plan.issue_date  # empty: from the issue date
    assert [f.document.title for f in plan.files.all()] == ["Kế hoạch 20"]
    letter = OfficialDocumentPage.objects.get(number="31/CV-HLHPN")
    assert letter.title.startswith("Về việc báo cáo") and letter.expiry_date.isoformat() == "2024-12-31"
    assert [f.document.title for f in letter.files.all()] == ["Công văn 31", "Phụ lục 31"]
    assert letter.get_latest_revision() is not None


def test_an_editor_may_not_publish_at_once(client, lists):
    client.force_login(editor())
    response = post(client, lists, csv_file(*GOOD), publish=True)
    assert response.status_code == 200
    assert "chưa có quyền xuất bản" in response.content.decode()
    assert not OfficialDocumentPage.objects.exists()


def test_an_approver_imports_and_publishes(client, lists):
    client.force_login(approver())
    assert post(client, lists, csv_file(*GOOD), publish=True).status_code == 302
    assert OfficialDocumentPage.objects.live().count() == 2
    assert "20/KH-HLHPN" in client.get("/van-ban/?q=20/KH").content.decode()


def test_one_bad_line_and_nothing_is_imported_every_bad_line_said_in_vietnamese(client, lists):
    OfficialDocumentPageFactory(parent=lists, number="9/KH-HLHPN", issue_date="2024-02-01")
    client.force_login(editor())
    bad = [
        GOOD[0],
        "Tờ trình,1/TTr,,Trích yếu,Ban Thường vụ Hội LHPN tỉnh,,01/01/2024,,,,ke-hoach-20.pdf",
        "Kế hoạch,2/KH,,Trích yếu,Cơ quan lạ,,32/13/2024,,,,ke-hoach-20.pdf",
        "Kế hoạch,20/KH-HLHPN,,Trích yếu,Ban Thường vụ Hội LHPN tỉnh,,01/05/2024,,,,ke-hoach-20.pdf",
        "Kế hoạch,9/kh-hlhpn,,Trích yếu,Ban Thường vụ Hội LHPN tỉnh,,01/05/2024,,,,khong-co.pdf",
        "Kế hoạch,10/KH,,,Ban Thường vụ Hội LHPN tỉnh,,10/05/2024,01/05/2024,01/04/2024,Lĩnh vực lạ,",
    ]
    response = post(client, lists, csv_file(*bad))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Chưa nhập dòng nào" in html
    assert "Không có loại văn bản “Tờ trình”" in html
    assert "Không có cơ quan ban hành “Cơ quan lạ”; ngày ban hành “32/13/2024” không đúng dạng ngày/tháng/năm" in html
    assert "Trùng số ký hiệu với dòng 2" in html
    assert "Đã có văn bản số 9/kh-hlhpn năm 2024; chưa có tệp “khong-co.pdf” trong mục Tài liệu" in html
    for problem in ("không có lĩnh vực “Lĩnh vực lạ”", "thiếu trích yếu", "ngày có hiệu lực trước ngày ban hành",
                    "ngày hết hiệu lực phải sau ngày có hiệu lực", "thiếu tệp văn bản"):  # fmt: skip
        assert problem.lower() in html.lower()
    for line in range(3, 8):
        assert f"<td>{line}</td>" in html
    assert OfficialDocumentPage.objects.count() == 1


def test_an_xlsx_with_date_cells_imports(client, lists):
    import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Loai van ban", "So ky hieu", "Trich yeu", "Co quan ban hanh", "Ngay ban hanh", "Tep"])
    sheet.append(["Kế hoạch", "21/KH-HLHPN", "Kế hoạch kiểm tra", "Ban Thường vụ Hội LHPN tỉnh",
                  datetime.datetime(2025, 1, 2), "ke-hoach-20.pdf"])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(editor())
    upload = SimpleUploadedFile("van-ban.xlsx", buffer.getvalue())
    assert post(client, lists, upload).status_code == 302
    assert OfficialDocumentPage.objects.get(number="21/KH-HLHPN").issue_date == datetime.date(2025, 1, 2)


def test_a_file_that_is_no_spreadsheet_or_lacks_columns_says_so(client, lists):
    client.force_login(editor())
    response = post(client, lists, SimpleUploadedFile("van-ban.xlsx", b"not a workbook"))
    assert "Không đọc được tệp Excel" in response.content.decode()
    response = post(client, lists, SimpleUploadedFile("van-ban.csv", "Số ký hiệu\n1/KH\n".encode()))
    assert "Dòng tiêu đề phải có các cột" in response.content.decode()
    assert not OfficialDocumentPage.objects.exists()


def test_only_staff_who_may_add_documents_reach_the_import(client, lists):
    client.force_login(learner())
    assert client.get(URL).status_code in (302, 403)
    client.force_login(editor())
    assert client.get(URL).status_code == 200


def test_nobody_reaches_the_import_without_a_register(client, db):
    Page.objects.filter(depth__gt=2).delete()
    client.force_login(editor())
    assert client.get(URL).status_code == 302  # Wagtail's answer to PermissionDenied: back to the dashboard


def test_a_line_names_the_documents_it_replaces(client, lists):
    old = OfficialDocumentPageFactory(parent=lists, number="03/HD-HLHPN", issue_date="2022-04-02")
    OfficialDocumentPageFactory(parent=lists, number="5/KH", issue_date="2021-01-01")
    OfficialDocumentPageFactory(parent=lists, number="5/KH", issue_date="2022-01-01")
    header = "Loại văn bản,Số ký hiệu,Trích yếu,Cơ quan ban hành,Ngày ban hành,Tệp,Thay thế\n"
    line = "Hướng dẫn,02/HD-HLHPN,Hướng dẫn sinh hoạt chi hội,Ban Thường vụ Hội LHPN tỉnh,25/03/2024,Công văn 31,"
    client.force_login(approver())

    def send(replaces):
        upload = SimpleUploadedFile("van-ban.csv", (header + line + replaces + "\n").encode())
        return post(client, lists, upload, publish=True)

    html = send("9/KH; 5/KH").content.decode()
    assert "Không có văn bản “9/KH” để thay thế" in html and "ghi thêm năm, ví dụ 5/KH (2022)" in html
    assert send("03/hd-hlhpn; 5/KH (2021)").status_code == 302
    new = OfficialDocumentPage.objects.get(number="02/HD-HLHPN")
    assert {page.number for page in new.replaces_documents()} == {"03/HD-HLHPN", "5/KH"}
    assert "Được thay thế bởi" in client.get(old.url).content.decode()


def test_a_replaced_document_of_year_zero_is_a_message_not_an_error(client, lists):
    OfficialDocumentPageFactory(parent=lists, number="5/KH", issue_date="2021-01-01")
    line = "Hướng dẫn,02/HD-HLHPN,Hướng dẫn sinh hoạt chi hội,Ban Thường vụ Hội LHPN tỉnh,25/03/2024,Công văn 31,"
    header = "Loại văn bản,Số ký hiệu,Trích yếu,Cơ quan ban hành,Ngày ban hành,Tệp,Thay thế\n"
    client.force_login(approver())
    upload = SimpleUploadedFile("van-ban.csv", (header + line + "5/KH (0000)\n").encode())
    response = post(client, lists, upload, publish=True)
    assert response.status_code == 400  # the form again, with the line's problem
    assert "Không có văn bản “5/KH (0000)” để thay thế" in response.content.decode()
    assert not OfficialDocumentPage.objects.filter(number="02/HD-HLHPN").exists()
