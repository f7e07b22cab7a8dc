"""English versions of the essential pages, made the way editors make them (Wagtail's "translate"
action: a copy in the English locale, then English text). Pages are found by their Vietnamese address,
so a page type another app adds later (organisation, leadership, accessibility) is translated as soon
as its Vietnamese page exists; a field the page type does not have is skipped."""

from wagtail.models import Locale, Page, Site

ENGLISH = "en"


def p(*paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]


def heading(text):
    return [("heading", {"text": text, "level": "h2"})]


HOME = {
    "title": "Home",
    "intro": "<p>For the advancement of women and gender equality: news, training and listening to our members.</p>",
}

# (Vietnamese path below the home page, English slug, fields): parents before their children.
PAGES = [
    (
        "tin-tuc/",
        "news",
        {"title": "News", "intro": "What the Provincial Women's Union and its grassroots unions are doing."},
    ),
    (
        "gioi-thieu/",
        "about",
        {
            "title": "About us",
            "intro": "The Provincial Women's Union: its role, duties and organisation.",
            "body": [
                *p(
                    "The Provincial Women's Union is the socio-political organisation that represents the lawful "
                    "rights and interests of the women of the province and works for their advancement and for "
                    "gender equality."
                ),
                *heading("Functions and duties"),
                (
                    "paragraph",
                    "<ul><li>Inform and mobilise women to carry out the policies and laws of the State.</li>"
                    "<li>Take part in supervising policies and give social criticism on draft regulations.</li>"
                    "<li>Protect the lawful rights and interests of members, women and children.</li></ul>",
                ),
                *heading("Organisation"),
                *p(
                    "The Standing Committee is made up of the Chairwoman and the Vice-Chairwomen. The Office, the "
                    "Propaganda and Education Department, the Organisation and Inspection Department, the Policy and "
                    "Law Department and the Family and Society Department carry out the Union's daily work."
                ),
            ],
        },
    ),
    (
        "gioi-thieu/co-cau-to-chuc/",
        "organisation",
        {
            "title": "Organisation",
            "intro": "The executive committee, the standing committee and the departments, with their duties.",
        },
    ),
    (
        "gioi-thieu/lanh-dao/",
        "leadership",
        {"title": "Leadership", "intro": "The Union's leaders, their positions and responsibilities."},
    ),
    (
        "lien-he/",
        "contact",
        {
            "title": "Contact",
            "intro": "Address, telephone and e-mail of the departments.",
            "body": [
                *p("The Union's office receives citizens and members during working hours, Monday to Friday."),
                (
                    "table",
                    {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Departments",
                        "data": [
                            ["Department", "Telephone", "E-mail"],
                            ["Office", "0210 3 812 345", "vanphong@example.org"],
                            ["Policy and Law Department", "0210 3 812 346", "chinhsach@example.org"],
                            ["Organisation and Inspection Department", "0210 3 812 347", "tochuc@example.org"],
                        ],
                    },
                ),
            ],
        },
    ),
    (
        "tro-nang/",
        "accessibility",
        {"title": "Accessibility", "intro": "What this website supports and how to tell us about a problem."},
    ),
    (
        "tin-tuc/ra-mat-them-dia-chi-tin-cay/",
        "fifteen-more-safe-addresses-against-domestic-violence",
        {
            "title": "Fifteen more “safe addresses” against domestic violence",
            "lead": "Fifteen families and village halls now take in women and children at risk of domestic "
            "violence for a few days, while the women's branch, the commune police and the health station help.",
            "body": p(
                "A “safe address” is a home or a village hall whose keepers have agreed to shelter a woman or a "
                "child in danger, day or night, and to call the commune police and the health station.",
                "The women's branches chose the addresses with the villages; each keeper took a day's training "
                "on listening, keeping the victim's information private and when to call for help.",
            ),
        },
    ),
    (
        "tin-tuc/phu-nu-chu-dong-giam-sat-chinh-sach-ho-tro-lao-dong-nu/",
        "women-supervise-the-support-policy-for-women-workers",
        {
            "title": "Women supervise the support policy for women workers",
            "lead": "The Union's supervision team checked how six companies apply the rules on maternity leave, "
            "childcare and health checks for their women workers.",
            "body": p(
                "The team read the companies' reports, visited the workshops and talked with the workers without "
                "their managers present.",
                "Its recommendations go to the provincial labour department; the Union will follow how each is "
                "answered.",
            ),
        },
    ),
    (
        "tin-tuc/to-hop-tac-may-mac-giup-chi-em-co-viec-lam/",
        "sewing-cooperative-gives-forty-women-work-at-home",
        {
            "title": "A sewing cooperative gives more than forty women work close to home",
            "lead": "Started with a loan the commune women's union guaranteed, the cooperative now sews school "
            "uniforms for three districts.",
            "body": p(
                "The members share the machines and the orders; each is paid for the pieces she sews and can "
                "work the hours that suit her family.",
            ),
        },
    ),
    (
        "tin-tuc/tap-huan-ky-nang-giam-sat-phan-bien-chu-tich-hoi-cap-xa/",
        "commune-chairwomen-trained-in-supervision-and-social-criticism",
        {
            "title": "Commune chairwomen trained in supervision and social criticism",
            "lead": "Two days of training for the chairwomen of the commune and ward unions, with case studies "
            "from their own localities.",
            "body": p(
                "The chairwomen practised planning a supervision round, writing recommendations and giving "
                "comments on a draft regulation, and continue with the online course on this website.",
            ),
        },
    ),
]


def translate(source, locale, slug, fields):
    """The English version of ``source``: the one already made, or a copy in ``locale`` with ``fields``
    (those the page type has), published at the Vietnamese page's date."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    page = source.copy_for_translation(locale).specific
    if slug:  # the home page keeps the slug the copy got ("home-en": the address is /en/ anyway)
        page.slug = slug
    for name, value in fields.items():
        if hasattr(page, name):
            setattr(page, name, value)
    if hasattr(page, "draft_title"):
        page.draft_title = page.title
    page.save()
    page.save_revision().publish()
    if source.first_published_at:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=source.first_published_at, last_published_at=source.last_published_at
        )
    return page, True


def load(command):
    locale, _created = Locale.objects.get_or_create(language_code=ENGLISH)
    home = Site.objects.get(is_default_site=True).root_page.specific
    made = []
    _english_home, created = translate(home, locale, None, HOME)
    if created:
        made.append("/en/")
    for path, slug, fields in PAGES:
        source = Page.objects.filter(url_path=home.url_path + path, locale=home.locale).first()
        if source is None or not source.live:
            continue
        if not source.get_parent().get_translation_or_none(locale):
            continue
        page, created = translate(source.specific, locale, slug, fields)
        if created:
            made.append(page.url)
    if made:
        command.log(f"english: {len(made)} pages ({', '.join(made)})")
