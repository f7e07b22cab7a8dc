"""A learner registers for a training event and cancels, from the event's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import RegistrationStatus, TrainingEventPage
from .services import TrainingError, events


def event_of(event_id):
    return get_object_or_404(TrainingEventPage.objects.live().public(), pk=event_id)


@require_POST
@login_required
def register(request, event_id):
    event = event_of(event_id)
    try:
        registration = events.register(request.user, event)
    except TrainingError as error:
        messages.error(request, error.message)
        return redirect(event.url)
    if registration.status == RegistrationStatus.PENDING:
        messages.success(request, _("Đã gửi đăng ký. Bạn sẽ tham gia được khi quản lý đào tạo duyệt."))
    else:
        messages.success(request, _("Bạn đã đăng ký lớp \u201c%(title)s\u201d.") % {"title": event.title})
    return redirect(event.url)


@require_POST
@login_required
def cancel(request, event_id):
    event = event_of(event_id)
    try:
        events.cancel(request.user, event)
    except TrainingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã hủy đăng ký."))
    return redirect(event.url)
