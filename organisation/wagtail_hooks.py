from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Term


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "date"
    menu_label = _("Nhiệm kỳ")
    add_to_settings_menu = True
    list_display = ["name", "start_year", "end_year"]


register_snippet(TermViewSet)
