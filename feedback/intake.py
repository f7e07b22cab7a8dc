"""Items a cadre records: received at a listening-forum session, by phone, by letter or in person.

They get a tracking code like web feedback and start in the same lifecycle (``new``, then
:data:`feedback.services.WORKFLOW`); the first history line says who recorded it, from which channel
and on which day it was received. The public web form stays the way in for everyone else.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import Channel, Feedback
from .services import save_with_unique_code
from .workflow import record

RECORD = "feedback.change_feedback"
OFFLINE_CHANNELS = [choice for choice in Channel if choice != Channel.WEB]


def can_record(user):
    return user is not None and user.has_perm(RECORD)


def record_item(
    user,
    *,
    channel,
    received_on,
    topic,
    content,
    unit=None,
    name="",
    phone="",
    email="",
    wants_reply=False,
    consent=False,
    note="",
):
    """Stores an item received through ``channel`` on ``received_on``; returns it with its new code.

    Personal data is kept only with the person's consent (``consent``), as on the web form.
    """
    if not can_record(user):
        raise PermissionDenied("record")
    if channel not in OFFLINE_CHANNELS:
        raise ValueError("channel")
    if received_on > timezone.localdate():
        raise ValueError("received_on")
    has_contact = bool(name or phone or email)
    if has_contact and not consent:
        raise ValueError("consent")
    with transaction.atomic():
        item = Feedback(
            channel=channel,
            received_on=received_on,
            recorded_by=user,
            topic=topic,
            unit=unit,
            name=name.strip(),
            phone=phone.strip(),
            email=email.strip(),
            wants_reply=bool(wants_reply and has_contact),
            content=content,
            consent_at=timezone.now() if has_contact else None,
        )
        save_with_unique_code(item)
        record(
            item,
            "record",
            user=user,
            note=note,
            data={"channel": str(Channel(channel).label), "received_on": received_on.strftime("%d/%m/%Y")},
        )
    return item
