"""Share links: plain links to the networks' own share pages, nothing of theirs loads until a reader clicks.

One builder for every page that offers sharing (articles, courses, lessons, training events), rendered
by ``templates/components/share_links.html``.

Zalo: ``https://sp.zalo.me/share_inline?url=...`` is the share dialog of Zalo's social plugin (the
``zalo-share-button`` widget of developers.zalo.me opens it for its ``data-href``); linking to it
directly shares the same URL without loading Zalo's SDK. ``zalo.me/...`` addresses are profiles and
Official Accounts, not a share endpoint.
"""

from urllib.parse import quote

FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php?u={url}"
ZALO_SHARE = "https://sp.zalo.me/share_inline?url={url}"


def share_links(url, title):
    """What the share component shows for the page at absolute ``url``; empty when there is no URL."""
    if not url:
        return {}
    encoded = quote(url, safe="")
    return {
        "facebook": FACEBOOK_SHARE.format(url=encoded),
        "zalo": ZALO_SHARE.format(url=encoded),
        "url": url,
        "title": title,
    }
