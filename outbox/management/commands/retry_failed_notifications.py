"""The command's former name (feedback's outbox), kept for the crontabs and timers that call it."""

from .retry_outbox import Command as RetryOutbox


class Command(RetryOutbox):
    help = "Tên cũ của retry_outbox. " + RetryOutbox.help
