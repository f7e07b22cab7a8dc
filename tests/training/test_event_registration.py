"""Registration for training events, the meeting link, attendance (list and sign-in sheet) and its figures."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

import pytest

from accounts.factories import learner, training_manager
from accounts.models import OrganisationUnit, UnitKind
from training.factories import TrainingEventPageFactory
from training.models import Attendance, EventMode, Registration, RegistrationStatus
from training.services import TrainingError, events, reports
from training.services.enrolment_import import import_attendance, read_sign_in_sheet

LINK = "https://meet.example.org/phong-hop-bi-mat"


@pytest.fixture
def online_event(training_index):
    return TrainingEventPageFactory(
        parent=training_index,
        title="Giao ban trực tuyến",
        mode=EventMode.ONLINE,
        meeting_link=LINK,
        registration_open=True,
        capacity=2,
        registration_deadline=timezone.now() + datetime.timedelta(days=5),
    )


def sheet(rows, name="ky-ten.csv"):
    text = "Họ và tên,Email\n" + "\n".join(",".join(row) for row in rows) + "\n"
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.mark.django_db
def test_the_meeting_link_shows_only_once_registered(client, online_event, student):
    client.force_login(student)
    assert LINK not in client.get(online_event.url).content.decode()
    response = client.post(f"/khoa-hoc-cua-toi/lop-tap-huan/{online_event.pk}/dang-ky/", follow=True)
    html = response.content.decode()
    assert "Bạn đã đăng ký lớp này." in html
    assert LINK in html


@pytest.mark.django_db
def test_anonymous_readers_never_see_the_link(client, online_event):
    html = client.get(online_event.url).content.decode()
    assert LINK not in html and "Đăng nhập để đăng ký tham gia" in html


@pytest.mark.django_db
def test_with_approval_the_link_waits_for_the_managers_yes(online_event, student):
    online_event.requires_approval = True
    online_event.save_revision().publish()
    online_event.refresh_from_db()
    registration = events.register(student, online_event)
    assert registration.status == RegistrationStatus.PENDING
    assert not events.may_see_meeting_link(student, online_event)
    events.decide(registration, approve=True, by=training_manager())
    assert events.may_see_meeting_link(student, online_event)


@pytest.mark.django_db
def test_capacity_is_enforced_and_a_cancelled_seat_is_free_again(online_event, student, other_student):
    third = learner()
    events.register(student, online_event)
    events.register(other_student, online_event)
    with pytest.raises(TrainingError, match="đủ chỗ"):
        events.register(third, online_event)
    events.cancel(student, online_event)
    assert events.register(third, online_event).status == RegistrationStatus.APPROVED


@pytest.mark.django_db
def test_no_registration_after_the_deadline(online_event, student):
    later = online_event.registration_deadline + datetime.timedelta(minutes=1)
    with pytest.raises(TrainingError, match="hết hạn đăng ký"):
        events.register(student, online_event, now=later)


@pytest.mark.django_db
def test_a_refused_registration_cannot_be_made_again_by_the_learner(online_event, student):
    registration = events.register(student, online_event)
    events.decide(registration, approve=False, by=training_manager())
    with pytest.raises(TrainingError, match="không được duyệt"):
        events.register(student, online_event)


@pytest.mark.django_db
def test_the_sign_in_sheet_is_all_or_nothing_with_errors_per_line(online_event, student, other_student):
    rows = read_sign_in_sheet(
        sheet(
            [(student.full_name, student.email), ("Người Lạ", "nguoi.la@example.org"), ("Sai Tên", other_student.email)]
        ),
    )
    result = import_attendance(online_event, rows, by=training_manager())
    assert [line for line, _message in result.errors] == [3, 4]
    assert "nguoi.la@example.org" in result.errors[0][1] and "không khớp" in result.errors[1][1]
    assert not Attendance.objects.exists()
    rows = read_sign_in_sheet(
        sheet([(student.full_name, student.email), (other_student.full_name, other_student.email)])
    )
    assert import_attendance(online_event, rows, by=training_manager()).enrolled == 2
    assert Attendance.objects.filter(event=online_event).count() == 2


@pytest.mark.django_db
def test_attendance_moves_the_coverage_report(online_event):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    present, absent = learner(unit=commune), learner(unit=commune)
    events.register(present, online_event)
    events.register(absent, online_event)
    events.set_attendance(online_event, [present.pk], by=training_manager())
    report = reports.build_event_report([online_event])[0]
    by_name = {row.name: row.total for row in report.rows}
    assert (by_name["Hội LHPN tỉnh"].registered, by_name["Hội LHPN tỉnh"].attended) == (2, 1)
    assert by_name["Hội LHPN xã Hòa Bình"].attendance_coverage == 50.0


@pytest.mark.django_db
def test_the_manager_imports_the_sheet_in_the_admin(client, online_event, student):
    client.force_login(training_manager())
    url = f"/admin/dao-tao/lop-tap-huan/{online_event.pk}/"
    bad = client.post(url, {"action": "import", "file": sheet([("Không Ai", "khong.ai@example.org")])})
    assert bad.status_code == 400 and "khong.ai@example.org" in bad.content.decode()
    good = client.post(url, {"action": "import", "file": sheet([(student.full_name, student.email)])}, follow=True)
    assert "1 người mới được ghi nhận có mặt" in good.content.decode()
    assert Attendance.objects.filter(event=online_event, user=student).exists()
    listing = client.get("/admin/dao-tao/lop-tap-huan/").content.decode()
    assert "Giao ban trực tuyến" in listing


@pytest.mark.django_db
def test_the_manager_approves_on_the_list(client, online_event, student):
    online_event.requires_approval = True
    online_event.save_revision().publish()
    online_event.refresh_from_db()
    registration = events.register(student, online_event)
    client.force_login(training_manager())
    client.post(
        f"/admin/dao-tao/lop-tap-huan/{online_event.pk}/", {"action": "approve", "registration": registration.pk}
    )
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.APPROVED


@pytest.mark.django_db
def test_learners_cannot_reach_the_attendance_pages(client, online_event, student):
    client.force_login(student)
    assert client.get(f"/admin/dao-tao/lop-tap-huan/{online_event.pk}/").status_code in (302, 403)


@pytest.mark.django_db
def test_attendance_gives_a_certificate_verified_like_a_course_certificate(client, online_event, student):
    from training.models import Certificate

    online_event.attendance_certificate = True
    online_event.save_revision().publish()
    online_event.refresh_from_db()
    events.register(student, online_event)
    events.set_attendance(online_event, [student.pk], by=training_manager())
    events.set_attendance(online_event, [student.pk], by=training_manager())  # once only
    certificate = Certificate.objects.get(user=student, event=online_event)
    assert certificate.course_id is None and certificate.course_title == "Giao ban trực tuyến"
    html = client.get(certificate.get_absolute_url()).content.decode()
    assert "Chứng nhận hợp lệ" in html and "Lớp tập huấn" in html and "Giao ban trực tuyến" in html
    client.force_login(student)
    assert "đã tham dự lớp tập huấn" in client.get(certificate.get_print_url()).content.decode()
    assert certificate.code in client.get("/khoa-hoc-cua-toi/").content.decode()


@pytest.mark.django_db
def test_without_the_option_attendance_gives_no_certificate(online_event, student):
    from training.models import Certificate

    events.register(student, online_event)
    events.set_attendance(online_event, [student.pk], by=training_manager())
    assert Attendance.objects.filter(event=online_event, user=student).exists()
    assert not Certificate.objects.filter(user=student).exists()


@pytest.mark.django_db
def test_the_attendance_list_records_only_people_on_it_and_never_fails_on_a_strange_box(client, online_event, student):
    """A ticked box the manager's browser (or anyone editing the form) sends as "²", a number too large for
    the database, or someone not on the list: ignored, no server error."""
    events.register(student, online_event)
    stranger = learner()
    client.force_login(training_manager())
    response = client.post(
        f"/admin/dao-tao/lop-tap-huan/{online_event.pk}/",
        {"action": "attendance", "present": ["²", "99999999999999999999", str(student.pk), str(stranger.pk)]},
        follow=True,
    )
    assert response.status_code == 200
    assert "Đã lưu điểm danh: 1 người có mặt." in response.content.decode()
    assert list(Attendance.objects.filter(event=online_event).values_list("user_id", flat=True)) == [student.pk]
