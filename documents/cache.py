"""Where a document is shown besides its own page and the register (its ancestor), for the page cache."""

from .models import DocumentRegisterPage, OfficialDocumentPage


def listing_paths(page):
    """The register's feed, and the documents this one replaces or is replaced by (their pages link to it)."""
    if not isinstance(page, OfficialDocumentPage):
        return []
    register = DocumentRegisterPage.objects.parent_of(page).first()
    parts = register.get_url_parts() if register is not None else None
    if not parts:
        return []
    paths = [parts[2] + register.reverse_subpage("rss")]
    related = OfficialDocumentPage.objects.filter(pk__in=[link.replaced_id for link in page.replacements.all()])
    for other in [*related, *OfficialDocumentPage.objects.filter(replacements__replaced=page)]:
        if other_parts := other.get_url_parts():
            paths.append(other_parts[2])
    return paths
