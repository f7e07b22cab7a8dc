"""axe-core on every public page type at 360 and 1280 px, in each text size, and the large-text mode:
zero serious or critical violations, nothing wider than a phone's screen, a header of at most 120 px."""

import io

import pytest

from .axe import axe_violations, blocking, report
from .conftest import DESKTOP, PHONE, sign_in
from .test_training_journey import ensure_migration_data

# The text sizes of static/js/text-size.js: the smallest, the default and the largest.
TEXT_SIZES = ("-1", "0", "3")
LARGEST = "3"
MAX_HEADER = 120  # at 360 px and the default text size, above the page's own content


@pytest.fixture
def demo_site(transactional_db, settings):
    """The demo content (every page type) plus what it leaves out: a certificate and a quiz attempt."""
    from django.core.management import call_command

    from accounts.factories import learner
    from training.models import Certificate, CoursePage, Quiz
    from training.services import quiz as quiz_service

    ensure_migration_data()
    call_command("load_demo", allow_production=True, verbosity=0, stdout=io.StringIO())
    course = CoursePage.objects.live().first()
    user = learner(full_name="Nguyễn Thị Học")
    certificate = Certificate.objects.create(
        user=user, course=course, holder_name=user.full_name, course_title=course.title
    )
    quiz = Quiz.objects.filter(course=course, lesson__isnull=False).first()
    attempt = quiz_service.start_attempt(user, quiz)
    lesson = quiz.lesson
    return {
        "public": {
            "home": "/",
            "news index": "/tin-tuc/",
            "category": _category_url(),
            "article": _article_url(),
            "standard page": "/gioi-thieu/",
            "search results": "/tim-kiem/?q=gi%C3%A1m+s%C3%A1t",
            "feedback form": "/gui-y-kien/",
            "look-up": "/tra-cuu/",
            "resolutions": "/ket-qua-giai-quyet/",
            "training catalogue": "/dao-tao/",
            "course": course.url,
            "lesson": lesson.url,
            "certificate verification": certificate.get_absolute_url(),
            "sign-in": "/tai-khoan/dang-nhap/",
            "offline page": "/ngoai-tuyen/",
            "documents register": "/van-ban/",
            "document": _first_link_below("/van-ban/"),
            "directory of grassroots unions": "/co-so-hoi/",
            "consultations": "/gop-y-du-thao/",
            "consultation": _first_link_below("/gop-y-du-thao/"),
            "questions and answers": "/hoi-dap/",
            "question": _first_link_below("/hoi-dap/cau-hoi/", "/hoi-dap/"),
        },
        "learner": {
            "course (signed in)": course.url,
            "lesson (signed in)": lesson.url,
            "quiz": f"/khoa-hoc-cua-toi/bai-lam/{attempt.pk}/",
        },
        "user": user,
    }


def _article_url():
    from news.models import NewsArticlePage

    return NewsArticlePage.objects.live().order_by("path").first().url


def _first_link_below(prefix, listing=None):
    """The first page the demo lists below ``prefix`` (its feeds and forms left out)."""
    import re

    from django.test import Client

    html = Client().get(listing or prefix).content.decode()
    for path in re.findall(r'href="(' + re.escape(prefix) + r'[^"?#]+/)"', html):
        if not re.search(r"/(rss|atom|dat-cau-hoi|gop-y)/$", path):
            return path
    raise AssertionError(f"the demo lists nothing below {prefix}")


def _category_url():
    from news.models import NewsCategory

    return f"/tin-tuc/chuyen-muc/{NewsCategory.objects.order_by('pk').first().slug}/"


def _pages(new_page, live_server, demo_site, viewport):
    from django.test import Client

    # The first view of a demo page draws its image renditions: done here, so no visit waits for them.
    warm = Client()
    for url in demo_site["public"].values():
        warm.get(url)
    anonymous = new_page(viewport)
    signed_in = new_page(viewport)
    for page in (anonymous, signed_in):
        page.set_default_navigation_timeout(60_000)  # a busy CI machine, 17 pages in a row
    sign_in(signed_in, demo_site["user"], live_server.url)
    for name, url in demo_site["public"].items():
        yield name, url, anonymous
    for name, url in demo_site["learner"].items():
        yield name, url, signed_in


def set_text_size(page, size):
    page.evaluate(
        "size => size === '0' ? document.documentElement.removeAttribute('data-text-size')"
        " : document.documentElement.setAttribute('data-text-size', size)",
        size,
    )


@pytest.mark.parametrize(("viewport", "label"), [(PHONE, "360"), (DESKTOP, "1280")])
def test_every_page_type_has_no_serious_violation(new_page, live_server, demo_site, viewport, label):
    findings = []
    for name, url, page in _pages(new_page, live_server, demo_site, viewport):
        response = page.goto(url)
        assert response.status in (200, 404), (name, url, response.status)
        for violation in blocking(axe_violations(page)):
            findings.append((f"{name} {url} at {label} px", violation))
        # Colour contrast again in the other text sizes (sizes change which rules a style hits).
        for size in TEXT_SIZES:
            if size == "0":
                continue
            set_text_size(page, size)
            for violation in blocking(axe_violations(page, rules=["color-contrast"])):
                findings.append((f"{name} {url} at {label} px, text size {size}", violation))
    assert not findings, report(findings)


def test_no_page_overflows_at_the_largest_text_size(new_page, live_server, demo_site):
    wide, tall = [], []
    for name, url, page in _pages(new_page, live_server, demo_site, PHONE):
        page.goto(url)
        header = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
        if header > MAX_HEADER:
            tall.append(f"{name} {url}: the header is {header:.0f} px high")
        set_text_size(page, LARGEST)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprits = page.evaluate(
                """limit => [...document.querySelectorAll('body *')]
                    .filter((el) => el.getBoundingClientRect().right > limit + 1)
                    .slice(0, 5).map((el) => el.tagName.toLowerCase() + '.' + el.className)""",
                PHONE["width"],
            )
            wide.append(f"{name} {url}: {width} px wide ({', '.join(culprits)})")
    assert not wide, "Pages wider than 360 px at the largest text size:\n" + "\n".join(wide)
    assert not tall, f"Headers above {MAX_HEADER} px at 360 px:\n" + "\n".join(tall)
