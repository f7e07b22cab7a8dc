from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import DocumentImportViewSet
from .models import DocumentArea, DocumentType, IssuingBody


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


class DocumentTypeViewSet(TaxonomyViewSet):
    model = DocumentType
    icon = "doc-full"
    menu_label = _("Loại văn bản")


class DocumentAreaViewSet(TaxonomyViewSet):
    model = DocumentArea
    icon = "folder-open-inverse"
    menu_label = _("Lĩnh vực")


class IssuingBodyViewSet(TaxonomyViewSet):
    model = IssuingBody
    icon = "group"
    menu_label = _("Cơ quan ban hành")


class DocumentsViewSetGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, DocumentAreaViewSet, IssuingBodyViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Văn bản")
    menu_order = 230
    submenu_hook = "register_documents_menu_item"  # the import's entry joins the group


@hooks.register("register_admin_viewset")
def register_documents_viewsets():
    return DocumentsViewSetGroup()


@hooks.register("register_admin_viewset")
def register_documents_import():
    return DocumentImportViewSet()


@hooks.register("portal_cache_listing_paths")
def documents_listing_paths(page):
    from .cache import listing_paths

    return listing_paths(page)
