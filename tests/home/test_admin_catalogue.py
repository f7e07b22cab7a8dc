"""The Wagtail admin in Vietnamese: `locale_admin/` completes Wagtail's own `vi` catalogue."""

import gettext
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

import wagtail
from wagtail.users.models import UserProfile

import polib
import pytest

from accounts.factories import UserFactory

CATALOGUE = Path(settings.BASE_DIR) / "locale_admin" / "vi" / "LC_MESSAGES" / "django.po"
WAGTAIL_DIR = Path(wagtail.__file__).parent

# %(name)s, %s, %d, {name}, {{ var }} and HTML tags must survive translation unchanged.
PLACEHOLDER = re.compile(r"%\([^)]+\)[sd]|%[sd]|\{\{.*?\}\}|\{[A-Za-z_0-9]*\}|</?[A-Za-z][^>]*>")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def placeholder_mismatches(entries):
    """Entries whose translation drops, adds or alters a placeholder or an HTML tag of the English text."""
    bad = []
    for entry in entries:
        if entry.msgid_plural:
            # Vietnamese has one plural form: it may follow the singular or the plural English wording.
            allowed = (placeholders(entry.msgid), placeholders(entry.msgid_plural))
            translations = entry.msgstr_plural.values()
        else:
            allowed = (placeholders(entry.msgid),)
            translations = [entry.msgstr]
        if any(placeholders(text) not in allowed for text in translations):
            bad.append(entry.msgid)
    return bad


def wagtail_catalogues(language):
    return sorted(WAGTAIL_DIR.glob(f"**/locale/{language}/LC_MESSAGES/django.po"))


def entry_key(entry):
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def test_every_entry_is_translated(catalogue):
    assert [entry.msgid for entry in catalogue if not is_translated(entry)] == []


def test_every_translation_keeps_the_placeholders_of_its_english_text(catalogue):
    assert placeholder_mismatches(catalogue) == []


def test_a_translation_that_drops_a_placeholder_is_caught():
    broken = polib.POEntry(msgid="Page '%(page_title)s' created.", msgstr="Đã tạo trang.")
    broken_tag = polib.POEntry(msgid="Locked by <b>you</b>", msgstr="Bị bạn khóa")
    broken_plural = polib.POEntry(
        msgid="Delete 1 page", msgid_plural="Delete %(counter)s pages", msgstr_plural={0: "Xóa %(count)s trang"}
    )
    fine = polib.POEntry(
        msgid="Delete 1 page", msgid_plural="Delete %(counter)s pages", msgstr_plural={0: "Xóa %(counter)s trang"}
    )
    assert placeholder_mismatches([broken, broken_tag, broken_plural, fine]) == [
        "Page '%(page_title)s' created.",
        "Locked by <b>you</b>",
        "Delete 1 page",
    ]


def test_catalogue_compiles_and_the_committed_mo_is_current(catalogue, tmp_path):
    compiled = tmp_path / "django.mo"
    catalogue.save_as_mofile(str(compiled))
    with compiled.open("rb") as handle:
        fresh = gettext.GNUTranslations(handle)
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        committed = gettext.GNUTranslations(handle)
    for entry in catalogue:
        if entry.msgid_plural:
            args = (entry.msgid, entry.msgid_plural, 2)
            if entry.msgctxt:
                assert committed.npgettext(entry.msgctxt, *args) == fresh.npgettext(entry.msgctxt, *args)
            else:
                assert committed.ngettext(*args) == fresh.ngettext(*args) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert committed.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert committed.gettext(entry.msgid) == fresh.gettext(entry.msgid) == entry.msgstr


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed")
def test_gnu_msgfmt_accepts_the_catalogue():
    result = subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(CATALOGUE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_wagtail_admin_string_has_a_vietnamese_translation(catalogue):
    """After a Wagtail upgrade this lists the new strings to add to locale_admin."""
    translated = {entry_key(entry) for entry in catalogue if is_translated(entry)}
    for path in wagtail_catalogues("vi"):
        translated |= {entry_key(entry) for entry in polib.pofile(str(path)) if is_translated(entry)}
    english = {entry_key(entry) for path in wagtail_catalogues("en") for entry in polib.pofile(str(path))}
    assert english
    assert sorted(english - translated, key=str) == []


# --- What an editor sees -------------------------------------------------------------------------------------


class VisibleText(HTMLParser):
    """Text nodes and the labels read out by screen readers, without scripts; plus the sidebar's menu labels."""

    LABELS = ("aria-label", "title", "placeholder")

    def __init__(self, html):
        super().__init__()
        self.texts = set()
        self.sidebar = set()
        self._hidden = 0
        self._sidebar_props = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template"):
            self._hidden += 1
            self._sidebar_props = attrs.get("id") == "wagtail-sidebar-props"
        self.texts.update(" ".join(attrs[name].split()) for name in self.LABELS if attrs.get(name))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self._hidden -= 1
            self._sidebar_props = False

    def handle_data(self, data):
        if self._sidebar_props:
            self.sidebar.update(strings_in(json.loads(data)))
        elif not self._hidden and data.strip():
            self.texts.add(" ".join(data.split()))


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


# (Vietnamese, English) pairs; most come from locale_admin, a few from Wagtail's own vi catalogue.
SIDEBAR = [
    ("Ảnh", "Images"),
    ("Tài liệu", "Documents"),
    ("Báo cáo", "Reports"),
    ("Cấu hình", "Settings"),
    ("Quy trình duyệt", "Workflows"),
    ("Chuyển hướng", "Redirects"),
    ("Bộ sưu tập", "Collections"),
    ("Trợ giúp", "Help"),
    ("Đăng xuất", "Log out"),
]
DASHBOARD = [
    ("Tổng quan trang web", "Site summary"),
    ("Tìm trong tất cả các trang…", "Search all pages…"),
    ("Chuyển đến nội dung chính", "Skip to main content"),
    ("Sửa ảnh đại diện tài khoản", "Edit account avatar"),
    ("Thanh bên", "Sidebar"),
]
EXPLORER = [
    ("Sắp xếp thứ tự menu", "Sort menu order"),
    ("Thêm trang con", "Add child page"),
    ("Ngừng xuất bản", "Unpublish"),
    ("Thao tác hàng loạt", "Bulk actions"),
    ("Xem trang đang xuất bản", "View live"),
    ("Lọc theo", "Filter by"),
    ("Có trang con", "Has child pages"),
    ("Loại trang", "Page type"),
]
EDITOR = [
    ("Lưu bản nháp", "Save draft"),
    ("Xuất bản", "Publish"),
    ("Thao tác khác", "More actions"),
    ("Nội dung", "Content"),
    ("Quảng bá", "Promote"),
    ("Cho công cụ tìm kiếm", "For search engines"),
    ("Hiện trong menu", "Show in menus"),
    ("Chỉ số nội dung", "Content metrics"),
    ("Xem lịch sử", "View history"),
]


def admin_text(client, url, language=None):
    user = UserFactory(is_superuser=True, is_staff=True)
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return VisibleText(response.content.decode())


def page_urls(home_page):
    return {
        "dashboard": ("/admin/", DASHBOARD),
        "explorer": ("/admin/pages/", EXPLORER),
        "editor": (f"/admin/pages/{home_page.pk}/edit/", EDITOR),
    }


@pytest.mark.parametrize("screen", ["dashboard", "explorer", "editor"])
def test_admin_screen_is_in_vietnamese(client, home_page, screen):
    url, labels = page_urls(home_page)[screen]
    text = admin_text(client, url)
    assert [vi for vi, _ in labels if vi not in text.texts] == []
    assert [en for _, en in labels if en in text.texts] == []


def test_admin_sidebar_is_in_vietnamese(client, home_page):
    text = admin_text(client, "/admin/")
    assert [vi for vi, _ in SIDEBAR if vi not in text.sidebar] == []
    assert [en for _, en in SIDEBAR if en in text.sidebar] == []


@pytest.mark.parametrize("screen", ["dashboard", "explorer", "editor"])
def test_english_labels_show_when_an_editor_chooses_english(client, home_page, screen):
    """Control for the tests above: the English labels they look for are really on the screen."""
    url, labels = page_urls(home_page)[screen]
    text = admin_text(client, url, language="en")
    assert [en for _, en in labels if en not in text.texts] == []
    if screen == "dashboard":
        assert [en for _, en in SIDEBAR if en not in text.sidebar] == []
