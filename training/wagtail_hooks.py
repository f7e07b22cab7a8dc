from wagtail import hooks

from .viewsets import TrainingViewSetGroup


@hooks.register("register_admin_viewset")
def register_training_viewsets():
    return TrainingViewSetGroup()


@hooks.register("portal_home_sections")
def training_home_section(request, home_page):
    """Courses and the next training events on the home page, with "Khóa học của tôi" for learners."""
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


@hooks.register("portal_cache_listing_paths")
def programme_listing_paths(page):
    """A course or an event is listed on its programme's page."""
    programme_id = getattr(page, "programme_id", None)
    if not programme_id:
        return []
    from .models import Programme

    programme = Programme.objects.filter(pk=programme_id).only("slug").first()
    return [programme.get_absolute_url()] if programme else []
