"""The manifest, the service worker, the offline page and a course's package for offline reading."""

import json

import pytest


def test_manifest_names_the_site_and_its_theme(client, home_page):
    response = client.get("/manifest.webmanifest")
    data = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert data["lang"] == "vi" and data["start_url"] == "/" and data["display"] == "standalone"
    assert data["theme_color"] == "#0b4f8a"
    assert data["icons"] and all(icon["src"].startswith("/") for icon in data["icons"])


def test_manifest_still_answers_when_the_logo_file_is_missing(client, home_page):
    from wagtail.models import Site

    from home.factories import ImageFactory
    from home.models import SiteSettings

    org = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    org.logo = ImageFactory(title="Biểu trưng Hội")
    org.save()
    org.logo.file.storage.delete(org.logo.file.name)  # lost from the media storage
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert [icon["type"] for icon in json.loads(response.content)["icons"]] == ["image/svg+xml"]


def test_pages_link_the_manifest(client, home_page):
    assert '<link rel="manifest" href="/manifest.webmanifest">' in client.get("/").content.decode()


def test_service_worker_is_served_from_the_root_and_never_kept_stale(client, home_page):
    response = client.get("/sw.js")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    assert '"/ngoai-tuyen/"' in body and "/static/css/site.css" in body
    # Signed-in pages and the learner's saved courses are kept apart from what every reader shares.
    assert "portal-user" in body and 'credentials: "omit"' in body


def test_policy_allows_this_site_s_worker_only(client, home_page):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "script-src 'self';" in policy or policy.endswith("script-src 'self'")


def test_offline_page_says_what_is_available_in_vietnamese(client, home_page):
    html = client.get("/ngoai-tuyen/").content.decode()
    assert "Không có kết nối mạng" in html
    assert "Tải khóa học để học offline" in html
    assert "tự động gửi lên khi có mạng" in html


def test_course_package_lists_pages_and_questions_without_answers(client, course, student):
    course_page, lessons, quiz, _final = course
    client.force_login(student)
    response = client.get(f"/khoa-hoc-cua-toi/ngoai-tuyen/{course_page.pk}/")
    data = response.json()
    assert response["Cache-Control"].startswith("max-age=0")
    urls = [page["url"] for page in data["pages"]]
    assert urls[0] == course_page.url
    assert all(lesson.url in urls for lesson in lessons)
    assert data["user"] == student.pk
    packed = next(item for item in data["quizzes"] if item["id"] == quiz.pk)
    assert len(packed["questions"]) == 2
    text = json.dumps(data)
    assert "is_correct" not in text and "explanation" not in text


def test_course_package_lists_the_lesson_images_and_skips_one_whose_file_is_lost(client, course, student):
    from home.factories import ImageFactory

    course_page, lessons, _quiz, _final = course
    kept, lost = ImageFactory(title="Ảnh tập huấn"), ImageFactory(title="Ảnh bị mất")
    lessons[0].body = [
        ("image", {"image": lost, "alt_text": "Ảnh bị mất"}),
        ("image", {"image": kept, "alt_text": "Hội viên tập huấn"}),
    ]
    lessons[0].save_revision().publish()
    lost.file.storage.delete(lost.file.name)
    client.force_login(student)
    response = client.get(f"/khoa-hoc-cua-toi/ngoai-tuyen/{course_page.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert lessons[0].url in [page["url"] for page in data["pages"]]
    assert len(data["assets"]) == 2  # the kept image, WebP and JPEG


def test_course_package_version_changes_when_a_lesson_is_published(client, course, student):
    course_page, lessons, _quiz, _final = course
    client.force_login(student)
    url = f"/khoa-hoc-cua-toi/ngoai-tuyen/{course_page.pk}/"
    before = client.get(url).json()["version"]
    lessons[0].intro = "Bản mới của bài học."
    lessons[0].save_revision().publish()
    assert client.get(url).json()["version"] != before


def test_course_package_needs_sign_in(client, course):
    response = client.get(f"/khoa-hoc-cua-toi/ngoai-tuyen/{course[0].pk}/")
    assert response.status_code == 403


@pytest.mark.parametrize("signed_in", [True, False])
def test_course_page_offers_the_download_only_to_signed_in_learners(client, course, student, signed_in):
    if signed_in:
        client.force_login(student)
    html = client.get(course[0].url).content.decode()
    assert ("Tải khóa học để học offline" in html) is signed_in
