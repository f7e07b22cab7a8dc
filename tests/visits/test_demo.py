import datetime
import io

from django.utils import timezone

import pytest

from home.models import StandardPage
from visits import demo
from visits.models import PageVisitDay, SiteVisitDay


class Command:
    def __init__(self):
        self.stdout = io.StringIO()

    def log(self, message):
        self.stdout.write(message)


@pytest.mark.django_db
def test_demo_counts_the_last_30_days_of_every_live_page_once(home_page):
    about = StandardPage(title="Giới thiệu", slug="gioi-thieu")
    home_page.add_child(instance=about)
    about.save_revision().publish()
    demo.load(Command())
    rows = PageVisitDay.objects.count()
    totals = sum(SiteVisitDay.objects.values_list("count", flat=True))
    demo.load(Command())
    assert (PageVisitDay.objects.count(), sum(SiteVisitDay.objects.values_list("count", flat=True))) == (rows, totals)

    today = timezone.localdate()
    days = set(PageVisitDay.objects.filter(page=home_page).values_list("date", flat=True))
    assert days == {today - datetime.timedelta(days=back) for back in range(30)}
    assert totals == sum(PageVisitDay.objects.values_list("count", flat=True))
