from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Message
from .viewsets import MessageViewSet, ReadOnlyPolicy

register_permission_policy(Message, ReadOnlyPolicy(Message), exact_class=True)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return MessageViewSet("outbox", url_prefix="thu-thong-bao")
