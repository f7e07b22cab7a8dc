"""The directory of grassroots unions follows the unit tree: contacts, grouping, folded search, unit pages
with their links, and every change to the tree shown at once, cached pages included."""

import re

import pytest

from accounts.models import OrganisationUnit, UnitKind
from feedback.models import FeedbackPage
from news.factories import NewsArticlePageFactory, NewsIndexPageFactory
from organisation.models import UnitDirectoryPage
from tests.utils import third_party_resources

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    page = UnitDirectoryPage(title="Cơ sở Hội", slug="co-so-hoi")
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def tree(db):
    province = OrganisationUnit.objects.create(name="Hội LHPN tỉnh", kind=UnitKind.PROVINCE)
    hoa_binh = OrganisationUnit.objects.create(
        name="Hội LHPN xã Hòa Bình", kind=UnitKind.COMMUNE, parent=province, address="Thôn Đông, xã Hòa Bình",
        phone="0210 3 833 202", email="phunu.hoabinh@example.org", chair="Vũ Thị Học",
        working_hours="7h30 - 16h30, thứ Hai đến thứ Sáu",
    )  # fmt: skip
    dong_tam = OrganisationUnit.objects.create(name="Hội LHPN xã Đồng Tâm", kind=UnitKind.COMMUNE, parent=province)
    branch = OrganisationUnit.objects.create(
        name="Chi hội thôn Đông", kind=UnitKind.BRANCH, parent=hoa_binh, chair="Lý Thị Hoa"
    )
    return {"province": province, "hoa_binh": hoa_binh, "dong_tam": dong_tam, "branch": branch}


def names(html):
    return re.findall(r'class="unit-node__name"><a href="[^"]+">([^<]+)<', html)


def test_the_directory_shows_every_unit_with_its_contact_grouped_by_the_tree(client, directory, tree):
    html = client.get("/co-so-hoi/").content.decode()
    assert names(html) == ["Hội LHPN tỉnh", "Hội LHPN xã Đồng Tâm", "Hội LHPN xã Hòa Bình", "Chi hội thôn Đông"]
    for text in ("Thôn Đông, xã Hòa Bình", 'href="tel:02103833202"', "phunu.hoabinh@example.org", "Vũ Thị Học",
                 "7h30 - 16h30, thứ Hai đến thứ Sáu", "Chi hội trưởng</dt><dd>Lý Thị Hoa"):  # fmt: skip
        assert text in html
    # The branch is nested inside its commune's entry.
    commune = html.index("Hội LHPN xã Hòa Bình</a>")
    assert html.index("Chi hội thôn Đông", commune) < html.index("</li>", html.index("Chi hội thôn Đông", commune) + 1)
    assert not third_party_resources(html)


@pytest.mark.parametrize(("query", "expected"), [("hoa binh", ["Hội LHPN xã Hòa Bình"]),
                                                  ("ĐỒNG TÂM", ["Hội LHPN xã Đồng Tâm"]),
                                                  ("dong", ["Hội LHPN xã Đồng Tâm", "Chi hội thôn Đông"]),
                                                  ("chi hoi", ["Chi hội thôn Đông"]), ("không có", [])])  # fmt: skip
def test_the_directory_searches_names_with_folding(client, directory, tree, query, expected):
    assert names(client.get("/co-so-hoi/", {"q": query}).content.decode()) == expected


@pytest.mark.parametrize("query", ["a" * 1000, "\x00", "<script>", "%"])
def test_bad_search_input_gives_a_normal_page(client, directory, tree, query):
    response = client.get("/co-so-hoi/", {"q": query})
    assert response.status_code == 200 and "<script>" not in response.content.decode().split("<main")[1]


def test_a_unit_page_has_its_contact_parent_children_and_links(client, directory, tree, home_page):
    feedback = FeedbackPage(title="Gửi ý kiến", slug="gui-y-kien")
    home_page.add_child(instance=feedback)
    feedback.save_revision().publish()
    unit = tree["hoa_binh"]
    url = directory.unit_url(unit)
    assert url == f"/co-so-hoi/{unit.pk}-hoi-lhpn-xa-hoa-binh/"
    html = client.get(url).content.decode()
    assert "<h1>Hội LHPN xã Hòa Bình</h1>" in html and "Vũ Thị Học" in html
    assert "Chi hội thôn Đông" in html and "Hội LHPN tỉnh" in html
    assert f'href="/gui-y-kien/?don-vi={unit.pk}"' in html
    form = client.get(f"/gui-y-kien/?don-vi={unit.pk}").content.decode()
    assert re.search(rf'<option value="{unit.pk}"[^>]* selected>', form)


def test_the_feedback_form_ignores_a_bad_unit(client, tree, home_page):
    feedback = FeedbackPage(title="Gửi ý kiến", slug="gui-y-kien")
    home_page.add_child(instance=feedback)
    feedback.save_revision().publish()
    for value in ("abc", "99999", "1" * 30, "٣"):
        response = client.get("/gui-y-kien/", {"don-vi": value})
        assert response.status_code == 200
        assert not re.search(r'<option value="\d+"[^>]* selected>', response.content.decode())


def test_a_unit_page_links_to_its_news_when_tagged(client, directory, tree, home_page):
    unit = tree["hoa_binh"]
    assert "Tin hoạt động của đơn vị" not in client.get(directory.unit_url(unit)).content.decode()
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, title="Hội LHPN xã Hòa Bình ra mắt tổ hợp tác")
    article.tags.add("Hội LHPN xã Hòa Bình")
    article.save()
    html = client.get(directory.unit_url(unit)).content.decode()
    assert 'href="/tin-tuc/the/hoi-lhpn-xa-hoa-binh/">Tin hoạt động của đơn vị' in html


def test_an_old_address_of_a_renamed_unit_redirects_and_an_unknown_unit_is_404(client, directory, tree):
    unit = tree["dong_tam"]
    old = directory.unit_url(unit)
    unit.name = "Hội LHPN xã Đồng Tâm Mới"
    unit.save()
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == f"/co-so-hoi/{unit.pk}-hoi-lhpn-xa-dong-tam-moi/"
    assert client.get("/co-so-hoi/999999-khong-co/").status_code == 404
    assert client.get("/co-so-hoi/abc/").status_code == 404


def test_the_directory_follows_a_merger_in_the_tree_even_when_cached(
    client, page_cache, directory, tree, django_capture_on_commit_callbacks
):
    """Two communes merge: the branch moves to the remaining one, the other is removed from the tree."""
    client.get("/co-so-hoi/")
    assert client.get("/co-so-hoi/")["X-Page-Cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        tree["branch"].parent = tree["dong_tam"]
        tree["branch"].save()
        tree["hoa_binh"].delete()
    html = client.get("/co-so-hoi/").content.decode()
    assert names(html) == ["Hội LHPN tỉnh", "Hội LHPN xã Đồng Tâm", "Chi hội thôn Đông"]
    assert "Hòa Bình" not in html.split("<main")[1].split("</main>")[0]


def test_the_directory_reads_a_fixed_number_of_queries(client, directory, tree, django_assert_max_num_queries):
    for number in range(300):
        OrganisationUnit.objects.create(name=f"Chi hội số {number}", kind=UnitKind.BRANCH, parent=tree["dong_tam"])
    client.get("/co-so-hoi/")
    with django_assert_max_num_queries(8):
        assert client.get("/co-so-hoi/").status_code == 200
