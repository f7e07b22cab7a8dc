import xml.etree.ElementTree as ET

from news.factories import NewsArticlePageFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_is_valid_xml_with_absolute_links(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, slug="tin-rss", title="Tin <RSS> & bạn đọc", categories=[categories[0]])
    response = client.get("/tin-tuc/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("link") == "http://testserver/tin-tuc/"
    item = channel.find("item")
    assert item.findtext("title") == "Tin <RSS> & bạn đọc"
    assert item.findtext("link") == "http://testserver/tin-tuc/tin-rss/"
    assert item.findtext("category") == "Giám sát, phản biện xã hội"
    assert item.findtext("pubDate")


def test_atom_feed_is_valid_xml_with_absolute_links(client, news_index):
    NewsArticlePageFactory(parent=news_index, slug="tin-atom")
    response = client.get("/tin-tuc/atom/")
    root = ET.fromstring(response.content)  # noqa: S314
    assert root.tag == f"{ATOM}feed"
    entry = root.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}link").get("href") == "http://testserver/tin-tuc/tin-atom/"
    assert entry.findtext(f"{ATOM}updated")
    assert all(link.get("href").startswith("http://") for link in root.iter(f"{ATOM}link"))


def test_category_feeds_carry_only_that_category(client, news_index, categories):
    NewsArticlePageFactory(parent=news_index, title="Tin đào tạo", categories=[categories[1]])
    NewsArticlePageFactory(parent=news_index, title="Tin giám sát", categories=[categories[0]])
    for kind in ("rss", "atom"):
        response = client.get(f"/tin-tuc/chuyen-muc/dao-tao-can-bo/{kind}/")
        text = response.content.decode()
        ET.fromstring(response.content)  # noqa: S314
        assert "Tin đào tạo" in text and "Tin giám sát" not in text
        assert "http://testserver/tin-tuc/chuyen-muc/dao-tao-can-bo/" in text


def test_feeds_leave_out_drafts(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Tin nháp chưa duyệt", live=False)
    assert "Tin nháp chưa duyệt" not in client.get("/tin-tuc/rss/").content.decode()
