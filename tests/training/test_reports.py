import io
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from accounts.factories import editor, learner, training_manager
from accounts.models import OrganisationUnit, UnitKind
from training.models import Attempt, Enrolment, LessonCompletion
from training.services import progress, reports

URL = "/admin/dao-tao/bao-cao/"


@pytest.fixture
def tree(db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    commune = OrganisationUnit.objects.create(name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province)
    branch = OrganisationUnit.objects.create(name="Chi hội thôn Đông", kind=UnitKind.BRANCH, parent=commune)
    return province, commune, branch


@pytest.mark.django_db
def test_figures_roll_up_the_unit_tree(tree, course_with_lessons):
    province, commune, branch = tree
    course, lessons, _quiz, final = course_with_lessons
    done = learner(unit=branch)
    started = learner(unit=commune)
    learner(unit=branch)  # in the unit, never enrolled: counts for coverage only
    for lesson in lessons:
        progress.complete_lesson(done, lesson)
    Attempt.objects.create(
        user=done, quiz=final, number=1, seed=1, score=50, passed=False, submitted_at="2026-01-01T00:00:00Z"
    )
    Attempt.objects.create(
        user=done, quiz=final, number=2, seed=2, score=100, passed=True, submitted_at="2026-01-02T00:00:00Z"
    )
    progress.issue_certificate_if_complete(done, course)
    progress.complete_lesson(started, lessons[0])
    Attempt.objects.create(
        user=started, quiz=final, number=1, seed=3, score=50, passed=False, submitted_at="2026-01-02T00:00:00Z"
    )

    (report,) = reports.build_report([course])
    rows = {row.name: row.total for row in report.rows}
    assert (rows["Chi hội thôn Đông"].learners, rows["Chi hội thôn Đông"].enrolled) == (2, 1)
    assert rows["Chi hội thôn Đông"].completed == 1 and rows["Chi hội thôn Đông"].coverage == 50.0
    commune_total = rows["Hội LHPN xã Hòa Bình"]
    assert (commune_total.learners, commune_total.enrolled, commune_total.started, commune_total.completed) == (
        3,
        2,
        2,
        1,
    )
    assert commune_total.average_score == 75.0  # best scores 100 and 50
    assert commune_total.pass_rate == 50.0
    assert commune_total.coverage == 33.3
    assert rows["Hội LHPN tỉnh"].enrolled == 2
    assert report.total.enrolled == 2


@pytest.mark.django_db
def test_date_filter_selects_the_enrolment_cohort(tree, course_with_lessons):
    course = course_with_lessons[0]
    progress.enrol(learner(unit=tree[2]), course)
    old = progress.enrol(learner(unit=tree[2]), course)[0]
    Enrolment.objects.filter(pk=old.pk).update(enrolled_at="2024-03-01T08:00:00+07:00")
    import datetime

    (report,) = reports.build_report([course], date_from=datetime.date(2025, 1, 1))
    assert report.total.enrolled == 1
    (report,) = reports.build_report([course], date_to=datetime.date(2024, 12, 31))
    assert report.total.enrolled == 1


@pytest.mark.django_db
def test_report_for_5000_learners_in_200_units_runs_in_bounded_queries(
    course_with_lessons, django_assert_max_num_queries
):
    course, lessons, _quiz, final = course_with_lessons
    province = OrganisationUnit.objects.create(name="Tỉnh", kind=UnitKind.PROVINCE)
    communes = OrganisationUnit.objects.bulk_create(
        [OrganisationUnit(name=f"Xã {i}", kind=UnitKind.COMMUNE, parent=province) for i in range(19)]
    )
    branches = OrganisationUnit.objects.bulk_create(
        [OrganisationUnit(name=f"Chi hội {i}", kind=UnitKind.BRANCH, parent=communes[i % 19]) for i in range(180)]
    )
    units = [province, *communes, *branches]
    assert len(units) == 200
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"hv{i}", password="!", full_name=f"Học viên {i}", unit=units[i % 200]) for i in range(5000)]
    )
    group = Group.objects.get(name="Học viên")
    Membership = User.groups.through
    Membership.objects.bulk_create([Membership(user_id=user.pk, group_id=group.pk) for user in users])
    Enrolment.objects.bulk_create([Enrolment(user=user, course=course) for user in users[:4000]])
    LessonCompletion.objects.bulk_create(
        [LessonCompletion(user=user, lesson=lessons[0], course=course) for user in users[:3000]]
    )
    Attempt.objects.bulk_create(
        [
            Attempt(user=user, quiz=final, number=1, seed=1, score=80, passed=True, submitted_at="2026-01-01T00:00:00Z")
            for user in users[:2000]
        ]
    )
    Enrolment.objects.filter(user__in=users[:1000]).update(completed_at="2026-01-02T00:00:00Z")
    started = time.monotonic()
    with django_assert_max_num_queries(8):
        (report,) = reports.build_report(reports.report_courses())
    assert time.monotonic() - started < 10
    assert report.total.learners == 5000
    assert report.total.enrolled == 4000
    assert report.total.started == 3000
    assert report.total.completed == 1000
    assert report.total.pass_rate == 100.0
    province_row = next(row for row in report.rows if row.unit.pk == province.pk)
    assert province_row.total.enrolled == 4000 and province_row.total.coverage == 20.0
    with django_assert_max_num_queries(8):
        content = reports.export_xlsx([report])
    assert content[:2] == b"PK"


@pytest.mark.django_db
def test_manager_opens_the_report_and_downloads_xlsx(client, tree, course_with_lessons):
    from openpyxl import load_workbook

    course = course_with_lessons[0]
    progress.enrol(learner(unit=tree[2], full_name="Người <b>thử</b>"), course)
    client.force_login(training_manager())
    page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert course.title in html and "Chi hội thôn Đông" in html
    response = client.get(URL, {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment;" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.worksheets[0]["A4"].value == course.title
    assert workbook.worksheets[0]["C4"].value == 1  # enrolled
    sheet = workbook.worksheets[1]
    names = [row[0].value for row in sheet.iter_rows(min_row=4)]
    assert "Chi hội thôn Đông" in names


@pytest.mark.django_db
def test_report_refuses_other_roles(client, course_with_lessons):
    client.force_login(editor())
    assert client.get(URL).status_code in (302, 403)
    client.force_login(learner())
    assert client.get(URL).status_code == 302


@pytest.mark.django_db
def test_invalid_dates_show_a_message_not_an_error(client, course_with_lessons):
    client.force_login(training_manager())
    response = client.get(URL, {"date_from": "2026-05-01", "date_to": "2026-01-01"})
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu." in response.content.decode()
    assert client.get(URL, {"date_from": "không-phải-ngày"}).status_code == 200


@pytest.mark.django_db
def test_export_survives_every_character_excel_refuses_in_a_course_title(client, training_index):
    from openpyxl import load_workbook

    from training.factories import build_course

    titles = [f"Kỹ năng giám sát{character} phần {n}" for n, character in enumerate(":?*[]\\/", start=1)]
    titles.append("Kỹ năng giám sát: phần 1")  # the same title twice: two sheets, two names
    for n, title in enumerate(titles):
        build_course(training_index, modules=1, lessons_per_module=1, title=title, slug=f"khoa-{n}")
    client.force_login(training_manager())
    response = client.get(URL, {"format": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 1 + len(titles)
    assert len(set(workbook.sheetnames)) == len(workbook.sheetnames)
    assert sorted(cell.value for (cell,) in workbook.worksheets[0].iter_rows(min_row=4, max_col=1)) == sorted(titles)
    for sheet in workbook.worksheets[1:]:
        assert sheet["A1"].value in titles
