from wagtail import hooks

from . import dashboard


@hooks.register("construct_homepage_panels")
def role_panels(request, panels):
    """The panels the apps contribute (hook ``portal_dashboard_panels``), those of the user's roles."""
    panels.extend(dashboard.panels_for(request))
