"""Programme (đề án) pages and the programme report: cadres trained per unit by completion and attendance."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from accounts.factories import learner, training_manager
from accounts.models import OrganisationUnit, UnitKind
from training.factories import CoursePageFactory, TrainingEventPageFactory
from training.models import Attendance, AttendanceSource, Enrolment, Programme, TrainingEventPage
from training.services import reports


@pytest.fixture
def programme(db):
    return Programme.objects.create(
        name="Nâng cao năng lực giám sát",
        code="ĐA-01/2026",
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2030, 12, 31),
        objectives="Chọn chủ đề giám sát phù hợp\n- Theo dõi kiến nghị đến cùng",
    )


@pytest.fixture
def programme_content(training_index, programme):
    now = timezone.now()
    course = CoursePageFactory(parent=training_index, title="Kỹ năng giám sát", programme=programme)
    upcoming = TrainingEventPageFactory(parent=training_index, title="Lớp sắp tới", programme=programme)
    past = TrainingEventPageFactory(
        parent=training_index, title="Lớp năm ngoái", programme=programme, starts_at=now - datetime.timedelta(days=300)
    )
    TrainingEventPageFactory(parent=training_index, title="Lớp của đề án khác")
    return course, upcoming, past


@pytest.mark.django_db
def test_the_public_page_lists_the_programmes_courses_and_events(client, programme, programme_content):
    assert programme.slug == "da-01-2026"
    html = client.get("/dao-tao/de-an/da-01-2026/").content.decode()
    assert "Nâng cao năng lực giám sát" in html and "01/01/2026" in html and "31/12/2030" in html
    assert "<li>Theo dõi kiến nghị đến cùng</li>" in html
    assert "Kỹ năng giám sát" in html
    upcoming, past = html.split("Lớp tập huấn đã tổ chức", 1)
    assert "Lớp sắp tới" in upcoming and "Lớp năm ngoái" in past
    assert "Lớp của đề án khác" not in html
    assert "Báo cáo đề án" not in html


@pytest.mark.django_db
def test_the_course_page_links_to_its_programme(client, programme, programme_content):
    course, _upcoming, _past = programme_content
    assert 'href="/dao-tao/de-an/da-01-2026/"' in client.get(course.url).content.decode()


@pytest.mark.django_db
def test_saving_the_programme_purges_its_cached_page(
    client, page_cache, programme, programme_content, django_capture_on_commit_callbacks
):
    client.get(programme.get_absolute_url())
    programme.name = "Đề án đổi tên"
    with django_capture_on_commit_callbacks(execute=True):
        Programme.objects.filter(pk=programme.pk).update(name=programme.name)  # no signal: still cached
    assert "Đề án đổi tên" not in client.get(programme.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        programme.save()
    assert "Đề án đổi tên" in client.get(programme.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_an_unknown_programme_is_not_found(client):
    assert client.get("/dao-tao/de-an/khong-co/").status_code == 404


@pytest.mark.django_db
def test_trained_counts_completion_or_attendance_once_per_person(programme, programme_content):
    course, upcoming, past = programme_content
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    both, only_course, only_event = learner(unit=commune), learner(unit=commune), learner(unit=province)
    learner(unit=commune)  # not trained
    for user in (both, only_course):
        Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    for user in (both, only_event):
        Attendance.objects.create(event=past, user=user, source=AttendanceSource.LIST)
    Attendance.objects.create(event=upcoming, user=both, source=AttendanceSource.LIST)
    report = reports.build_programme_report(programme)
    rows = {row.name: row.total for row in report.rows}
    assert (rows["Hội LHPN tỉnh"].completed, rows["Hội LHPN tỉnh"].attended, rows["Hội LHPN tỉnh"].trained) == (2, 2, 3)
    assert rows["Hội LHPN xã Hòa Bình"].coverage_trained == round(100 * 2 / 3, 1)


@pytest.mark.django_db
def test_the_manager_downloads_the_programme_report(client, programme, programme_content):
    from openpyxl import load_workbook

    client.force_login(training_manager())
    html = client.get(f"/admin/dao-tao/bao-cao-de-an/?programme={programme.pk}").content.decode()
    assert "Đã được đào tạo" in html
    response = client.get(f"/admin/dao-tao/bao-cao-de-an/?programme={programme.pk}&format=xlsx")
    workbook = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    assert workbook.worksheets[0]["A1"].value == str(programme)


@pytest.mark.django_db
def test_learners_cannot_open_the_programme_report(client, programme):
    client.force_login(learner())
    assert client.get(f"/admin/dao-tao/bao-cao-de-an/?programme={programme.pk}").status_code in (302, 403)


@pytest.mark.django_db
def test_the_programme_report_is_bounded_with_5000_learners_and_200_events(
    training_index, programme, django_assert_max_num_queries
):
    User = get_user_model()
    units = [OrganisationUnit.objects.create(name=f"Hội LHPN xã {n}", kind=UnitKind.COMMUNE) for n in range(20)]
    users = User.objects.bulk_create(
        [
            User(username=f"hv{n}", email=f"hv{n}@example.org", full_name=f"Học viên {n}", unit=units[n % 20])
            for n in range(5000)
        ]
    )
    group = Group.objects.get(name="Học viên")
    User.groups.through.objects.bulk_create([User.groups.through(user_id=u.pk, group_id=group.pk) for u in users])
    starts = timezone.now() - datetime.timedelta(days=30)
    events = []
    for n in range(200):
        event = TrainingEventPage(title=f"Lớp {n}", slug=f"lop-{n}", starts_at=starts, programme=programme)
        training_index.add_child(instance=event)
        events.append(event)
    course = CoursePageFactory(parent=training_index, programme=programme)
    Enrolment.objects.bulk_create([Enrolment(user=u, course=course, completed_at=timezone.now()) for u in users[:2500]])
    Attendance.objects.bulk_create(
        [Attendance(event=events[n % 200], user=u, source=AttendanceSource.IMPORT) for n, u in enumerate(users[2000:])]
    )
    with django_assert_max_num_queries(6):
        report = reports.build_programme_report(programme)
    assert (report.total.learners, report.total.completed, report.total.attended, report.total.trained) == (
        5000,
        2500,
        3000,
        5000,
    )
    with django_assert_max_num_queries(8):
        event_reports = reports.build_event_report(reports.report_events(programme))
    assert len(event_reports) == 200 and sum(r.total.attended for r in event_reports) == 3000
