"""The public page of a training programme (đề án): its number, period, objectives, courses and events.

Anonymous readers get it from the page cache; ``training.signals`` purges it when the programme
changes and the course and event pages name it in ``portal_cache_listing_paths``."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from home.queries import exclude_private

from .models import CoursePage, Programme, TrainingEventPage


def programme_page(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    now = timezone.now()
    events = exclude_private(TrainingEventPage.objects.live().filter(programme=programme)).only(
        "id", "title", "url_path", "path", "depth", "starts_at", "ends_at", "mode", "place"
    )
    context = {
        "programme": programme,
        "courses": exclude_private(CoursePage.objects.live().filter(programme=programme))
        .only("id", "title", "url_path", "path", "depth", "intro", "estimated_minutes")
        .order_by("title"),
        "upcoming_events": events.upcoming(now)[:50],
        "past_events": events.past(now)[:50],
    }
    return render(request, "training/programme_page.html", context)
