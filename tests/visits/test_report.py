"""The admin report: who may see it, per page for a month, per month, XLSX export, bad input."""

import datetime
import io

from django.utils import timezone

import pytest
from openpyxl import load_workbook

from accounts.factories import editor, learner, moderator
from home.models import StandardPage
from visits.models import PageVisitDay, SiteVisitDay

pytestmark = pytest.mark.django_db
URL = "/admin/luot-truy-cap/"


@pytest.fixture
def counts(home_page):
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    today = timezone.localdate()
    last_month = today.replace(day=1) - datetime.timedelta(days=1)
    for page, day, count in ((home_page, today, 40), (about, today, 7), (about, last_month, 100)):
        PageVisitDay.objects.create(page=page, date=day, count=count)
        site_day, _ = SiteVisitDay.objects.get_or_create(date=day)
        site_day.count += count
        site_day.save()
    return {"about": about, "last_month": last_month}


def test_editors_see_the_report_of_this_month_most_visited_first(client, counts):
    client.force_login(editor())
    html = client.get(URL).content.decode()
    assert html.index("Trang chủ") < html.index("Giới thiệu")
    assert "47" in html and "100" in html  # this month's site total, last month's


def test_another_month_is_chosen_as_mm_yyyy(client, counts):
    client.force_login(editor())
    html = client.get(URL, {"month": f"{counts['last_month']:%m/%Y}"}).content.decode()
    assert "Giới thiệu" in html
    assert "<td>40</td>" not in html


@pytest.mark.parametrize("month", ["13/2026", "abcd", "2026-11", "1" * 7])
def test_a_bad_month_is_a_message_not_an_error(client, counts, month):
    client.force_login(editor())
    response = client.get(URL, {"month": month})
    assert response.status_code == 200
    assert "Xin nhập tháng dạng MM/YYYY" in response.content.decode()


@pytest.mark.parametrize("month", ["12/9999", "01/0001", "05/1990"])
def test_a_month_out_of_range_is_a_message_not_an_error(client, counts, month):
    client.force_login(editor())
    for query in ({"month": month}, {"month": month, "format": "xlsx"}):
        response = client.get(URL, query)
        assert response.status_code == 200
        assert "Xin chọn một tháng từ năm 2000 đến năm 2100." in response.content.decode()


def test_the_export_is_an_xlsx_per_page_and_per_month(client, counts):
    client.force_login(editor())
    response = client.get(URL, {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    pages, months = workbook.worksheets
    rows = list(pages.iter_rows(values_only=True))
    assert rows[0] == ("Trang", "Ngôn ngữ", "Đường dẫn nội bộ", "Lượt xem")
    assert [(row[0], row[3]) for row in rows[1:]] == [("Trang chủ", 40), ("Giới thiệu", 7)]
    assert [row[1] for row in months.iter_rows(min_row=2, values_only=True)] == [47, 100]


def test_roles_without_the_permission_are_refused(client, counts):
    for user in (moderator(), learner()):
        client.force_login(user)
        assert client.get(URL).status_code in (302, 403)


def test_the_reports_menu_offers_it_to_editors_only(client, counts):
    client.force_login(editor())
    assert URL in client.get("/admin/").content.decode()
    client.force_login(moderator())
    assert URL not in client.get("/admin/").content.decode()
