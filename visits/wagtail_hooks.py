from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import popular


@hooks.register("portal_home_sections")
def most_read_section(request, home_page):
    return popular.render_most_read(request) or None


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("visits.view_visit_report")


@hooks.register("register_reports_menu_item")
def report_menu_item():
    return ReportMenuItem(_("Lượt truy cập"), reverse("visits_report:index"), icon_name="view", order=900)


@hooks.register("register_admin_urls")
def report_urls():
    from . import admin_views

    return [path("luot-truy-cap/", include((admin_views.urlpatterns, "visits_report"), namespace="visits_report"))]
