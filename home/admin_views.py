"""Admin pages that are not plain model editing, shared by the apps: one view behind one permission
with its own menu entry (:class:`SingleViewSet`), and the spreadsheet import every importer uses
(:class:`SpreadsheetImportView`: upload, every bad line listed, nothing written unless all are good)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.generic import FormView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .spreadsheet_import import SpreadsheetError


class PermissionRequiredMixin:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionMenuItem(MenuItem):
    permission = None

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class SingleViewSet(ViewSet):
    """A menu entry and URL for one custom admin view, shown only with the view's permission."""

    view_class = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]

    @property
    def menu_item_class(self):
        return type("PermissionViewMenuItem", (PermissionMenuItem,), {"permission": self.view_class.permission})


class SpreadsheetImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a spreadsheet, then ``run_import(form, rows)`` (an ``ImportResult``): with any bad line
    the form comes back (status 400) listing every line to correct, and nothing was written.

    Subclasses give ``form_class`` (with a ``file`` field), ``read_rows(uploaded)``, ``run_import``,
    ``success_message(result, rows)`` and ``success_url``; the template extends
    ``home/admin/import.html``."""

    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def read_rows(self, uploaded):
        raise NotImplementedError

    def run_import(self, form, rows):
        raise NotImplementedError

    def success_message(self, result, rows):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            rows = self.read_rows(form.cleaned_data["file"])
        except SpreadsheetError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        result = self.run_import(form, rows)
        if not result.ok:
            form.add_error(None, _("Chưa nhập dòng nào: xin sửa các dòng dưới đây rồi gửi lại tệp."))
            return self.render_to_response(self.get_context_data(form=form, row_errors=result.errors), status=400)
        messages.success(self.request, self.success_message(result, rows))
        return redirect(self.get_success_url())
