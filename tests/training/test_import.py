import io

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from accounts.factories import editor, learner, training_manager
from accounts.models import OrganisationUnit, UnitKind
from training.models import Enrolment

URL = "/admin/dao-tao/nhap-danh-sach/"
HEADER = "Họ và tên,Số điện thoại,Email,Chức vụ,Đơn vị\n"


@pytest.fixture
def units(db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    return province, commune


def csv_file(body, name="danh-sach.csv"):
    return SimpleUploadedFile(name, (HEADER + body).encode("utf-8"), content_type="text/csv")


def post(client, course, upload, invitations=True):
    data = {"course": course.pk, "file": upload}
    if invitations:
        data["send_invitations"] = "on"
    return client.post(URL, data)


@pytest.mark.django_db
def test_import_creates_accounts_enrols_and_invites(
    client, units, course_with_lessons, django_capture_on_commit_callbacks
):
    course = course_with_lessons[0]
    manager = training_manager()
    client.force_login(manager)
    upload = csv_file(
        "Nguyễn Thị An,0912 345 678,an@example.org,Chi hội trưởng,Hội LHPN xã Hòa Bình\n"
        "Trần Thị Bình,,binh@example.org,Phó Chủ tịch,hoi lhpn xa hoa binh\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, course, upload)
    assert response.status_code == 302
    an = get_user_model().objects.get(email="an@example.org")
    assert an.full_name == "Nguyễn Thị An" and an.unit == units[1] and an.position == "Chi hội trưởng"
    assert not an.has_usable_password()
    assert an.groups.filter(name="Học viên").exists()
    assert Enrolment.objects.filter(course=course, source="import").count() == 2
    assert Enrolment.objects.get(user=an).enrolled_by == manager
    assert len(mail.outbox) == 2
    assert "/tai-khoan/dat-lai-mat-khau/" in mail.outbox[0].body
    assert course.title in mail.outbox[0].subject


@pytest.mark.django_db
def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(client, units, course_with_lessons):
    course = course_with_lessons[0]
    client.force_login(training_manager())
    upload = csv_file(
        "Nguyễn Thị An,0912345678,an@example.org,Chi hội trưởng,Hội LHPN xã Hòa Bình\n"
        "Trần Thị Bình,abc,khong-phai-email,Phó Chủ tịch,Hội LHPN xã Không Có\n"
        ",,an@example.org,,Hội LHPN tỉnh\n"
    )
    response = post(client, course, upload)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chưa nhập dòng nào" in html
    assert "<td>3</td>" in html and "không hợp lệ" in html and "không có đơn vị" in html
    assert "<td>4</td>" in html and "Thiếu họ và tên" in html and "trùng với dòng 2" in html
    assert not get_user_model().objects.filter(email="an@example.org").exists()
    assert not Enrolment.objects.exists()


@pytest.mark.django_db
def test_existing_account_is_enrolled_not_duplicated(client, units, course_with_lessons):
    course = course_with_lessons[0]
    existing = learner(email="an@example.org", username="an")
    client.force_login(training_manager())
    post(client, course, csv_file("Nguyễn Thị An,,AN@example.org,,Hội LHPN tỉnh\n"))
    assert get_user_model().objects.filter(email__iexact="an@example.org").count() == 1
    assert Enrolment.objects.filter(user=existing, course=course).exists()


@pytest.mark.django_db
def test_xlsx_import(client, units, course_with_lessons):
    from openpyxl import Workbook

    course = course_with_lessons[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Họ và tên", "Số điện thoại", "Email", "Chức vụ", "Đơn vị"])
    sheet.append(["Lê Thị Cúc", "0987654321", "cuc@example.org", "Chủ tịch", "Hội LHPN tỉnh"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client.force_login(training_manager())
    upload = SimpleUploadedFile("ds.xlsx", buffer.getvalue())
    assert post(client, course, upload, invitations=False).status_code == 302
    assert Enrolment.objects.filter(user__email="cuc@example.org", course=course).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ds.txt", b"abc", "Chỉ nhận tệp .xlsx hoặc .csv."),
        ("ds.xlsx", b"not a workbook", "Không đọc được tệp Excel"),
        ("ds.csv", "Tên;Địa chỉ\nA;B\n".encode(), "Dòng tiêu đề phải có các cột"),
        ("ds.csv", "Họ và tên,Email,Đơn vị\n".encode("utf-16"), "UTF-8"),
    ],
)
@pytest.mark.django_db
def test_unreadable_files_get_a_vietnamese_message(client, course_with_lessons, name, content, message):
    client.force_login(training_manager())
    response = post(client, course_with_lessons[0], SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.django_db
def test_only_training_managers_import(client, course_with_lessons):
    client.force_login(editor())
    assert client.get(URL).status_code in (302, 403)


@pytest.mark.django_db
def test_a_phone_that_is_not_a_vietnamese_number_is_reported(client, units, course_with_lessons):
    client.force_login(training_manager())
    upload = csv_file("Nguyễn Thị An,12345678,an@example.org,Chi hội trưởng,Hội LHPN xã Hòa Bình\n")
    html = post(client, course_with_lessons[0], upload).content.decode()
    assert "12345678" in html and "không hợp lệ" in html
    assert not Enrolment.objects.exists()
