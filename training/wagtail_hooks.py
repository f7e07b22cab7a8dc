from wagtail import hooks

from .viewsets import TrainingViewSetGroup


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


@hooks.register("portal_home_sections")
def training_home_section(request, home_page):
    """Courses and the next training events on the home page, with "Khóa học của tôi" for learners:
    kept in the fragment cache (for signed-in readers and for the others) until the next publish, or
    ``FRAGMENT_SECONDS`` at most, for an event that starts meanwhile leaves the list."""
    from home import fragments

    signed_in = bool(getattr(request, "user", None) and request.user.is_authenticated)
    return fragments.cached(
        f"training-home-section:{home_page.pk}:{signed_in}", lambda: _render_home_section(request, home_page)
    )


def _render_home_section(request, home_page):
    from django.template.loader import render_to_string
    from django.utils import timezone

    from home.queries import exclude_private

    from .models import CoursePage, TrainingEventPage, TrainingIndexPage

    index = exclude_private(TrainingIndexPage.objects.child_of(home_page).live()).first()
    if index is None:
        return None
    context = {
        "index": index,
        "courses": exclude_private(CoursePage.objects.child_of(index).live()).order_by("-first_published_at")[:3],
        "events": exclude_private(TrainingEventPage.objects.child_of(index).live()).upcoming(timezone.now())[:3],
        "request": request,
    }
    return render_to_string("training/includes/home_section.html", context, request=request)


@hooks.register("portal_dashboard_panels")
def training_dashboard_panels():
    from .dashboard import TrainingPanel, UpcomingEventsPanel

    return [TrainingPanel, UpcomingEventsPanel]
