from html.parser import HTMLParser

from wagtail.models import Locale

SHOWN_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "value", "content"}


def english(page, slug, **fields):
    """The English version of ``page``, made as the admin's "translate" action makes it, published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code="en")).specific
    if slug:
        copy.slug = slug
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.draft_title = copy.title
    copy.save()
    copy.save_revision().publish()
    return copy


class _Texts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if value and (name in SHOWN_ATTRIBUTES or name.startswith("data-") and " " in value):
                self.texts.append(value.strip())

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        # "Địa chỉ: ..." is a label and a value in one text: the label is what the catalogue translates.
        for text in data.split(": "):
            text = " ".join(text.split()).strip(":").strip()
            if not self._skip and text:
                self.texts.append(text)


def shown_texts(html):
    """Every text a reader is shown (text nodes, labels, placeholders), whitespace collapsed."""
    parser = _Texts()
    parser.feed(html)
    return parser.texts
